// A trainer's own calls from a folder outside the project: `SCENARIO_DIR=<folder> npm run dev`
// (the real command) lists them in the picker, in place of the shipped calls, opens one by its id
// and plays it to its ending. The call is a version-1 file in a subfolder, as a trainer keeps it.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devWithFolder } from '../game/support/dev.js';
import { gamePage } from '../game/support/game.js';
import { SEED, playReplies } from '../game/support/replies.js';
import { ROOT } from '../game/support/scenarios.js';
import { playedByIds } from '../server/playByIds.js';
import { load } from '../tools/support.js';

const rig = devWithFolder('htl-trainer-', 'my calls', (folder) => cpSync(join(ROOT, 'tests/tools/fixtures/trainer-folder'), folder, { recursive: true }));
const folder = rig.folder;

/** One request to the dev server's API, its JSON answer. */
async function api(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${rig.dev().url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('SCENARIO_DIR=<folder outside the project> npm run dev', () => {
  it('says which folder it serves', () => {
    expect(rig.dev().log()).toContain(`scenarios: ${folder} (SCENARIO_DIR; 1 files)`);
  });

  it('lists the trainer’s call in the picker, and only the folder’s calls', async () => {
    const { page, errors } = await gamePage(rig.browser(), 'trainer-folder-picker');
    await page.goto(`${rig.dev().url}/?seed=${SEED}`);
    await page.getByRole('button', { name: 'Play', exact: true }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Play offline' }).click();
    await page.locator('[data-play="late-return"]').waitFor();
    expect(await page.locator('[data-call="late-return"]').textContent()).toContain('The return that never arrived');
    expect(await page.locator('[data-call="first-call"]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 90_000);

  it('verifies an exam of it on the server (the library reads the folder’s subfolders too)', async () => {
    const call = load(readFileSync(join(folder, 'returns', 'late-return.json'), 'utf8'), join(folder, 'returns', 'late-return.json'));
    const { transcript, score } = playedByIds(call, ['check-return', 'refund-now'], { seed: SEED, mode: 'exam' });
    const team = await api('POST', '/api/teams', { name: 'Returns desk' }, { authorization: 'Bearer dev-test-token-0123456789' });
    const player = await api('POST', '/api/join', { code: team.body.code, name: 'Ola' });
    const result = await api('POST', `/api/teams/${team.body.code}/results`, { idempotencyKey: 'trainer-folder-1', transcript }, { 'x-player-token': player.body.token });
    expect([result.status, result.body.result?.scenario, result.body.result?.overall]).toEqual([201, 'late-return', score.overall]);
  });

  it('opens it by id and plays it to its ending', async () => {
    const { page, errors } = await gamePage(rig.browser(), 'trainer-folder-call');
    await page.goto(`${rig.dev().url}/?scenario=late-return&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click({ timeout: 60_000 });
    await playReplies(page, ['check-return', 'refund-now'], 'click');
    await page.getByRole('button', { name: 'See the debrief' }).click();
    await page.getByText('You checked, found the return and paid her back.').waitFor();
    expect(errors).toEqual([]);
  }, 90_000);
});
