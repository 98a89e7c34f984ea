// The team lead's meeting in a real Chromium against the real server, with a team of seven (one
// with a 40-character name in one piece) and two weeks of results on two calls: the replay shows
// every turn in full, the meeting view fits 1280×720 and 1920×1080 at every period without
// scrolling (measured from the DOM) with no text under 24 px at 1920×1080, Space pauses after a
// mouse click, closing a replay resumes the show, the trend chart's labels never touch and it
// saves as SVG and PNG, and print (emulated) gives one slide a page and no buttons. axe on each.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_PERIODS } from '../../src/leaderboard/meetingPage.js';
import { launchBrowser } from '../support/browser.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { openHarness } from './browser/page.js';
import { call, finished, loadShipped } from './support.js';

const calls = [loadShipped('first-call.json'), loadShipped('update-warning.json')];
const LONG = 'Wolfeschlegelsteinhausenbergerdorffwwwww';
const NAMES = ['Ada', 'Bruno', 'Chen', 'Dana', 'Emil', 'Farah', LONG];
const DAY = 86_400_000;
let server: TestServer;
let browser: Browser;
let page: Page;
let code: string;
const errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  code = (await call(server.url, 'POST', '/api/teams', { name: 'Projector Team' }, { authorization: `Bearer ${TEST_TRAINER_TOKEN}` })).body.code;
  // The same replies for everyone, each player on seeds of their own: a call counts once in a team.
  const plays = (p: number) => calls.map((c) => [1, 2, 3].map((seed) => finished(c, { seed: seed + 10 * p, pick: (turn) => 1 + ((seed + turn) % 3) }).transcript));
  let n = 0;
  for (const [p, name] of NAMES.entries()) {
    const { token } = (await call(server.url, 'POST', '/api/join', { code, name })).body;
    // Three attempts each on two calls (so everyone is ranked), spread over the last 13 days.
    for (const [c, transcripts] of plays(p).entries()) {
      for (const [k, transcript] of transcripts.entries()) {
        const playedAt = new Date(Date.now() - ((p + 4 * k + c) % 13) * DAY - 3_600_000).toISOString();
        const r = await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `meet-${n++}-abcdefghijklmnop`, transcript, playedAt }, { 'x-player-token': token });
        expect(r.status).toBe(201);
      }
    }
  }
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await openHarness(page, server.url);
  // The game's own stylesheet, as on the game's page that mounts the meeting view: its rules must not touch these views.
  await page.addStyleTag({ path: process.env.HTL_GAME_CSS ?? resolve(import.meta.dirname, '../../src/game/ui/styles.css') });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function axe(p: Page, where = '#app'): Promise<{ id: string; impact: string; nodes: number }[]> {
  if (!(await p.evaluate(() => 'axe' in globalThis))) await p.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
  return p.evaluate(async (sel) => {
    const r = await (globalThis as any).axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, where);
}

/** Ends the view on show (its timers and keys too) and empties the page. */
const clear = () =>
  page.evaluate(() => {
    (globalThis as any).view?.destroy();
    (globalThis as any).view = null;
    document.getElementById('app')!.replaceChildren();
  });
const meeting = (advanceMs = 600_000) => page.evaluate(([c, ms]) => void ((globalThis as any).view = (globalThis as any).htl.showMeeting(c, ms)), [code, advanceMs] as const);
const slideTitle = () => page.locator('.htl-slide h1').textContent();
const loaded = () => expect.poll(() => page.locator('.htl-slide table').count(), { timeout: 10_000 }).toBeGreaterThan(0);

/** What the meeting view's DOM says about fitting: overflow of the page and the slide, overlaps, type sizes. */
function measure(): Promise<{ root: [number, number]; slide: [number, number]; slideW: [number, number]; doc: [number, number]; overlap: boolean; smallest: number; smallestText: string }> {
  return page.evaluate(() => {
    const root = document.querySelector('.htl-meeting') as HTMLElement;
    const slide = root.querySelector('.htl-slide') as HTMLElement;
    const controls = root.querySelector('.htl-controls')!.getBoundingClientRect();
    const chart = root.querySelector('.htl-slide svg')?.getBoundingClientRect();
    const overlap = !!chart && chart.height > 0 && !(chart.bottom <= controls.top || chart.top >= controls.bottom || chart.right <= controls.left || chart.left >= controls.right);
    let smallest = Infinity;
    let smallestText = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent!.trim() || el.closest('.htl-print') || el.closest('caption') || el.getClientRects().length === 0) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      // SVG text is drawn at its font size times the drawing's scale.
      if (el instanceof SVGElement) size *= (el as unknown as SVGGraphicsElement).getScreenCTM()!.a;
      if (size < smallest) [smallest, smallestText] = [size, n.textContent!];
    }
    const de = document.documentElement;
    return {
      root: [root.scrollHeight, root.clientHeight],
      slide: [slide.scrollHeight, slide.clientHeight],
      slideW: [slide.scrollWidth, slide.clientWidth],
      doc: [de.scrollHeight, de.clientHeight],
      overlap,
      smallest,
      smallestText,
    };
  });
}

describe('the meeting view', () => {
  it('fits 1280×720 and 1920×1080 at every period and every slide, type at least 24 px at 1920×1080', async () => {
    const report: string[] = [];
    for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await clear();
      await meeting();
      await loaded();
      await page.getByRole('button', { name: 'Pause' }).click();
      for (const period of MEETING_PERIODS) {
        await page.locator(`button[data-period="${period}"]`).click();
        await expect.poll(() => page.locator(`button[data-period="${period}"]`).getAttribute('aria-pressed')).toBe('true');
        await loaded();
        await expect.poll(() => slideTitle()).toBe('All calls');
        const total = Number(/of (\d+)/.exec((await page.locator('.htl-controls .htl-muted').textContent())!)![1]);
        expect(total).toBe(3);
        for (let s = 0; s < total; s++) {
          const m = await measure();
          report.push(`${width}×${height} ${period} slide ${s + 1}: slide ${m.slide[0]}/${m.slide[1]} px, smallest ${m.smallest.toFixed(1)} px`);
          expect(m.root[0], `${width}×${height} ${period} slide ${s + 1}`).toBeLessThanOrEqual(m.root[1]);
          expect(m.slide[0], `${width}×${height} ${period} slide ${s + 1}`).toBeLessThanOrEqual(m.slide[1]);
          expect(m.slideW[0]).toBeLessThanOrEqual(m.slideW[1]);
          expect(m.doc[0]).toBeLessThanOrEqual(m.doc[1]);
          expect(m.overlap).toBe(false);
          // (SVG text within a hundredth of a pixel: the drawing is sized to its box, which may be fractional.)
          if (width === 1920) expect(m.smallest, `"${m.smallestText}" at ${period}`).toBeGreaterThanOrEqual(23.99);
          else expect(m.smallest).toBeGreaterThanOrEqual(15.99);
          if (s === 0) {
            // Every player of the period shows on the overall slide at both sizes (seven of
            // them over the last 7 days and longer); the chart is drawn.
            const rows = await page.locator('.htl-slide tbody tr').count();
            expect(await page.locator('.htl-slide .htl-more-rows').count()).toBe(0);
            if (period !== 'month') expect(rows).toBe(NAMES.length);
            expect(await page.locator('.htl-slide svg[role="img"]').count()).toBe(1);
            // Its rows open a replay (the player's best result), as each call's rows do.
            expect(await page.locator('.htl-slide tbody tr[data-result]').count()).toBe(rows);
          }
          // The slide is filled: type and rows grow into the room left (at least half the body, where the table was a third).
          const filled = await page.locator('.htl-slide .htl-board-slot').evaluate((slot) => {
            const table = slot.querySelector('table');
            // (A board of one or two rows is not stretched to fill a screen.)
            return table && table.querySelectorAll('tbody tr').length >= 4 ? table.getBoundingClientRect().height / slot.getBoundingClientRect().height : 1;
          });
          expect(filled, `${width}×${height} ${period} slide ${s + 1}`).toBeGreaterThan(0.5);
          // "1 of 3" sits on the buttons' middle line.
          const [counterMid, buttonMid] = await page.locator('.htl-controls [role="group"]').last().evaluate((g) => [g.querySelector('span')!, g.querySelector('button')!].map((e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; }));
          expect(Math.abs(counterMid! - buttonMid!)).toBeLessThanOrEqual(1.5);
          const before = await slideTitle();
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => slideTitle()).not.toBe(before);
          await loaded();
        }
      }
      expect(await axe(page)).toEqual([]);
    }
    console.log(report.filter((l) => / (last7|all) slide 1/.test(l)).join('\n'));
  }, 120_000);

  it('cuts a 40-character name with an ellipsis, the whole name in its title and text', async () => {
    const name = page.locator(`.htl-slide .htl-player-name[title="${LONG}"]`).first();
    await expect.poll(() => name.count()).toBe(1);
    expect(await name.textContent()).toBe(LONG);
    const box = await name.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).textOverflow, right: el.getBoundingClientRect().right }));
    expect(box.overflow).toBe('ellipsis');
    // On the projector there is room for more of it than the 10 em of the smallest screens.
    expect(box.client).toBeGreaterThan(10 * (await name.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))));
    expect(box.scroll).toBeGreaterThanOrEqual(box.client);
    expect(box.right).toBeLessThanOrEqual(1920);
  });

  it('pauses with Space after Next was clicked with the mouse, and resumes with it', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await clear();
    await meeting(1500);
    await loaded();
    await page.getByRole('button', { name: 'Next' }).click();
    const title = await slideTitle();
    expect(title).not.toBe('All calls');
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('true');
    // Space did not click Next again, and the show stands still.
    expect(await slideTitle()).toBe(title);
    await page.waitForTimeout(2500);
    expect(await slideTitle()).toBe(title);
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => slideTitle(), { timeout: 5000 }).not.toBe(title);
  });

  it('resumes the show when a replay closes if it was running, and not if it was paused', async () => {
    await clear();
    // 8 s a slide: long enough that a loaded machine never moves the show on between the steps below.
    await meeting(8000);
    await loaded();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideTitle()).not.toBe('All calls');
    const first = (await slideTitle())!;
    await page.locator('.htl-slide tr[data-result]').first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Turn 1');
    await page.waitForTimeout(3500);
    expect(await slideTitle()).toBe(first);
    expect(await axe(page, 'dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('.htl-controls button[aria-pressed]').filter({ hasText: /Pause|Play/ }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => slideTitle(), { timeout: 15_000 }).not.toBe(first);

    // Paused before: still paused after.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowLeft');
    const paused = await slideTitle();
    await page.locator('.htl-slide tr[data-result]').first().click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(3500);
    expect(await slideTitle()).toBe(paused);
  });

  it('prints one slide a page, black on white, with no buttons', async () => {
    await page.keyboard.press('Home');
    await page.emulateMedia({ media: 'print' });
    try {
      const seen = await page.evaluate(() => {
        const root = document.querySelector('.htl-meeting') as HTMLElement;
        const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const slides = [...root.querySelectorAll('.htl-print-slide')];
        return {
          buttons: [...document.querySelectorAll('button')].filter(visible).length,
          slides: slides.filter(visible).length,
          breaks: slides.slice(0, -1).map((s) => getComputedStyle(s).breakAfter),
          colour: getComputedStyle(root).color,
          background: getComputedStyle(root).backgroundColor,
          screenSlide: visible(root.querySelector('.htl-slide')!),
        };
      });
      expect(seen.buttons).toBe(0);
      expect(seen.slides).toBe(3);
      expect(seen.breaks).toEqual(['page', 'page']);
      expect(seen.colour).toBe('rgb(0, 0, 0)');
      expect(seen.background).toBe('rgb(255, 255, 255)');
      expect(seen.screenSlide).toBe(false);
      // The printed file itself: as many pages as slides.
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(3);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

describe('the replay', () => {
  for (const [width, height, where] of [[1280, 720, 'board'], [1280, 720, 'meeting'], [1920, 1080, 'meeting']] as const) {
    it(`shows every turn whole, under the scores, at ${width}×${height} from the ${where}`, async () => {
      await page.setViewportSize({ width, height });
      await clear();
      if (where === 'board') {
        await page.evaluate((c) => void ((globalThis as any).view = (globalThis as any).htl.showBoard(c)), code);
        await page.getByRole('tab').nth(1).click();
        await expect.poll(() => page.locator('tr[data-result]').count()).toBeGreaterThan(1);
      } else {
        await meeting();
        await loaded();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => slideTitle()).not.toBe('All calls');
      }
      await page.locator('tr[data-result]').first().click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.textContent()).toContain('Turn 1');
      await dialog.getByRole('button', { name: 'Show every turn' }).click();
      await expect.poll(() => dialog.textContent()).toContain('Ending');
      const turns = await page.locator('dialog .htl-turn').count();
      expect(turns).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < turns; i++) {
        const r = await page.evaluate((k) => {
          const list = document.querySelector('dialog .htl-timeline') as HTMLElement;
          const turn = list.querySelectorAll('.htl-turn')[k] as HTMLElement;
          turn.scrollIntoView({ block: 'nearest' });
          const box = (e: Element) => e.getBoundingClientRect();
          const [l, tb, s, d] = [box(list), box(turn), box(document.querySelector('dialog .htl-scores')!), box(document.querySelector('dialog')!)];
          return {
            position: getComputedStyle(list).position,
            inside: tb.height > l.height || (tb.top >= l.top - 1 && tb.bottom <= l.bottom + 1),
            inDialog: l.top >= d.top && l.bottom <= d.bottom + 1 && d.bottom <= innerHeight && d.top >= 0,
            clearOfScores: tb.top >= s.bottom || tb.bottom <= s.top,
            wide: tb.width / d.width,
            font: parseFloat(getComputedStyle(turn).fontSize),
          };
        }, i);
        expect(r.position).toBe('static');
        expect(r.inside, `turn ${i + 1}`).toBe(true);
        expect(r.inDialog).toBe(true);
        expect(r.clearOfScores, `turn ${i + 1}`).toBe(true);
        expect(r.wide).toBeGreaterThan(0.8);
        expect(r.font).toBeGreaterThanOrEqual(15);
      }
      // The player's name in the head is cut like everywhere else, whole in its title.
      expect(await dialog.locator('h2 .htl-player-name').getAttribute('title')).toBeTruthy();
      expect(await axe(page, 'dialog')).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    });
  }
});

describe('the board and its trend chart', () => {
  it('prints the board without buttons, black on white', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await clear();
    await page.evaluate((c) => void ((globalThis as any).view = (globalThis as any).htl.showBoard(c)), code);
    await expect.poll(() => page.locator('.htl-lb-board table').count()).toBeGreaterThan(0);
    const name = page.locator(`.htl-lb-board .htl-player-name[title="${LONG}"]`).first();
    expect(await name.textContent()).toBe(LONG);
    await page.emulateMedia({ media: 'print' });
    try {
      const seen = await page.evaluate(() => ({
        buttons: [...document.querySelectorAll('#app button')].filter((b) => b.getClientRects().length > 0).length,
        colour: getComputedStyle(document.querySelector('.htl-lb-board')!).color,
        background: getComputedStyle(document.querySelector('.htl-lb-board')!).backgroundColor,
        tables: document.querySelectorAll('.htl-lb-board table').length,
      }));
      expect(seen).toMatchObject({ buttons: 0, colour: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
      expect(seen.tables).toBeGreaterThan(0);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await axe(page)).toEqual([]);
  });

  it('thins its dates so none touch, marks a lone week and bridges gaps, and saves as SVG and PNG', async () => {
    await clear();
    // Two years of weeks with gaps, and one week alone between two gaps.
    const start = Date.UTC(2024, 0, 1);
    const points = Array.from({ length: 104 }, (_, i) => ({
      start: new Date(start + i * 7 * DAY).toISOString(),
      results: i % 10 === 3 || (i > 50 && i < 60) ? 0 : 4,
      average: i % 10 === 3 || (i > 50 && i < 60) ? null : 40 + ((i * 7) % 50),
    }));
    points[55] = { ...points[55]!, results: 2, average: 77 };
    await page.evaluate((trend) => (globalThis as any).htl.showTrend(trend, 640), { bucket: 'week', points });
    const chart = page.locator('#app svg.htl-chart');
    const ticks = await chart.locator('text.tick').evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBoundingClientRect()).map((b) => [b.left, b.right] as [number, number]));
    expect(ticks.length).toBeGreaterThan(3);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]![0], `label ${i}`).toBeGreaterThan(ticks[i - 1]![1]);
    const svgBox = await chart.evaluate((e) => e.getBoundingClientRect().toJSON());
    expect(ticks[0]![0]).toBeGreaterThanOrEqual(svgBox.left);
    expect(ticks[ticks.length - 1]![1]).toBeLessThanOrEqual(svgBox.right + 0.5);
    // The lone week: a ringed dot with its value; the gaps: dashed bridges.
    expect(await chart.locator('circle.alone').count()).toBe(1);
    expect(await chart.locator('text.value').textContent()).toBe('77');
    expect(await chart.locator('path.gap').count()).toBeGreaterThan(5);

    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as SVG' }).click()]);
    expect(svgFile.suggestedFilename()).toBe('team-trend.svg');
    const text = readFileSync((await svgFile.path())!, 'utf8');
    expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('<style>');
    expect(text).toContain('class="alone"');
    const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as PNG' }).click()]);
    expect(pngFile.suggestedFilename()).toBe('team-trend.png');
    const png = readFileSync((await pngFile.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height, twice the chart's size.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 440]);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
