// Waiting and the keyboard (issue 12), in a real Chromium: the mode choice as a radio group
// (arrows, Space, Enter; focus never drops to the page), "Skip the wait" and its F key on a slow
// reply (scores equal to the engine's waited call), Escape-Escape ending a call, an unanswered
// ring ending within 30 s, and every debrief panel reachable and scrollable by keyboard at
// 1280×720 — with axe audits of the call screen and the debrief.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/index.js';
import { shippedCall } from '../support/shipped.js';
import { axeAudit, debriefScores, gamePage, gameRig, nextTurn, type GameRig } from '../game/support/game.js';
import { replyButton, SEED } from '../game/support/replies.js';

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 300_000);
afterAll(async () => rig?.close());

const audit = axeAudit;

/** What has focus: a radio's mode, a reply's id, a button's text, or the element's tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'body';
    return a.dataset.mode ? `mode:${a.dataset.mode}` : a.className ? `${a.tagName.toLowerCase()}.${a.className.split(' ')[0]}` : a.tagName.toLowerCase();
  });

const checked = (page: Page) => page.locator('[role="radio"][aria-checked="true"]').getAttribute('data-mode');

/** Seconds on the call's clock. */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.locator('.htl-clock > span:last-child').textContent()) ?? '0:00';
  const [m, s] = text.split(':').map(Number);
  return m! * 60 + s!;
}

describe('the mode choice', () => {
  it('is a radio group: one tab stop, arrows move and choose, Space and Enter keep focus', async () => {
    const { page, errors } = await gamePage(rig.browser, 'keys-modes');
    await page.goto(`${rig.server.url}/?seed=${SEED}`);
    await page.locator('.htl-title[data-ready]').waitFor();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Play offline' }).click();
    await page.locator('[data-play="first-call"]').waitFor();
    const group = page.getByRole('radiogroup', { name: 'Mode' });
    expect(await group.getByRole('radio').count()).toBe(2);
    expect(await checked(page)).toBe('practice');
    // One tab stop: the chosen radio.
    expect(await page.locator('[role="radio"][tabindex="0"]').getAttribute('data-mode')).toBe('practice');
    await page.locator('[data-mode="practice"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('mode:exam');
    expect(await checked(page)).toBe('exam');
    expect(await page.locator('[role="radio"][tabindex="0"]').getAttribute('data-mode')).toBe('exam');
    // Space and Enter on the chosen radio: still chosen, focus stays on it (it used to drop to the page).
    await page.keyboard.press('Space');
    expect(await focused(page)).toBe('mode:exam');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('mode:exam');
    expect(await checked(page)).toBe('exam');
    // Tab leaves the group and Shift+Tab comes back to the chosen radio, which stays chosen.
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/^mode:|^body$/);
    expect(await checked(page)).toBe('exam');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('mode:exam');
    // Arrows wrap round; Home and End go to the ends; Up and Left go back.
    await page.keyboard.press('ArrowDown');
    expect([await focused(page), await checked(page)]).toEqual(['mode:practice', 'practice']);
    await page.keyboard.press('End');
    expect([await focused(page), await checked(page)]).toEqual(['mode:exam', 'exam']);
    await page.keyboard.press('ArrowLeft');
    expect([await focused(page), await checked(page)]).toEqual(['mode:practice', 'practice']);
    await page.keyboard.press('ArrowUp');
    expect(await checked(page)).toBe('exam');
    // The choice is the one the call starts in.
    await page.locator('[data-play="first-call"]').click();
    await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
    expect(await page.locator('.htl-badge').textContent()).toMatch(/exam/i);
    expect(errors).toEqual([]);
  }, 90_000);
});

describe('waiting', () => {
  it('skips an action by the button and by F, with the engine’s waited scores; the call screen passes axe', async () => {
    const { page, errors } = await gamePage(rig.browser, 'keys-skip');
    const found: string[] = [];
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await nextTurn(page);
    // "Look it up" takes 12 s: F skips it.
    await replyButton(page, 'opening.1').click();
    const skip = page.getByRole('button', { name: /Skip the wait/ });
    await skip.waitFor();
    expect(await skip.getAttribute('aria-keyshortcuts')).toBe('F');
    found.push(...(await audit(page, 'working')));
    const started = Date.now();
    await page.keyboard.press('f');
    await replyButton(page, 'order-shipped.1').waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await page.locator('.htl-working').count()).toBe(0);
    expect(await clockSeconds(page)).toBeGreaterThanOrEqual(12);
    // Focus went on to the replies, not the page.
    expect(await focused(page)).not.toBe('body');
    // The next action (15 s) by the button.
    await replyButton(page, 'order-shipped.1').click();
    await skip.waitFor();
    await skip.click();
    await replyButton(page, 'delay-known.1').waitFor({ timeout: 5_000 });
    expect(await clockSeconds(page)).toBeGreaterThanOrEqual(27);
    await replyButton(page, 'delay-known.1').click();
    expect(await nextTurn(page)).toBe(false);
    await page.keyboard.press('Enter');
    const shown = await debriefScores(page);
    // The same call waited out on the engine: the same scores.
    const waited = new Session(shippedCall('first-call.json'), { seed: SEED, mode: 'practice' });
    waited.answer();
    for (const id of ['opening.1', 'order-shipped.1', 'delay-known.1']) {
      waited.choose(waited.view.replies.find((r) => r.id === id)!.n);
      while (waited.view.phase === 'working') waited.advance(100);
    }
    const score = waited.score();
    expect(score.final).toBe(true);
    expect(shown).toMatchObject({ politeness: String(score.politeness), accuracy: String(score.accuracy), judgment: String(score.judgment), overall: String(score.overall), grade: score.grade });
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('offers no skip in an exam: F leaves the action running', async () => {
    const { page, errors } = await gamePage(rig.browser, 'keys-exam');
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=exam&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await nextTurn(page);
    await replyButton(page, 'opening.1').click();
    await page.locator('.htl-working').waitFor();
    expect(await page.getByRole('button', { name: /Skip the wait/ }).count()).toBe(0);
    await page.keyboard.press('f');
    await page.waitForTimeout(500);
    expect(await page.locator('.htl-working').count()).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);

  it('an unanswered ring ends within 30 s and scores 0, in words', async () => {
    const { page, errors } = await gamePage(rig.browser, 'keys-ring');
    // The ring keeps real time even when a call is sped up (CallController.frame): 30 s of it.
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&seed=${SEED}&timeScale=8`);
    await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
    expect(await page.locator('.htl-ring-left').textContent()).toMatch(/The phone rings for \d+ more seconds?\./);
    await page.getByText('Nobody answered: the caller gave up').waitFor({ timeout: 45_000 });
    await page.keyboard.press('Enter');
    const shown = await debriefScores(page);
    expect(shown).toMatchObject({ politeness: '0', accuracy: '0', judgment: '0', overall: '0', grade: 'F' });
    expect(await page.getByText('The phone was never answered').count()).toBeGreaterThan(0);
    expect(await page.locator('.htl-verdict').textContent()).toContain('Nobody answered: the caller gave up');
    expect(errors).toEqual([]);
  }, 90_000);
});

describe('Escape', () => {
  it('asks to end the call; anything else takes it back; a second Escape ends it', async () => {
    const { page, errors } = await gamePage(rig.browser, 'keys-escape');
    const found: string[] = [];
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&seed=${SEED}`);
    // While it rings there is no call to end.
    await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    const ask = page.getByRole('alert').filter({ hasText: 'End the call? Press Escape again.' });
    expect(await ask.count()).toBe(0);
    await page.keyboard.press('Enter');
    await nextTurn(page);
    await page.keyboard.press('Escape');
    await ask.waitFor();
    expect(await ask.isVisible()).toBe(true);
    found.push(...(await audit(page, 'asking to end')));
    // Another key cancels: the call goes on.
    await page.keyboard.press('ArrowDown');
    await ask.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await ask.waitFor();
    // Left unanswered for a few seconds, the question goes away by itself.
    await ask.waitFor({ state: 'hidden', timeout: 8_000 });
    expect(await page.locator('.htl-ended:not([hidden])').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('.htl-ended:not([hidden])').waitFor();
    expect(await page.locator('.htl-outcome').textContent()).toBe('You hung up');
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the debrief', () => {
  it('has every panel on screen at 1280×720, each a tab stop that the keyboard scrolls; axe passes', async () => {
    const { page, errors } = await gamePage(rig.browser, 'keys-debrief');
    // Hung up at once, never-satisfied's debrief lists every fact it needed, the ideals and why:
    // more than the score panel's 616 px at 1280×720, so the panel must scroll.
    await page.goto(`${rig.server.url}/?scenario=never-satisfied&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await nextTurn(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('.htl-ended:not([hidden])').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.htl-score-panel[data-settled="true"]').waitFor();
    const panels = ['.htl-score-panel', '.htl-timeline'];
    const reached = new Set<string>();
    for (let i = 0; i < 20 && reached.size < panels.length; i++) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate((sels) => sels.find((s) => document.activeElement?.matches(s)) ?? null, panels);
      if (hit) reached.add(hit);
    }
    expect([...reached].sort()).toEqual([...panels].sort());
    for (const sel of panels) {
      const panel = page.locator(sel);
      const box = (await panel.boundingBox())!;
      expect(box.x, sel).toBeGreaterThanOrEqual(0);
      expect(box.y, sel).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, sel).toBeLessThanOrEqual(1280);
      expect(box.y + box.height, sel).toBeLessThanOrEqual(720);
      // Named, so a screen reader says which region it is in.
      expect(await panel.evaluate((el) => el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent)).toBeTruthy();
      const overflows = await panel.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
      if (!overflows) continue;
      await panel.focus();
      const before = await panel.evaluate((el) => el.scrollTop);
      await page.keyboard.press('PageDown');
      await expect.poll(() => panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);
      await page.keyboard.press('End');
      await expect.poll(() => panel.evaluate((el) => Math.ceil(el.scrollTop + el.clientHeight) >= el.scrollHeight - 1)).toBe(true);
    }
    expect(await page.locator('.htl-score-panel').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await audit(page, 'debrief')).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);
});
