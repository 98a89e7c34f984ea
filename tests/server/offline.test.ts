// Offline play in a real browser: the server stops, two calls are finished, the page is even
// reloaded while the server is away; the server returns and both results arrive, once each.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Identity } from '../../src/client/index.js';
import { launchBrowser } from '../support/browser.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { openHarness } from './browser/page.js';
import { call } from './support.js';

let server: TestServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

type Htl = { htl: any };

it('queues two calls finished while the server is down and delivers both exactly once when it returns', async () => {
  const team = (await call(server.url, 'POST', '/api/teams', { name: 'Offline' }, { authorization: `Bearer ${TEST_TRAINER_TOKEN}` })).body;
  const identity = (await call(server.url, 'POST', '/api/join', { code: team.code, name: 'Max' })).body as Identity;
  await openHarness(page, server.url);
  await page.evaluate((id) => (globalThis as unknown as Htl).htl.signIn(id), identity);

  await server.stop();
  const played = await page.evaluate(() => [1, 2].map((seed) => (globalThis as unknown as Htl).htl.playAndQueue(seed).overall as number));
  await page.evaluate(() => (globalThis as unknown as Htl).htl.showOutbox());
  await expect.poll(() => page.getByRole('status').textContent()).toContain('2 results waiting to be sent');
  await expect.poll(() => page.getByRole('status').textContent()).toContain('The server cannot be reached');

  // A reload while the server is away: the results are still waiting.
  await page.reload();
  await page.waitForFunction(() => 'htl' in globalThis);
  await page.evaluate(() => (globalThis as unknown as Htl).htl.showOutbox());
  await expect.poll(() => page.getByRole('status').textContent()).toContain('2 results waiting to be sent');

  await server.restart();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('2 results sent');
  const stored = (await call(server.url, 'GET', `/api/teams/${team.code}/results`)).body.results as { overall: number; player: { name: string } }[];
  expect(stored).toHaveLength(2);
  expect(stored.map((r) => r.overall).sort()).toEqual([...played].sort());
  expect(stored.every((r) => r.player.name === 'Max')).toBe(true);

  // Later flushes and another reload send nothing again.
  await page.reload();
  await page.waitForFunction(() => 'htl' in globalThis);
  await page.evaluate(() => (globalThis as unknown as Htl).htl.outbox.flush());
  expect((await call(server.url, 'GET', `/api/teams/${team.code}/results`)).body.results).toHaveLength(2);
  expect(errors).toEqual([]);
});
