// "My history" in a real Chromium against the real server: a new player joins, plays the warm-up
// call in practice and then as an exam (replies by id, a pinned seed), and tries another reply
// from turn 2 of the exam; the history lists all three, newest first, the branch marked as
// practice from its turn, with the scores the debriefs showed and the server's replay gave; a row
// reopens its debrief exactly as it was, and Back returns to the history. A fresh browser signed in with the
// personal code shows the same history from the server, and reopens a debrief the engine rebuilds.
// axe audits the screen, and it is photographed at 1280×720 and 390×844 (test-results/).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HistoryPage } from '../../src/client/index.js';
import { TEST_TRAINER_TOKEN } from '../support/server.js';
import { axeAudit, debriefScores, gamePage, gameRig, type GameRig } from '../game/support/game.js';
import { playReplies, SEED } from '../game/support/replies.js';
import { ROOT } from '../game/support/scenarios.js';

const SHOTS = join(ROOT, 'test-results');
const TIME = `timeScale=8&seed=${SEED}`;
const IDEAL = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const SCORES = ['politeness', 'accuracy', 'judgment', 'overall', 'grade'] as const;

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 300_000);
afterAll(async () => rig?.close());

async function audit(page: Page, where: string): Promise<string[]> {
  await page.mouse.move(1, 1);
  return axeAudit(page, where);
}

/** The returning player's browser: the guided first call is behind them. */
async function open(name: string): Promise<{ page: Page; errors: string[] }> {
  const p = await gamePage(rig.browser, name);
  await p.page.context().addInitScript(() => {
    if (localStorage.getItem('holdtheline.guide') === null) localStorage.setItem('holdtheline.guide', JSON.stringify({ v: 1, state: 'seen', at: new Date().toISOString() }));
  });
  return p;
}

/** Plays the warm-up call by reply ids in `mode` from the picker; the debrief's scores. */
async function playWarmUp(page: Page, mode: 'Practice' | 'Exam'): Promise<Record<string, string>> {
  await page.getByRole('radio', { name: new RegExp(mode) }).click();
  await page.locator('[data-play="first-call"]').click();
  await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
  await page.keyboard.press('Enter');
  await playReplies(page, IDEAL, 'key');
  await page.getByRole('button', { name: 'See the debrief' }).click();
  return debriefScores(page);
}

/** Each row of the history as the player reads it: mode text, whether uploaded, and the five scores. */
async function historyRows(page: Page): Promise<{ title: string; mode: string; pending: boolean; scores: Record<string, string> }[]> {
  await page.locator('.htl-history[data-ready]').waitFor();
  return page.locator('.htl-history-row').evaluateAll((rows) =>
    rows.map((r) => {
      const scores: Record<string, string> = {};
      for (const li of r.querySelectorAll('.htl-history-scores li')) scores[li.className.replace('htl-history-', '').replace('htl-', '')] = li.querySelector('b')!.textContent!.trim();
      return { title: r.querySelector('.htl-history-open')!.textContent!.trim(), mode: r.querySelector('.htl-history-mode')!.textContent!.trim(), pending: r.querySelector('.htl-history-pending') !== null, scores };
    }),
  );
}

const asRow = (s: Record<string, string>) => Object.fromEntries(SCORES.map((k) => [k, s[k]]));

it('lists a practice call, an exam and another reply tried from its turn 2 (as practice) with the engine’s scores, reopens each debrief as it was, and is the same in a fresh browser signed in with the personal code', async () => {
  const res = await fetch(`${rig.server.url}/api/teams`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TRAINER_TOKEN}` }, body: JSON.stringify({ name: 'Help desk' }) });
  const team = (await res.json()) as { code: string };
  const problems: string[] = [];
  mkdirSync(SHOTS, { recursive: true });

  // The first browser: join, play practice, then the exam.
  const first = await open('history-first');
  const a = first.page;
  await a.goto(`${rig.server.url}/?${TIME}`);
  await a.getByRole('button', { name: 'Sign in to a team' }).click();
  await a.getByLabel('Your name').fill('Olena');
  await a.getByLabel('Team code').fill(team.code);
  await a.getByRole('button', { name: 'Join team' }).click();
  await a.getByText('Your personal code:').waitFor();
  const personalCode = (await a.locator('#htl-new-personal-code').textContent())!.trim();
  await a.getByRole('button', { name: 'I have noted it — continue' }).click();
  const practice = await playWarmUp(a, 'Practice');
  await a.getByRole('button', { name: 'Choose a call' }).click();
  const exam = await playWarmUp(a, 'Exam');
  // From the exam's debrief: another reply from turn 2 (which ends the call), played in practice.
  await a.getByRole('button', { name: 'Try another reply from turn 2' }).click();
  await playReplies(a, ['order-shipped.2'], 'click');
  await a.getByRole('button', { name: 'See the debrief' }).click();
  const branch = await debriefScores(a);
  expect(branch).not.toEqual(exam);

  // Both reach the server (the exam through the results, the practice call through the history).
  const identity = await a.evaluate(() => JSON.parse(localStorage.getItem('holdtheline.identity')!) as { token: string });
  const serverHistory = async () => (await (await fetch(`${rig.server.url}/api/teams/${team.code}/me/history`, { headers: { 'x-player-token': identity.token } })).json()) as HistoryPage;
  await expect.poll(async () => (await serverHistory()).runs.length, { timeout: 20_000 }).toBe(3);
  const runs = (await serverHistory()).runs;
  expect(runs.map((r) => [r.source, r.mode, r.branch])).toEqual([
    ['practice', 'exam', { turn: 2 }],
    ['result', 'exam', null],
    ['practice', 'practice', null],
  ]);
  // The server's replay gives the scores the debriefs showed.
  expect(runs.map((r) => asRow(Object.fromEntries(SCORES.map((k) => [k, String(r[k])]))))).toEqual([asRow(branch), asRow(exam), asRow(practice)]);

  // The history, from the picker: newest first — the branch marked as practice from its turn — with those scores, all uploaded.
  await a.getByRole('button', { name: 'Choose a call' }).click();
  await a.getByRole('button', { name: 'My history' }).click();
  await a.getByText('Every call is kept on the server too.').waitFor();
  const rows = await historyRows(a);
  expect(rows.map((r) => [r.mode, r.pending])).toEqual([
    ['Practice — tried another reply from turn 2', false],
    ['Exam', false],
    ['Practice', false],
  ]);
  expect(rows.map((r) => r.scores)).toEqual([asRow(branch), asRow(exam), asRow(practice)]);
  expect(rows.map((r) => r.title)).toEqual(runs.map((r) => r.title));
  await a.locator('.htl-history .htl-progress-chart').waitFor();
  expect(await a.locator('.htl-history .htl-progress-chart > title').textContent()).toBe('Your weekly averages per skill');
  problems.push(...(await audit(a, 'my history')));
  await a.screenshot({ path: join(SHOTS, 'history-1280x720.png') });

  // A row reopens its debrief exactly as it was (the branch beside the run it was tried from);
  // Back returns to the history, on that row.
  await a.locator('.htl-history-row').nth(0).locator('.htl-history-open').click();
  expect(await debriefScores(a)).toEqual(branch);
  expect(await a.locator('.htl-branch [data-parts-at]').getAttribute('data-parts-at')).toBe('2');
  await a.getByRole('button', { name: 'Back to my history' }).click();
  await a.locator('.htl-history-row').nth(2).locator('.htl-history-open').click();
  expect(await debriefScores(a)).toEqual(practice);
  await a.getByRole('button', { name: 'Back to my history' }).click();
  await a.locator('.htl-history[data-ready]').waitFor();
  expect(await a.evaluate(() => document.activeElement?.closest('.htl-history-row') === document.querySelectorAll('.htl-history-row')[2])).toBe(true);
  // Back again: to the picker it was opened from.
  await a.getByRole('button', { name: 'Back', exact: true }).click();
  await a.getByText('Choose a call').first().waitFor();

  // A fresh browser, signed in with the personal code: the same history, from the server.
  const second = await open('history-second');
  const b = second.page;
  await b.goto(`${rig.server.url}/?${TIME}`);
  await b.getByRole('button', { name: 'Sign in to a team' }).click();
  await b.getByLabel('Your name').fill('Olena');
  await b.getByLabel('Team code').fill(team.code);
  await b.getByRole('button', { name: 'Join team' }).click();
  await b.getByRole('button', { name: 'It’s me: enter my personal code' }).click();
  await b.getByRole('textbox', { name: 'Personal code' }).fill(personalCode);
  await b.getByRole('button', { name: 'Sign in', exact: true }).click();
  await b.getByText('Choose a call').first().waitFor();
  await b.getByRole('button', { name: 'Back', exact: true }).click();
  await b.getByRole('button', { name: 'My history' }).click();
  await b.getByText('Every call is kept on the server too.').waitFor();
  expect(await historyRows(b)).toEqual(rows);
  // Not kept on this device: the engine rebuilds its debrief from the server's transcript.
  await b.locator('.htl-history-row').nth(1).locator('.htl-history-open').click();
  expect(await debriefScores(b)).toEqual(exam);
  await b.getByRole('button', { name: 'Back to my history' }).click();
  await b.locator('.htl-history[data-ready]').waitFor();

  // On a phone held upright.
  await b.setViewportSize({ width: 390, height: 844 });
  await b.waitForTimeout(300);
  problems.push(...(await audit(b, 'my history at 390×844')));
  await b.screenshot({ path: join(SHOTS, 'history-390x844.png'), fullPage: true });

  expect(problems).toEqual([]);
  // The name-taken answer (409) is one the page puts in words, not a fault.
  const refusal = /Failed to load resource: the server responded with a status of 409/;
  expect([...first.errors, ...second.errors].filter((e) => !refusal.test(e))).toEqual([]);
}, 240_000);
