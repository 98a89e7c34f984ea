// A scenario node that declares "voice" is spoken: the generator makes the file (espeak-ng, sox,
// ffmpeg), `npm run dev` bundles it, and when the customer says that line the game plays it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/game/dev/generateAudio.js';
import { launchBrowser } from '../support/browser.js';
import { startDev } from '../game/support/dev.js';
import { gamePage, nextTurn } from '../game/support/game.js';
import { SEED } from '../game/support/replies.js';
import { ROOT } from '../game/support/scenarios.js';

const tools = [['espeak-ng', '--version'], ['sox', '--version'], ['ffmpeg', '-version']].every(([t, v]) => spawnSync(t!, [v!]).status === 0);
const temp = mkdtempSync(join(tmpdir(), 'htl-voice-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('voices', () => {
  it.skipIf(!tools)('speaks a line that has a voice file, with its caption', async () => {
    // A project of its own: the shipped sounds and a first-call.json whose opening line has a voice.
    const project = join(temp, 'project');
    mkdirSync(join(project, 'scenarios'), { recursive: true });
    cpSync(join(ROOT, 'assets'), join(project, 'assets'), { recursive: true });
    const s = JSON.parse(readFileSync(join(ROOT, 'scenarios/first-call.json'), 'utf8')) as { nodes: Record<string, { voice?: string; say: string }> };
    s.nodes.opening!.voice = 'voice/first-call/en/opening.webm';
    writeFileSync(join(project, 'scenarios/first-call.json'), JSON.stringify(s, null, 2));
    expect(generate({ root: project, log: () => {} }).made).toEqual(['scenarios/voice/first-call/en/opening.webm']);
    const voiceFile = join(project, 'scenarios/voice/first-call/en/opening.webm');
    const seconds = Number(spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', voiceFile], { encoding: 'utf8' }).stdout);

    const dev = await startDev({ scenarios: join(project, 'scenarios'), dataDir: join(temp, 'data') });
    const browser = await launchBrowser();
    try {
      const { page, errors } = await gamePage(browser, 'voice');
      // Every sound started, by its length: the voice is the one as long as the file.
      await page.addInitScript(() => {
        const played: number[] = ((window as unknown as { played: number[] }).played = []);
        const start = AudioBufferSourceNode.prototype.start;
        AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<AudioBufferSourceNode['start']>) {
          played.push(this.buffer?.duration ?? 0);
          return start.apply(this, args);
        };
      });
      const voiceRequests: string[] = [];
      page.on('request', (r) => r.url().includes('opening') && voiceRequests.push(r.url()));
      await page.goto(`${dev.url}/?scenario=first-call&mode=practice&seed=${SEED}`);
      await page.getByRole('button', { name: 'Answer', exact: true }).click({ timeout: 60_000 });
      await nextTurn(page);
      expect(await page.locator('[data-caption]').textContent()).toBe(`Martin Hale: ${s.nodes.opening!.say}`);
      await expect.poll(() => page.evaluate(() => (window as unknown as { played: number[] }).played), { timeout: 10_000 }).toEqual(
        expect.arrayContaining([expect.closeTo(seconds, 1)]),
      );
      expect(voiceRequests.some((u) => u.endsWith('.webm'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      dev.stop();
    }
  }, 180_000);
});
