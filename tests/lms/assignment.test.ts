// A SCORM 1.2 package of an assignment of two quick test calls,
// in Chromium against scorm-again: after the first call the learner is told the call is done and
// the LMS still has "incomplete"; passed only once both have ended, with the mean of their scores.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { loadFile } from '../engine/support.js';
import { playedByIds } from '../server/playByIds.js';
import { buildTestPackage, cmiOf, packageFrame, playReplies, ROOT, scormHost, screenshot, SEED, staticServer, toResults, type BuiltPackage, type StaticServer } from './support.js';

const QUICK = join(ROOT, 'tests/lms/fixtures/quick-call.json');
const PASS = ['ask-order', 'explain'];
/** Overall 87: over the mark, but the mean with the first call is what the LMS gets. */
const SECOND = ['blame', 'explain'];

let pkg: BuiltPackage;
let server: StaticServer;
let browser: Browser;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'htl-assignment-'));
  const file = join(folder, 'two.json');
  // The second call: the same, under another id.
  writeFileSync(join(folder, 'quick-call-2.json'), JSON.stringify({ ...JSON.parse(readFileSync(QUICK, 'utf8')), id: 'quick-call-2' }));
  writeFileSync(file, JSON.stringify({ assignment: 1, title: 'Two calls', calls: [QUICK, 'quick-call-2.json'], passGates: { overall: 80 }, seed: SEED }));
  [pkg, browser] = await Promise.all([buildTestPackage(['scorm12', file]), launchBrowser()]);
  server = await staticServer(pkg.dir);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  pkg?.dispose();
  rmSync(folder, { recursive: true, force: true });
});

describe('an assignment of two calls', () => {
  it('is incomplete after the first call, passed after the second, with the mean score', { timeout: 30_000 }, async () => {
    server.pages.set('/host.html', scormHost('1.2', null));
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
    await page.goto(`${server.url}/host.html`);
    const frame = packageFrame(page);
    const a = playedByIds(loadFile(QUICK), PASS, { seed: SEED }).score;
    const b = playedByIds(loadFile(join(folder, 'quick-call-2.json')), SECOND, { seed: SEED }).score;
    await expect.poll(() => frame.locator('.htl-lms-progress').textContent()).toBe('Call 1 of 2');
    await playReplies(frame, PASS);
    expect(await toResults(frame)).toBe('incomplete');
    await screenshot(page, 'assignment-between');
    // The learner sees the call's own score; the LMS gets none until both calls have ended.
    await expect.poll(() => frame.locator('.htl-lms-overall').textContent()).toBe(`Overall ${a.overall} — the pass mark is 80`);
    const between = await cmiOf(page, '1.2');
    expect(between.core.lesson_status).toBe('incomplete');
    expect(between.core.score.raw).toBe('');
    await frame.getByRole('button', { name: 'Next call' }).click();
    await expect.poll(() => frame.locator('.htl-lms-progress').textContent()).toBe('Call 2 of 2');
    await playReplies(frame, SECOND);
    expect(await toResults(frame)).toBe('passed');
    const cmi = await cmiOf(page, '1.2');
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score.raw).toBe(String(Math.round((a.overall + b.overall) / 2)));
    expect(cmi.suspend_data).toBe(`h1;2;1;-;${a.overall}.${a.politeness}.${a.accuracy}.${a.judgment};${b.overall}.${b.politeness}.${b.accuracy}.${b.judgment}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
