// The built game for end-to-end tests and the benchmark (npm run bench -- game), built once per change: the output goes to
// node_modules/.cache/htl-game/<hash of everything it is built from>, so every test file (and
// every later run) with the same sources shares one build. Safe with several processes at once:
// the first takes a lock and builds into a temporary folder that is renamed into place.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');

const CACHE = join(ROOT, 'node_modules', '.cache', 'htl-game');
const INPUTS = ['src', 'assets', 'scenarios', 'index.html', 'vite.config.ts', 'package-lock.json'];
// Not part of the game bundle.
const IGNORED = /^src\/(server|cli|tools|bench)\/|\.schema\.json$/;

function files(rel: string): string[] {
  const abs = join(ROOT, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return IGNORED.test(rel) ? [] : [rel];
  return readdirSync(abs).sort().flatMap((n) => files(`${rel}/${n}`));
}

export function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap(files)) h.update(f).update('\0').update(readFileSync(join(ROOT, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The folder of a production build of the current sources (built now if there is none yet). */
export async function builtGame(): Promise<string> {
  const out = join(CACHE, sourceHash());
  if (existsSync(join(out, 'index.html'))) return out;
  mkdirSync(CACHE, { recursive: true });
  const lock = `${out}.lock`;
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(join(out, 'index.html'))) return out;
      // A lock older than five minutes belongs to a build that died (a build on a loaded machine takes two).
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 360_000) throw new Error(`waited 6 minutes for another process to build the game into ${relative(ROOT, out)}`);
      await sleep(250);
    }
  }
  try {
    const tmp = `${out}.tmp-${process.pid}`;
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
    try {
      renameSync(tmp, out);
    } catch (e) {
      // Another process took a lock it thought stale (a build slower than that on a loaded
      // machine) and put the same build in place first: same sources, same output — use it.
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(join(out, 'index.html'))) throw e;
    }
    // Keep the cache small: the newest few builds only.
    const old = readdirSync(CACHE)
      .filter((n) => /^[0-9a-f]{16}$/.test(n) && n !== out.slice(-16))
      .map((n) => ({ n, t: statSync(join(CACHE, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(3);
    for (const o of old) rmSync(join(CACHE, o.n), { recursive: true, force: true });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return out;
}
