// The typed replies' matcher in the production build (issue 13): one chunk of its own holds the
// stemmers, loaded only when the text box is first used — not by the first screen (the entry and
// what it imports statically or preloads), nor with the library's chunk (which loads after the title).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtGame } from '../../src/game/dev/buildCache.js';

let assets = '';
let html = '';
beforeAll(async () => {
  const dist = await builtGame();
  assets = join(dist, 'assets');
  html = readFileSync(join(dist, 'index.html'), 'utf8');
}, 600_000);

const js = () => readdirSync(assets).filter((f) => f.endsWith('.js'));
const text = (f: string) => readFileSync(join(assets, f), 'utf8');

/** A chunk and every chunk it imports statically, on and on (dynamic import() is left out). */
function staticClosure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const m of text(f).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  roots.forEach(visit);
  return seen;
}

describe('the matcher chunk', () => {
  it('holds all four stemmers, alone, and is small', () => {
    const withStemmers = js().filter((f) => /stemmer-(en|ru|pl|uk)/.test(text(f)));
    expect(withStemmers).toHaveLength(1);
    const chunk = text(withStemmers[0]!);
    for (const lang of ['en', 'ru', 'pl', 'uk']) expect(chunk).toContain(`stemmer-${lang}`);
    expect(gzipSync(chunk).length).toBeLessThan(25 * 1024);
  });

  it('is neither loaded before the title nor with the library', () => {
    const matcher = js().find((f) => /stemmer-pl/.test(text(f)))!;
    const entry = [...html.matchAll(/<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(entry).toHaveLength(1);
    const first = staticClosure([...entry, ...preloaded]);
    expect(first.size).toBeGreaterThan(1);
    expect(first).not.toContain(matcher);
    const library = js().filter((f) => f.startsWith('ScenarioLibrary-'));
    expect(library).toHaveLength(1);
    const withLibrary = staticClosure(library);
    expect(withLibrary.size).toBeGreaterThan(1);
    expect(withLibrary).not.toContain(matcher);
  });
});
