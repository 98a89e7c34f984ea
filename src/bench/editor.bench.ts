// npm run bench -- editor: the call editor's time from an edit to updated checks, on generated
// calls of 100 and 1,000 nodes and on the shipped update-warning —
//   1. in-process: the edit applied to the file's text, the loader and every lint check, the
//      ideal path (what the page runs after each edit), and the map's layout by elkjs;
//   2. in a real Chromium on the production build served by the real server (npm start's, with
//      the trainer token): a field changed in the side panel until the map and the panel show
//      the new checks (the page's own data-check-ms).
// The budget: 200 ms for a call of 100 nodes.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { callMap } from '../editor/callMap.js';
import { checkCall, idealSteps } from '../editor/checks.js';
import { layoutMap } from '../editor/layout.js';
import { applyFileEdits, parseText } from '../editor/roundTrip.js';
import { builtGame } from '../game/dev/buildCache.js';
import { generateScenario } from '../tools/generate/generateScenario.js';
import { launchBrowser } from '../../tests/support/browser.js';
import { startServer, TEST_TRAINER_TOKEN } from '../../tests/support/server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = 5;
const best = (xs: readonly number[]) => Math.min(...xs);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Call {
  readonly name: string;
  readonly id: string;
  readonly text: string;
}

function calls(): Call[] {
  const named = (n: number) => generateScenario(n, 3).replace(/"id": "[^"]+"/, `"id": "generated-${n}"`);
  return [
    { name: 'update-warning (27 nodes)', id: 'update-warning', text: readFileSync(join(ROOT, 'scenarios/update-warning.json'), 'utf8') },
    { name: 'generated, 100 nodes', id: 'generated-100', text: named(100) },
    { name: 'generated, 1,000 nodes', id: 'generated-1000', text: named(1000) },
  ];
}

function table(head: string[], rows: string[][]): void {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  console.log([line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n'));
}

async function inProcess(list: Call[]): Promise<void> {
  const elk = new ELK();
  const rows: string[][] = [];
  for (const c of list) {
    const value = parseText(c.text).value as { nodes: Record<string, unknown>; start?: string };
    const node = c.id === 'update-warning' ? 'opening' : (value.start ?? Object.keys(value.nodes)[0]!);
    const check: number[] = [];
    const edit: number[] = [];
    const lay: number[] = [];
    let text = c.text;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      text = applyFileEdits(text, [{ path: ['nodes', node, 'hint'], value: `A hint, take ${i}.` }]);
      const t1 = performance.now();
      const checks = checkCall({ file: `${c.id}.json`, text });
      if (checks.scenario) idealSteps(checks.scenario);
      const t2 = performance.now();
      if (checks.errors > 0) throw new Error(`${c.name}: the edit made errors: ${checks.diagnostics[0]!.message}`);
      await layoutMap(elk, callMap(parseText(text).value));
      const t3 = performance.now();
      edit.push(t1 - t0);
      check.push(t2 - t1);
      lay.push(t3 - t2);
    }
    rows.push([c.name, best(edit).toFixed(1), `${best(check).toFixed(0)} (median ${median(check).toFixed(0)})`, `${best(lay).toFixed(0)} (median ${median(lay).toFixed(0)})`]);
  }
  table(['call', 'edit of the text ms', 'loader + lint + ideal path ms', 'elkjs layout ms (only when the shape changes)'], rows);
}

async function inBrowser(list: Call[]): Promise<void> {
  const dist = await builtGame();
  const temp = mkdtempSync(join(tmpdir(), 'htl-bench-editor-'));
  try {
    for (const f of ['scenario.schema.json', 'strings.schema.json']) copyFileSync(join(ROOT, 'scenarios', f), join(temp, f));
    for (const c of list) writeFileSync(join(temp, `${c.id}.json`), c.text);
    const [server, browser] = await Promise.all([startServer({ env: { STATIC_DIR: dist, SCENARIO_DIR: temp } }), launchBrowser()]);
    const rows: string[][] = [];
    try {
      for (const c of list) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        await context.addInitScript((token) => sessionStorage.setItem('holdtheline.trainerToken', token), TEST_TRAINER_TOKEN);
        const page = await context.newPage();
        const t0 = Date.now();
        await page.goto(`${server.url}/?view=editor&scenario=${c.id}&lang=en`);
        await page.locator('.htl-editor[data-laid-out]').waitFor({ timeout: 120_000 });
        const opened = Date.now() - t0;
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const before = Number(await page.locator('.htl-editor').getAttribute('data-checks'));
          await page.locator('.htl-ed-panel').getByLabel('Hint (practice)').fill(`A hint, take ${i}.`);
          await page.keyboard.press('Tab');
          await page.waitForFunction((n) => Number(document.querySelector('.htl-editor')?.getAttribute('data-checks')) > n, before);
          times.push(Number(await page.locator('.htl-editor').getAttribute('data-check-ms')));
        }
        rows.push([c.name, String(best(times)), String(median(times)), String(Math.max(...times)), String(opened)]);
        await context.close();
      }
    } finally {
      await browser.close();
      await server.dispose();
    }
    table(['call', 'edit → checks shown, best ms', 'median ms', 'worst ms', 'open → map drawn ms'], rows);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const list = calls();
  console.log(`in-process, best of ${RUNS} (the page runs the same code after each edit):\n`);
  await inProcess(list);
  console.log(`\nin Chromium, the production build on the real server, ${RUNS} edits of a line's hint each:\n`);
  await inBrowser(list);
  console.log('\nbudget: 200 ms from an edit to updated checks for a call of 100 nodes.');
}
