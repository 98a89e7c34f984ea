// A string table in a trainer's folder, in the real game (`SCENARIO_DIR=<folder> npm run dev`,
// real Chromium): the call opens in the table's language with its texts — composed by the engine
// from the original beside it — and saving the table shows the new words in the running call.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceHash, tableText, textsOf } from '../../src/engine/index.js';
import { devWithFolder } from '../game/support/dev.js';
import { gamePage, nextTurn } from '../game/support/game.js';
import { SEED, replyButton } from '../game/support/replies.js';
import { ROOT } from '../game/support/scenarios.js';

const rig = devWithFolder('htl-table-', 'calls', (folder) => {
  copyFileSync(join(ROOT, 'scenarios/never-satisfied.json'), join(folder, 'never-satisfied.json'));
  writeFileSync(join(folder, 'never-satisfied.uk.json'), table('[uk]'));
});
const folder = rig.folder;
const original = readFileSync(join(ROOT, 'scenarios/never-satisfied.json'), 'utf8');
/** Every text of the call, marked as "translated" so the test can tell it on screen. */
const table = (mark: string) =>
  tableText({
    $schema: './strings.schema.json',
    schemaVersion: 2,
    translates: 'never-satisfied',
    locale: 'uk',
    strings: Object.fromEntries(textsOf(JSON.parse(original)).map((t) => [t.key, { source: sourceHash(t.text), text: `${mark} ${t.text}` }])),
  });

describe('a string table in the game', () => {
  it('plays the call in the table\'s language, and a saved table shows at once', async () => {
    const { page, errors } = await gamePage(rig.browser(), 'translation-table');
    await page.goto(`${rig.dev().url}/?scenario=never-satisfied&locale=uk&mode=practice&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click({ timeout: 60_000 });
    expect(await nextTurn(page)).toBe(true);
    const caption = page.locator('.htl-caption-text');
    await expect.poll(() => caption.textContent(), { timeout: 30_000 }).toContain('[uk] Twenty minutes on hold!');
    expect(await replyButton(page, 'listen').textContent()).toContain("[uk] I'm sorry you had such a long wait.");
    await replyButton(page, 'listen').click();
    expect(await nextTurn(page)).toBe(true);
    await expect.poll(() => caption.textContent(), { timeout: 30_000 }).toMatch(/^\[uk\] /);

    writeFileSync(join(folder, 'never-satisfied.uk.json'), table('[uk2]'));
    await expect.poll(() => replyButton(page, 'open-account').locator('.htl-reply-say').textContent(), { timeout: 30_000 }).toMatch(/^\[uk2\] /);
    expect(errors).toEqual([]);
  }, 120_000);
});
