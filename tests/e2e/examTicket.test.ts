// An exam played signed in starts with the server's ticket, in a real Chromium against the real
// server and the production build: its seed is the server's, the result arrives with the ticket
// (not "played offline"), and the next exam gets a ticket of its own.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_TRAINER_TOKEN } from '../support/server.js';
import { gamePage, gameRig, type GameRig } from '../game/support/game.js';
import { playReplies } from '../game/support/replies.js';

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 240_000);
afterAll(async () => rig?.close());

it('plays a signed-in exam on the server’s ticket, and the next one on a ticket of its own', async () => {
  const res = await fetch(`${rig.server.url}/api/teams`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TRAINER_TOKEN}` }, body: JSON.stringify({ name: 'Ticket desk' }) });
  const team = (await res.json()) as { code: string };
  const { page, errors } = await gamePage(rig.browser, 'exam-ticket');
  // No seed in the address: the exam's seed is the server's to choose.
  await page.goto(`${rig.server.url}/?timeScale=8`);
  await page.getByRole('button', { name: 'Sign in to a team' }).click();
  await page.getByLabel('Your name').fill('Tomasz');
  await page.getByLabel('Team code').fill(team.code);
  await page.getByRole('button', { name: 'Join team' }).click();
  await page.getByRole('button', { name: 'I have noted it — continue' }).click();
  const tickets: number[] = [];
  page.on('response', (r) => r.url().endsWith(`/api/teams/${team.code}/tickets`) && tickets.push(r.status()));
  await page.getByRole('radio', { name: /Exam/ }).click();
  const results = async () => (await (await fetch(`${rig.server.url}/api/teams/${team.code}/results`)).json()).results as { id: number; offline: boolean }[];
  for (const [round, path] of [['opening.1', 'order-shipped.1', 'delay-known.1'], ['opening.1', 'order-shipped.2']].entries()) {
    if (round === 0) await page.locator('[data-play="first-call"]').click();
    else await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await playReplies(page, path, 'click');
    await page.getByRole('button', { name: 'See the debrief' }).click();
    await expect.poll(async () => (await results()).length, { timeout: 15_000 }).toBe(round + 1);
  }
  expect(tickets).toEqual([201, 201]);
  const stored = await results();
  expect(stored.map((r) => r.offline)).toEqual([false, false]);
  const seeds = await Promise.all(stored.map(async (r) => (await (await fetch(`${rig.server.url}/api/teams/${team.code}/results/${r.id}`)).json()).transcript.seed as number));
  expect(new Set(seeds).size).toBe(2);
  expect(errors).toEqual([]);
});
