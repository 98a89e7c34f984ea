// The team page in Chromium against the real server: every member listed, the one who never
// played with the "hasn't practised in the last 7 days" badge; a long name cut with an ellipsis and kept
// whole in its title; a member's progress chart (with its table) and results opening the replay;
// an insight followed to its example replay; the page from the board's Team button; Russian; and
// axe audits. Results are first-call played by reply ids with pinned seeds (see team.test.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekStart } from '../../src/game/history/weeks.js';
import { launchBrowser } from '../support/browser.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { openHarness } from './browser/page.js';
import { playedByIds } from './playByIds.js';
import { call, loadShipped } from './support.js';

const DAY = 86_400_000;
const firstCall = loadShipped('first-call.json');
const LONG = 'Maximiliana-Konstantinopolitanskaya-Xyzq'; // 40 characters, no space to break at
let server: TestServer;
let browser: Browser;
let page: Page;
let code: string;
const errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  code = (await call(server.url, 'POST', '/api/teams', { name: 'Evening Shift' }, { authorization: `Bearer ${TEST_TRAINER_TOKEN}` })).body.code;
  const tokens: Record<string, string> = {};
  for (const name of ['Ann', 'Ben', 'Cat', 'Dan', LONG]) tokens[name] = (await call(server.url, 'POST', '/api/join', { code, name })).body.token;
  const plays: [string, string[], number, number][] = [
    ['Dan', ['opening.1', 'order-shipped.1', 'delay-known.1'], 3, 10],
    ['Ben', ['opening.2', 'promise-doubt.1', 'order-shipped.1', 'delay-known.2'], 11, 5],
    // Seeds of their own where the replies are Ann's or Dan's: a call counts once in a team.
    ['Ben', ['opening.1', 'order-shipped.2'], 6, 1],
    [LONG, ['opening.1', 'order-shipped.1', 'delay-known.1'], 4, 2],
    ['Ann', ['opening.1', 'order-shipped.2'], 5, 0],
  ];
  let n = 0;
  for (const [who, moves, seed, daysAgo] of plays) {
    const { transcript } = playedByIds(firstCall, moves, { seed });
    const r = await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `teampage-${n++}-0123456789abcdef`, transcript, playedAt: new Date(Date.now() - daysAgo * DAY).toISOString() }, { 'x-player-token': tokens[who]! });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await openHarness(page, server.url);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function axe(p: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await p.evaluate(() => 'axe' in globalThis))) await p.addScriptTag({ content: source });
  return p.evaluate(async () => {
    const r = await (globalThis as any).axe.run(document.body, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

const row = (name: string) => page.locator('tr[data-member]', { has: page.locator(`[title="${name}"]`) });

describe('team page', () => {
  it('lists every member, the one who never played too, with the badge for who has not practised in the last 7 days', async () => {
    expect(await page.evaluate((c) => (globalThis as any).htl.showUrl(`/?view=team&team=${c}`), code)).toBe(true);
    await expect.poll(() => page.locator('tr[data-member]').count()).toBe(5);
    expect(await page.locator('h2').first().textContent()).toBe('Team · Evening Shift');
    const cat = row('Cat');
    expect(await cat.textContent()).toContain('Never played');
    expect(await cat.locator('[data-badge="idle"]').textContent()).toBe("Hasn't practised in the last 7 days");
    // The column says the same span as the board's "Last 7 days" (not "this week" since Monday).
    expect(await page.locator('.htl-team table').first().locator('thead').textContent()).toContain('Last 7 days');
    // Played ten days ago: listed, last played shown relative, badged, no calls in the last 7 days.
    const dan = row('Dan');
    expect(await dan.locator('time').textContent()).toMatch(/^(10 days ago|last week)$/);
    expect(await dan.locator('[data-badge="idle"]').count()).toBe(1);
    expect(await dan.locator('td.num').first().textContent()).toBe('0');
    expect(await row('Ann').locator('[data-badge]').count()).toBe(0);
    expect(await row('Ann').textContent()).toContain('Practised');
    expect(await row('Ben').locator('time').textContent()).toBe('yesterday');
    // Ben's two calls this week average 62 overall; his judgment (70 and 0) 35.
    expect(await row('Ben').locator('td.num').allTextContents()).toEqual(['12 results', '82.5', '67.5', '35']);
    expect(await axe(page)).toEqual([]);
  });

  it('cuts a long name with an ellipsis, keeps it whole for hover and screen readers, and stays inside its panel', async () => {
    const name = page.locator(`tr[data-member] [title="${LONG}"]`);
    expect(await name.textContent()).toBe(LONG);
    const m = await name.evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth, overflow: getComputedStyle(el).textOverflow }));
    expect(m).toEqual({ cut: true, overflow: 'ellipsis' });
    expect(await row(LONG).getByRole('button').getAttribute('aria-label')).toBe(`Progress and results of ${LONG}`);
    const widths = await page.locator('.htl-members-panel .htl-table-scroll').evaluate((box) => [box.scrollWidth, box.clientWidth]);
    expect(widths[0], JSON.stringify(widths)).toBeLessThanOrEqual(widths[1]!);
  });

  it("opens a member's progress over weeks per skill and their results, each opening its replay", async () => {
    await row('Ben').getByRole('button').click();
    const detail = page.locator('[data-member-detail]');
    await expect.poll(() => detail.locator('svg[role="img"]').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Progress of Ben');
    expect(await row('Ben').getByRole('button').getAttribute('aria-expanded')).toBe('true');
    const chart = detail.locator('svg[role="img"]');
    const labelled = await chart.evaluate((el) => (el.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent));
    expect(labelled[0]).toBe('Weekly averages of Ben per skill');
    // Ben's latest week holds his call of yesterday (judgment 0), and his call of five days ago
    // (70) as well when both fall in one week, Monday to Sunday (on a Saturday or a Sunday).
    const oneWeek = weekStart(Date.now() - DAY).getTime() === weekStart(Date.now() - 5 * DAY).getTime();
    expect(labelled[1]).toMatch(new RegExp(`weeks from .* Latest week with results: .*Judgment ${oneWeek ? 35 : 0}\\.$`));
    expect(await chart.locator('g[data-skill]').count()).toBe(3);
    // Every label under the axis is apart from the next.
    const boxes = await chart.locator(':scope > text').evaluateAll((els) => els.map((e) => (e as unknown as SVGGraphicsElement).getBBox()).filter((b) => b.y > 200).map((b) => ({ x: b.x, width: b.width })));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
    await detail.getByText('Show as a table').click();
    const weeks = await detail.locator('table.htl-progress-table tbody tr').allTextContents();
    expect(weeks.length).toBeGreaterThanOrEqual(1);
    // The latest week with results (this week is listed empty on a Monday): its overall is
    // yesterday's call alone (52), or both of Ben's calls (62).
    expect(weeks.filter((w) => /\d$/.test(w)).at(-1)).toMatch(oneWeek ? /62$/ : /52$/);
    await expect.poll(() => detail.locator('tr[data-result]').count()).toBe(2);
    expect(await detail.locator('tr[data-result]').first().textContent()).toContain(firstCall.title);
    await detail.locator('tr[data-result]').first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Turn 1');
    expect(await dialog.getAttribute('aria-label')).toBe(`${firstCall.title} — Ben`);
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('shows the insights and follows one to its example replay', async () => {
    const panel = page.locator('[data-insights]');
    expect(await panel.locator('.htl-weakest').textContent()).toMatch(/^Judgment: team average /);
    const fact = panel.locator('li[data-fact="courier-delay"]');
    expect(await fact.textContent()).toContain(firstCall.facts.get('courier-delay')!.text);
    // Ann's and Ben's shrugs, of the four results in the last 7 days.
    expect(await fact.textContent()).toContain('missed in 2 of 4 results on this call');
    const reply = panel.locator('li[data-reply="order-shipped.2"]');
    expect(await reply.textContent()).toContain(firstCall.nodes.get('order-shipped')!.replies[1]!.say);
    // The call's texts carry the language of the version they came from (the response says which).
    expect(await fact.locator('.htl-insight-text').getAttribute('lang')).toBe(firstCall.locale);
    expect(await reply.locator('.htl-insight-text').getAttribute('lang')).toBe(firstCall.locale);
    expect(await reply.textContent()).toContain('chosen in 2 of 4 results that reached this turn');
    await reply.getByRole('button', { name: 'Replay an example' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getAttribute('aria-label')).toBe(`${firstCall.title} — Ann`);
    await dialog.getByRole('button', { name: 'Show every turn' }).click();
    await expect.poll(() => dialog.locator('[data-better="order-shipped.1"]').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('counts the period chosen', async () => {
    await page.getByRole('button', { name: 'This season' }).click();
    await expect.poll(() => row('Dan').locator('td.num').first().textContent()).toBe('1');
    expect(await page.locator('li[data-fact="courier-delay"]').textContent()).toContain('missed in 2 of 5 results');
  });

  it('prints the names and the badges, not the buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await row('Cat').locator('.htl-player-name').isVisible()).toBe(true);
      expect(await row('Cat').locator('[data-badge="idle"]').isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Last 7 days' }).isVisible()).toBe(false);
      expect(await page.locator('[data-example]').first().isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it("opens from the board's Team button and goes back", async () => {
    // The board's first load is held until the team page is open: the header is redrawn when the board
    // arrives, and going back must still give focus to the button that opened the team page.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let boardRequests = 0;
    const route = '**/api/teams/*/board?*';
    await page.route(route, async (r) => {
      boardRequests++;
      await held;
      await r.continue();
    });
    try {
      await page.evaluate(() => document.getElementById('app')!.replaceChildren());
      await page.evaluate((c) => (globalThis as any).htl.showBoard(c), code);
      await page.getByRole('button', { name: 'Team', exact: true }).click();
      await expect.poll(() => page.locator('tr[data-member]').count()).toBe(5);
      expect(boardRequests).toBe(1);
      release();
      await expect.poll(() => page.locator('.htl-lb-board h2').textContent()).toBe('Leaderboard · Evening Shift');
    } finally {
      release();
      await page.unroute(route);
    }
    expect(await page.locator('.htl-lb-board').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Back to the board' }).click();
    await expect.poll(() => page.locator('.htl-team').count()).toBe(0);
    expect(await page.locator('.htl-lb-board').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Team');
  });

  it('speaks Russian, and says so when the address has no team', async () => {
    await page.evaluate(() => document.getElementById('app')!.replaceChildren());
    await page.evaluate((c) => (globalThis as any).htl.showUrl(`/?view=team&team=${c}&lang=ru`), code);
    await expect.poll(() => row('Cat').textContent()).toContain('Не тренировался(ась) последние 7 дней');
    expect(await page.locator('[data-insights] h3').textContent()).toBe('Выводы');
    await page.evaluate(() => document.getElementById('app')!.replaceChildren());
    await page.evaluate(() => (globalThis as any).htl.showUrl('/?view=team'));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('?team=');
    await page.evaluate(() => document.getElementById('app')!.replaceChildren());
    await page.evaluate(() => (globalThis as any).htl.showUrl('/?view=team&team=NOSUCHTEAM'));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('could not be loaded');
    expect(errors).toEqual([]);
  });
});
