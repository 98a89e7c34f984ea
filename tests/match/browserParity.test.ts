// Typed replies in real Chromium (issue 13): the matcher bundled as the game bundles it gives,
// for every text of the held-out set in every language, exactly what it gives in Node — the
// server's check of a typed turn is the browser's verdict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join, resolve } from 'node:path';
import { bundle, sourcesOf, trialsOf } from '../../src/bench/match.bench.js';
import { matchTrials } from '../../src/bench/matchHarness.js';
import { launchBrowser } from '../support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('the matcher in Chromium', () => {
  it('says what it says in Node, for every text of the test set', async () => {
    const [chunk] = await bundle(join(resolve(import.meta.dirname, '../..'), 'src/bench/matchHarness.ts'), 'iife');
    const sources = sourcesOf();
    const trials = trialsOf().map((t) => t.trial);
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>match</title>');
    await page.addScriptTag({ content: chunk!.code });
    const inBrowser = await page.evaluate(([s, t]) => (globalThis as unknown as { htlMatchTrials: typeof matchTrials }).htlMatchTrials(s, t), [sources, trials] as const);
    const inNode = matchTrials(sources, trials);
    expect(inBrowser.length).toBe(trials.length);
    expect(inBrowser).toEqual(inNode);
    // Not all alike: the set has confident, unsure and off-topic texts.
    expect(new Set(inNode.map((m) => m.verdict))).toEqual(new Set(['confident', 'unsure', 'none']));
    await page.close();
  }, 120_000);
});
