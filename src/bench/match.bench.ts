// npm run bench -- match: typed replies on the held-out test set (matchParaphrases.json) — per
// language, the paraphrases matched confidently, the right ones among those, the off-topic texts
// matched confidently — and the time of one match in Node and in Chromium, and the gzip size of
// the matcher's chunk (engine/match with the stemmers, the rest of the engine being the library's).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { launchBrowser } from '../../tests/support/browser.js';
import { matchReply } from '../engine/match/index.js';
import { AIMS, allTrials, evaluate, MATCH_LANGUAGES, setCalls, testSet } from './matchSet.js';
import { timeTrials, type Trial } from './matchHarness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const REPS = 20;

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(0)}%`);
function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export async function bundle(entry: string, format: 'es' | 'iife', external?: (id: string, importer: string | undefined) => boolean): Promise<Rollup.OutputChunk[]> {
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: [format], name: 'htlMatch', fileName: 'match' },
      rollupOptions: external ? { external } : {},
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  return outputs.flatMap((o) => o.output.filter((c): c is Rollup.OutputChunk => c.type === 'chunk'));
}

/** The matcher's own chunk: engine/match and what only it brings (the stemmers); the rest of the engine stays the library's. */
async function matcherGzip(): Promise<{ raw: number; gzip: number }> {
  const engine = join(ROOT, 'src/engine');
  const match = join(engine, 'match');
  const chunks = await bundle(join(match, 'index.ts'), 'es', (id, importer) => {
    const path = id.startsWith('.') && importer ? resolve(dirname(importer), id) : id;
    return path.startsWith(engine) && !path.startsWith(match);
  });
  const code = chunks.map((c) => c.code).join('\n');
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

export function trialsOf(): { trial: Trial; language: string }[] {
  return allTrials().map((t) => ({ trial: { call: `${t.scenario.id}.${t.scenario.locale}`, node: t.node, text: t.text }, language: t.language }));
}

export function sourcesOf(): { file: string; text: string }[] {
  const ids = new Set(testSet().nodes.map((n) => n.call));
  return [...setCalls().values()].filter((s) => ids.has(s.id)).map((s) => s.file).map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
}

async function chromiumTimes(sources: { file: string; text: string }[], trials: Trial[]): Promise<number[]> {
  const [chunk] = await bundle(join(ROOT, 'src/bench/matchHarness.ts'), 'iife');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>match</title>');
    await page.addScriptTag({ content: chunk!.code });
    return (await page.evaluate(([s, t, r]) => (globalThis as unknown as { htlMatchBench: typeof timeTrials }).htlMatchBench(s, t, r), [sources, trials, REPS] as const)) as number[];
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<void> {
  const results = evaluate();
  const trials = trialsOf();
  const sources = sourcesOf();
  // Node: warm the JIT, then time each trial as the page does.
  timeTrials(sources, trials.map((t) => t.trial), 3);
  const node = timeTrials(sources, trials.map((t) => t.trial), REPS);
  const chromium = await chromiumTimes(sources, trials.map((t) => t.trial));
  // The first match at a node builds its index: the one slow call, once per node and call.
  const calls = setCalls();
  const cold = testSet().nodes.flatMap((n) =>
    MATCH_LANGUAGES.map((l) => {
      const s = [...calls.values()].find((c) => c.id === n.call && c.locale === l)!;
      let best = Infinity;
      for (let round = 0; round < 3; round++) {
        const fresh = { ...s, nodes: s.nodes } as typeof s; // a new object: no cached index
        const t = performance.now();
        matchReply(fresh, n.node, s.nodes.get(n.node)!.replies.map((r) => r.id), 'warm');
        best = Math.min(best, performance.now() - t);
      }
      return best;
    }),
  );
  const size = await matcherGzip();

  const ms = (x: number) => x.toFixed(3);
  console.log('| language | paraphrases | matched confidently | right among confident | off-topic texts | off-topic confident | ambiguous (wrong) | Node ms median / p99 | Chromium ms median / p99 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const idx = trials.flatMap((t, i) => (t.language === r.language ? [i] : []));
    const n = idx.map((i) => node[i]!);
    const c = idx.map((i) => chromium[i]!);
    console.log(
      `| ${r.language} | ${r.paraphrases} | ${pct(r.confident, r.paraphrases)} | ${pct(r.right, r.confident)} | ${r.offTopic} | ${pct(r.offTopicConfident, r.offTopic)} | ${r.ambiguous} (${r.ambiguousWrong}) | ${ms(quantile(n, 0.5))} / ${ms(quantile(n, 0.99))} | ${ms(quantile(c, 0.5))} / ${ms(quantile(c, 0.99))} |`,
    );
  }
  console.log(`\nAims: ≥${AIMS.paraphrasesConfident * 100}% of paraphrases confident, ≥${AIMS.rightAmongConfident * 100}% right among confident, ≤${AIMS.offTopicConfident * 100}% of off-topic texts confident.`);
  console.log(`First match at a node (builds its index, Node, best of three): max ${ms(Math.max(...cold))} ms. Times: per text, the mean of ${REPS} calls, the best of three rounds.`);
  console.log(`Matcher chunk (engine/match + nlp.js stemmers, minified): ${(size.raw / 1024).toFixed(1)} KiB, ${(size.gzip / 1024).toFixed(1)} KiB gzip.`);
}
