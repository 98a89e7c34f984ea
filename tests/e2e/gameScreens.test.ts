// The screens around the call in a real Chromium: settings that apply at once and are kept,
// hanging up, and the projector page the game's address hands to the leaderboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TRAINER_TOKEN } from '../support/server.js';
import { gamePage, gameRig, nextTurn, type GameRig } from '../game/support/game.js';
import { SEED } from '../game/support/replies.js';

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 240_000);
afterAll(async () => rig?.close());

describe('around the call', () => {
  it('applies settings at once and keeps them: language and caption speed', async () => {
    const { page, errors } = await gamePage(rig.browser, 'settings');
    await page.goto(`${rig.server.url}/`);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language', { exact: true }).selectOption('pl');
    await page.getByRole('heading', { name: 'Ustawienia' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await page.getByLabel('Szybkość napisów').selectOption('instant');
    await page.getByLabel('Muzyka').fill('0');
    await page.reload();
    await page.getByRole('button', { name: 'Graj' }).waitFor();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('holdtheline.settings')!) as { textSpeed: string; volume: { music: number } });
    expect(saved).toMatchObject({ textSpeed: 'instant', volume: { music: 0 } });
    // With "all at once" the caption is whole the moment the line is spoken, animations or not.
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Odbierz' }).click();
    await nextTurn(page);
    expect(await page.locator('.htl-caption-text .htl-untyped').textContent()).toBe('');
    expect(errors).toEqual([]);
  });

  it('hangs up only when End call is pressed twice, and the debrief says so', async () => {
    const { page, errors } = await gamePage(rig.browser, 'hang-up');
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await nextTurn(page);
    await page.getByRole('button', { name: 'End call' }).click();
    expect(await page.locator('.htl-replies button').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Press again to hang up' }).click();
    await page.getByText('You hung up').first().waitFor();
    await page.getByRole('button', { name: 'See the debrief' }).click();
    await page.locator('.htl-score-panel[data-settled]').waitFor();
    expect(await page.locator('.htl-verdict').textContent()).toContain('You hung up');
    expect(await page.locator('.htl-timeline').textContent()).toContain('(You hung up.)');
    expect(errors).toEqual([]);
  });

  it('shows the meeting view for ?view=meeting without starting the game', async () => {
    const res = await fetch(`${rig.server.url}/api/teams`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TRAINER_TOKEN}` }, body: JSON.stringify({ name: 'Wall' }) });
    const team = (await res.json()) as { code: string };
    const { page, errors } = await gamePage(rig.browser, 'meeting');
    await page.goto(`${rig.server.url}/?view=meeting&team=${team.code}`);
    await page.getByText('Politeness champion').first().waitFor();
    expect(await page.locator('canvas').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
