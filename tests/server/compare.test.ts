// Comparing two attempts in a real browser against the real server: the board's recent calls in
// the order they were played with "Show more", two results of the same call ticked and compared
// (the turn where they part marked, the difference per skill), two different calls refused in
// words, the `?view=compare` address, Russian, and axe audits of the list and both views.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { openHarness } from './browser/page.js';
import { playedByIds, type Move } from './playByIds.js';
import { call, finished, loadShipped } from './support.js';

const firstCall = loadShipped('first-call.json');
const other = loadShipped('update-warning.json');
const IDEAL: Move[] = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const SLOW_TRACE: Move[] = ['opening.1', 'formal-trace', 'delay-known.1'];
const MIN = 60_000;
const FILLERS = 14;

let server: TestServer;
let browser: Browser;
let page: Page;
let code: string;
const errors: string[] = [];
/** Result ids and scores by label. */
const ids: Record<string, number> = {};
const played: Record<string, { politeness: number; accuracy: number; judgment: number; overall: number }> = {};
/** Every result id, newest played first. */
let expectedOrder: number[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  code = (await call(server.url, 'POST', '/api/teams', { name: 'Compare Team' }, { authorization: `Bearer ${TEST_TRAINER_TOKEN}` })).body.code;
  const nora = (await call(server.url, 'POST', '/api/join', { code, name: 'Nora' })).body;
  const omar = (await call(server.url, 'POST', '/api/join', { code, name: 'Omar' })).body;
  const now = Date.now();
  const sends: { label: string; who: typeof nora; transcript: unknown; score?: (typeof played)[string]; ago: number }[] = [];
  const pin = (label: string, who: typeof nora, moves: Move[], seed: number, ago: number) => {
    const r = playedByIds(firstCall, moves, { seed });
    sends.push({ label, who, transcript: r.transcript, score: r.score, ago });
  };
  // Sent out of the order they were played: Nora's second try arrives first.
  pin('noraSecond', nora, SLOW_TRACE, 5, 20);
  pin('noraFirst', nora, IDEAL, 5, 40);
  pin('omar', omar, IDEAL, 9, 30);
  const otherReply = other.nodes.get(other.start)!.replies[0]!.id;
  sends.push({ label: 'otherCall', who: omar, transcript: playedByIds(other, [otherReply], { seed: 3 }).transcript, ago: 10 });
  // Older results, so the list has more than one page.
  for (let i = 0; i < FILLERS; i++) sends.push({ label: `filler${i}`, who: i % 2 ? nora : omar, transcript: finished(firstCall, { seed: 100 + i }).transcript, ago: 60 + i });
  let n = 0;
  for (const s of sends) {
    const r = await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `compare-ui-${n++}-abcdefghijkl`, transcript: s.transcript, playedAt: new Date(now - s.ago * MIN).toISOString() }, { 'x-player-token': s.who.token });
    expect(r.status).toBe(201);
    ids[s.label] = r.body.result.id;
    if (s.score) played[s.label] = s.score;
  }
  expectedOrder = [...sends].sort((a, b) => a.ago - b.ago).map((s) => ids[s.label]!);
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
  await p.addScriptTag({ content: source });
  return p.evaluate(async (sel) => {
    const r = await (globalThis as any).axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, selector);
}

const minus = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');
const recentIds = () => page.locator('.htl-recent tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-result'))));
const tick = (id: number) => page.locator(`.htl-recent tr[data-result="${id}"] input[type="checkbox"]`);

describe('compare two attempts', () => {
  it('lists recent calls by when they were played, a page at a time', async () => {
    await page.evaluate((c) => (globalThis as any).htl.showBoard(c), code);
    await expect.poll(recentIds).toEqual(expectedOrder.slice(0, 15));
    await page.locator('.htl-recent').getByRole('button', { name: 'Show more' }).click();
    await expect.poll(recentIds).toEqual(expectedOrder);
    expect(await page.locator('.htl-recent').getByRole('button', { name: 'Show more' }).isHidden()).toBe(true);
    expect(await axe(page, '#app')).toEqual([]);
  });

  it('fits "Recent calls" in its card at 1280x720 and 1920x1080, with short dates', async () => {
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      const fit = await page.locator('.htl-recent').evaluate((el) => {
        const card = el.closest('.htl-panel')!;
        const table = el.querySelector('table')!;
        return {
          card: [card.scrollWidth, card.clientWidth],
          table: table.getBoundingClientRect().right <= card.getBoundingClientRect().right,
          // Every visible header and cell inside the card (Overall not cut off).
          cells: [...el.querySelectorAll('th, td')].filter((c) => getComputedStyle(c).display !== 'none').every((c) => c.getBoundingClientRect().right <= card.getBoundingClientRect().right + 0.5),
          overall: getComputedStyle(el.querySelector('th.htl-col-overall')!).display,
          whenLines: Math.max(...[...el.querySelectorAll('td.htl-col-when time')].map((c) => c.getClientRects().length)),
          when: [...el.querySelectorAll('td.htl-col-when time')].map((c) => c.textContent!),
        };
      });
      expect(fit.card[0], `card at ${width}`).toBeLessThanOrEqual(fit.card[1]!);
      expect(fit.table).toBe(true);
      expect(fit.cells).toBe(true);
      expect(fit.overall).not.toBe('none');
      // Date and time on one line, not five.
      expect(fit.whenLines, fit.when.join(' | ')).toBe(1);
      for (const w of fit.when) expect(w).toMatch(/ago$|^[A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2}\s?[AP]M$/);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('prints the board black on white, as wide as A4 paper, with no dark band', async () => {
    // A4 is 210 mm wide; less Chromium's default margins that is about 718 CSS px of content.
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const paper = await page.evaluate(() => {
      const dark = (c: string) => {
        const m = c.match(/rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/);
        if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return false;
        return 0.2126 * Number(m[1]) + 0.7152 * Number(m[2]) + 0.0722 * Number(m[3]) < 200;
      };
      const all = [document.documentElement, document.body, ...document.querySelectorAll('#app, #app *')];
      return {
        width: document.documentElement.scrollWidth,
        darkBackgrounds: all.filter((e) => e.getClientRects().length > 0 && dark(getComputedStyle(e).backgroundColor)).map((e) => `${e.tagName}.${e.className}`),
        greyText: [...document.querySelectorAll('.htl-lb td, .htl-lb th')].filter((e) => !/^rgb\((0|51), \1, \1\)$/.test(getComputedStyle(e).color)).length,
        overall: [...document.querySelectorAll('.htl-recent td.htl-col-overall, .htl-recent td.htl-col-grade')].every((c) => c.getBoundingClientRect().right <= document.documentElement.clientWidth),
        whenLines: Math.max(...[...document.querySelectorAll('.htl-recent td.htl-col-when time')].map((c) => c.getClientRects().length)),
      };
    });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(paper.width).toBeLessThanOrEqual(718);
    expect(paper.darkBackgrounds).toEqual([]);
    expect(paper.greyText).toBe(0);
    expect(paper.overall).toBe(true);
    expect(paper.whenLines).toBe(1);
  });

  it('refuses to compare two different calls, in words, and compares one player\'s two tries', async () => {
    const compare = page.locator('.htl-recent').getByRole('button', { name: 'Compare', exact: true });
    await tick(ids.noraFirst!).check();
    await expect.poll(() => page.locator('.htl-recent-status').textContent()).toContain('tick another result of the same call');
    await tick(ids.otherCall!).check();
    await expect.poll(() => page.locator('.htl-recent-status').textContent()).toContain('two different calls');
    expect(await compare.isDisabled()).toBe(true);
    await tick(ids.otherCall!).uncheck();
    await tick(ids.noraSecond!).check();
    expect(await compare.isEnabled()).toBe(true);
    await compare.click();

    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('h2').textContent()).toBe(`${firstCall.title} — two tries by Nora`);
    // Each try labelled with its date; the earlier try first.
    expect(await dialog.locator('[data-who]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-who'))))).toEqual([ids.noraFirst, ids.noraSecond]);
    expect(await dialog.locator('.htl-cmp-who').textContent()).toMatch(/try of .*try of /);
    // They part at turn 2, marked in words as well as colour.
    expect(await dialog.getByRole('status').textContent()).toBe('They part at turn 2.');
    const parted = dialog.locator('tr[data-parted]');
    expect(await parted.count()).toBe(1);
    expect(await parted.getAttribute('data-turn')).toBe('2');
    expect(await parted.textContent()).toContain('They part here');
    expect(await parted.textContent()).toContain('formal trace');
    // The difference per skill, later minus earlier, as the engine scored them.
    for (const skill of ['politeness', 'accuracy', 'judgment', 'overall'] as const) {
      expect(await dialog.locator(`[data-diff="${skill}"]`).textContent()).toBe(minus(played.noraSecond![skill] - played.noraFirst![skill]));
    }
    expect(played.noraSecond!.judgment).toBeLessThan(played.noraFirst!.judgment);
    expect(await axe(page, 'dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('opens from its address: two players, two different calls refused, a bad address explained', async () => {
    const show = async (query: string) => {
      await page.evaluate(() => document.getElementById('app')!.replaceChildren());
      expect(await page.evaluate((u) => (globalThis as any).htl.showUrl(u), `/?view=compare&team=${code}&${query}`)).toBe(true);
      await expect.poll(() => page.locator('#app main').getAttribute('aria-busy')).toBe('false');
    };
    await show(`a=${ids.omar}&b=${ids.noraSecond}`);
    expect(await page.locator('#app h2').textContent()).toBe(`${firstCall.title} — Omar and Nora`);
    expect(await page.locator('.htl-cmp-turns thead').textContent()).toMatch(/Omar.*Nora/);
    expect(await page.locator('#app tr[data-parted]').getAttribute('data-turn')).toBe('2');
    expect(await page.locator('[data-diff="judgment"]').textContent()).toBe(minus(played.noraSecond!.judgment - played.omar!.judgment));
    expect(await axe(page, '#app')).toEqual([]);

    await show(`a=${ids.noraFirst}&b=${ids.omar}`);
    expect(await page.locator('#app [role="status"]').textContent()).toBe('Both took the same way through the call.');
    expect(await page.locator('#app tr[data-parted]').count()).toBe(0);

    await show(`a=${ids.noraFirst}&b=${ids.otherCall}`);
    expect(await page.getByRole('alert').textContent()).toMatch(/two different calls .*only two attempts at the same call can be compared/);
    await show(`a=${ids.noraFirst}&b=${ids.noraFirst}`);
    expect(await page.getByRole('alert').textContent()).toContain('the same result twice');
    await show(`a=${ids.noraFirst}&b=nonsense`);
    expect(await page.getByRole('alert').textContent()).toContain('needs the two results to compare');
    await show(`a=${ids.noraFirst}&b=999999`);
    expect(await page.getByRole('alert').textContent()).toContain('cannot be compared');
    expect(await axe(page, '#app')).toEqual([]);
  });

  it('says so when more results cannot be loaded, and loads them when asked again', async () => {
    await page.evaluate(() => document.getElementById('app')!.replaceChildren());
    await page.evaluate((c) => (globalThis as any).htl.showBoard(c), code);
    await expect.poll(recentIds).toEqual(expectedOrder.slice(0, 15));
    const failing = (r: import('playwright-core').Route) => r.abort();
    await page.route(/\/results\?.*before=/, failing);
    const more = page.locator('.htl-recent').getByRole('button', { name: 'Show more' });
    await more.click();
    await expect.poll(() => page.locator('.htl-recent [role="alert"]').textContent()).toContain('More results could not be loaded');
    expect(await recentIds()).toEqual(expectedOrder.slice(0, 15));
    await page.unroute(/\/results\?.*before=/, failing);
    await more.click();
    await expect.poll(recentIds).toEqual(expectedOrder);
    expect(await page.locator('.htl-recent [role="alert"]').isHidden()).toBe(true);
  });

  it('speaks Russian, Polish and Ukrainian', async () => {
    for (const [lang, words] of [['ru', 'Они расходятся на ходе 2'], ['pl', 'Rozchodzą się w turze 2'], ['uk', 'Вони розходяться на ході 2']] as const) {
      await page.evaluate(() => document.getElementById('app')!.replaceChildren());
      await page.evaluate((u) => (globalThis as any).htl.showUrl(u), `/?view=compare&team=${code}&a=${ids.noraFirst}&b=${ids.noraSecond}&lang=${lang}`);
      await expect.poll(() => page.locator('#app main').getAttribute('aria-busy')).toBe('false');
      // Every string of the view is in the language: no key shown raw.
      expect(await page.locator('#app').textContent()).not.toMatch(/compare\.|replay\./);
      await expect.poll(() => page.locator('#app').textContent()).toContain(words);
    }
    expect(errors).toEqual([]);
  });
});
