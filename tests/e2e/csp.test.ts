// The security headers in a real Chromium: every screen of the production build, served by the
// real server, keeps to its Content-Security-Policy — title, settings, sign-in (a look-alike name
// asked about in words that name the member), the picker, the player's history, a call (voices
// and all), the debrief, the leaderboard and a replay, the meeting view, the team page and the
// trainer's page — with no `securitypolicyviolation` event and no console error; and the headers
// are there on the page, its files and the API. `npm run dev` (vite's dev client and its
// hot-reload socket) keeps to the dev server's policy too. The policy: src/server/securityHeaders.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TRAINER_TOKEN } from '../support/server.js';
import { gameRig, guideSeen, type GameRig } from '../game/support/game.js';
import { playReplies, SEED } from '../game/support/replies.js';
import { startDev, type DevServer } from '../game/support/dev.js';
import { ROOT } from '../game/support/scenarios.js';
import { launchBrowser } from '../support/browser.js';
import { playedByIds } from '../server/playByIds.js';
import { call, loadShipped } from '../server/support.js';

const firstCall = loadShipped('first-call.json');
const IDEAL = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };

/**
 * A page of its own context that keeps to the page's policy (never bypassCSP), as a returning
 * player's (the guided first call behind them), recording console errors and uncaught exceptions.
 */
async function strictPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ bypassCSP: false, viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
  await guideSeen(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return { page, errors };
}

/**
 * Collects the policy's violations and the console's errors as they happen, outside the page (a
 * report can arrive a moment after a screen is up: it is kept, not lost to the next navigation).
 * `done(screen)` names what was reported since the last one.
 */
async function watch(page: Page, errors: string[]): Promise<{ done: (screen: string) => void; found: () => Promise<string[]> }> {
  const pending: string[] = [];
  const seen: string[] = [];
  await page.exposeBinding('__reportCsp', (_source, text: string) => void pending.push(text));
  await page.context().addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (globalThis as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  const done = (screen: string) => {
    seen.push(...[...pending, ...errors].map((p) => `${screen}: ${p}`));
    pending.length = 0;
    errors.length = 0;
  };
  return {
    done,
    found: async () => {
      await page.waitForTimeout(500);
      done('just after');
      return [...seen];
    },
  };
}

function expectHeaders(headers: Record<string, string> | Headers, what: string): void {
  const get = (k: string) => (headers instanceof Headers ? headers.get(k) : headers[k]) ?? '';
  const csp = get('content-security-policy');
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).not.toContain('unsafe-eval');
  expect(get('x-content-type-options'), what).toBe('nosniff');
  expect(get('x-frame-options'), what).toBe('DENY');
  expect(get('referrer-policy'), what).toBe('no-referrer');
}

describe('the built game under its Content-Security-Policy', () => {
  let rig: GameRig;
  let code: string;
  beforeAll(async () => {
    rig = await gameRig();
    code = (await call(rig.server.url, 'POST', '/api/teams', { name: 'Policy' }, trainer)).body.code;
    // A result already on the board, for the leaderboard's replay.
    const joined = (await call(rig.server.url, 'POST', '/api/join', { code, name: 'Rita' })).body;
    const { transcript } = playedByIds(firstCall, IDEAL, { seed: 3 });
    const posted = await call(rig.server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: 'csp-rita-0123456789abcdef', transcript }, { 'x-player-token': joined.token });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  }, 300_000);
  afterAll(async () => rig?.close());

  it('sends the headers with the page, its files and the API', async () => {
    const page = await fetch(`${rig.server.url}/`);
    expectHeaders(page.headers, 'the page');
    const html = await page.text();
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    expectHeaders((await fetch(`${rig.server.url}${script}`)).headers, 'a script');
    expectHeaders((await fetch(`${rig.server.url}/api/health`)).headers, 'the API');
    // The page's inline script and style are allowed by their hashes, nothing inline besides.
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+';/);
    expect(csp).toMatch(/style-src 'self' 'sha256-[^']+';/);
  });

  it('shows every screen without a violation or an error', async () => {
    const { page, errors } = await strictPage(rig.browser);
    const watched = await watch(page, errors);
    const check = async (screen: string) => watched.done(screen);

    const first = await page.goto(`${rig.server.url}/`);
    expectHeaders(first!.headers(), 'the page in Chromium');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await check('title');

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await check('settings');
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Sign in to a team' }).click();
    // A name that reads like a member's is asked about in the player's words, naming the member.
    await page.locator('#htl-name').fill('R\u0456ta');
    await page.locator('#htl-code').fill(code);
    await page.getByRole('button', { name: 'Join team' }).click();
    await expect.poll(() => page.locator('#htl-name-taken-q').textContent()).toBe('“R\u0456ta” looks the same as “Rita”, who is already in this team. Is it you? Enter your personal code — or join as a different person.');
    // (The browser logs the refusal, a 409, as a failed load: expected here.)
    await expect.poll(() => errors.some((e) => e.includes('status of 409'))).toBe(true);
    errors.splice(errors.findIndex((e) => e.includes('status of 409')), 1);
    await check('sign-in: a look-alike name');
    await page.locator('#htl-name').fill('Cleo');
    await page.getByRole('button', { name: 'Join team' }).click();
    await page.locator('#htl-new-personal-code').waitFor();
    await check('sign-in and the personal code');
    // Signed in, the game goes on to the picker.
    await page.getByRole('button', { name: /I have noted it/ }).click();
    await page.getByRole('heading', { name: 'Choose a call' }).waitFor();
    await page.getByRole('button', { name: 'Take the call' }).first().waitFor();
    await check('picker');
    await page.getByRole('button', { name: 'My history' }).click();
    await page.getByRole('heading', { name: 'My history' }).waitFor();
    await check('history');

    await page.goto(`${rig.server.url}/?scenario=first-call&mode=exam&timeScale=8&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await playReplies(page, IDEAL, 'click');
    await check('a call');
    await page.getByRole('button', { name: 'See the debrief' }).click();
    await page.locator('.htl-score-panel[data-settled="true"]').waitFor({ timeout: 20_000 });
    await check('debrief');

    await page.goto(`${rig.server.url}/`);
    await page.getByRole('button', { name: 'Leaderboard' }).click();
    const row = page.getByRole('row', { name: `Replay ${firstCall.title} by Rita` }).first();
    await row.waitFor();
    await check('leaderboard');
    await row.click();
    await page.getByRole('dialog', { name: `${firstCall.title} — Rita` }).locator('[data-turn="1"]').waitFor();
    await check('replay');

    await page.goto(`${rig.server.url}/?view=meeting&team=${code}`);
    await page.getByText('Politeness champion').first().waitFor();
    await check('meeting view');

    await page.goto(`${rig.server.url}/?view=team&team=${code}`);
    await page.getByText('Rita').first().waitFor();
    await check('team page');

    await page.goto(`${rig.server.url}/?view=trainer`);
    await page.locator('#htl-trainer-token').fill(TEST_TRAINER_TOKEN);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: 'Policy', exact: true }).waitFor();
    await check('trainer page');
    expect(await watched.found()).toEqual([]);

    // The watch itself works: an inline script added now is reported.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { textContent: 'void 0' })));
    await expect.poll(async () => (await watched.found()).some((p) => p.includes('script-src-elem blocked inline'))).toBe(true);
  }, 240_000);
});

describe('npm run dev under its Content-Security-Policy', () => {
  const temp = mkdtempSync(join(tmpdir(), 'htl-csp-dev-'));
  let dev: DevServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    [dev, browser] = await Promise.all([startDev({ scenarios: join(ROOT, 'scenarios'), dataDir: join(temp, 'data') }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    dev?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it("keeps to it with vite's dev client connected: the title, a call, a leaderboard page", async () => {
    const { page, errors } = await strictPage(browser);
    const watched = await watch(page, errors);
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    const first = await page.goto(`${dev.url}/`);
    const csp = first!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(first!.headers()['x-content-type-options']).toBe('nosniff');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 60_000 });
    // The hot-reload socket is open: vite says so once it has connected.
    await expect.poll(() => logged.some((l) => l.includes('[vite] connected')), { timeout: 30_000 }).toBe(true);
    watched.done('dev title');
    await page.goto(`${dev.url}/?scenario=first-call&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await page.locator('.htl-replies button').first().waitFor({ timeout: 30_000 });
    watched.done('dev call');
    await page.goto(`${dev.url}/?view=trainer`);
    await page.locator('#htl-trainer-token').waitFor();
    watched.done('dev trainer page');
    expect(await watched.found()).toEqual([]);
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { textContent: 'void 0' })));
    await expect.poll(async () => (await watched.found()).some((p) => p.includes('script-src-elem blocked inline'))).toBe(true);
  }, 120_000);
});
