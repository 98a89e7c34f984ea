// The generated sounds: the committed files match their recipes, and a scenario node that
// declares "voice" gets a voice file (when sox, espeak-ng and ffmpeg are installed).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine/index.js';
import { SOUNDS } from '../../src/game/audio/sounds.js';
import { generate } from '../../src/game/dev/generateAudio.js';
import { voiceJob } from '../../src/game/dev/voiceRecipes.js';
import { ROOT } from './support/scenarios.js';

const tools = [['sox', '--version'], ['espeak-ng', '--version'], ['ffmpeg', '-version']].every(([t, v]) => spawnSync(t!, [v!]).status === 0);
const temp = mkdtempSync(join(tmpdir(), 'htl-audio-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of first-call.json with a voice on its opening line. */
function voicedScenario(dir: string): string {
  const s = JSON.parse(readFileSync(join(ROOT, 'scenarios/first-call.json'), 'utf8')) as { nodes: Record<string, { voice?: string }> };
  s.nodes.opening!.voice = 'voice/first-call/en/opening.webm';
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'first-call.json');
  writeFileSync(file, JSON.stringify(s, null, 2));
  return file;
}

describe('sounds', () => {
  it('ships every sound in both formats, made from the recipes as they are now', () => {
    for (const k of SOUNDS) for (const ext of ['webm', 'mp3']) expect(statSync(join(ROOT, 'assets/sounds', `${k}.${ext}`)).size, `${k}.${ext}`).toBeGreaterThan(200);
    const report = generate({ root: ROOT, check: true, log: () => {} });
    expect(report.stale.filter((s) => s.startsWith('assets/'))).toEqual([]);
  });

  it('voices a line in the scenario’s language, by emotion, for the customer', () => {
    const loaded = loadScenario(readFileSync(voicedScenario(join(temp, 'plan')), 'utf8'), 'scenarios/first-call.json');
    if (!loaded.ok) throw new Error('does not load');
    const node = loaded.scenario.nodes.get('opening')!;
    const job = voiceJob(loaded.scenario, node, { customers: { 'first-call': { gender: 'male' } } })!;
    expect(job.out).toBe('scenarios/voice/first-call/en/opening.webm');
    expect(job.text).toBe(node.say);
    expect(job.espeak.slice(0, 2)).toEqual(['-v', expect.stringMatching(/^en\+m\d$/)]);
    expect(voiceJob(loaded.scenario, loaded.scenario.nodes.get('thanks')!, { customers: {} })).toBeNull();
  });

  it.skipIf(!tools)('makes a voice file for a node that declares one, and only when stale', () => {
    const root = join(temp, 'project');
    mkdirSync(join(root, 'assets'), { recursive: true });
    cpSync(join(ROOT, 'assets/sounds'), join(root, 'assets/sounds'), { recursive: true });
    cpSync(join(ROOT, 'assets/generated.json'), join(root, 'assets/generated.json'));
    voicedScenario(join(root, 'scenarios'));
    const first = generate({ root, log: () => {} });
    expect(first.made).toEqual(['scenarios/voice/first-call/en/opening.webm']);
    const out = join(root, 'scenarios/voice/first-call/en/opening.webm');
    expect(existsSync(out)).toBe(true);
    const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name:format=duration', '-of', 'json', out], { encoding: 'utf8' });
    const info = JSON.parse(probe.stdout) as { streams: { codec_name: string }[]; format: { duration: string } };
    expect(info.streams[0]!.codec_name).toBe('opus');
    expect(Number(info.format.duration)).toBeGreaterThan(1.5);
    expect(generate({ root, log: () => {} }).made).toEqual([]);
    expect(generate({ root, check: true, log: () => {} }).stale).toEqual([]);
  }, 60_000);
});
