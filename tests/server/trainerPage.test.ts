// The trainer's page in a real Chromium against the real server: renaming a team updates the
// list at once, the players listed, removing a player asks first (Cancel keeps them), can be
// undone for 10 s and otherwise stays done, the board code for displays with its meeting link, a
// result removed from the board's replay and undone, and an axe-core audit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { openHarness } from './browser/page.js';
import { call, finished, loadShipped } from './support.js';

const scenario = loadShipped('first-call.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
let server: TestServer;
let browser: Browser;
let page: Page;
let code: string;
let ben: number;
let anaCode: string;
const errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  code = (await call(server.url, 'POST', '/api/teams', { name: 'North' }, trainer)).body.code;
  const ana = (await call(server.url, 'POST', '/api/join', { code, name: 'Ana' })).body;
  anaCode = ana.personalCode;
  ben = (await call(server.url, 'POST', '/api/join', { code, name: 'Ben' })).body.player.id;
  const { transcript } = finished(scenario, { seed: 4 });
  expect((await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: 'trainer-page-abcdefghijkl', transcript }, { 'x-player-token': ana.token })).status).toBe(201);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await openHarness(page, server.url);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function axe(p: Page): Promise<{ id: string; impact: string; nodes: number; where: string[] }[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await p.evaluate(() => 'axe' in globalThis))) await p.addScriptTag({ content: source });
  return p.evaluate(async () => {
    const r = await (globalThis as any).axe.run(document.body, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, where: v.nodes.map((n: any) => n.html.slice(0, 120) + ' ' + (n.failureSummary ?? '').slice(0, 200)) }));
  });
}

const roster = async () => (await call(server.url, 'GET', `/api/teams/${code}/players`, undefined, trainer)).body.players as { id: number; name: string; removedAt: string | null }[];
const benRow = () => page.locator(`tr[data-player="${ben}"]`);

describe('the trainer page', () => {
  it('signs in and renames a team, the list updating at once', async () => {
    await page.evaluate(() => (globalThis as any).htl.showUrl('/?view=trainer'));
    await page.getByLabel('Trainer token').fill(TEST_TRAINER_TOKEN);
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'North', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Rename North' }).click();
    const input = page.getByLabel('New name for North');
    await input.fill('North Star');
    await input.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'North Star', exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'North', exact: true }).count()).toBe(0);
    expect(await page.locator('main > p[role="status"]').textContent()).toContain('North Star');
    expect((await call(server.url, 'GET', '/api/teams', undefined, trainer)).body[0].name).toBe('North Star');
  });

  it('lists the players, asks before removing one, and undoes the removal', async () => {
    await page.getByText('Players', { exact: true }).click();
    await expect.poll(() => page.locator('tr[data-player]').count()).toBe(2);
    expect(await page.locator('tr[data-player]').first().textContent()).toContain('Ana');
    expect(await benRow().textContent()).toContain('never');
    // "Last played" relative, as on the team page; the full date on hover.
    const played = page.locator('tr[data-player]').first().locator('time');
    expect(await played.textContent()).toMatch(/ago|now|minute|yesterday/);
    expect(await played.getAttribute('title')).toMatch(/\d{4}/);

    // Cancel keeps him.
    await page.getByRole('button', { name: 'Remove Ben' }).click();
    const ask = page.getByRole('alertdialog');
    expect(await ask.textContent()).toContain('Remove Ben from the team?');
    expect(await axe(page)).toEqual([]);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect((await roster()).find((p) => p.id === ben)!.removedAt).toBeNull();
    expect(await benRow().textContent()).not.toContain('Removed');

    // Remove, then Undo.
    await page.getByRole('button', { name: 'Remove Ben' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => benRow().textContent()).toContain('Removed');
    expect((await roster()).find((p) => p.id === ben)!.removedAt).not.toBeNull();
    const undo = page.locator('.htl-undo');
    expect(await undo.textContent()).toContain('Ben removed');
    // The bar covers no cell of the roster, even scrolled to the end of the page.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const covered = await page.evaluate(() => {
      const bar = document.querySelector('.htl-undo')!.getBoundingClientRect();
      return [...document.querySelectorAll('.htl-roster td, .htl-roster th')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.bottom > bar.top && r.top < bar.bottom && r.right > bar.left && r.left < bar.right;
      }).length;
    });
    expect(covered).toBe(0);
    await undo.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await roster()).find((p) => p.id === ben)!.removedAt).toBeNull();
    await expect.poll(() => benRow().textContent()).not.toContain('Removed');
    expect(await undo.count()).toBe(0);
  });

  it('keeps a confirmed removal once the 10 s to undo are over, and restores on request', async () => {
    await page.getByRole('button', { name: 'Remove Ben' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.locator('.htl-undo').count()).toBe(1);
    await expect.poll(() => page.locator('.htl-undo').count(), { timeout: 12_000, interval: 500 }).toBe(0);
    expect((await roster()).find((p) => p.id === ben)!.removedAt).not.toBeNull();
    expect(await benRow().textContent()).toContain('Removed');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Restore Ben' }).click();
    await expect.poll(async () => (await roster()).find((p) => p.id === ben)!.removedAt).toBeNull();
  }, 30_000);

  it("makes a player a new personal code (asked), shown once to hand over; the old code stops working", async () => {
    const signIn = (personalCode: string) => call(server.url, 'POST', '/api/sign-in', { code, personalCode });
    expect((await signIn(anaCode)).status).toBe(200);
    await page.getByRole('button', { name: 'Make a new personal code for Ana' }).click();
    const ask = page.getByRole('alertdialog');
    expect(await ask.textContent()).toContain('The old code stops working at once.');
    expect(await axe(page)).toEqual([]);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect((await signIn(anaCode)).status).toBe(200);
    await page.getByRole('button', { name: 'Make a new personal code for Ana' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Make the code' }).click();
    const shown = page.locator('.htl-code-issued');
    await expect.poll(() => shown.textContent()).toMatch(/^New personal code for Ana: [A-Z2-9]{5}-[A-Z2-9]{5}\. Hand it over now/);
    const issued = /[A-Z2-9]{5}-[A-Z2-9]{5}/.exec((await shown.textContent())!)![0];
    expect(issued).not.toBe(anaCode);
    expect((await signIn(anaCode)).body.error.code).toBe('wrong-personal-code');
    expect((await signIn(issued)).body.player.name).toBe('Ana');
    expect(await axe(page)).toEqual([]);
  });

  it('makes a board code for displays, with the meeting view link', async () => {
    expect(await page.getByText('none yet').count()).toBe(1);
    await page.getByRole('button', { name: 'Make a board code' }).click();
    await expect.poll(() => page.getByLabel('Board code of North Star', { exact: true }).count()).toBe(1);
    // The first code replaces nothing, so it says nothing of a previous one.
    await expect.poll(() => page.locator('.htl-trainer').textContent()).toContain('has a board code for displays');
    expect(await page.locator('.htl-trainer').textContent()).not.toContain('previous one');
    // "Meeting view" looks and lines up like the buttons beside it; the page's background reaches the bottom.
    const look = await page.evaluate(() => {
      const link = [...document.querySelectorAll('.htl-trainer a')].find((a) => a.textContent === 'Meeting view')!;
      const button = link.parentElement!.querySelector('button')!;
      const [l, b] = [link, button].map((e) => e.getBoundingClientRect());
      const root = document.querySelector('.htl-trainer')!.getBoundingClientRect();
      return { border: getComputedStyle(link).borderTopStyle, underline: getComputedStyle(link).textDecorationLine, middle: Math.abs(l!.top + l!.height / 2 - (b!.top + b!.height / 2)), height: Math.abs(l!.height - b!.height), bottom: root.height >= window.innerHeight - 1 };
    });
    expect(look, JSON.stringify(look)).toMatchObject({ border: 'solid', underline: 'none', bottom: true });
    expect(look.middle).toBeLessThanOrEqual(1);
    expect(look.height).toBeLessThanOrEqual(2);
    const boardCode = await page.getByLabel('Board code of North Star', { exact: true }).inputValue();
    expect(boardCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(await page.getByLabel('Meeting view link of North Star', { exact: true }).inputValue()).toMatch(new RegExp(`\\?view=meeting&team=${boardCode}$`));
    expect((await call(server.url, 'GET', `/api/teams/${boardCode}/board`)).status).toBe(200);
  });

  it('removes a result from the board (asked, undoable) and never shows a stack trace', async () => {
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await page.getByRole('button', { name: 'All time' }).click().catch(() => undefined);
    const row = page.getByRole('row', { name: /Replay .* by Ana/ }).first();
    await row.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    // Said no: the replay stays open and the result stays.
    expect(await page.getByRole('dialog').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const results = async () => (await call(server.url, 'GET', `/api/teams/${code}/results`)).body.results.length;
    expect(await results()).toBe(0);
    const undo = page.locator('.htl-undo');
    expect(await undo.textContent()).toMatch(/Result removed: .* by Ana/);
    await undo.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(results).toBe(1);
    expect(errors).toEqual([]);
    expect(await page.locator('body').textContent()).not.toMatch(/at \w+ \(|Error:/);
  });
});
