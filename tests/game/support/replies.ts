// Choosing replies in the real game by their ids, never by their place: the order on screen is
// the seed's shuffle. Tests pin it with `&seed=${SEED}` so each run plays the same call, and pick
// by `data-reply` so a new seed or a reordered scenario cannot send them down another path.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { nextTurn } from './game.js';

/** The seed every browser test opens its calls with. */
export const SEED = 7;

/** The button of reply `id` (the scenario's reply id, or `<node>.<n>` for an unnamed one). */
export const replyButton = (page: Page, id: string): Locator => page.locator(`.htl-replies button[data-reply="${id}"]`);

/**
 * The number key (1–9) that chooses reply `id`: its button's place in the list on screen. Waits
 * for the button first, so the list read is the one that offers it, not the previous turn's.
 */
export async function keyFor(page: Page, id: string): Promise<string> {
  await replyButton(page, id).waitFor();
  const ids = await page.locator('.htl-replies button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.reply));
  const place = ids.indexOf(id);
  if (place < 0) throw new Error(`reply ${id} is not on offer (${ids.join(', ')})`);
  return String(place + 1);
}

/**
 * Plays the replies `ids` in turn, clicking each or pressing its number key, and checks that the
 * call then ends.
 */
export async function playReplies(page: Page, ids: readonly string[], by: 'click' | 'key'): Promise<void> {
  for (const id of ids) {
    expect(await nextTurn(page), `the call ended before ${id}`).toBe(true);
    if (by === 'click') await replyButton(page, id).click();
    else await page.keyboard.press(await keyFor(page, id));
  }
  // The last reply's list is gone before asking whether another turn comes.
  if (ids.length > 0) await replyButton(page, ids.at(-1)!).waitFor({ state: 'detached' });
  expect(await nextTurn(page), `the call goes on after ${ids.join(', ')}`).toBe(false);
}
