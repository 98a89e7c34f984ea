// Accessibility and robustness of the game in a real Chromium: an axe-core audit of every
// screen's DOM, captions in a live region, reduced motion, the interface in Russian, sound only
// after a gesture, missing or broken sound files, the debug overlay and the Stately inspector.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeAudit, gamePage, gameRig, nextTurn, replyNames, type GameRig } from '../game/support/game.js';
import { playReplies, replyButton, SEED } from '../game/support/replies.js';

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 240_000);
afterAll(async () => rig?.close());


/** Serious and critical problems axe finds in the game's DOM layer, as readable lines. */
const audit = axeAudit;

describe('accessibility', () => {
  it('has no serious axe violations on any screen', async () => {
    const { page, errors } = await gamePage(rig.browser, 'axe');
    const found: string[] = [];
    await page.goto(`${rig.server.url}/?timeScale=8&seed=${SEED}`);
    await page.locator('.htl-title[data-ready]').waitFor();
    found.push(...(await audit(page, 'title')));
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    found.push(...(await audit(page, 'settings')));
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    found.push(...(await audit(page, 'sign-in')));
    await page.getByRole('button', { name: 'Play offline' }).click();
    await page.locator('[data-play="first-call"]').waitFor();
    found.push(...(await audit(page, 'picker')));
    await page.locator('[data-play="first-call"]').click();
    await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
    found.push(...(await audit(page, 'ringing')));
    await page.keyboard.press('Enter');
    await nextTurn(page);
    found.push(...(await audit(page, 'listening')));
    // Looking up the order is an action: the call shows it running.
    const action = replyButton(page, 'opening.1');
    expect(await action.getAttribute('class')).toContain('htl-reply-action');
    await action.click();
    await page.locator('.htl-working').waitFor();
    found.push(...(await audit(page, 'working')));
    // Then the longer way to an ending, which overflows the transcript: its list scrolls, and
    // must take focus so a keyboard can scroll it.
    await playReplies(page, ['order-shipped.1', 'delay-known.1'], 'key');
    found.push(...(await audit(page, 'ended')));
    await page.keyboard.press('Enter');
    await page.locator('.htl-score-panel[data-settled]').waitFor();
    found.push(...(await audit(page, 'debrief')));
    await page.getByRole('button', { name: 'Leaderboard' }).click();
    await page.getByText('Sign in with your team code').waitFor();
    found.push(...(await audit(page, 'leaderboard')));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('honours reduced motion: captions appear whole, nothing animates', async () => {
    const { page, errors } = await gamePage(rig.browser, 'reduced-motion', { reducedMotion: 'reduce' });
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await nextTurn(page);
    expect(await page.evaluate(() => document.documentElement.classList.contains('reduce-motion'))).toBe(true);
    const caption = page.locator('.htl-caption-text');
    expect(await caption.locator('.htl-untyped').textContent()).toBe('');
    expect(await page.locator('[data-caption]').textContent()).toBe(`Martin Hale: ${await caption.textContent()}`);
    const animations = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
    expect(animations).toBe(0);
    expect(errors).toEqual([]);
  });

  it('speaks the player’s language and shows each call in its own', async () => {
    const { page, errors } = await gamePage(rig.browser, 'russian', { locale: 'ru-RU' });
    await page.goto(`${rig.server.url}/`);
    await page.getByRole('button', { name: 'Играть' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await page.goto(`${rig.server.url}/?scenario=update-warning&locale=ru&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Ответить' }).click();
    await nextTurn(page);
    expect(await page.locator('[data-caption]').textContent()).toMatch(/^Геннадий Петрович Сомов: [А-Яа-яЁё]/);
    // Every reply is numbered and in Russian, whichever order the shuffle gives (one starts with
    // the product's name, "Bastion", so its first letter says nothing).
    const names = await replyNames(page);
    expect(names.length).toBeGreaterThanOrEqual(2);
    names.forEach((n, i) => expect(n.startsWith(`${i + 1}. `), n).toBe(true));
    const says = await page.locator('.htl-replies .htl-reply-say').all();
    expect(says.length).toBe(names.length);
    for (const say of says) {
      expect(await say.getAttribute('lang')).toBe('ru');
      expect(await say.textContent()).toMatch(/[А-Яа-яЁё]{3}/);
    }
    await page.goto(`${rig.server.url}/?lang=pl`);
    await page.getByRole('button', { name: 'Graj' }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('sound', () => {
  it('makes no sound before the first gesture, and a missing or broken file never stops a call', async () => {
    const { page, errors } = await gamePage(rig.browser, 'broken-sounds');
    await page.addInitScript(() => {
      const Real = window.AudioContext;
      (window as unknown as { audioContexts: number }).audioContexts = 0;
      window.AudioContext = class extends Real {
        constructor(...args: ConstructorParameters<typeof AudioContext>) {
          super(...args);
          (window as unknown as { audioContexts: number }).audioContexts++;
        }
      };
    });
    await page.route(/\/assets\/ring-[^/]+\.(webm|mp3)$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
    await page.route(/\/assets\/(pickup|hangup|click)-[^/]+\.(webm|mp3)$/, (r) => r.fulfill({ status: 200, contentType: 'audio/webm', body: 'this is not audio' }));
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&timeScale=8&seed=${SEED}`);
    const answer = page.getByRole('button', { name: 'Answer', exact: true });
    await answer.waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { audioContexts: number }).audioContexts)).toBe(0);
    await page.keyboard.press('Enter');
    await playReplies(page, ['opening.2', 'promise-doubt.2'], 'key');
    expect(await page.evaluate(() => (window as unknown as { audioContexts: number }).audioContexts)).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.locator('.htl-score-panel[data-settled]').waitFor();
    // Chromium itself reports the 404 this test serves; the game logs nothing.
    expect(errors.filter((e) => !e.includes('404 (Not Found)'))).toEqual([]);
  }, 60_000);
});

describe('trainer tools in the call', () => {
  it('toggles the debug overlay with the ` key, showing the engine’s state and scores so far', async () => {
    const { page, errors } = await gamePage(rig.browser, 'debug-overlay');
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await nextTurn(page);
    const overlay = page.locator('[data-debug]');
    expect(await overlay.isVisible()).toBe(false);
    await page.keyboard.press('Backquote');
    expect(await overlay.locator('[data-key="node"]').textContent()).toBe('opening');
    expect(await overlay.locator('[data-key="politeness"]').textContent()).toBe('100');
    expect(await overlay.locator('[data-key="mood"]').textContent()).toMatch(/^\d+ \((calm|annoyed|angry|furious)\)$/);
    await page.keyboard.press('Backquote');
    expect(await overlay.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('?inspect sends the session actor’s events to the Stately inspector', async () => {
    const { page, errors } = await gamePage(rig.browser, 'inspect');
    // The inspector opens stately.ai in a pop-up: stand in for that window. (It passes events on
    // in idle callbacks, which a headless browser may starve; they run as timeouts here.)
    await page.addInitScript(() => {
      window.requestIdleCallback = ((cb: () => void) => setTimeout(cb, 0)) as unknown as typeof window.requestIdleCallback;
      const got: unknown[] = ((window as unknown as { inspected: unknown[] }).inspected = []);
      window.open = (() => ({ postMessage: (m: unknown) => got.push(m), closed: false })) as unknown as typeof window.open;
    });
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&inspect&seed=${SEED}`);
    await page.getByRole('button', { name: 'Open the Stately inspector' }).click();
    await page.getByRole('button', { name: 'Stately inspector connected' }).waitFor();
    await page.evaluate(() => window.postMessage({ type: '@statelyai.connected' }, '*'));
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await nextTurn(page);
    // The inspector passes events on when the browser is idle.
    const types = () => page.evaluate(() => (window as unknown as { inspected: { type: string; event?: { type: string } }[] }).inspected.map((m) => (m.type === '@xstate.event' ? `event ${m.event?.type}` : m.type)));
    await expect.poll(types).toEqual(expect.arrayContaining(['@xstate.actor', 'event ANSWER', '@xstate.snapshot']));
    expect(errors).toEqual([]);
  });
});
