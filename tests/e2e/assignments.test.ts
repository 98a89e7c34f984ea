// A member's assignment in the real game (Chromium, the production build, the real server): it
// comes first on the picker with its status, due date, gates and exams left; its exam is played
// through the real flow (the server's ticket, replies by id) and the debrief says which gate it
// missed; back on the picker the status and exams left follow; with no exams left the debrief says
// the exam counts for the leaderboard only. Screenshots at 1280×720 in test-results/assignments/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_TRAINER_TOKEN } from '../support/server.js';
import { axeAudit, gamePage, gameRig, type GameRig } from '../game/support/game.js';
import { playReplies } from '../game/support/replies.js';

const SHOTS = resolve(import.meta.dirname, '../../test-results/assignments');
/** Overall 72, judgment 70: misses judgment ≥ 80. */
const SHORT_ON_JUDGMENT = ['opening.2', 'promise-doubt.1', 'order-shipped.1', 'delay-known.2'];
const IDEAL = ['opening.1', 'order-shipped.1', 'delay-known.1'];

let rig: GameRig;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  rig = await gameRig();
}, 240_000);
afterAll(async () => rig?.close());

it('shows the assignment first on the picker, and the debrief says which gate the exam missed', async () => {
  const trainer = { 'content-type': 'application/json', authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
  const team = (await (await fetch(`${rig.server.url}/api/teams`, { method: 'POST', headers: trainer, body: JSON.stringify({ name: 'Day desk' }) })).json()) as { code: string };
  const due = new Date(Date.now() + 7 * 86_400_000);
  const assign = (title: string, attemptCap: number) =>
    fetch(`${rig.server.url}/api/teams/${team.code}/assignments`, {
      method: 'POST',
      headers: trainer,
      body: JSON.stringify({ title, calls: ['first-call'], dueAt: due.toISOString(), attemptCap, gates: { overall: 70, skills: { judgment: 80 } } }),
    });
  expect((await assign('Late orders, week 1', 1)).status).toBe(201);
  // A second, with two exams: after the miss one is left, and the next exam completes it.
  expect((await assign('Late orders, second try', 2)).status).toBe(201);
  const { page, errors } = await gamePage(rig.browser, 'assignments');
  await page.goto(`${rig.server.url}/?timeScale=8`);
  await page.getByRole('button', { name: 'Sign in to a team' }).click();
  await page.getByLabel('Your name').fill('Ann');
  await page.getByLabel('Team code').fill(team.code);
  await page.getByRole('button', { name: 'Join team' }).click();
  await page.getByRole('button', { name: 'I have noted it — continue' }).click();

  const card = page.locator('.htl-assign[data-assignment]').first();
  const second = page.locator('.htl-assign[data-assignment]').nth(1);
  await card.waitFor();
  // First on the picker, before the calls' cards.
  expect(await page.locator('.htl-cards > *').first().getAttribute('class')).toBe('htl-assign-list');
  expect(await card.locator('h3').textContent()).toBe('Late orders, week 1');
  expect(await card.locator('.htl-assign-status').textContent()).toBe('Not started');
  const meta = await card.locator('.htl-assign-head + .htl-assign-meta').textContent();
  expect(meta).toContain(`Due ${new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(due)}`);
  expect(meta).toContain('to pass: Overall ≥ 70, Judgment ≥ 80');
  expect(await card.locator('li[data-call="first-call"]').textContent()).toContain('1 of 1 exams left');
  expect(await axeAudit(page, 'picker with an assignment')).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'picker.png') });

  // The assignment's button starts the exam, whatever mode the picker was on.
  await card.locator('[data-exam="first-call"]').click();
  await page.getByRole('button', { name: 'Answer', exact: true }).click();
  await playReplies(page, SHORT_ON_JUDGMENT, 'click');
  await page.getByRole('button', { name: 'See the debrief' }).click();
  const verdict = page.locator('.htl-assign-verdict').first();
  const verdict2 = page.locator('.htl-assign-verdict').nth(1);
  await verdict.waitFor();
  // The cap-1 assignment: that was the last exam, and it says so; the other has one left.
  expect(await verdict.getAttribute('data-verdict')).toBe('failed');
  expect(await verdict.textContent()).toBe('That was your last exam for this call — the assignment “Late orders, week 1” is failed (Judgment 70, needs 80). Ask your trainer for another round.');
  expect(await verdict2.getAttribute('data-verdict')).toBe('missed');
  expect(await verdict2.textContent()).toBe('This exam missed the gates of “Late orders, second try”: Judgment 70, needs 80. 1 exam left for the assignment.');
  await page.locator('[data-settled="true"]').waitFor();
  await page.screenshot({ path: join(SHOTS, 'debrief.png') });
  const results = async () => ((await (await fetch(`${rig.server.url}/api/teams/${team.code}/results`)).json()) as { results: unknown[] }).results.length;
  await expect.poll(results, { timeout: 15_000 }).toBe(1);

  // The one exam is used up: failed, final for the round — the card says on what and what to do, and offers no exam.
  await page.getByRole('button', { name: 'Choose a call' }).click();
  await expect.poll(() => card.locator('.htl-assign-status').textContent(), { timeout: 10_000 }).toBe('Failed');
  expect(await card.locator('.htl-assign-failed').textContent()).toBe('Failed on Where is my order? (Judgment 70, needs 80): this round is over — ask your trainer for another round.');
  expect(await card.locator('li[data-call="first-call"]').textContent()).toContain('No exams left: another exam counts for the leaderboard only');
  expect(await card.locator('[data-exam]').count()).toBe(0);
  await page.screenshot({ path: join(SHOTS, 'picker-failed.png') });
  // The other assignment's exam passes: it is complete, and its certificate is linked once the server has the exam.
  await second.locator('[data-exam="first-call"]').click();
  await page.getByRole('button', { name: 'Answer', exact: true }).click();
  await playReplies(page, IDEAL, 'click');
  await page.getByRole('button', { name: 'See the debrief' }).click();
  await verdict.waitFor();
  expect(await verdict.getAttribute('data-verdict')).toBe('uncounted');
  expect(await verdict.textContent()).toContain('this one counts for the leaderboard only, not for the assignment');
  expect(await verdict2.getAttribute('data-verdict')).toBe('complete');
  const link = verdict2.getByRole('link', { name: 'Open your certificate' });
  await link.waitFor({ timeout: 15_000 });
  expect(await verdict2.locator('p').first().textContent()).toBe('Assignment passed: “Late orders, second try” is complete.');
  expect(await link.getAttribute('href')).toMatch(/^\/\?view=certificate&code=[0-9a-f]{32}$/);
  await page.locator('[data-settled="true"]').waitFor();
  await page.screenshot({ path: join(SHOTS, 'debrief-complete.png') });
  await expect.poll(results, { timeout: 15_000 }).toBe(2);
  expect(errors).toEqual([]);

  // The pages on the real build and its Content-Security-Policy: the team page's progress, and a code that is no certificate.
  await page.goto(`${rig.server.url}/?view=team&team=${team.code}`);
  const row = page.locator('.htl-assignments tr[data-member]').first();
  await row.waitFor();
  expect(await row.getAttribute('data-status')).toBe('failed');
  expect(await row.locator('td.num').textContent()).toBe('72 · Judgment 70 < 80 · 1 of 1');
  await page.goto(`${rig.server.url}/?view=certificate&code=${'0'.repeat(32)}`);
  await page.locator('.htl-cert-void h1').waitFor();
  expect(await page.locator('.htl-cert-void h1').textContent()).toBe('Not a valid certificate');
  // The browser logs the certificate's 404 itself; nothing else.
  expect(errors).toEqual(['console.error: Failed to load resource: the server responded with a status of 404 (Not Found)']);
}, 180_000);
