// `npm run dev` (the real command: the API and vite together) reloads a scenario the moment a
// trainer saves it: the running call carries on with the new text, a broken save shows the
// trainer file:line:col (and the last good version keeps playing), and fixing it clears that.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { gamePage, nextTurn } from '../game/support/game.js';
import { ROOT } from '../game/support/scenarios.js';

const temp = mkdtempSync(join(tmpdir(), 'htl-hot-'));
const scenarios = join(temp, 'scenarios');
const file = join(scenarios, 'first-call.json');
let dev: ChildProcess;
let url = '';
let log = '';
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

beforeAll(async () => {
  mkdirSync(scenarios, { recursive: true });
  cpSync(join(ROOT, 'scenarios/first-call.json'), file);
  const port = await freePort();
  dev = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/dev.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(temp, 'data'), SCENARIO_DIR: scenarios, HTL_SCENARIOS: scenarios, TRAINER_TOKEN: 'hot-reload-test-token' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  dev.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  for (let waited = 0; !/is serving on http/.test(log); waited += 200) {
    if (waited > 90_000 || dev.exitCode !== null) throw new Error(`npm run dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  url = `http://127.0.0.1:${port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  dev?.kill('SIGTERM');
  rmSync(temp, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('reloads a saved scenario into the running call, and shows a broken one’s place', async () => {
    const { page, errors } = await gamePage(browser, 'hot-reload');
    await page.goto(`${url}/?scenario=first-call&mode=practice`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click({ timeout: 60_000 });
    await nextTurn(page);
    const original = readFileSync(file, 'utf8');
    const opening = (JSON.parse(original) as { nodes: { opening: { say: string } } }).nodes.opening.say;
    expect(await page.locator('[data-caption]').textContent()).toBe(`Martin Hale: ${opening}`);

    writeFileSync(file, original.replace(opening, 'Hello, it is me again: where is my laptop bag?'));
    await expect.poll(() => page.locator('[data-caption]').textContent(), { timeout: 15_000 }).toBe('Martin Hale: Hello, it is me again: where is my laptop bag?');
    expect(await page.locator('.htl-replies button').count()).toBeGreaterThan(1);
    // Carried on where it was: answered, not ringing again.
    expect(await page.getByRole('button', { name: 'Answer', exact: true }).isVisible()).toBe(false);

    writeFileSync(file, original.replace('"next": "order-shipped"', '"next": "order-shiped"'));
    const notice = page.getByRole('alert');
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(/first-call\.json:\d+:\d+: error: .*order-shiped/);
    expect(await notice.textContent()).not.toMatch(/\n\s+at |\.ts:\d+/);
    // The last good version is still playing.
    expect(await page.locator('[data-caption]').textContent()).toBe('Martin Hale: Hello, it is me again: where is my laptop bag?');

    writeFileSync(file, original);
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-caption]').textContent(), { timeout: 15_000 }).toBe(`Martin Hale: ${opening}`);
    expect(errors).toEqual([]);
  }, 120_000);
});
