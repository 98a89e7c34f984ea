// `npm start` builds the game when dist/ is missing or older than anything it is built from.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/** Why the game needs building, or null when dist/ is up to date. */
export function buildNeeded(root: string): string | null {
  if (!existsSync(join(root, 'index.html'))) return null; // no game in this tree yet: API only
  const index = join(root, 'dist', 'index.html');
  if (!existsSync(index)) return 'dist/ has no build yet';
  const built = statSync(index).mtimeMs;
  const changed = Math.max(...SOURCES.map((s) => newest(root, s)));
  return changed > built ? 'sources changed since the last build' : null;
}

export async function buildGame(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
}

const LOCK_STALE_MS = 10 * 60_000;

/**
 * Builds the game if it needs it. Several servers starting at once (parallel end-to-end tests)
 * build one at a time: the others wait for the lock, then find dist/ fresh.
 */
export async function ensureBuilt(root: string, log: (message: string) => void): Promise<void> {
  const lock = join(root, 'node_modules', '.cache', 'holdtheline-build.lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  for (;;) {
    if (buildNeeded(root) === null) return;
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      const why = buildNeeded(root);
      if (why === null) return;
      log(`building the game (${why})…`);
      await buildGame(root);
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
