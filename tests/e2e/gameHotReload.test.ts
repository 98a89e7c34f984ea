// `npm run dev` (the real command: the API and vite together) reloads a scenario the moment a
// trainer saves it: the running call carries on with the new text, a broken save shows the
// trainer file:line:col (and the last good version keeps playing), and fixing it clears that.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devWithFolder } from '../game/support/dev.js';
import { gamePage, nextTurn } from '../game/support/game.js';
import { SEED } from '../game/support/replies.js';
import { ROOT } from '../game/support/scenarios.js';

const rig = devWithFolder('htl-hot-', 'scenarios', (folder) => cpSync(join(ROOT, 'scenarios/first-call.json'), join(folder, 'first-call.json')));
const file = join(rig.folder, 'first-call.json');

describe('npm run dev', () => {
  it('reloads a saved scenario into the running call, and shows a broken one’s place', async () => {
    const { page, errors } = await gamePage(rig.browser(), 'hot-reload');
    await page.goto(`${rig.dev().url}/?scenario=first-call&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click({ timeout: 60_000 });
    await nextTurn(page);
    const original = readFileSync(file, 'utf8');
    const opening = (JSON.parse(original) as { nodes: { opening: { say: string } } }).nodes.opening.say;
    expect(await page.locator('[data-caption]').textContent()).toBe(`Martin Hale: ${opening}`);

    writeFileSync(file, original.replace(opening, 'Hello, it is me again: where is my laptop bag?'));
    await expect.poll(() => page.locator('[data-caption]').textContent(), { timeout: 15_000 }).toBe('Martin Hale: Hello, it is me again: where is my laptop bag?');
    expect(await page.locator('.htl-replies button').count()).toBeGreaterThan(1);
    // Carried on where it was: answered, not ringing again.
    expect(await page.getByRole('button', { name: 'Answer', exact: true }).isVisible()).toBe(false);

    writeFileSync(file, original.replace('"next": "order-shipped"', '"next": "order-shiped"'));
    const notice = page.getByRole('alert');
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(/first-call\.json:\d+:\d+: error: .*order-shiped/);
    expect(await notice.textContent()).not.toMatch(/\n\s+at |\.ts:\d+/);
    // The last good version is still playing.
    expect(await page.locator('[data-caption]').textContent()).toBe('Martin Hale: Hello, it is me again: where is my laptop bag?');

    writeFileSync(file, original);
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-caption]').textContent(), { timeout: 15_000 }).toBe(`Martin Hale: ${opening}`);
    expect(errors).toEqual([]);
  }, 120_000);
});
