// A cmi5 package launched as an LMS would (the launch parameters on its address), against a
// local LRS stub that checks every statement against the cmi5 profile, in Chromium: the call
// played to its end, one statement per turn with the reply and the points lost per skill (from
// the engine's review), then completed, passed and terminated in that order; and a call resumed.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewCall } from '../../src/engine/index.js';
import { launchBrowser } from '../support/browser.js';
import { loadFile } from '../engine/support.js';
import { playedByIds } from '../server/playByIds.js';
import { lrsStub, type Lrs } from './lrsStub.js';
import { buildTestPackage, playReplies, ROOT, screenshot, SEED, staticServer, toResults, type BuiltPackage, type StaticServer } from './support.js';

const QUICK = join(ROOT, 'tests/lms/fixtures/quick-call.json');
/** Overall 87: over a mastery score of 0.8, under 0.95; the first reply loses 40 points of politeness. */
const SHORT = ['blame', 'explain'];
const call = loadFile(QUICK);

let pkg: BuiltPackage;
let browser: Browser;
let activityId: string;
const servers: StaticServer[] = [];

beforeAll(async () => {
  [pkg, browser] = await Promise.all([buildTestPackage(['cmi5', QUICK, '--pass', '90', '--seed', String(SEED)]), launchBrowser()]);
  activityId = /<au id="([^"]+)"/.exec(new TextDecoder().decode(pkg.files['cmi5.xml']))![1]!;
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  pkg?.dispose();
});

/** A new registration on its own LRS, the AU launched in a window with its parameters. */
async function launch(lrs: Lrs): Promise<{ page: Page; errors: string[]; server: StaticServer }> {
  const server = await staticServer(pkg.dir, lrs.route);
  servers.push(server);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A first launch has no state document to resume from: the LRS answers 404, as xAPI says it should.
  page.on('console', (m) => m.type() === 'error' && !m.location().url.includes('/xapi/activities/state') && errors.push(m.text()));
  await page.goto(`${server.url}/pkg/index.html?${lrs.launchQuery(server.url)}`);
  return { page, errors, server };
}

/** The learner closes the window. */
async function close(page: Page, lrs: Lrs): Promise<void> {
  await page.goto('about:blank');
  await expect.poll(() => lrs.verbs().at(-1)).toBe('terminated');
  await page.context().close();
}

describe('cmi5 package', () => {
  it('has a course structure whose AU launches index.html with the pass mark as its mastery score', () => {
    const xml = new TextDecoder().decode(pkg.files['cmi5.xml']);
    expect(xml).toContain('<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">');
    expect(xml).toMatch(/<au id="urn:hold-the-line:package:cmi5:[^"]+" moveOn="CompletedAndPassed" masteryScore="0.90"/);
    expect(xml).toContain('<url>index.html</url>');
  });

  it('passes the mastery score the LMS sets (0.8, under the package\'s 90): initialized, a statement per turn, completed, passed, terminated', { timeout: 30_000 }, async () => {
    const lrs = lrsStub({ activityId, masteryScore: 0.8 });
    const { page, errors } = await launch(lrs);
    await playReplies(page, SHORT);
    await screenshot(page, 'cmi5-ended');
    const verdict = await toResults(page);
    expect(verdict).toBe('passed');
    await close(page, lrs);
    expect(lrs.problems).toEqual([]);
    expect(lrs.verbs()).toEqual(['initialized', 'answered', 'answered', 'completed', 'passed', 'terminated']);
    // Each turn: the reply chosen and the points lost per skill, as the engine's review has them.
    const played = playedByIds(call, SHORT, { seed: SEED });
    const review = reviewCall(call, played.transcript);
    const turns = lrs.statements.filter((s) => s.verb.id.endsWith('/answered'));
    expect(turns.map((s) => s.result.response)).toEqual(SHORT);
    review.turns.forEach((t, i) => {
      const lost = { politeness: 0, accuracy: 0, judgment: 0 };
      for (const e of t.ledger) lost[e.dimension] -= e.points;
      expect(turns[i]!.result.extensions['urn:hold-the-line:xapi:points-lost']).toEqual(lost);
    });
    expect(turns[0]!.result.extensions['urn:hold-the-line:xapi:points-lost']).toEqual({ politeness: 40, accuracy: 0, judgment: 0 });
    const passed = lrs.statements.find((s) => s.verb.id.endsWith('/passed'))!;
    expect(passed.result.score).toEqual({ scaled: played.score.overall / 100, raw: played.score.overall, min: 0, max: 100 });
    expect(passed.result.extensions['urn:hold-the-line:xapi:skills']).toEqual({
      politeness: { score: played.score.politeness, gate: null, passed: null },
      accuracy: { score: played.score.accuracy, gate: null, passed: null },
      judgment: { score: played.score.judgment, gate: null, passed: null },
    });
    expect(passed.result.extensions['urn:hold-the-line:xapi:attempts']).toBe(1);
    expect(errors).toEqual([]);
  });

  it('fails under the mastery score, and resumes an interrupted call from its state document', { timeout: 30_000 }, async () => {
    const lrs = lrsStub({ activityId, masteryScore: 0.95 });
    const first = await launch(lrs);
    await playReplies(first.page, SHORT.slice(0, 1));
    await first.page.locator(`.htl-replies button[data-reply="${SHORT[1]}"]`).waitFor({ timeout: 20_000 });
    await close(first.page, lrs);
    expect(lrs.state.get('urn:hold-the-line:resume')).toBe(`h1;1;0;r1.${SEED.toString(36)}.e.2;-`);
    expect(lrs.verbs()).toEqual(['initialized', 'terminated']);
    // Launched again in the same registration (the stub hands out a token once per launch).
    const again = await launchAgain(lrs);
    await again.page.locator('.htl-lms-note').waitFor();
    await playReplies(again.page, SHORT.slice(1), false);
    expect(await toResults(again.page)).toBe('failed');
    await close(again.page, lrs);
    expect(lrs.problems).toEqual([]);
    expect(lrs.verbs()).toEqual(['initialized', 'terminated', 'initialized', 'answered', 'answered', 'completed', 'failed', 'terminated']);
    expect(again.errors).toEqual([]);
  });
});

describe('cmi5 package in Browse mode', () => {
  it('plays the call but reports no completion, pass or fail', { timeout: 30_000 }, async () => {
    const lrs = lrsStub({ activityId, masteryScore: 0.8, launchMode: 'Browse' });
    const { page, errors } = await launch(lrs);
    await playReplies(page, SHORT);
    // Over the mastery score, but nothing is recorded: the screen says so, not "Passed".
    expect(await toResults(page)).toBe('browsed');
    expect(await page.locator('#htl-lms-verdict').textContent()).toBe('Practice run: not recorded');
    expect(await page.locator('.htl-lms-results [role="status"]').textContent()).toBe('This was opened for browsing: nothing was sent to your learning platform, and no result was recorded. Open it from your course to be scored.');
    await screenshot(page, 'cmi5-browse');
    await close(page, lrs);
    expect(lrs.problems).toEqual([]);
    expect(lrs.verbs()).toEqual(['initialized', 'answered', 'answered', 'terminated']);
    expect(errors).toEqual([]);
  });
});

describe('the LRS stub', () => {
  it('finds what breaks the cmi5 rules: a statement before initialized, a passed without moveOn or mastery score, anything after terminated', async () => {
    const lrs = lrsStub({ activityId: 'urn:test:au', masteryScore: 0.8 });
    const server = await staticServer(pkg.dir, lrs.route);
    servers.push(server);
    const q = new URLSearchParams(lrs.launchQuery(server.url));
    const { 'auth-token': token } = (await (await fetch(q.get('fetch')!, { method: 'POST' })).json()) as { 'auth-token': string };
    expect((await (await fetch(q.get('fetch')!, { method: 'POST' })).json()) as object).toHaveProperty('error-code');
    const headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
    const launchData = (await (await fetch(`${server.url}/xapi/activities/state?${new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: 'urn:test:au', agent: q.get('actor')!, registration: q.get('registration')! })}`, { headers })).json()) as { contextTemplate: { contextActivities: object; extensions: object } };
    const statement = (verb: string, category: string[], result: object = {}) => ({
      id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      actor: JSON.parse(q.get('actor')!),
      verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
      object: { objectType: 'Activity', id: 'urn:test:au' },
      context: { ...launchData.contextTemplate, registration: q.get('registration'), contextActivities: { ...launchData.contextTemplate.contextActivities, category: category.map((id) => ({ id })) } },
      result,
    });
    const post = (s: object) => fetch(`${server.url}/xapi/statements`, { method: 'POST', headers, body: JSON.stringify(s) });
    const cmi5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
    await post(statement('completed', [cmi5, 'https://w3id.org/xapi/cmi5/context/categories/moveon'], { completion: true, duration: 'PT1S' }));
    await post(statement('passed', [cmi5], { success: true, duration: 'PT1S', score: { scaled: 0.9 } }));
    await post(statement('terminated', [cmi5], { duration: 'PT2S' }));
    await post(statement('answered', [cmi5]));
    expect(lrs.problems).toEqual([
      'completed: the first statement of a session must be initialized',
      'passed: no moveOn category',
      'passed: no masteryscore extension',
      'http://adlnet.gov/expapi/verbs/answered: sent after terminated',
      'http://adlnet.gov/expapi/verbs/answered: a statement cmi5 does not define carries the cmi5 category',
    ]);
  });
});

async function launchAgain(lrs: Lrs): Promise<{ page: Page; errors: string[] }> {
  lrs.relaunch();
  const server = servers.at(-1)!;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A first launch has no state document to resume from: the LRS answers 404, as xAPI says it should.
  page.on('console', (m) => m.type() === 'error' && !m.location().url.includes('/xapi/activities/state') && errors.push(m.text()));
  await page.goto(`${server.url}/pkg/index.html?${lrs.launchQuery(server.url)}`);
  return { page, errors };
}
