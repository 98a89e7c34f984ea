// The generated sounds: the committed files match their recipes, and every line of a call gets
// a voice file where the game looks for it (when sox, espeak-ng and ffmpeg are installed).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, spokenLines } from '../../src/engine/index.js';
import { SOUNDS } from '../../src/game/audio/sounds.js';
import { generate } from '../../src/game/dev/generateAudio.js';
import { voiceJob } from '../../src/game/dev/voiceRecipes.js';
import { ROOT } from './support/scenarios.js';
import { tinyCall } from '../support/tinyCall.js';

const tools = [['sox', '--version'], ['espeak-ng', '--version'], ['ffmpeg', '-version']].every(([t, v]) => spawnSync(t!, [v!]).status === 0);
const temp = mkdtempSync(join(tmpdir(), 'htl-audio-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A small call of two lines and two silence lines, one with a recording of the trainer's own. */
function voicedScenario(dir: string): string {
  const s = tinyCall(['Hello?', 'Are you there?']);
  // Between the opening and the ending: a line the trainer recorded, kept out of the generator's way.
  s.nodes = { opening: s.nodes.opening!, own: { say: 'Recorded by the trainer.', voice: 'recordings/own.webm', replies: [{ id: 'ok', say: 'OK.', next: 'thanks' }] }, thanks: s.nodes.thanks! };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tiny.json');
  writeFileSync(file, JSON.stringify(s, null, 2));
  return file;
}

describe('sounds', () => {
  it('ships every sound in both formats, made from the recipes as they are now', () => {
    for (const k of SOUNDS) for (const ext of ['webm', 'mp3']) expect(statSync(join(ROOT, 'assets/sounds', `${k}.${ext}`)).size, `${k}.${ext}`).toBeGreaterThan(200);
    const report = generate({ root: ROOT, check: true, log: () => {} });
    expect(report.stale.filter((s) => s.startsWith('assets/'))).toEqual([]);
  });

  it('voices every line in the scenario’s language, by emotion, for the customer', () => {
    const loaded = loadScenario(readFileSync(voicedScenario(join(temp, 'plan')), 'utf8'), 'scenarios/tiny.json');
    if (!loaded.ok) throw new Error('does not load');
    const lines = spokenLines(loaded.scenario);
    const jobs = lines.map((l) => voiceJob(loaded.scenario, l.node, l.line, l.voice, { customers: {} })!);
    expect(jobs.map((j) => j.out)).toEqual([
      'scenarios/voice/tiny/en/opening.webm',
      'scenarios/voice/tiny/en/silence-1.webm',
      'scenarios/voice/tiny/en/silence-2.webm',
      'scenarios/recordings/own.webm',
      'scenarios/voice/tiny/en/thanks.webm',
    ]);
    expect(jobs.map((j) => j.text)).toEqual(['My order never came.', 'Hello?', 'Are you there?', 'Recorded by the trainer.', 'Thanks, bye.']);
    // The call's customer is a woman: a female variant, whatever voices.json says of gender.
    expect(jobs[0]!.espeak.slice(0, 2)).toEqual(['-v', expect.stringMatching(/^en\+f\d$/)]);
    const named = voiceJob(loaded.scenario, lines[0]!.node, lines[0]!.line, lines[0]!.voice, { customers: { tiny: { variant: 'm3', speed: 1.1 } }, pace: { en: 0.9 } })!;
    expect(named.espeak).toEqual(['-v', 'en+m3', '-s', String(Math.round(160 * 1.1 * 0.9)), '-p', '50', '-a', '100']);
  });

  it.skipIf(!tools)('makes a voice file for every line but the trainer’s own recording, and only when stale', () => {
    const root = join(temp, 'project');
    mkdirSync(join(root, 'assets'), { recursive: true });
    cpSync(join(ROOT, 'assets/sounds'), join(root, 'assets/sounds'), { recursive: true });
    cpSync(join(ROOT, 'assets/generated.json'), join(root, 'assets/generated.json'));
    voicedScenario(join(root, 'scenarios'));
    const first = generate({ root, log: () => {} });
    expect(first.made).toEqual(['opening', 'silence-1', 'silence-2', 'thanks'].map((n) => `scenarios/voice/tiny/en/${n}.webm`));
    const out = join(root, 'scenarios/voice/tiny/en/opening.webm');
    expect(existsSync(out)).toBe(true);
    const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name:format=duration', '-of', 'json', out], { encoding: 'utf8' });
    const info = JSON.parse(probe.stdout) as { streams: { codec_name: string }[]; format: { duration: string } };
    expect(info.streams[0]!.codec_name).toBe('opus');
    expect(Number(info.format.duration)).toBeGreaterThan(0.8);
    expect(generate({ root, log: () => {} }).made).toEqual([]);
    expect(generate({ root, check: true, log: () => {} }).stale).toEqual([]);
    // A line taken out of the call: its generated voice goes, a trainer's recording never does.
    const file = join(root, 'scenarios/tiny.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.timeout.say = ['Hello?'];
    writeFileSync(file, JSON.stringify(doc));
    mkdirSync(join(root, 'scenarios/recordings'), { recursive: true });
    writeFileSync(join(root, 'scenarios/recordings/own.webm'), 'mine');
    const after = generate({ root, log: () => {} });
    expect(after.removed).toEqual(['scenarios/voice/tiny/en/silence-2.webm']);
    expect(existsSync(join(root, 'scenarios/voice/tiny/en/silence-2.webm'))).toBe(false);
    expect(readFileSync(join(root, 'scenarios/recordings/own.webm'), 'utf8')).toBe('mine');
  }, 60_000);
});
