// The shipped calls speak: in the production build, served by the real server, a call in
// Ukrainian plays its customer's Ukrainian voice for each line, and when the trainee stays silent
// in an exam the customer answers the silence with a silence line — captioned and voiced — instead
// of repeating himself. No voice is fetched before the call starts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gamePage, gameRig, nextTurn, type GameRig } from '../game/support/game.js';
import { SEED } from '../game/support/replies.js';
import { ROOT } from '../game/support/scenarios.js';
import { shippedCall } from '../support/shipped.js';

const duration = (file: string) => Number(spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', join(ROOT, 'scenarios', file)], { encoding: 'utf8' }).stdout);
const hasFfprobe = spawnSync('ffprobe', ['-version']).status === 0;

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 300_000);
afterAll(() => rig?.close());

describe('voices', () => {
  it.skipIf(!hasFfprobe)('speaks a Ukrainian call in its own voice, and answers silence with a silence line', async () => {
    const s = shippedCall('vague-refund.uk.json');
    const opening = s.nodes.get(s.start)!;
    const silence = opening.timeout!.silence[0]!;
    const { page, errors } = await gamePage(rig.browser, 'voice-uk', { locale: 'uk-UA' });
    // Every sound started, by its length: a voice is the one as long as its file.
    await page.addInitScript(() => {
      const played: number[] = ((window as unknown as { played: number[] }).played = []);
      const start = AudioBufferSourceNode.prototype.start;
      AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<AudioBufferSourceNode['start']>) {
        played.push(this.buffer?.duration ?? 0);
        return start.apply(this, args);
      };
    });
    const webm: string[] = [];
    page.on('request', (r) => r.url().endsWith('.webm') && webm.push(new URL(r.url()).pathname));
    await page.goto(`${rig.server.url}/?scenario=vague-refund&locale=uk&lang=uk&mode=exam&seed=${SEED}&timeScale=8`);
    const answer = page.locator('.htl-answer, button[data-action="answer"]').first();
    await answer.waitFor({ timeout: 60_000 });
    // Ringing: the interface's sounds, and not one of the call's voices yet.
    const names = new Set([...s.nodes.keys(), 'silence-1', 'silence-2', 'silence-3']);
    const isVoice = (path: string) => names.has(path.split('/').pop()!.replace(/-[\w-]{6,}\.webm$/, '').replace(/\.webm$/, ''));
    expect(webm.filter(isVoice)).toEqual([]);
    await answer.click();
    expect(await nextTurn(page)).toBe(true);
    const caption = page.locator('[data-caption]');
    await expect.poll(() => caption.textContent(), { timeout: 30_000 }).toBe(`${s.customer.name}: ${opening.say}`);
    const played = () => page.evaluate(() => (window as unknown as { played: number[] }).played);
    await expect.poll(played, { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.closeTo(duration(`voice/vague-refund/uk/${s.start}.webm`), 1)]));
    expect(webm.filter(isVoice).length).toBeGreaterThan(0);
    // Silence until the exam's timer runs out (8× time): he says a silence line, not his line again.
    await expect.poll(() => caption.textContent(), { timeout: 60_000 }).toBe(`${s.customer.name}: ${silence.say}`);
    await expect.poll(played, { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.closeTo(duration('voice/vague-refund/uk/silence-1.webm'), 1)]));
    expect(errors).toEqual([]);
  }, 240_000);
});
