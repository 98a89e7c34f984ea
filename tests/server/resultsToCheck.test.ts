// Played offline and too fast, in a real Chromium against the real server: the board marks a best
// result played offline and a player whose best awaits the trainer's check (no champion); the
// trainer's page lists the result to check with its reason, Clear makes it count again (the mark
// goes, the champion follows), and an axe-core audit of the list.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePath, playPath } from '../../src/tools/simulate/playPath.js';
import { simulateCall } from '../../src/tools/simulate/simulateCall.js';
import { launchBrowser } from '../support/browser.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { openHarness } from './browser/page.js';
import { call, finished, loadShipped, playOnline } from './support.js';

const firstCall = loadShipped('first-call.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
let server: TestServer;
let browser: Browser;
let page: Page;
let code: string;
let botResult: number;
const errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  code = (await call(server.url, 'POST', '/api/teams', { name: 'Checks' }, trainer)).body.code;
  const token: Record<string, string> = {};
  for (const name of ['Ivo', 'Hal']) token[name] = (await call(server.url, 'POST', '/api/join', { code, name })).body.token;
  let n = 0;
  const send = async (who: string, body: Record<string, unknown>) => {
    const r = await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `to-check-${n++}-abcdefghijkl`, ...body }, { 'x-player-token': token[who]! });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.result as { id: number; flagged: boolean; offline: boolean };
  };
  // Ivo: the simulator's perfect call sent at once (flagged), and two of a person's pace.
  const ideal = simulateCall(firstCall).idealPath!;
  const bot = await playOnline(server.url, code, token.Ivo!, 'first-call', (seed) => playPath(firstCall, parsePath(ideal.path), { seed }));
  const flagged = await send('Ivo', { transcript: bot.transcript, ticket: bot.ticket });
  expect(flagged.flagged).toBe(true);
  botResult = flagged.id;
  for (const pick of [2, 3]) {
    const r = await playOnline(server.url, code, token.Ivo!, 'first-call', (seed) => finished(firstCall, { seed, pick: (turn) => (turn === 1 ? pick : 1) }));
    await send('Ivo', { transcript: r.transcript, ticket: r.ticket });
  }
  // Hal: his best (93) played offline (no ticket), two more online (83, 52).
  expect((await send('Hal', { transcript: finished(firstCall, { seed: 31, pick: (turn) => (turn === 1 ? 3 : 1) }).transcript })).offline).toBe(true);
  for (const [first, rest] of [[2, 1], [1, 2]]) {
    const r = await playOnline(server.url, code, token.Hal!, 'first-call', (seed) => finished(firstCall, { seed, pick: (turn) => (turn === 1 ? first! : rest!) }));
    await send('Hal', { transcript: r.transcript, ticket: r.ticket });
  }
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await openHarness(page, server.url);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function axe(p: Page, selector: string): Promise<{ id: string; impact: string; nodes: number }[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await p.evaluate(() => 'axe' in globalThis))) await p.addScriptTag({ content: source });
  return p.evaluate(async (sel) => {
    const r = await (globalThis as any).axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, selector);
}

const row = (name: string) => page.locator('.htl-board-table tbody tr', { hasText: name }).first();
const marks = async (name: string) => row(name).locator('.htl-mark').allTextContents();

describe('results to check', () => {
  it('marks on the board a best played offline, and a best awaiting the check (no champion)', async () => {
    await page.evaluate((c) => (globalThis as any).htl.showBoard(c), code);
    await page.getByRole('button', { name: 'This season' }).click();
    await expect.poll(() => marks('Ivo')).toEqual(['being checked']);
    expect(await marks('Hal')).toEqual(['played offline']);
    expect(await row('Hal').locator('.htl-mark').getAttribute('title')).toBe("1 of the results counted here was played offline, without the server's ticket");
    // Ivo's 100 is first on the board, but the champions are Hal's.
    expect(await page.locator('.htl-board-table tbody tr').first().textContent()).toContain('Ivo');
    expect(await page.locator('.htl-champion', { hasText: 'Politeness champion' }).textContent()).toContain('Hal');
    expect(errors).toEqual([]);
  });

  it("lists the result to check on the trainer's page with its reason; Clear makes it count again", async () => {
    await page.evaluate(() => (globalThis as any).htl.showUrl('/?view=trainer'));
    await page.getByLabel('Trainer token').fill(TEST_TRAINER_TOKEN);
    await page.getByRole('button', { name: 'Open' }).click();
    const summary = page.locator('.htl-check summary');
    await expect.poll(() => summary.textContent()).toBe('Results to check (1)');
    await summary.click();
    const item = page.locator(`.htl-flagged tr[data-result="${botResult}"]`);
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Ivo.*3 of 3 replies came faster than their lines can be read: the fastest after 0 s, where reading the line takes at least \d+(\.\d)? s/);
    expect(await axe(page, '.htl-check')).toEqual([]);
    await page.getByRole('button', { name: "Clear Ivo's result on " + firstCall.title }).click();
    await expect.poll(() => page.locator('.htl-check').textContent()).toContain('Nothing to check');
    expect(await summary.textContent()).toBe('Results to check');
    expect(await page.locator('.htl-trainer main > p[role="status"], .htl-check p[role="status"]').allTextContents()).toContain(`Ivo's result on ${firstCall.title} counts for champions again.`);
    const board = (await call(server.url, 'GET', `/api/teams/${code}/board?period=season`)).body;
    expect(board.champions.politeness.player.name).toBe('Ivo');
    await openHarness(page, server.url);
    await page.evaluate((c) => (globalThis as any).htl.showBoard(c), code);
    await page.getByRole('button', { name: 'This season' }).click();
    await expect.poll(() => page.locator('.htl-champion', { hasText: 'Politeness champion' }).textContent()).toContain('Ivo');
    expect(await marks('Ivo')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
