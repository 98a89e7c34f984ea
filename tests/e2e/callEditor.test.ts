// The call editor in Chromium against the real `npm run dev` on a copy of the shipped calls in a
// temporary folder: opening update-warning and saving with no change leaves it byte-identical;
// changing one reply's words and a deduction changes only those lines, lint stays clean and the
// call plays with the new words; Test from here plays from a middle line with the chosen facts
// and comes back to the editor where it was; undo survives a reload; a file changed on disk is
// never overwritten unasked; the time from an edit to updated checks on 100- and 1,000-node calls.
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lintScenarios } from '../../src/tools/lint/lintScenarios.js';
import { generateScenario } from '../../src/tools/generate/generateScenario.js';
import { devWithFolder } from '../game/support/dev.js';
import { gamePage, nextTurn } from '../game/support/game.js';
import { replyButton, SEED } from '../game/support/replies.js';
import { ROOT } from '../game/support/scenarios.js';
import { changedLines } from '../editor/support.js';

const CALL_FILES = ['update-warning.json', 'update-warning.ru.json', 'update-warning.pl.json', 'update-warning.uk.json', 'first-call.json', 'scenario.schema.json', 'strings.schema.json'];
const rig = devWithFolder('htl-editor-', 'calls', (folder) => {
  for (const f of CALL_FILES) copyFileSync(join(ROOT, 'scenarios', f), join(folder, f));
  writeFileSync(join(folder, 'generated-100.json'), generateScenario(100, 3).replace(/"id": "[^"]+"/, '"id": "generated-100"'));
  writeFileSync(join(folder, 'generated-1000.json'), generateScenario(1000, 3).replace(/"id": "[^"]+"/, '"id": "generated-1000"'));
});
const file = (name = 'update-warning.json') => join(rig.folder, name);
const original = readFileSync(join(ROOT, 'scenarios/update-warning.json'), 'utf8');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function openEditor(page: Page, id = 'update-warning'): Promise<void> {
  await page.goto(`${rig.dev().url}/?view=editor&scenario=${id}&lang=en`);
  await page.locator('.htl-editor[data-laid-out]').waitFor({ timeout: 60_000 });
}

/** Commits a field (its change event) and waits for the checks that follow it. */
async function commit(page: Page): Promise<number> {
  const before = Number(await page.locator('.htl-editor').getAttribute('data-checks'));
  await page.keyboard.press('Tab');
  await page.waitForFunction((n) => Number(document.querySelector('.htl-editor')?.getAttribute('data-checks')) > n, before);
  return Number(await page.locator('.htl-editor').getAttribute('data-check-ms'));
}

const replyBox = (page: Page, id: string) => page.locator(`fieldset[data-reply="${id}"]`);

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.htl-ed-status', { hasText: 'all saved' }).waitFor();
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const v = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((x: any) => ({ id: x.id, impact: x.impact, targets: x.nodes.map((n: any) => n.target.join(' ')).slice(0, 3) }));
  });
  return v.filter((x: any) => x.impact === 'serious' || x.impact === 'critical').map((x: any) => `${x.id} at ${x.targets.join(', ')}`);
}

describe('the call editor (npm run dev)', () => {
  it('opens update-warning as a map, passes axe, and saving with no change leaves the file byte-identical', async () => {
    const { page, errors } = await gamePage(rig.browser(), 'editor-open');
    const before = statSync(file()).mtimeMs;
    await openEditor(page);
    expect(await page.locator('.htl-ed-node').count()).toBe(27);
    expect(await page.locator('.htl-ed-node[data-end="hung-up"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.htl-ed-edge.htl-ed-ideal').count()).toBeGreaterThan(3);
    expect(await page.locator('.htl-ed-edge.htl-ed-action').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(rig.temp, 'editor-map.png') });
    expect(await axe(page)).toEqual([]);
    // The list view: the same lines.
    await page.getByRole('button', { name: 'List', exact: true }).click();
    expect(await page.locator('[data-list-node]').count()).toBe(27);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await save(page);
    expect(readFileSync(file(), 'utf8')).toBe(original);
    expect(statSync(file()).mtimeMs).toBe(before);
    expect(errors).toEqual([]);
  }, 120_000);

  it('is linked from the picker (under npm run dev) and from the trainer page', async () => {
    const { page, errors } = await gamePage(rig.browser(), 'editor-links');
    await page.goto(`${rig.dev().url}/?seed=${SEED}`);
    await page.getByRole('button', { name: 'Play', exact: true }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Play offline' }).click();
    await page.locator('a[data-edit="update-warning"]').click();
    await page.locator('.htl-editor[data-laid-out]').waitFor({ timeout: 60_000 });
    await page.goto(`${rig.dev().url}/?view=trainer&lang=en`);
    await page.getByLabel('Trainer token').fill('dev-test-token-0123456789');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.locator('a[data-edit="generated-100"]').waitFor();
    await page.locator('a[data-edit="update-warning"]').click();
    await page.locator('.htl-editor[data-laid-out]').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
  }, 120_000);

  it('moves between lines with the arrow keys', async () => {
    const { page } = await gamePage(rig.browser(), 'editor-keys');
    await openEditor(page);
    await page.locator('.htl-ed-node[data-node="opening"]').focus();
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.node);
    expect(moved).toBeTruthy();
    expect(moved).not.toBe('opening');
    await page.locator('.htl-ed-panel h2', { hasText: `“${moved}”` }).waitFor();
    // A reply chosen by its arrow on the map, or from the list: its words focused in the panel.
    await page.locator('polyline[data-edge="opening#1#0"]').dispatchEvent('click');
    await page.waitForFunction(() => document.activeElement?.closest('fieldset')?.getAttribute('data-reply') === 'remind-later');
    // Its words shown whole: the box grows with them rather than cutting a sentence in two.
    expect(await page.evaluate(() => { const a = document.activeElement as HTMLTextAreaElement; return a.scrollHeight - a.clientHeight; })).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'List', exact: true }).click();
    // A reply with a condition is one item (if … → a, otherwise → b), never an unlabelled second.
    expect(await page.locator('.htl-ed-list ul > li:not(:has(button))').count()).toBe(0);
    expect(await page.locator('.htl-ed-list ul > li', { hasText: 'otherwise →' }).count()).toBeGreaterThan(0);
    await page.locator('[data-list-reply="defended#2"]').click();
    await page.waitForFunction(() => document.activeElement?.closest('fieldset')?.getAttribute('data-reply') === 'full-diagnostic');
    expect(await axe(page)).toEqual([]);
  }, 120_000);

  it('changes one reply’s words and a deduction: only those lines differ, lint is clean, and the call plays with the new words', async () => {
    const { page, errors } = await gamePage(rig.browser(), 'editor-edit');
    await openEditor(page);
    await page.locator('.htl-ed-node[data-node="opening"]').click();
    const words = 'I am sorry about those pop-ups. Let me find your order first, so I know exactly what you have.';
    await replyBox(page, 'find-order').getByLabel('The trainee says').fill(words);
    const ms = await commit(page);
    expect(ms).toBeLessThan(1000);
    // A number filled right after another field's edit, and saved with Ctrl+S from inside it:
    // what is on the screen is what is saved (the trainer's fresh look lost both).
    // Each fill leaves the field before it (its value committed), clearing a number removes its
    // key and typing one again adds it: still only the one line changes (item 3).
    const reply = replyBox(page, 'find-order');
    for (const [label, v] of [['Politeness', '-4'], ['Accuracy', '-3'], ['Politeness', ''], ['Accuracy', ''], ['Politeness', '-5']] as const) await reply.getByLabel(label).fill(v);
    await page.keyboard.press('Control+s');
    await page.locator('.htl-ed-status', { hasText: 'all saved' }).waitFor();
    const saved = readFileSync(file(), 'utf8');
    const diff = changedLines(original, saved);
    expect(diff.removed.map((l) => l.trim())).toEqual([original.split('\n').find((l) => l.includes('"say": "I\'m sorry it keeps interrupting you.'))!.trim()]);
    expect(diff.added.map((l) => l.trim())).toEqual([`"say": "${words}",`, '"polite": -5,']);
    const lint = lintScenarios([{ file: file(), text: saved }], { fileExists: () => true });
    expect(lint.map((d) => `${d.severity}: ${d.message}`)).toEqual([]);
    // The game plays the saved call (the dev server's hot reload has it).
    const game = await gamePage(rig.browser(), 'editor-play');
    await game.page.goto(`${rig.dev().url}/?scenario=update-warning&mode=practice&seed=${SEED}`);
    await game.page.getByRole('button', { name: 'Answer', exact: true }).click({ timeout: 60_000 });
    expect(await nextTurn(game.page)).toBe(true);
    expect(await replyButton(game.page, 'find-order').textContent()).toContain(words);
    expect([...errors, ...game.errors]).toEqual([]);
  }, 120_000);

  it('edits a translation beside its original: the stale one marked, then fresh, and only its line saved', async () => {
    const { page, errors } = await gamePage(rig.browser(), 'editor-translate');
    await openEditor(page);
    await page.locator('.htl-ed-node[data-node="opening"]').click();
    // While the original is edited, the tables' stale translations are not in its panel.
    await page.locator('.htl-ed-panel h2', { hasText: '“opening”' }).waitFor();
    expect(await page.locator('.htl-ed-panel').textContent()).not.toContain('update-warning.uk.json');
    await page.selectOption('#htl-ed-lang', 'update-warning.uk.json');
    // The English words changed in the test before: the Ukrainian one is stale.
    const entry = page.locator('.htl-ed-panel [data-key="reply.find-order"]');
    await entry.locator('.htl-ed-stale').waitFor();
    expect(await entry.getAttribute('data-stale')).not.toBeNull();
    const before = readFileSync(file('update-warning.uk.json'), 'utf8');
    await entry.getByRole('textbox').fill('Перепрошую за ці вікна. Спершу знайду ваше замовлення, щоб точно знати, що у вас.');
    await commit(page);
    expect(await page.locator('.htl-ed-panel [data-key="reply.find-order"]').getAttribute('data-stale')).toBeNull();
    expect(await axe(page)).toEqual([]);
    await save(page);
    const diff = changedLines(before, readFileSync(file('update-warning.uk.json'), 'utf8'));
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toHaveLength(1);
    expect(diff.added[0]).toContain('"reply.find-order": { "source": ');
    expect(errors).toEqual([]);
  }, 120_000);

  it('tests from a middle line with chosen facts and patience, never recorded, and comes back where it was', async () => {
    const { page, errors } = await gamePage(rig.browser(), 'editor-test-from');
    await openEditor(page);
    await page.locator('.htl-ed-node[data-node="order-open"]').click();
    const panel = page.locator('.htl-ed-panel');
    await panel.getByRole('checkbox', { name: 'licence-checked' }).last().check();
    await panel.getByLabel('Patience at the start (1–100)').fill('60');
    await panel.getByLabel('Patience at the start (1–100)').press('Tab');
    await page.locator('[data-test-from="order-open"]').click();
    await page.waitForURL(/test=editor/);
    await page.getByRole('button', { name: 'Answer', exact: true }).click({ timeout: 60_000 });
    expect(await nextTurn(page)).toBe(true);
    // The line of order-open, without the reply that would only find the licence again.
    await replyButton(page, 'blame-computer').waitFor();
    expect(await replyButton(page, 'check-licence').count()).toBe(0);
    await page.screenshot({ path: join(rig.temp, 'editor-test-from.png') });
    // Played to an ending: nothing of it is kept (no best, no history, nothing to send).
    await replyButton(page, 'transfer-tech').click();
    await page.getByRole('button', { name: 'See the debrief' }).waitFor({ timeout: 60_000 });
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => /^holdtheline\.(bests|history|outbox)/.test(k) && localStorage.getItem(k) !== '{}' && localStorage.getItem(k) !== '[]'));
    expect(kept).toEqual([]);
    await page.getByRole('link', { name: 'Back to the editor' }).click();
    await page.locator('.htl-editor[data-laid-out]').waitFor({ timeout: 60_000 });
    await page.locator('.htl-ed-node[data-node="order-open"][aria-current="true"]').waitFor();
    expect(await page.locator('.htl-ed-panel h2').textContent()).toContain('order-open');
    expect(errors).toEqual([]);
  }, 120_000);

  it('undoes after a reload, and redoes', async () => {
    const { page } = await gamePage(rig.browser(), 'editor-undo');
    await openEditor(page);
    await page.locator('.htl-ed-node[data-node="defended"]').click();
    const line = page.locator('.htl-ed-panel').getByLabel('The customer says');
    const was = await line.inputValue();
    // Ctrl+Z from inside a field still being typed in: the typed words are one step, undone
    // and redone like any other (the fresh look lost them).
    await line.fill('Typed, not yet committed.');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((v) => (document.querySelector('.htl-ed-panel textarea') as HTMLTextAreaElement | null)?.value === v, was);
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => (document.querySelector('.htl-ed-panel textarea') as HTMLTextAreaElement | null)?.value === 'Typed, not yet committed.');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((v) => (document.querySelector('.htl-ed-panel textarea') as HTMLTextAreaElement | null)?.value === v, was);
    await line.fill('I do not care how it is rated.');
    await commit(page);
    await page.reload();
    await page.locator('.htl-editor[data-laid-out]').waitFor({ timeout: 60_000 });
    expect(await page.locator('.htl-ed-panel').getByLabel('The customer says').inputValue()).toBe('I do not care how it is rated.');
    expect(await page.locator('.htl-editor').getAttribute('data-dirty')).toBe('true');
    await page.locator('.htl-ed-node[data-node="defended"]').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction((v) => (document.querySelector('.htl-ed-panel textarea') as HTMLTextAreaElement | null)?.value === v, was);
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => (document.querySelector('.htl-ed-panel textarea') as HTMLTextAreaElement | null)?.value === 'I do not care how it is rated.');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('.htl-editor')?.getAttribute('data-dirty') === 'false');
  }, 120_000);

  it('says when the file changed on disk, and keeps both versions', async () => {
    const { page } = await gamePage(rig.browser(), 'editor-conflict');
    await openEditor(page);
    const disk = readFileSync(file(), 'utf8');
    writeFileSync(file(), disk.replace('"Gordon Pike"', '"Gordon Peake"'));
    await page.locator('.htl-ed-node[data-node="told-to-ignore"]').click();
    await page.locator('.htl-ed-panel').getByLabel('Hint (practice)').fill('He heard "ignore it": win back his trust first.');
    await commit(page);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'was changed on disk' }).waitFor();
    expect(readFileSync(file(), 'utf8')).toContain('"Gordon Peake"');
    await page.getByRole('button', { name: 'Reload from disk and keep my edits' }).click();
    await save(page);
    const both = readFileSync(file(), 'utf8');
    expect(both).toContain('"Gordon Peake"');
    expect(both).toContain('win back his trust first.');
  }, 120_000);

  it('refuses to save a call that would not load, with the message', async () => {
    const { page } = await gamePage(rig.browser(), 'editor-refused');
    await openEditor(page);
    const before = readFileSync(file(), 'utf8');
    await page.locator('.htl-ed-node[data-node="opening"]').click();
    await replyBox(page, 'find-order').getByLabel('Offered only if').fill('no-such-fact');
    await commit(page);
    expect(await page.locator('.htl-ed-node[data-node="opening"]').getAttribute('data-errors')).not.toBeNull();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'was not saved' }).waitFor();
    expect(readFileSync(file(), 'utf8')).toBe(before);
    // The header's counts open every message, as many as they count, each leading to its line.
    const count = page.locator('.htl-ed-count');
    const [errs, warns] = (await count.textContent())!.match(/\d+/g)!.map(Number);
    expect(errs).toBeGreaterThan(0);
    await count.click();
    expect(await page.locator('#htl-ed-problems li').count()).toBe(errs! + warns!);
    await page.locator('.htl-ed-node[data-node="defended"]').click();
    await page.locator('#htl-ed-problems li[data-severity="error"][data-problem-node="opening"] button').first().click();
    await page.locator('.htl-ed-panel h2', { hasText: '“opening”' }).waitFor();
    // Undone, the checks run again and the refusal's stale message goes.
    await page.keyboard.press('Control+z');
    await page.getByRole('alert').filter({ hasText: 'was not saved' }).waitFor({ state: 'hidden' });
    expect(await page.locator('#htl-ed-problems li[data-severity="error"]').count()).toBe(0);
  }, 120_000);

  it.each([100, 1000])('updates the checks within the budget after an edit of a %i-node call', async (nodes) => {
    const { page } = await gamePage(rig.browser(), `editor-speed-${nodes}`);
    await openEditor(page, `generated-${nodes}`);
    expect(await page.locator('.htl-ed-node').count()).toBe(nodes);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.locator('.htl-ed-panel').getByLabel('Hint (practice)').fill(`A hint, take ${i}.`);
      times.push(await commit(page));
    }
    const best = Math.min(...times);
    console.log(`edit to updated checks, ${nodes} nodes: ${times.join(', ')} ms`);
    await page.screenshot({ path: join(rig.temp, `editor-${nodes}.png`) });
    // The budget is 200 ms for 100 nodes (npm run bench -- editor measures it); on a shared CI
    // machine of 2 cores, twice that.
    expect(best).toBeLessThan(nodes === 100 ? 400 : 3000);
  }, 120_000);
});
