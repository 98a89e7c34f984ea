// "Try another reply" (issue 12), in a real Chromium against the production build: an exam of
// the warm-up call played by reply id with a pinned seed, tried again from turn 2 in practice,
// finished another way, and both runs compared on the branch's debrief — the numbers checked
// against the engine's own compareRuns and bounds for the same moves, and an axe audit.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchPoints, compareRuns, tryAnotherReply, type Session } from '../../src/engine/index.js';
import { shippedCall } from '../support/shipped.js';
import { TEST_TRAINER_TOKEN } from '../support/server.js';
import { playedByIds } from '../server/playByIds.js';
import { axeAudit, debriefScores, gamePage, gameRig, nextTurn, type GameRig } from '../game/support/game.js';
import { replyButton, SEED } from '../game/support/replies.js';

const call = shippedCall('first-call.json');
const FIRST = ['opening.1', 'order-shipped.2'];
const AGAIN = ['order-shipped.1', 'delay-known.1'];

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 300_000);
afterAll(async () => rig?.close());

const audit = axeAudit;

/** Plays the replies by id (an action's wait is skipped with its button where the mode offers it), to the debrief. */
async function play(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    expect(await nextTurn(page, 90_000), `the call ended before ${id}`).toBe(true);
    await replyButton(page, id).click();
    const skip = page.getByRole('button', { name: /Skip the wait/ });
    if (await skip.isVisible().catch(() => false)) await skip.click();
  }
  expect(await nextTurn(page, 90_000)).toBe(false);
  await page.getByRole('button', { name: 'See the debrief' }).click();
}

/** The engine's runs for the same moves and seed: the original exam, and its branch from turn 2. */
function engineRuns() {
  const original = playedByIds(call, FIRST, { seed: SEED, mode: 'exam' });
  const branch: Session = tryAnotherReply(call, original.transcript, 2);
  for (const id of AGAIN) {
    for (let g = 0; g < 10_000 && !(branch.view.phase === 'listening' && branch.view.replies.length > 0); g++) branch.advance(100);
    branch.choose(branch.view.replies.find((r) => r.id === id)!.n);
  }
  for (let g = 0; g < 100_000 && !branch.ended; g++) branch.advance(100);
  const comparison = compareRuns(call, original.transcript, branch.transcript());
  return { comparison, points: branchPoints(call, original.transcript) };
}

describe('try another reply', () => {
  it('tries another reply from turn 2 of an exam, finishes the branch in practice and sees both runs compared', async () => {
    const { page, errors } = await gamePage(rig.browser, 'try-another');
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=exam&seed=${SEED}&timeScale=8`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await play(page, FIRST);
    const original = await debriefScores(page);
    const engine = engineRuns();
    expect(original).toMatchObject({ overall: String(engine.comparison.a.scores.overall), politeness: String(engine.comparison.a.scores.politeness) });

    // Every turn offers the button, with the engine's exact bounds beside it.
    const turns = await page.locator('.htl-timeline [data-try]').count();
    expect(turns).toBe(engine.points.length);
    for (const p of engine.points) {
      const note = page.locator(`[data-reach="${p.turn}"]`);
      await expect.poll(() => note.getAttribute('data-best')).toBe(String(p.reachable!.best));
      expect(await note.getAttribute('data-worst')).toBe(String(p.reachable!.worst));
      expect(await note.textContent()).toBe(`Still reachable from here: best ${p.reachable!.best}, worst ${p.reachable!.worst} overall.`);
    }
    await page.getByRole('button', { name: 'Try another reply from turn 2' }).click();

    // The call as it stood before turn 2, now practice: the same line waits, turn 1 is in the transcript.
    await replyButton(page, 'order-shipped.2').waitFor();
    expect(await page.locator('.htl-badge-practice').count()).toBe(1);
    await play(page, AGAIN);
    const tried = await debriefScores(page);
    expect(tried.overall).toBe(String(engine.comparison.b.scores.overall));

    // Both runs side by side: where they part, and the change per skill — the engine's numbers.
    const branch = page.locator('.htl-branch');
    await branch.waitFor();
    expect(await branch.getByRole('heading', { level: 2 }).textContent()).toBe('Your run and another reply from turn 2');
    expect(await branch.locator('[data-parts-at]').getAttribute('data-parts-at')).toBe('2');
    for (const k of ['politeness', 'accuracy', 'judgment', 'overall'] as const) {
      const row = branch.locator(`tr[data-skill="${k}"] td`);
      expect(await row.allTextContents()).toEqual([
        String(engine.comparison.a.scores[k]),
        String(engine.comparison.b.scores[k]),
        expect.stringMatching(/^([+−]\d+|±0)$/),
      ]);
      expect(Number(await row.nth(2).getAttribute('data-change'))).toBe(engine.comparison.difference[k]);
    }
    expect(engine.comparison.difference.overall).toBeGreaterThan(0);
    // The parting turn shows both replies.
    const first = branch.locator('.htl-branch-first');
    expect(await first.getAttribute('data-turn')).toBe('2');
    expect(await first.locator('q').allTextContents()).toEqual(expect.arrayContaining([engine.comparison.rows[1]!.a!.choice.say!, engine.comparison.rows[1]!.b!.choice.say!]));
    expect(await audit(page)).toEqual([]);

    // Back to the run it was tried from: its own debrief, unchanged, and no comparison.
    await branch.getByRole('button', { name: 'Back to your run' }).click();
    await expect.poll(() => page.locator('.htl-branch').count()).toBe(0);
    expect(await debriefScores(page)).toEqual(original);
    expect(errors).toEqual([]);
  }, 240_000);

  it("tries another reply from a turn of the player's own result replayed from the leaderboard", async () => {
    const res = await fetch(`${rig.server.url}/api/teams`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TRAINER_TOKEN}` }, body: JSON.stringify({ name: 'Try desk' }) });
    const team = (await res.json()) as { code: string };
    const { page, errors } = await gamePage(rig.browser, 'try-another-replay');
    await page.goto(`${rig.server.url}/?seed=${SEED}`);
    await page.getByRole('button', { name: 'Sign in to a team' }).click();
    await page.getByLabel('Your name').fill('Bo');
    await page.getByLabel('Team code').fill(team.code);
    await page.getByRole('button', { name: 'Join team' }).click();
    await page.getByRole('button', { name: 'I have noted it — continue' }).click();
    // The exam, then its result on the team's board.
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=exam&seed=${SEED}&timeScale=8`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await play(page, FIRST);
    await debriefScores(page);
    await expect.poll(async () => (await (await fetch(`${rig.server.url}/api/teams/${team.code}/results`)).json()).results.length, { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Leaderboard' }).click();
    await page.locator('[data-result]').first().click();
    const dialog = page.locator('dialog.htl-replay');
    await dialog.getByRole('button', { name: 'Show every turn' }).click();
    const engine = engineRuns();
    const note = dialog.locator('[data-reach="2"]');
    await expect.poll(() => note.getAttribute('data-best')).toBe(String(engine.points[1]!.reachable!.best));
    await dialog.getByRole('button', { name: 'Try another reply from turn 2' }).click();
    await replyButton(page, 'order-shipped.2').waitFor();
    await play(page, AGAIN);
    await debriefScores(page);
    const branch = page.locator('.htl-branch');
    await branch.waitFor();
    expect(await branch.locator('tr[data-skill="overall"] td').allTextContents()).toEqual([String(engine.comparison.a.scores.overall), String(engine.comparison.b.scores.overall), expect.any(String)]);
    // The branch was never sent: the board still has the one exam.
    await page.waitForTimeout(1000);
    expect((await (await fetch(`${rig.server.url}/api/teams/${team.code}/results`)).json()).results).toHaveLength(1);
    expect(errors).toEqual([]);
  }, 240_000);
});
