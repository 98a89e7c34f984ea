// `npm start` builds the game when dist/ is missing or older than anything it is built from, or
// was built with another folder of calls (the game bundles the trainer's folder: SCENARIO_DIR).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scenarioFilesIn, voiceFilesIn } from '../tools/folder/scenarioFolder.js';

const SOURCES = ['src', 'assets', 'scenarios', 'index.html', 'vite.config.ts', 'package.json'];
// Not part of the game bundle: changing them needs no rebuild.
const IGNORED = /^(src[\\/](server|cli|tools|bench)|scenarios[\\/].*\.schema\.json$)/;

function newest(root: string, rel: string): number {
  const path = join(root, rel);
  if (!existsSync(path) || IGNORED.test(rel)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path)) max = Math.max(max, newest(root, join(rel, e)));
  return max;
}

/** Which folder of calls the build in dist/ bundled (written beside it after each build). */
const STAMP = join('dist', '.scenario-dir');

/** The folder of calls a build in `root` bundles: SCENARIO_DIR, else root's scenarios/. */
const defaultDir = (root: string) => resolve(process.env.SCENARIO_DIR || join(root, 'scenarios'));

/** The newest change to the calls and voices of a folder (the folder's own time: a file removed). */
function newestCall(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Math.max(statSync(dir).mtimeMs, ...[...scenarioFilesIn(dir), ...voiceFilesIn(dir)].map((f) => statSync(f).mtimeMs));
}

/** Why the game needs building (with the calls of `scenarioDir`), or null when dist/ is up to date. */
export function buildNeeded(root: string, scenarioDir: string = defaultDir(root)): string | null {
  if (!existsSync(join(root, 'index.html'))) return null; // no game in this tree yet: API only
  const index = join(root, 'dist', 'index.html');
  if (!existsSync(index)) return 'dist/ has no build yet';
  const stamp = join(root, STAMP);
  const builtWith = existsSync(stamp) ? readFileSync(stamp, 'utf8') : resolve(root, 'scenarios');
  if (builtWith !== scenarioDir) return `the last build has the calls of ${builtWith}`;
  const built = statSync(index).mtimeMs;
  const changed = Math.max(...SOURCES.map((s) => newest(root, s)), newestCall(scenarioDir));
  return changed > built ? 'sources changed since the last build' : null;
}

/** Builds the game into dist/ with the calls of `scenarioDir` (the vite config reads SCENARIO_DIR). */
export async function buildGame(root: string, scenarioDir: string = defaultDir(root)): Promise<void> {
  const { build } = await import('vite');
  const before = process.env.SCENARIO_DIR;
  process.env.SCENARIO_DIR = scenarioDir;
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (before === undefined) delete process.env.SCENARIO_DIR;
    else process.env.SCENARIO_DIR = before;
  }
  writeFileSync(join(root, STAMP), scenarioDir);
}

const LOCK_STALE_MS = 10 * 60_000;

/**
 * Builds the game if it needs it. Several servers starting at once (parallel end-to-end tests)
 * build one at a time: the others wait for the lock, then find dist/ fresh.
 */
export async function ensureBuilt(root: string, log: (message: string) => void, scenarioDir: string = defaultDir(root)): Promise<void> {
  const lock = join(root, 'node_modules', '.cache', 'holdtheline-build.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  for (;;) {
    if (buildNeeded(root, scenarioDir) === null) return;
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      const why = buildNeeded(root, scenarioDir);
      if (why === null) return;
      log(`building the game (${why})…`);
      await buildGame(root, scenarioDir);
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
