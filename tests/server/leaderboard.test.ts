// The leaderboard UI in a real browser against the real server: names shown as text, the board,
// champions, trend chart, per-call tab, a result replayed turn by turn, the meeting view advancing
// on its own, and an axe-core audit of it all.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { openHarness } from './browser/page.js';
import { call, finished, loadShipped } from './support.js';

const scenario = loadShipped('first-call.json');
const EVIL = '<img src=x onerror="window.__xss=1">';
let server: TestServer;
let browser: Browser;
let page: Page;
let code: string;
let noraToken: string;
const errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const team = (await call(server.url, 'POST', '/api/teams', { name: 'Wall Team' }, { authorization: `Bearer ${TEST_TRAINER_TOKEN}` })).body;
  code = team.code;
  const players = [];
  for (const name of ['Nora', EVIL]) players.push((await call(server.url, 'POST', '/api/join', { code, name })).body);
  noraToken = players[0].token;
  let n = 0;
  for (const p of players) {
    for (const seed of [1, 2]) {
      // Each player on seeds of their own (the replies as before): a call counts once in a team.
      const { transcript } = finished(scenario, { seed: seed + 10 * players.indexOf(p), pick: (turn) => 1 + ((seed + turn + n) % 2) });
      // One result a week back, so the trend has two points.
      const playedAt = new Date(Date.now() - (n === 0 ? 8 : 0) * 86_400_000).toISOString();
      const r = await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `ui-${n++}-abcdefghijklmnop`, transcript, playedAt }, { 'x-player-token': p.token });
      expect(r.status).toBe(201);
    }
  }
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await openHarness(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function axe(p: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await p.addScriptTag({ content: source });
  return p.evaluate(async () => {
    const r = await (globalThis as any).axe.run(document.getElementById('app'), { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

describe('leaderboard', () => {
  it('shows the board with names as text, champions, trend, tabs and recent calls', async () => {
    await page.evaluate((c) => (globalThis as any).htl.showBoard(c), code);
    // The same periods as the team page and the meeting: the last 7 days first, not "since Monday".
    const periods = page.getByRole('group', { name: 'Period' }).getByRole('button');
    await expect.poll(() => periods.allTextContents()).toEqual(expect.arrayContaining(['Last 7 days', 'This month', 'This season', 'All time']));
    expect(await page.getByRole('button', { name: 'Last 7 days' }).getAttribute('aria-pressed')).toBe('true');
    // Nora's result from 8 days ago is outside the last 7 days: 1 attempt there, 2 in the season.
    await expect.poll(() => page.locator('table').first().locator('tbody tr', { hasText: 'Nora' }).locator('td').nth(4).textContent()).toBe('1');
    await page.getByRole('button', { name: 'This season' }).click();
    await expect.poll(() => page.locator('table').first().locator('tbody tr', { hasText: 'Nora' }).locator('td').nth(4).textContent()).toBe('2');
    await page.getByRole('button', { name: 'All time' }).click();
    await expect.poll(() => page.locator('table').first().textContent()).toContain('Nora');
    expect(await page.locator('#app').textContent()).toContain(EVIL);
    expect(await page.locator('#app img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as any).__xss)).toBeUndefined();
    for (const skill of ['Politeness', 'Accuracy', 'Judgment']) await expect.poll(() => page.getByText(`${skill} champion`).count()).toBe(1);
    await expect.poll(() => page.locator('svg[role="img"]').count()).toBe(1);
    expect(await page.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(/Team average over time: .*average/);
    // Two results each, three needed: both listed, greyed, not ranked, and no champion yet.
    const rows = page.locator('table').first().locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-ranked'), tr.classList.contains('htl-unranked'), tr.querySelector('td')!.textContent]))).toEqual([
      ['false', true, '–'],
      ['false', true, '–'],
    ]);
    expect(await rows.first().textContent()).toContain('needs 1 more attempt');
    expect(await rows.first().locator('td').nth(3).textContent()).toMatch(/^1\/\d+$/);
    expect(await page.locator('table').first().locator('thead').textContent()).toMatch(/Standing.*Calls.*Attempts.*Politeness.*Accuracy.*Judgment.*Average/);
    await page.getByText('How is this ranked?').click();
    expect(await page.locator('details.htl-ranking').textContent()).toContain('at least 3 attempts');
    await page.getByRole('tab', { name: scenario.title }).click();
    await expect.poll(() => page.locator('caption').first().textContent()).toContain("best overall on this call");
    expect(await axe(page)).toEqual([]);
  });

  it('ranks a player once they have the minimum of attempts, and makes them champion', async () => {
    const nora = (await call(server.url, 'POST', '/api/join', { code, name: 'Nora' })).body;
    // Nora's name is taken: sign in again as her with the token she got at the start instead.
    expect(nora.error?.code ?? 'name-taken').toBe('name-taken');
    const { transcript } = finished(scenario, { seed: 9, pick: () => 1 });
    const r = await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: 'ui-third-abcdefghijklmnop', transcript }, { 'x-player-token': noraToken });
    expect(r.status).toBe(201);
    await page.evaluate(() => document.getElementById('app')!.replaceChildren());
    await page.evaluate((c) => (globalThis as any).htl.showBoard(c), code);
    await page.getByRole('button', { name: 'This season' }).or(page.getByRole('button', { name: 'All time' })).first().click();
    const first = page.locator('table').first().locator('tbody tr').first();
    await expect.poll(() => first.getAttribute('data-ranked')).toBe('true');
    expect(await first.locator('td').first().textContent()).toBe('1');
    expect(await first.textContent()).toContain('Nora');
    expect(await first.textContent()).not.toContain('needs');
    expect(await page.locator('table').first().locator('tbody tr').nth(1).textContent()).toContain('needs 1 more attempt');
    for (const skill of ['Politeness', 'Accuracy', 'Judgment']) await expect.poll(() => page.locator('.htl-champion', { hasText: `${skill} champion` }).textContent()).toContain('Nora');
    expect(await axe(page)).toEqual([]);
  });

  it('replays a result turn by turn with feedback, better replies and the ending', async () => {
    await page.getByRole('row', { name: /Replay Where is my order\? by Nora/ }).first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Turn 1');
    expect(await dialog.textContent()).toContain(scenario.nodes.get(scenario.start)!.say);
    await dialog.getByRole('button', { name: 'Show every turn' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Ending');
    expect(await dialog.textContent()).toMatch(/Outcome: /);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('runs the meeting view: big board, advancing on its own, pausing with space', async () => {
    await page.evaluate(() => document.getElementById('app')!.replaceChildren());
    await page.evaluate((c) => (globalThis as any).htl.showMeeting(c, 600), code);
    await expect.poll(() => page.locator('h1').textContent()).toBe('All calls');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 5000 }).toBe(scenario.title);
    await page.keyboard.press('Space');
    await page.waitForTimeout(1500);
    expect(await page.locator('h1').textContent()).toBe(scenario.title);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('h1').textContent()).toBe('All calls');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('speaks Russian, Polish and Ukrainian', async () => {
    for (const [lang, word] of [['ru', 'Чемпион'], ['pl', 'Mistrz'], ['uk', 'Чемпіон']] as const) {
      await page.evaluate(() => document.getElementById('app')!.replaceChildren());
      await page.evaluate(([c, l]) => (globalThis as any).htl.showMeeting(c, 60_000, l), [code, lang]);
      await expect.poll(() => page.locator('#app').textContent()).toContain(word);
    }
  });

  it("gives a trainer a page to create a team, see its code, export CSV and start a new season", async () => {
    await page.evaluate(() => document.getElementById('app')!.replaceChildren());
    expect(await page.evaluate(() => (globalThis as any).htl.showUrl('/?scenario=first-call'))).toBe(false);
    expect(await page.evaluate(() => (globalThis as any).htl.showUrl('/?view=trainer'))).toBe(true);
    await page.getByLabel('Trainer token').fill('wrong-token-000000');
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('not accepted');
    await page.getByLabel('Trainer token').fill(TEST_TRAINER_TOKEN);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByLabel('Team name').fill('Night Shift');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Team “Night Shift” created\. Join code: [A-Z2-9]{8}/);
    const newCode = /Join code: ([A-Z2-9]{8})/.exec((await page.getByRole('status').first().textContent())!)![1]!;
    expect((await call(server.url, 'GET', `/api/teams/${newCode}/board`)).body.team.name).toBe('Night Shift');

    await page.locator('section.htl-team', { hasText: 'Wall Team' }).getByRole('button', { name: 'Board', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Export CSV' }).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('Wall-Team-results.csv');
    await page.getByRole('button', { name: 'Start a new season' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Start a new season' }).click();
    await expect.poll(async () => (await call(server.url, 'GET', `/api/teams/${code}/board`)).body.team.season).toBe(2);
    await expect.poll(() => page.getByText('Season 2').count()).toBeGreaterThan(0);
  });
});
