// The guided first call in a real Chromium: a fresh browser's first "Play" runs the warm-up call
// on the real call screen with the guide's notes — each beside the element it explains, never
// over it, focusable, Escape-safe, read as a dialog — and its debrief explains the three scores
// and the overall, which are the engine's. A second visit goes straight to the picker; the title
// replays the guide; "Skip the guide" skips it; an axe audit passes with a note showing. Checked
// at 1280×720, 390×844 and 360×640 (screenshots of every note go to test-results/).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { Session } from '../../src/engine/index.js';
import { createI18n } from '../../src/i18n/index.js';
import { axeAudit, debriefScores, gamePage, gameRig, nextTurn, type GameRig } from '../game/support/game.js';
import { replyButton, SEED } from '../game/support/replies.js';
import { ROOT, scenario } from '../game/support/scenarios.js';

const SHOTS = join(ROOT, 'test-results');
let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);
afterAll(async () => rig?.close());

/** Each note of the call and the element it explains, in the order they come on the first turn. */
const FIRST_TURN = [
  ['mood', '.htl-gauge'],
  ['patience', '.htl-patience'],
  ['hint', '.htl-hint'],
  ['timer', '.htl-call-bar .htl-badge'],
  ['takesTime', '.htl-reply-action'],
] as const;
const WAIT = ['wait', '.htl-status'] as const;
const DEBRIEF = [
  ['politeness', '.htl-skill:has([data-score="politeness"])'],
  ['accuracy', '.htl-skill:has([data-score="accuracy"])'],
  ['judgment', '.htl-skill:has([data-score="judgment"])'],
  ['overall', '.htl-grade-row'],
] as const;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Where `selector`'s first element shows (the box round its children when it is `display: contents`). */
function boxOf(page: Page, selector: string): Promise<Rect | null> {
  return page.evaluate((sel) => {
    const box = (el: Element): Rect | null => {
      if (el.getClientRects().length > 0) {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      const parts = [...el.children].map(box).filter((b): b is Rect => b !== null && b.width > 0);
      if (parts.length === 0) return null;
      const x = Math.min(...parts.map((b) => b.x));
      const y = Math.min(...parts.map((b) => b.y));
      return { x, y, width: Math.max(...parts.map((b) => b.x + b.width)) - x, height: Math.max(...parts.map((b) => b.y + b.height)) - y };
    };
    const el = document.querySelector(sel);
    return el ? box(el) : null;
  }, selector);
}
const meets = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The note `id` shows, explains `target` without covering it (the outline goes round it), sits in
 * the window, is a dialog named by its title, and has focus. Saves a screenshot.
 */
async function expectNote(page: Page, id: string, target: string, shot: string): Promise<void> {
  const note = page.locator(`.htl-coach[data-note="${id}"]`);
  await note.waitFor({ timeout: 15_000 });
  const viewport = page.viewportSize()!;
  // The note follows its target as the layout settles (a caption typing out, the fit of the replies).
  await expect
    .poll(async () => {
      const [n, t, ring] = await Promise.all([note.boundingBox(), boxOf(page, target), page.locator('.htl-coach-ring').boundingBox()]);
      if (!n || !t || !ring) return 'missing';
      if (meets(n, t)) return `covers ${target}: ${JSON.stringify({ n, t })}`;
      if (n.x < 0 || n.y < 0 || n.x + n.width > viewport.width + 0.5 || n.y + n.height > viewport.height + 0.5) return `outside the window: ${JSON.stringify(n)}`;
      if (!(ring.x <= t.x && ring.y <= t.y && ring.x + ring.width >= t.x + t.width && ring.y + ring.height >= t.y + t.height)) return 'outline not round the target';
      return 'ok';
    }, { timeout: 5_000 })
    .toBe('ok');
  const title = (await note.locator('.htl-coach-title').textContent())!;
  expect(await page.getByRole('dialog', { name: title }).count()).toBe(1);
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.htl-coach')?.dataset.note)).toBe(id);
  await page.screenshot({ path: join(SHOTS, `guide-${shot}-${id}.png`) });
}

const audit = axeAudit;

/** The engine's scores for the replies `ids`, each action waited out. */
function engineScores(ids: readonly string[]): Record<string, string> {
  const s = new Session(scenario(), { seed: SEED, mode: 'practice' });
  s.answer();
  for (const id of ids) {
    for (let i = 0; i < 1000 && s.view.phase === 'working'; i++) s.advance(100);
    const reply = s.view.replies.find((r) => r.id === id);
    if (!reply) throw new Error(`${id} is not on offer`);
    s.choose(reply.n);
  }
  for (let i = 0; i < 1000 && !s.ended; i++) s.advance(100);
  const c = s.score();
  return { politeness: String(c.politeness), accuracy: String(c.accuracy), judgment: String(c.judgment), overall: String(c.overall), grade: c.grade };
}

const guideBar = (page: Page) => page.locator('.htl-guide-bar');

const EN = createI18n('en').t;

/** From the title: Play, Play offline. */
async function playOffline(page: Page, t: TFunction = EN): Promise<void> {
  await page.getByRole('button', { name: t('title.play'), exact: true }).click();
  await page.getByRole('button', { name: t('signIn.offline') }).click();
}

/** Answers, then goes through the first turn's notes (checking each), Escape closing one. */
async function firstTurnNotes(page: Page, shot: string, t: TFunction = EN): Promise<void> {
  await page.getByRole('button', { name: t('call.answer'), exact: true }).click();
  expect(await nextTurn(page)).toBe(true);
  for (const [i, [id, target]] of FIRST_TURN.entries()) {
    await expectNote(page, id, target, shot);
    const next = page.locator('.htl-coach-next');
    expect(await next.textContent()).toBe(t(i === FIRST_TURN.length - 1 ? 'guide.gotIt' : 'guide.next'));
    if (id === 'patience') {
      // Escape in a note closes it and goes no further: the call does not ask to end.
      await page.keyboard.press('Escape');
      expect(await page.locator('.htl-end-ask').isHidden()).toBe(true);
    } else {
      await page.keyboard.press('Enter');
    }
  }
  await page.locator('.htl-coach').waitFor({ state: 'hidden' });
  // Focus is back on the replies.
  expect(await page.evaluate(() => document.activeElement?.closest('.htl-replies') !== null)).toBe(true);
}

describe('the guided first call', () => {
  it('runs on the first Play with its notes, its scores are the engine’s, its debrief explains them; not on the second visit; the title replays it', async () => {
    const { page, errors } = await gamePage(rig.browser, 'guide-first', { firstVisit: true });
    await page.goto(`${rig.server.url}/?seed=${SEED}`);
    await playOffline(page);
    // The real call screen, ringing, with the guide's bar and its way out.
    await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
    await guideBar(page).getByRole('button', { name: 'Skip the guide' }).waitFor();
    expect(await page.locator('.htl-call-bar h1').textContent()).toBe(scenario().title);
    await page.screenshot({ path: join(SHOTS, 'guide-1280-ringing.png') });
    await firstTurnNotes(page, '1280');

    // An action: the wait and its fast-forward, explained while it runs.
    await replyButton(page, 'opening.1').click();
    await page.locator('.htl-working').waitFor();
    await expectNote(page, ...WAIT, '1280');
    expect(await audit(page)).toEqual([]);
    // F skips the wait with the note's button focused too; the note goes with the wait.
    await page.keyboard.press('f');
    await replyButton(page, 'order-shipped.1').waitFor();
    await page.locator('.htl-coach').waitFor({ state: 'hidden' });
    // The Escape of the call still asks to end it, once no note has focus.
    await page.keyboard.press('Escape');
    await page.locator('.htl-end-ask').waitFor();
    await page.keyboard.press('Shift');
    await page.locator('.htl-end-ask').waitFor({ state: 'hidden' });
    await replyButton(page, 'order-shipped.1').click();
    await page.locator('.htl-working').waitFor();
    // Every note has been seen: nothing more during the call.
    expect(await page.locator('.htl-coach').isHidden()).toBe(true);
    await page.keyboard.press('f');
    await replyButton(page, 'delay-known.1').click();
    expect(await nextTurn(page)).toBe(false);
    expect(await page.locator('.htl-coach').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'See the debrief' }).click();

    // The debrief: the engine's scores, and a note on each.
    const scores = await debriefScores(page);
    expect(scores).toEqual(engineScores(['opening.1', 'order-shipped.1', 'delay-known.1']));
    for (const [i, [id, target]] of DEBRIEF.entries()) {
      await expectNote(page, id, target, '1280-debrief');
      if (i === 0) expect(await audit(page)).toEqual([]);
      await page.locator('.htl-coach-next').click();
    }
    await page.locator('.htl-coach').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');

    // A second visit: Play goes straight to the picker.
    await page.goto(`${rig.server.url}/?seed=${SEED}`);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.locator('[data-play="first-call"]').waitFor();
    expect(await guideBar(page).count()).toBe(0);

    // The title's button replays it, and Skip the guide leaves for the picker.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Guided first call' }).click();
    await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
    await guideBar(page).waitFor();
    await page.getByRole('button', { name: 'Skip the guide' }).click();
    await page.locator('[data-play="first-call"]').waitFor();
    expect(errors).toEqual([]);
  }, 120_000);

  it('Skip the guide on a first visit goes to the picker, and the next visit does not bring it back', async () => {
    const { page, errors } = await gamePage(rig.browser, 'guide-skip', { firstVisit: true });
    await page.goto(`${rig.server.url}/?seed=${SEED}`);
    await playOffline(page);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await page.locator('.htl-coach[data-note="mood"]').waitFor();
    // Tab leaves the note for the rest of the screen: it holds no one in.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.htl-coach'))).toBeNull();
    await page.getByRole('button', { name: 'Skip the guide' }).click();
    await page.locator('[data-play="first-call"]').waitFor();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('holdtheline.guide')!).state)).toBe('skipped');
    await page.reload();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.locator('[data-play="first-call"]').waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  it('a call opened by its address never starts the guide', async () => {
    const { page, errors } = await gamePage(rig.browser, 'guide-launch', { firstVisit: true });
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    expect(await nextTurn(page)).toBe(true);
    expect(await guideBar(page).count()).toBe(0);
    expect(await page.locator('.htl-coach').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it.each([
    ['390', 'en', { width: 390, height: 844 }],
    ['360', 'en', { width: 360, height: 640 }],
    ['360-ru', 'ru', { width: 360, height: 640 }],
    ['360-uk', 'uk', { width: 360, height: 640 }],
  ] as const)('on a phone (%s), every note sits beside what it explains', async (shot, lang, viewport) => {
    const t = createI18n(lang).t;
    const { page, errors } = await gamePage(rig.browser, `guide-${shot}`, { firstVisit: true, viewport, reducedMotion: 'reduce' });
    await page.goto(`${rig.server.url}/?seed=${SEED}&lang=${lang}`);
    await playOffline(page, t);
    await page.getByRole('button', { name: t('call.answer'), exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, `guide-${shot}-ringing.png`) });
    await firstTurnNotes(page, shot, t);
    await replyButton(page, 'opening.1').click();
    await expectNote(page, ...WAIT, shot);
    await page.keyboard.press('f');
    for (const id of ['order-shipped.1', 'delay-known.1']) {
      await replyButton(page, id).click();
      if (id === 'order-shipped.1') {
        await page.locator('.htl-working').waitFor();
        await page.keyboard.press('f');
      }
    }
    expect(await nextTurn(page)).toBe(false);
    await page.getByRole('button', { name: t('call.toDebrief') }).click();
    await debriefScores(page);
    for (const [id, target] of DEBRIEF) {
      await expectNote(page, id, target, `${shot}-debrief`);
      await page.locator('.htl-coach-next').click();
    }
    await page.locator('.htl-coach').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  }, 120_000);
});
