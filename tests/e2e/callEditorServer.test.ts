// The call editor under `npm start` (the production build on the real server) on a copy of a call
// in a temporary folder: it asks for the trainer token, then opens the call with its map laid out
// by the elkjs worker, saves an edit, and keeps to the page's Content-Security-Policy — no
// `securitypolicyviolation` event and no console error.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtGame } from '../../src/game/dev/buildCache.js';
import { launchBrowser } from '../support/browser.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { gamePage } from '../game/support/game.js';
import { ROOT } from '../game/support/scenarios.js';

const temp = mkdtempSync(join(tmpdir(), 'htl-editor-start-'));
const folder = join(temp, 'calls');

describe('the call editor under npm start', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(folder);
    for (const f of ['update-warning.json', 'update-warning.ru.json', 'first-call.json']) copyFileSync(join(ROOT, 'scenarios', f), join(folder, f));
    const dist = await builtGame();
    [server, browser] = await Promise.all([startServer({ env: { STATIC_DIR: dist, SCENARIO_DIR: folder } }), launchBrowser()]);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    rmSync(temp, { recursive: true, force: true });
  });

  it('asks for the trainer token, opens the map, saves, and keeps to the CSP', async () => {
    const { page, errors } = await gamePage(browser, 'editor-start');
    const violations: string[] = [];
    await page.exposeBinding('__reportCsp', (_s, text: string) => void violations.push(text));
    await page.context().addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (globalThis as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
    });
    await page.goto(`${server.url}/?view=editor&scenario=update-warning&lang=en`);
    await page.getByLabel('Trainer token').fill(TEST_TRAINER_TOKEN);
    await page.getByRole('button', { name: 'Open the editor' }).click();
    await page.locator('.htl-editor[data-laid-out="27"]').waitFor({ timeout: 60_000 });
    await page.locator('.htl-ed-node[data-node="defended"]').click();
    await page.locator('.htl-ed-panel').getByLabel('The customer says').fill('I do not care how it is rated.');
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.htl-ed-status', { hasText: 'all saved' }).waitFor();
    expect(readFileSync(join(folder, 'update-warning.json'), 'utf8')).toContain('"say": "I do not care how it is rated."');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
