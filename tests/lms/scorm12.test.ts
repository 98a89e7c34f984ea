// A SCORM 1.2 package against scorm-again's LMS-side runtime, in Chromium: a call played to its
// end (passed, and failed), and an interrupted call resumed from suspend_data.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { loadFile } from '../engine/support.js';
import { playedByIds } from '../server/playByIds.js';
import { buildTestPackage, cmiOf, packageFrame, playReplies, ROOT, scormHost, screenshot, SEED, staticServer, toResults, type BuiltPackage, type StaticServer } from './support.js';
import { join } from 'node:path';

// The warm-up call as shipped (voices, an action that takes time), and a quick test call (no
// voices, no actions) for the runs that only need a call of some kind.
const PASS = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const call = loadFile(join(ROOT, 'scenarios/first-call.json'), 'scenarios/first-call.json');
const QUICK_FILE = join(ROOT, 'tests/lms/fixtures/quick-call.json');
const quickCall = loadFile(QUICK_FILE);
const QUICK_PASS = ['ask-order', 'explain'];
const QUICK_FAIL = ['ask-order', 'shrug'];

let pkg: BuiltPackage;
let quick: BuiltPackage;
let server: StaticServer;
let quickServer: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [pkg, quick, browser] = await Promise.all([
    buildTestPackage(['scorm12', join(ROOT, 'scenarios/first-call.json'), '--pass', '80', '--seed', String(SEED)]),
    buildTestPackage(['scorm12', QUICK_FILE, '--pass', '80', '--seed', String(SEED)]),
    launchBrowser(),
  ]);
  [server, quickServer] = await Promise.all([staticServer(pkg.dir), staticServer(quick.dir)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await quickServer?.close();
  pkg?.dispose();
  quick?.dispose();
});

async function host(name: string, initial: Record<string, unknown> | null, on: StaticServer = server): Promise<{ page: Page; errors: string[] }> {
  on.pages.set(`/${name}.html`, scormHost('1.2', initial));
  // Reduced motion: captions show whole at once, so the test does not wait for them to type.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
  await page.goto(`${on.url}/${name}.html`);
  return { page, errors };
}

describe('SCORM 1.2 package', () => {
  it('holds the manifest, the launch page, the call\'s voices and the game\'s sounds — no server code', () => {
    const names = Object.keys(pkg.files);
    expect(names).toContain('imsmanifest.xml');
    expect(names).toContain('index.html');
    const manifest = new TextDecoder().decode(pkg.files['imsmanifest.xml']);
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    for (const f of names.filter((n) => n !== 'imsmanifest.xml')) expect(manifest).toContain(`<file href="${f}"/>`);
    expect(names.some((n) => /thanks-.*\.webm$/.test(n))).toBe(true);
    expect(names.some((n) => /ring-.*\.(webm|mp3)$/.test(n))).toBe(true);
    const code = names.filter((n) => n.endsWith('.js')).map((n) => new TextDecoder().decode(pkg.files[n])).join('\n');
    expect(code).not.toContain('/api/results');
    expect(code).not.toContain('phaser');
  });

  it('opened outside an LMS, says so to the learner and plays nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/pkg/index.html`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/opened outside a learning platform \(LMS\).*as a SCORM 1\.2 package/);
    expect(await page.locator('.htl-answer').count()).toBe(0);
    await context.close();
  });

  it('plays a call to its end: passed, the score, each skill an objective; never "completed" before the end', { timeout: 90_000 }, async () => {
    const { page, errors } = await host('pass', null);
    const frame = packageFrame(page);
    await frame.locator('.htl-answer').waitFor();
    await screenshot(page, 'scorm12-ringing');
    expect((await cmiOf(page, '1.2')).core.lesson_status).toBe('incomplete');
    await playReplies(frame, PASS.slice(0, 2));
    expect((await cmiOf(page, '1.2')).core.lesson_status).toBe('incomplete');
    await screenshot(page, 'scorm12-call');
    await playReplies(frame, PASS.slice(2), false);
    expect(await toResults(frame)).toBe('passed');
    await screenshot(page, 'scorm12-passed');
    const expected = playedByIds(call, PASS, { seed: SEED }).score;
    const cmi = await cmiOf(page, '1.2');
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score).toMatchObject({ raw: String(expected.overall), min: '0', max: '100' });
    const objectives = Object.values(cmi.objectives.childArray ?? cmi.objectives) as any[];
    expect(objectives.map((o) => [o.id, o.score.raw, o.status])).toEqual([
      ['politeness', String(expected.politeness), 'completed'],
      ['accuracy', String(expected.accuracy), 'completed'],
      ['judgment', String(expected.judgment), 'completed'],
    ]);
    // Each turn an interaction: the reply chosen, correct where it lost nothing; named by the try.
    const interactions = Object.values(cmi.interactions.childArray ?? cmi.interactions) as any[];
    expect(interactions.map((i) => [i.id, i.student_response, i.result])).toEqual(PASS.map((id, n) => [`first-call-try1-turn${n + 1}`, id, 'correct']));
    // The state left: one try, this call's scores, no call under way.
    expect(cmi.suspend_data).toBe(`h1;1;0;-;${expected.overall}.${expected.politeness}.${expected.accuracy}.${expected.judgment}`);
    const calls = await page.evaluate(() => (window as any).lmsCalls as string[]);
    // Incomplete from the launch, passed once the call ended: nothing in between, never "completed".
    expect(calls.filter((c) => c.startsWith('cmi.core.lesson_status='))).toEqual(['cmi.core.lesson_status=incomplete', 'cmi.core.lesson_status=passed']);
    expect(calls.some((c) => c === 'cmi.core.lesson_status=completed')).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fails a call below the pass mark: "failed", not "incomplete" or "completed"; another try passes', { timeout: 30_000 }, async () => {
    const { page, errors } = await host('fail', null, quickServer);
    const frame = packageFrame(page);
    await playReplies(frame, QUICK_FAIL);
    expect(await toResults(frame)).toBe('failed');
    await screenshot(page, 'scorm12-failed');
    const expected = playedByIds(quickCall, QUICK_FAIL, { seed: SEED }).score;
    const cmi = await cmiOf(page, '1.2');
    expect(cmi.core.lesson_status).toBe('failed');
    expect(cmi.core.score.raw).toBe(String(expected.overall));
    expect(expected.overall).toBeLessThan(80);
    // Another try: a new call, counted; passed, the status follows.
    await frame.getByRole('button', { name: 'Try again' }).click();
    await playReplies(frame, QUICK_PASS);
    expect(await toResults(frame)).toBe('passed');
    await expect.poll(() => frame.locator('.htl-lms-results').textContent()).toContain('2 tries so far');
    const after = await cmiOf(page, '1.2');
    expect(after.core.lesson_status).toBe('passed');
    expect(after.core.score.raw).toBe(String(playedByIds(quickCall, QUICK_PASS, { seed: SEED }).score.overall));
    const ids = (Object.values(after.interactions.childArray ?? after.interactions) as any[]).map((i) => i.id);
    expect(ids).toEqual(['quick-call-try1-turn1', 'quick-call-try1-turn2', 'quick-call-try2-turn1', 'quick-call-try2-turn2']);
    expect(after.suspend_data).toMatch(/^h1;2;0;-;/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('resumes an interrupted call from suspend_data (the seed and the moves), and finishes it', { timeout: 30_000 }, async () => {
    const first = await host('interrupted', null, quickServer);
    await playReplies(packageFrame(first.page), QUICK_PASS.slice(0, 1));
    // The learner closes the package: the LMS takes its frame away.
    await first.page.evaluate(() => void ((document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'));
    await expect.poll(() => first.page.evaluate(() => (window as any).lmsCalls.includes('LMSFinish'))).toBe(true);
    const left = await cmiOf(first.page, '1.2');
    expect(left.core.lesson_status).toBe('incomplete');
    expect(left.core.exit).toBe('suspend');
    // Only the seed and the moves of the call under way: the first reply written under its node.
    expect(left.suspend_data).toBe(`h1;1;0;r1.${SEED.toString(36)}.e.1;-`);
    expect(left.suspend_data.length).toBeLessThan(4096);
    await first.page.context().close();

    const again = await host('resumed', { core: { entry: 'resume', lesson_status: 'incomplete' }, suspend_data: left.suspend_data }, quickServer);
    const frame = packageFrame(again.page);
    await frame.locator('.htl-lms-note').waitFor();
    await screenshot(again.page, 'scorm12-resumed');
    await playReplies(frame, QUICK_PASS.slice(1), false);
    expect(await toResults(frame)).toBe('passed');
    const cmi = await cmiOf(again.page, '1.2');
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score.raw).toBe(String(playedByIds(quickCall, QUICK_PASS, { seed: SEED }).score.overall));
    expect(again.errors).toEqual([]);
    await again.page.context().close();
  });
});
