// The first screen waits for nothing it does not show: no sound file and no engine code is asked
// for before the title is interactive. Sounds download once it shows; a click made before they
// have arrived is silent (never an error), and once they are here the title's music plays.
// The built game in a real Chromium against the real server.
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOUNDS } from '../../src/game/audio/sounds.js';
import { gamePage, gameRig, type GameRig } from '../game/support/game.js';

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 240_000);
afterAll(async () => rig?.close());

const SOUND_FILE = /\/assets\/[a-z]+-[\w-]{8}\.(webm|mp3)$/;

describe('the first screen', () => {
  it('shows the title before any sound or the engine loads; a click before the sounds arrive is silent, and the music starts once they have', async () => {
    const { page, errors } = await gamePage(rig.browser, 'first-screen');
    // Every sound file is held back until the title has been used.
    const held: Route[] = [];
    await page.route(SOUND_FILE, (route) => void held.push(route));
    await page.goto(`${rig.server.url}/`);
    await page.waitForFunction(() => performance.getEntriesByName('htl:title-ready').length > 0);

    // Used at once: the click sound is not here yet.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await expect.poll(() => held.length).toBe(SOUNDS.length);
    expect(await page.evaluate(() => (window as unknown as { Howler: { _howls: unknown[] } }).Howler._howls.length)).toBe(0);

    for (const route of held.splice(0)) await route.continue();
    // Each sound is decoded once it arrives (the player has clicked), and the title's loop plays.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const howls = (window as unknown as { Howler: { _howls: { state(): string; playing(): boolean; loop(): boolean }[] } }).Howler._howls;
          return { loaded: howls.filter((h) => h.state() === 'loaded').length, loopsPlaying: howls.filter((h) => h.loop() && h.playing()).length };
        }),
      )
      .toEqual({ loaded: SOUNDS.length, loopsPlaying: 1 });

    const timing = await page.evaluate(() => {
      const ready = performance.getEntriesByName('htl:title-ready')[0]!.startTime;
      const after = (re: RegExp) => performance.getEntriesByType('resource').filter((e) => re.test(new URL(e.name).pathname)).map((e) => e.startTime - ready);
      return { sounds: after(/\.(webm|mp3)$/), engine: after(/\/assets\/engine-[\w-]+\.js$/) };
    });
    expect(timing.sounds).toHaveLength(SOUNDS.length);
    for (const t of [...timing.sounds, ...timing.engine]) expect(t).toBeGreaterThanOrEqual(0);
    // The outbox (started after the title) loads the engine's transcript check.
    expect(timing.engine.length).toBeGreaterThan(0);
    // Each sound once: the title's request and the later ones share a download.
    expect(new Set(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(webm|mp3)$/.test(n)))).size).toBe(SOUNDS.length);
    expect(errors).toEqual([]);
  });

  it("starts the game's code downloading with the page, and the leaderboard's pages never load Phaser", async () => {
    const { page, errors } = await gamePage(rig.browser, 'first-screen-preload');
    const scripts: string[] = [];
    page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)));
    await page.goto(`${rig.server.url}/`);
    await page.waitForFunction(() => performance.getEntriesByName('htl:title-ready').length > 0);
    // Asked for by index.html's own script, before the entry has run.
    const hinted = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => new URL(l.href).pathname));
    expect(hinted.some((f) => /\/assets\/phaser-[\w-]+\.js$/.test(f))).toBe(true);
    expect(scripts.some((f) => /\/assets\/phaser-[\w-]+\.js$/.test(f))).toBe(true);

    scripts.length = 0;
    await page.goto(`${rig.server.url}/?view=trainer`);
    await page.getByRole('heading').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((f) => /\/assets\/(phaser|game)-[\w-]+\.js$/.test(f))).toEqual([]);
    expect(errors).toEqual([]);
  });
  it('fetches the later screens once the title shows; one that cannot be fetched says so, keeps the title, and loads when tried again', async () => {
    const { page, errors } = await gamePage(rig.browser, 'first-screen-later');
    const signInChunk = /\/assets\/SignInScene-[\w-]+\.js$/;
    let refuse = true;
    const asked: number[] = [];
    await page.route(signInChunk, (route) => (asked.push(performance.now()), refuse ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${rig.server.url}/`);
    await page.waitForFunction(() => performance.getEntriesByName('htl:title-ready').length > 0);
    const before = await page.evaluate(() => {
      const ready = performance.getEntriesByName('htl:title-ready')[0]!.startTime;
      return performance.getEntriesByType('resource').filter((e) => /(SignIn|Picker|Call|Debrief|Leaderboard|Settings|History)Scene-[\w-]+\.js$/.test(e.name) && e.startTime < ready).map((e) => e.name);
    });
    // Nothing of the later screens is asked for before the title: they come after it, by themselves.
    expect(before).toEqual([]);
    await expect.poll(() => asked.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await alert.waitFor();
    expect(await page.getByRole('button', { name: 'Play', exact: true }).isVisible()).toBe(true);

    // Back online. Chromium remembers the module that failed, so trying again in the page fails
    // once more and offers a reload, which brings the title back with everything working.
    refuse = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    const again = page.getByRole('alert').filter({ hasText: 'still could not be loaded' });
    const signIn = page.getByRole('heading', { name: 'Sign in' });
    await again.or(signIn).first().waitFor();
    if (await again.isVisible()) {
      await again.getByRole('button', { name: 'Reload the page' }).click();
      await page.waitForFunction(() => performance.getEntriesByName('htl:title-ready').length > 0);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
    }
    await signIn.waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Play offline' }).click();
    await page.getByRole('heading', { name: 'Choose a call' }).waitFor();
    // The failed fetches are the only errors.
    expect(errors.filter((e) => !/SignInScene|Failed to fetch|dynamically imported|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
