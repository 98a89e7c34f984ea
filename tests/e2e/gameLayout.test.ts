// Layouts that fit, in a real Chromium: in every interface language, on a laptop (1280×720) and
// on phones held upright (390×844, 360×640), the call screen shows every reply — or, when they
// cannot all fit, a column that visibly says it scrolls — in type large enough to read and
// buttons large enough to tap; the picker's cards stay within the window.
//
// The calls are found as the game finds them (every shipped file the engine loads, string tables
// composed with their originals), so calls translated later are checked too. In each language
// the test opens its hardest turn — the listening state with the most text of replies, line and
// hint, reached by the fewest replies (chosen by id) in the engine's state graph — and, on the
// laptop, the first turn with the most text. Each language is one visit, as a player goes:
// title, offline, picker, the calls opened from their cards, with the seed pinned.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStateGraph, pathTo, type Scenario } from '../../src/engine/index.js';
import { loadScenarioFiles } from '../../src/engine/translation/loadFiles.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { shippedSources } from '../support/shipped.js';
import { gameRig, guideSeen, type GameRig } from '../game/support/game.js';
import { SEED } from '../game/support/replies.js';

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 240_000);
afterAll(async () => rig?.close());

interface Size {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly phone: boolean;
}
const LAPTOP: Size = { name: '1280×720', width: 1280, height: 720, phone: false };
const PHONES: readonly Size[] = [
  { name: '390×844', width: 390, height: 844, phone: true },
  { name: '360×640', width: 360, height: 640, phone: true },
];
/** The smallest type the layouts step down to (CSS px): a little smaller on a laptop than on a phone. */
const MIN_FONT = { laptop: 15, phone: 16 };
const MIN_TAP = 44;

/** A turn of a call to open: the call in a language, and the replies (by id) that lead there. */
interface Turn {
  readonly id: string;
  readonly locale: string;
  readonly path: readonly string[];
  readonly node: string;
  /** How much text the screen must hold there (replies, the line and the hint), for choosing the hardest. */
  readonly weight: number;
}

/** First turns of every call that loads (a translation being written may not yet: it is left out), and each language's hardest turn. */
function turnsOf(): { first: Turn[]; hardest: Map<string, Turn> } {
  const calls: Scenario[] = loadScenarioFiles(shippedSources()).flatMap((f) => (f.ok ? [f.scenario] : []));
  const first: Turn[] = [];
  const hardest = new Map<string, Turn>();
  for (const s of calls) {
    const g = buildStateGraph(s, { timeouts: false, hangUp: false });
    const turns = g.states.flatMap((st, i): Turn[] => {
      if (st.ending) return [];
      const node = s.nodes.get(st.node)!;
      const replies = node.replies.filter((r) => st.offered & (1 << r.index));
      const weight = replies.reduce((n, r) => n + r.say.length + 40, 0) + (node.say.length + (node.hint?.length ?? 0)) / 2;
      return [{ id: s.id, locale: s.locale, node: st.node, weight, path: pathTo(g, i).map((e) => (e.move.kind === 'reply' ? e.move.reply.id : e.move.kind)) }];
    });
    if (turns[0]) first.push(turns[0]);
    const best = turns.reduce<Turn | null>((a, t) => (!a || t.weight > a.weight ? t : a), null);
    const worst = hardest.get(s.locale);
    if (best && (!worst || best.weight > worst.weight)) hardest.set(s.locale, best);
  }
  return { first, hardest };
}

const { first, hardest } = turnsOf();

/** What the test measured on one screen, for the failure message and the log. */
interface Measured {
  readonly where: string;
  readonly replies: number;
  readonly inView: number;
  readonly scrolls: boolean;
  readonly fit: string;
  readonly minFont: number;
  readonly minHeight: number;
  readonly problems: string[];
}

/** Opens the call of `turn` from the picker (in its language), plays its path by reply id, and measures the replies on offer. */
async function measureTurn(page: Page, turn: Turn, size: Size): Promise<Measured> {
  const where = `${size.name} ${turn.locale} ${turn.id}${turn.path.length ? ` @${turn.node}` : ''}`;
  const card = page.locator(`.htl-card[data-call="${turn.id}"]`);
  const chip = card.locator('button.htl-chip', { hasText: new RegExp(`^${turn.locale.toUpperCase()}`) });
  if ((await chip.count()) > 0) await chip.click();
  await card.locator('[data-play]').click();
  await page.locator('.htl-answer').click({ timeout: 30_000 });
  for (const id of turn.path) await page.locator(`.htl-replies button[data-reply="${id}"]`).click({ timeout: 20_000 });
  await page.locator('.htl-replies button').last().waitFor({ timeout: 20_000 });
  // The fit is settled once the replies are shown; two frames more for a resize observer's refit.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const m = await page.evaluate(() => {
    const problems: string[] = [];
    const ui = document.querySelector<HTMLElement>('.htl-ui')!;
    const scale = ui.getBoundingClientRect().width / ui.offsetWidth;
    const mid = document.querySelector<HTMLElement>('.htl-mid')!;
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('.htl-replies button')];
    const cue = document.querySelector<HTMLElement>('.htl-more')!;
    const cueShown = !cue.hidden && cue.getBoundingClientRect().height > 0 && /\d/.test(cue.textContent ?? '');
    const announced = [...mid.querySelectorAll('[role="status"]')].some((s) => (s.textContent ?? '').trim() !== '');
    const inWindow = (r: DOMRect) => r.left >= -0.5 && r.right <= innerWidth + 0.5 && r.top >= -0.5 && r.bottom <= innerHeight + 0.5;
    /** The nearest ancestor that scrolls and has something to scroll. */
    const scrollerOf = (el: Element): HTMLElement | null => {
      for (let p = el.parentElement; p; p = p.parentElement) if (/auto|scroll/.test(getComputedStyle(p).overflowY) && p.scrollHeight > p.clientHeight + 1) return p;
      return null;
    };
    let inView = 0;
    for (const b of buttons) {
      const r = b.getBoundingClientRect();
      const id = b.dataset.reply;
      if (r.left < -0.5 || r.right > innerWidth + 0.5) problems.push(`reply ${id} is cut off at the side (${Math.round(r.left)}–${Math.round(r.right)} of ${innerWidth})`);
      const scroller = scrollerOf(b);
      const box = scroller?.getBoundingClientRect();
      const seen = inWindow(r) && (!box || (r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5));
      if (seen) inView++;
      else if (!scroller || !inWindow(box!)) problems.push(`reply ${id} is out of sight (${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}) with nothing to scroll it into view`);
      else if (!cueShown) problems.push(`reply ${id} is out of sight in a list that shows no "more below" mark`);
    }
    if (inView < buttons.length && !announced) problems.push('replies are out of sight but nothing tells a screen reader');
    const fonts = buttons.map((b) => parseFloat(getComputedStyle(b).fontSize) * scale);
    const heights = buttons.map((b) => b.getBoundingClientRect().height);
    return { replies: buttons.length, inView, scrolls: mid.classList.contains('htl-scrolls'), fit: mid.dataset.fit ?? '', minFont: Math.min(...fonts), minHeight: Math.min(...heights), problems };
  });
  const problems = [...m.problems];
  const minFont = size.phone ? MIN_FONT.phone : MIN_FONT.laptop;
  if (m.minFont < minFont - 0.01) problems.push(`reply type ${m.minFont.toFixed(1)} px, under ${minFont} px`);
  if (size.phone && m.minHeight < MIN_TAP - 0.5) problems.push(`a reply button ${m.minHeight.toFixed(0)} px tall, under ${MIN_TAP} px`);
  return { where, ...m, problems };
}

/** Hangs up and goes from the debrief back to the picker. */
async function backToPicker(page: Page): Promise<void> {
  await page.locator('.htl-call-bar .htl-btn-danger').click();
  await page.locator('.htl-call-bar .htl-btn-danger').click();
  await page.locator('.htl-ended:not([hidden]) button').click();
  // Try again, Next call, Choose a call, Leaderboard.
  await page.locator('.htl-debrief .htl-bar .htl-row button').nth(2).click();
  await page.locator('.htl-card [data-play]').first().waitFor();
}

/** What sticks out of the picker: cards wider than the window, a card's parts out of their card, small targets on a phone. */
async function pickerProblems(page: Page, size: Size): Promise<string[]> {
  return page.evaluate(
    ({ phone, tap }) => {
      const bad: string[] = [];
      for (const card of document.querySelectorAll<HTMLElement>('.htl-card')) {
        const c = card.getBoundingClientRect();
        if (c.left < -0.5 || c.right > innerWidth + 0.5) bad.push(`card ${card.dataset.call} spans ${Math.round(c.left)}–${Math.round(c.right)} of ${innerWidth}`);
        for (const el of card.querySelectorAll<HTMLElement>('button, h2, .htl-difficulty')) {
          const r = el.getBoundingClientRect();
          if (r.left < c.left - 0.5 || r.right > c.right + 0.5) bad.push(`card ${card.dataset.call}: "${el.textContent}" sticks out of its card`);
          if (phone && el.tagName === 'BUTTON' && r.height < tap - 0.5) bad.push(`card ${card.dataset.call}: "${el.textContent}" is ${Math.round(r.height)} px tall`);
        }
      }
      return bad;
    },
    { phone: size.phone, tap: MIN_TAP },
  );
}

interface Visit {
  readonly measured: Measured[];
  readonly picker: string[];
  readonly errors: string[];
}

/** One language at one size: the title, offline, the picker (checked), then each turn opened from its card. */
async function visit(browser: Browser, size: Size, lang: string, turns: readonly Turn[], after?: (page: Page) => Promise<void>): Promise<Visit> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    ...(size.phone ? { isMobile: true, hasTouch: true } : {}),
    reducedMotion: 'reduce',
    locale: 'en-GB',
  });
  await guideSeen(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  try {
    await page.goto(`${rig.server.url}/?lang=${lang}&seed=${SEED}&timeScale=8`);
    // Play, then Play offline.
    await page.locator('.htl-menu button').first().click();
    await page.locator('.htl-signin .htl-btn').nth(1).click();
    await page.locator('.htl-card [data-play]').first().waitFor();
    const picker = (await pickerProblems(page, size)).map((p) => `${size.name} ${lang} picker: ${p}`);
    const measured: Measured[] = [];
    for (const [i, turn] of turns.entries()) {
      if (i > 0) await backToPicker(page);
      measured.push(await measureTurn(page, turn, size));
    }
    await after?.(page);
    return { measured, picker, errors };
  } finally {
    await context.close();
  }
}

/** Runs the visits two at a time, and puts what they found together. */
async function visits(jobs: readonly (() => Promise<Visit>)[]): Promise<Visit> {
  const queue = [...jobs];
  const out: Visit[] = [];
  await Promise.all(
    [0, 1].map(async () => {
      for (let job = queue.shift(); job; job = queue.shift()) out.push(await job());
    }),
  );
  return { measured: out.flatMap((v) => v.measured).sort((a, b) => a.where.localeCompare(b.where)), picker: out.flatMap((v) => v.picker), errors: out.flatMap((v) => v.errors) };
}

/**
 * The turns to open in a language: its hardest, and (where asked) the first turn with the most
 * text — or, with HTL_LAYOUT_EVERY_CALL=1 (slower), the first turn of every call in it.
 */
function turnsFor(lang: string, withFirst: boolean): Turn[] {
  const hard = hardest.get(lang)!;
  const firsts = first.filter((t) => t.locale === lang).sort((a, b) => b.weight - a.weight);
  const wanted = !withFirst ? [] : process.env.HTL_LAYOUT_EVERY_CALL === '1' ? firsts : firsts.slice(0, 1);
  return [...wanted.filter((t) => t.id !== hard.id || hard.path.length > 0), hard];
}

const row = (m: Measured) => `${m.where}: ${m.inView}/${m.replies} replies in view${m.scrolls ? ' (the column scrolls, with its cue)' : ''}, step ${m.fit}, type ≥ ${m.minFont.toFixed(1)} px, buttons ≥ ${m.minHeight.toFixed(0)} px`;

describe('layouts that fit', () => {
  it('finds calls to check in every language', () => {
    for (const lang of LANGUAGES) expect(hardest.has(lang), lang).toBe(true);
    expect(first.length).toBeGreaterThanOrEqual(LANGUAGES.length);
  });

  it.each([LAPTOP, ...PHONES])('shows every reply at $name in every language, large enough to read (and tap), and the picker fits', async (size) => {
    // On the smallest phone, the hardest turn of the wordiest language is left by the number key
    // of its last reply: keys reach a reply out of sight.
    const wordiest = [...hardest.values()].sort((a, b) => b.weight - a.weight)[0]!;
    const pressLast = async (page: Page) => {
      const ids = await page.locator('.htl-replies button').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.reply!));
      await page.keyboard.press(String(ids.length));
      await page.locator(`.htl-replies button[data-reply="${ids.at(-1)}"]`).waitFor({ state: 'detached' });
    };
    const v = await visits(LANGUAGES.map((lang) => () => visit(rig.browser, size, lang, turnsFor(lang, !size.phone), size === PHONES[1] && lang === wordiest.locale ? pressLast : undefined)));
    console.log(v.measured.map(row).join('\n'));
    expect(v.picker).toEqual([]);
    expect(v.measured.flatMap((m) => m.problems.map((p) => `${m.where}: ${p}`))).toEqual([]);
    // On a laptop every reply fits: no call needs the scrolling list.
    if (!size.phone) expect(v.measured.filter((m) => m.inView < m.replies).map(row)).toEqual([]);
    expect(v.errors).toEqual([]);
  }, 120_000);
});
