// A SCORM 2004 (4th edition) package of an assignment file with a skill gate (a quick test call), against
// scorm-again's LMS-side runtime in Chromium: completion and success reported apart, the scaled
// and raw score, and each skill an objective with its own score and success.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { loadFile } from '../engine/support.js';
import { playedByIds } from '../server/playByIds.js';
import { buildTestPackage, cmiOf, packageFrame, playReplies, ROOT, scormHost, screenshot, SEED, staticServer, toResults, type BuiltPackage, type StaticServer } from './support.js';

const QUICK = join(ROOT, 'tests/lms/fixtures/quick-call.json');
const PASS = ['ask-order', 'explain'];
/** Overall 90, over the mark of 80; judgment 70, under its gate of 90. */
const SHORT_ON_JUDGMENT = ['ask-order', 'curt'];
const call = loadFile(QUICK);

let pkg: BuiltPackage;
let server: StaticServer;
let browser: Browser;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'htl-assignment-'));
  const assignment = join(folder, 'week-1.json');
  writeFileSync(assignment, JSON.stringify({ assignment: 1, title: 'Week 1: the warm-up', calls: [QUICK], passGates: { overall: 80, skills: { judgment: 90 } }, seed: SEED }));
  [pkg, browser] = await Promise.all([buildTestPackage(['scorm2004', assignment]), launchBrowser()]);
  server = await staticServer(pkg.dir);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  pkg?.dispose();
  rmSync(folder, { recursive: true, force: true });
});

async function host(name: string): Promise<{ page: Page; errors: string[] }> {
  server.pages.set(`/${name}.html`, scormHost('2004', null));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
  await page.goto(`${server.url}/${name}.html`);
  return { page, errors };
}

const objectivesOf = (cmi: Record<string, any>) =>
  (Object.values(cmi.objectives.childArray ?? cmi.objectives) as any[]).map((o) => [o.id, o.score.raw, o.score.scaled, o.completion_status, o.success_status]);

describe('SCORM 2004 package of an assignment', () => {
  it('has a 4th-edition manifest titled as the assignment, the skills as its objectives', () => {
    const manifest = new TextDecoder().decode(pkg.files['imsmanifest.xml']);
    expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(manifest).toContain('<title>Week 1: the warm-up</title>');
    expect(manifest).toContain('adlcp:scormType="sco" href="index.html"');
    for (const skill of ['politeness', 'accuracy', 'judgment']) expect(manifest).toContain(`<imsss:objective objectiveID="${skill}"/>`);
  });

  it('passes: completed and passed, the scaled and raw score, every objective', { timeout: 30_000 }, async () => {
    const { page, errors } = await host('pass');
    const frame = packageFrame(page);
    await frame.locator('.htl-answer').waitFor();
    expect((await cmiOf(page, '2004')).completion_status).toBe('incomplete');
    await playReplies(frame, PASS);
    expect(await toResults(frame)).toBe('passed');
    const s = playedByIds(call, PASS, { seed: SEED }).score;
    const cmi = await cmiOf(page, '2004');
    expect([cmi.completion_status, cmi.success_status]).toEqual(['completed', 'passed']);
    expect(cmi.score).toMatchObject({ raw: String(s.overall), scaled: String(s.overall / 100), min: '0', max: '100' });
    expect(objectivesOf(cmi)).toEqual([
      ['politeness', String(s.politeness), String(s.politeness / 100), 'completed', 'unknown'],
      ['accuracy', String(s.accuracy), String(s.accuracy / 100), 'completed', 'unknown'],
      ['judgment', String(s.judgment), String(s.judgment / 100), 'completed', 'passed'],
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fails on the judgment gate although the overall is over the mark: completed, failed, the objective failed', { timeout: 30_000 }, async () => {
    const { page, errors } = await host('short');
    const frame = packageFrame(page);
    await playReplies(frame, SHORT_ON_JUDGMENT);
    expect(await toResults(frame)).toBe('failed');
    await screenshot(page, 'scorm2004-failed-gate');
    const s = playedByIds(call, SHORT_ON_JUDGMENT, { seed: SEED }).score;
    expect(s.overall).toBeGreaterThanOrEqual(80);
    expect(s.judgment).toBeLessThan(90);
    const cmi = await cmiOf(page, '2004');
    expect([cmi.completion_status, cmi.success_status]).toEqual(['completed', 'failed']);
    expect(cmi.score.raw).toBe(String(s.overall));
    const interactions = Object.values(cmi.interactions.childArray ?? cmi.interactions) as any[];
    expect(interactions.map((i) => [i.id, i.type, i.learner_response, i.result])).toEqual([
      ['quick-call-try1-turn1', 'other', 'ask-order', 'correct'],
      ['quick-call-try1-turn2', 'other', 'curt', 'incorrect'],
    ]);
    expect(interactions[1].description).toBe('Tomorrow.');
    expect(objectivesOf(cmi)[2]).toEqual(['judgment', String(s.judgment), String(s.judgment / 100), 'completed', 'failed']);
    await expect(frame.getByText('Short of: Judgment').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
