// The sound and voice generator behind assets/generate.ts. Makes each UI sound (sox) and a voice
// file for every line of every call in every language — its silence lines too — (espeak-ng +
// sox), encodes them for the web (ffmpeg: Opus in WebM at a speech bitrate, and MP3 for the UI
// sounds as a fallback), and keeps a manifest of what each file was made from, so only missing
// or stale files are made again. A file a trainer recorded (a "voice" they named) is never made.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { conventionalVoice, formatDiagnostic, loadScenarioFiles, spokenLines } from '../../engine/index.js';
import { SOUNDS } from '../audio/sounds.js';
import { RECIPES } from './soundRecipes.js';
import { voiceJob, type VoiceConfig, type VoiceJob } from './voiceRecipes.js';
import { isScenarioFile } from '../../engine/load/fileKinds.js';

/** Speech through a telephone band needs little: 14 kbit/s Opus keeps every call's voices small. */
const VOICE_BITRATE = '14k';

/** Bump to remake everything (a change in how files are encoded). */
const VERSION = 1;

export interface Manifest {
  readonly version: number;
  readonly sounds: Record<string, string>;
  readonly voices: Record<string, string>;
}

export interface GenerateOptions {
  readonly root: string;
  /** Folder of scenario files (default <root>/scenarios). */
  readonly scenarios?: string;
  /** Only report what is stale; make nothing. */
  readonly check?: boolean;
  readonly log?: (line: string) => void;
}

export interface GenerateReport {
  readonly made: string[];
  /** Voices made earlier for lines that are gone, deleted. */
  readonly removed: string[];
  readonly stale: string[];
  readonly problems: string[];
}

const hash = (v: unknown) => createHash('sha256').update(JSON.stringify([VERSION, v])).digest('hex').slice(0, 16);

function run(cmd: string, args: readonly string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd} could not run (${r.error.message}); install it: apt-get install -y sox libsox-fmt-all espeak-ng ffmpeg`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
}

function encode(wav: string, out: string, cwd: string): void {
  mkdirSync(dirname(out), { recursive: true });
  const common = ['-hide_banner', '-loglevel', 'error', '-y', '-i', wav, '-ac', '1', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'];
  if (out.endsWith('.webm') && out.includes('/voice/')) run('ffmpeg', [...common, '-c:a', 'libopus', '-b:a', VOICE_BITRATE, '-application', 'voip', out], cwd);
  else if (out.endsWith('.webm')) run('ffmpeg', [...common, '-c:a', 'libopus', '-b:a', '40k', out], cwd);
  else run('ffmpeg', [...common, '-c:a', 'libmp3lame', '-b:a', '64k', out], cwd);
}

function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

function voiceJobs(root: string, dir: string, config: VoiceConfig, problems: string[]): VoiceJob[] {
  const jobs: VoiceJob[] = [];
  // String tables (a call's translation) are composed with their originals: their voices count too.
  const sources = readdirSync(dir)
    .filter(isScenarioFile)
    .sort()
    .map((name) => ({ file: relative(root, join(dir, name)).split('\\').join('/'), text: readFileSync(join(dir, name), 'utf8') }));
  for (const loaded of loadScenarioFiles(sources)) {
    if (!loaded.ok) {
      problems.push(...loaded.diagnostics.map(formatDiagnostic));
      continue;
    }
    for (const { node, line, voice } of spokenLines(loaded.scenario)) {
      // A voice the trainer named is their recording: made only if it is the conventional file.
      if (!line.silence && node.voice && node.voice !== conventionalVoice(loaded.scenario, line.key)) continue;
      const job = voiceJob(loaded.scenario, node, line, voice, config);
      if (job) jobs.push(job);
    }
  }
  return jobs;
}

export function generate(o: GenerateOptions): GenerateReport {
  const log = o.log ?? ((l: string) => console.log(l));
  const root = o.root;
  const manifestFile = join(root, 'assets', 'generated.json');
  const old = readJson<Manifest>(manifestFile, { version: VERSION, sounds: {}, voices: {} });
  const manifest: Manifest = { version: VERSION, sounds: {}, voices: {} };
  const report: GenerateReport = { made: [], removed: [], stale: [], problems: [] };
  const work = mkdtempSync(join(tmpdir(), 'htl-audio-'));
  try {
    for (const key of SOUNDS) {
      const h = hash(RECIPES[key]);
      const outs = ['webm', 'mp3'].map((ext) => join(root, 'assets', 'sounds', `${key}.${ext}`));
      manifest.sounds[key] = h;
      if (old.sounds[key] === h && outs.every(existsSync)) continue;
      report.stale.push(`assets/sounds/${key}`);
      if (o.check) continue;
      for (const step of RECIPES[key].steps) run('sox', ['-R', ...step], work);
      for (const out of outs) encode(join(work, `${key}.wav`), out, work);
      report.made.push(`assets/sounds/${key}`);
      log(`made assets/sounds/${key}.webm and .mp3`);
    }
    const config = readJson<VoiceConfig>(join(root, 'assets', 'voices.json'), { customers: {} });
    const scenarioDir = o.scenarios ?? join(root, 'scenarios');
    for (const job of voiceJobs(root, scenarioDir, config, report.problems)) {
      const h = hash({ ...job, bitrate: VOICE_BITRATE });
      manifest.voices[job.out] = h;
      const out = join(root, job.out);
      if (old.voices[job.out] === h && existsSync(out)) continue;
      report.stale.push(job.out);
      if (o.check) continue;
      run('espeak-ng', [...job.espeak, '-w', join(work, 'voice-raw.wav'), job.text], work);
      run('sox', ['-R', 'voice-raw.wav', 'voice.wav', ...job.effects], work);
      encode(join(work, 'voice.wav'), out, work);
      report.made.push(job.out);
      log(`made ${job.out}`);
    }
    // A voice this generator made for a line that no longer exists (a node removed or renamed)
    // goes too; files it never made (a trainer's recordings) are never touched.
    const folder = `${relative(root, scenarioDir).split('\\').join('/')}/`;
    for (const [out, h] of Object.entries(old.voices)) {
      // Another folder's voices (generate --scenarios elsewhere) are kept as they were.
      if (!out.startsWith(folder)) {
        manifest.voices[out] ??= h;
        continue;
      }
      if (out in manifest.voices || !existsSync(join(root, out))) continue;
      report.stale.push(out);
      if (o.check) continue;
      rmSync(join(root, out));
      report.removed.push(out);
      log(`removed ${out} (its line is gone)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!o.check) writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  for (const p of report.problems) log(p);
  return report;
}
