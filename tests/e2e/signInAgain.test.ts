// Signing in again with a personal code, in a real Chromium against the real server: a new player
// joins in one browser, is shown their personal code once, and plays an exam; a fresh browser
// (its own storage) is told the name is taken, is asked "Is it you?", refuses a wrong code in
// words, and with the right code is the same player, whose result is on the board under one row.
// A different person with the same name joins as "Anna (2)" by choosing to.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_TRAINER_TOKEN } from '../support/server.js';
import { gamePage, gameRig, type GameRig } from '../game/support/game.js';
import { playReplies, SEED } from '../game/support/replies.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe findings in the game's DOM layer on this screen, as `where: rule at targets`. */
async function audit(page: Page, where: string): Promise<string[]> {
  // The pointer off every button: a hovered primary button is a shade lighter (a matter of styles.css, not these screens).
  await page.mouse.move(1, 1);
  await page.waitForTimeout(200);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(axePath, 'utf8')); // evaluated, not a <script>: the page's CSP refuses inline scripts
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Element, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document.getElementById('ui')!, { resultTypes: ['violations'] })).violations;
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 240_000);
afterAll(async () => rig?.close());

const TIME = `timeScale=8&seed=${SEED}`;
const CODE_SHAPE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}$/;
type StoredIdentity = { player: { id: number; name: string }; token: string; personalCode?: string };
const storedIdentity = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('holdtheline.identity') ?? 'null') as StoredIdentity | null);

it('a fresh browser signs in with the personal code as the same player, with their result on the board', async () => {
  const res = await fetch(`${rig.server.url}/api/teams`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TRAINER_TOKEN}` }, body: JSON.stringify({ name: 'Support desk' }) });
  const team = (await res.json()) as { code: string };

  // First browser: join, note the code shown once, play an exam.
  const first = await gamePage(rig.browser, 'sign-in-again-first');
  const a = first.page;
  await a.goto(`${rig.server.url}/?${TIME}`);
  await a.getByRole('button', { name: 'Sign in to a team' }).click();
  await a.getByLabel('Your name').fill('Anna');
  await a.getByLabel('Team code').fill(team.code);
  await a.getByRole('button', { name: 'Join team' }).click();
  await a.getByText('Your personal code:').waitFor();
  const personalCode = (await a.locator('#htl-new-personal-code').textContent())!.trim();
  expect(personalCode).toMatch(CODE_SHAPE);
  const problems = await audit(a, 'the personal code shown');
  const continueButton = a.getByRole('button', { name: 'I have noted it — continue' });
  expect(await a.evaluate(() => document.activeElement?.textContent)).toBe('I have noted it — continue');
  await continueButton.click();
  await a.getByRole('radio', { name: /Exam/ }).click();
  await a.locator('[data-play="first-call"]').click();
  await a.keyboard.press('Enter');
  await playReplies(a, ['opening.1', 'order-shipped.1', 'delay-known.1'], 'key');
  await expect.poll(async () => (await (await fetch(`${rig.server.url}/api/teams/${team.code}/results`)).json()).results.length, { timeout: 15_000 }).toBe(1);
  const stored = (await (await fetch(`${rig.server.url}/api/teams/${team.code}/results`)).json()).results[0] as { overall: number; player: { id: number; name: string } };
  const anna = (await storedIdentity(a))!;
  expect(anna).toMatchObject({ player: { name: 'Anna' }, personalCode });
  expect(stored.player).toEqual(anna.player);
  // The title screen shows the code again on this browser.
  await a.goto(`${rig.server.url}/?${TIME}`);
  await a.getByText('My personal code').click();
  await a.getByText(`Your personal code: ${personalCode}`).waitFor();
  problems.push(...(await audit(a, 'the title with the personal code')));

  // A fresh browser: the name alone is someone's; "Is it you?"; a wrong code is refused in words.
  const second = await gamePage(rig.browser, 'sign-in-again-second');
  const b = second.page;
  await b.goto(`${rig.server.url}/?${TIME}`);
  await b.getByRole('button', { name: 'Sign in to a team' }).click();
  await b.getByLabel('Your name').fill('Anna');
  await b.getByLabel('Team code').fill(team.code.toLowerCase());
  await b.getByRole('button', { name: 'Join team' }).click();
  await b.getByText('Someone in this team is already called “Anna”. Is it you?').waitFor();
  problems.push(...(await audit(b, 'the name-taken question')));
  await b.getByRole('button', { name: 'It’s me: enter my personal code' }).click();
  const field = b.getByRole('textbox', { name: 'Personal code' });
  expect(await b.evaluate(() => document.activeElement?.id)).toBe('htl-personal-code');
  await field.fill('ABC');
  await b.getByRole('button', { name: 'Sign in', exact: true }).click();
  await b.getByText('Please enter your personal code: ten letters and digits').waitFor();
  const wrong = personalCode.startsWith('A') ? `B${personalCode.slice(1)}` : `A${personalCode.slice(1)}`;
  await field.fill(wrong);
  await b.getByRole('button', { name: 'Sign in', exact: true }).click();
  await b.getByText('Nobody in this team has that personal code.').waitFor();
  problems.push(...(await audit(b, 'signing in with a personal code')));
  // Typed as people type from paper: lower case, a space instead of the dash.
  await field.fill(personalCode.toLowerCase().replace('-', ' '));
  await b.getByRole('button', { name: 'Sign in', exact: true }).click();
  await b.getByText('Choose a call').waitFor();
  const back = (await storedIdentity(b))!;
  expect(back.player).toEqual(anna.player);
  expect(back.token).not.toBe(anna.token);
  expect(back.personalCode).toBe(personalCode);
  // The same player on the board: one row, with the result played in the first browser.
  await b.getByRole('button', { name: 'Leaderboard' }).click();
  const rows = b.locator('.htl-board-table tbody tr', { hasText: 'Anna' });
  await rows.first().waitFor();
  expect(await rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain(String(stored.overall));
  await b.goto(`${rig.server.url}/?${TIME}`);
  await b.getByText('Signed in as Anna (Support desk)').waitFor();
  // The player makes a new code from the title screen: shown there; the old one stops working.
  await b.getByText('My personal code').click();
  await b.getByText(`Your personal code: ${personalCode}`).waitFor();
  await b.getByRole('button', { name: 'Make a new personal code' }).click();
  await b.getByText('Made. Write it down: the old one no longer works.').waitFor();
  const renewed = (await storedIdentity(b))!.personalCode!;
  expect(renewed).toMatch(CODE_SHAPE);
  expect(renewed).not.toBe(personalCode);
  await b.getByText(`Your personal code: ${renewed}`).waitFor();
  const signIn = (code: string) => fetch(`${rig.server.url}/api/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: team.code, personalCode: code }) });
  expect((await signIn(personalCode)).status).toBe(401);
  expect((await signIn(renewed)).status).toBe(200);

  // A third browser: a different person called Anna joins by choosing to, shown apart.
  const third = await gamePage(rig.browser, 'sign-in-again-third');
  const c = third.page;
  await c.goto(`${rig.server.url}/?${TIME}`);
  await c.getByRole('button', { name: 'Sign in to a team' }).click();
  await c.getByLabel('Your name').fill('Anna');
  await c.getByLabel('Team code').fill(team.code);
  await c.getByRole('button', { name: 'Join team' }).click();
  await c.getByRole('button', { name: 'Join as a different person (“Anna (2)”)' }).click();
  await c.getByText('Welcome, Anna (2)').waitFor();
  const other = (await storedIdentity(c))!;
  expect(other.player.name).toBe('Anna (2)');
  expect(other.player.id).not.toBe(anna.player.id);
  expect(other.personalCode).toMatch(CODE_SHAPE);
  expect(other.personalCode).not.toBe(personalCode);

  expect(problems).toEqual([]);
  // The refusals (409 name taken, 401 wrong code) are answers the page puts in words, not faults.
  const refusal = /Failed to load resource: the server responded with a status of (401|409)/;
  expect([...first.errors, ...second.errors, ...third.errors].filter((e) => !refusal.test(e))).toEqual([]);
}, 180_000);
