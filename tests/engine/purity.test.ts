// The engine is a pure core: no DOM, Phaser, howler, network, Node-only modules, clock or
// Math.random, and nothing from outside src/engine (the game, tools or server). Checked on the
// source text, so a new import anywhere in src/engine fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(import.meta.dirname, '../../src/engine');
const ALLOWED_PACKAGES = ['xstate', 'zod', 'jsonc-parser', 'pure-rand', '@noble/hashes', 'fastest-levenshtein', 'tinyqueue'];
/** nlp.js's stemmers (pure functions of a word), for typed replies: only engine/match may import them, one module each. */
const MATCH_PACKAGES = ['@nlpjs/lang-en-min', '@nlpjs/lang-ru', '@nlpjs/lang-pl', '@nlpjs/lang-uk'];
const FORBIDDEN = [
  /\bMath\.random\b/,
  /\bDate\.now\b/,
  /\bnew Date\b/,
  /\bperformance\.now\b/,
  /\b(window|document|navigator|localStorage|fetch|XMLHttpRequest|WebSocket|setTimeout|setInterval|requestAnimationFrame)\b/,
  /\bprocess\./,
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const stripComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

/** Whether a path is src/engine or inside it. */
const insideEngine = (path: string) => {
  const rel = relative(ENGINE, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** What makes the source of `file` (a path under src/engine) impure, one line each; none if pure. */
function impurities(source: string, file: string): string[] {
  const src = stripComments(source);
  const found: string[] = [];
  // `import … from`, `export … from`, `import('…')` and a bare `import '…'`.
  for (const m of src.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\bimport\s+['"]([^'"]+)['"]/g)) {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    if (spec.startsWith('.')) {
      // A relative import must stay in the engine: `../../tools/x.js` would pull the tools in.
      if (!insideEngine(resolve(dirname(file), spec))) found.push(`${spec} imported from outside src/engine`);
      continue;
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    const inMatch = insideEngine(file) && relative(join(ENGINE, 'match'), file).split(/[\\/]/)[0] !== '..';
    if (inMatch && MATCH_PACKAGES.includes(pkg) && /^@nlpjs\/lang-[a-z-]+\/src\/stemmer-[a-z]+\.js$/.test(spec)) continue;
    if (!ALLOWED_PACKAGES.includes(pkg)) found.push(`${spec} imported`);
  }
  for (const pattern of FORBIDDEN) if (pattern.test(src)) found.push(`${pattern} used`);
  return found;
}

describe('the engine is pure', () => {
  for (const file of files(ENGINE)) {
    it(relative(ENGINE, file), () => {
      expect(impurities(readFileSync(file, 'utf8'), file)).toEqual([]);
    });
  }
});

describe('the purity check', () => {
  const inSession = join(ENGINE, 'session/example.ts');

  it('allows relative imports within the engine and the allowed packages', () => {
    const src = ["import { setup } from 'xstate';", "import { moodBand } from './view.js';", "export { score } from '../scoring/score.js';", "const m = import('../machine/compile.js');"].join('\n');
    expect(impurities(src, inSession)).toEqual([]);
  });

  it('refuses a relative import that leaves src/engine, however it is written', () => {
    expect(impurities("import { lint } from '../../tools/x.js';", inSession)).toEqual(['../../tools/x.js imported from outside src/engine']);
    expect(impurities("export * from '../../game/config.js';", inSession)).toEqual(['../../game/config.js imported from outside src/engine']);
    expect(impurities("const t = await import('../../server/store.js');", inSession)).toEqual(['../../server/store.js imported from outside src/engine']);
    expect(impurities("import '../../game/ui/styles.js';", inSession)).toEqual(['../../game/ui/styles.js imported from outside src/engine']);
    // A sibling folder whose name only starts like the engine's is outside; out and straight back in is not.
    expect(impurities("import { x } from '../../engine-tools/x.js';", inSession)).toEqual(['../../engine-tools/x.js imported from outside src/engine']);
    expect(impurities("import { x } from '../engine/x.js';", join(ENGINE, 'index.ts'))).toEqual([]);
  });

  it("allows nlp.js's stemmer modules in engine/match only, and nothing else of those packages", () => {
    const stemmer = "import StemmerPl from '@nlpjs/lang-pl/src/stemmer-pl.js';";
    expect(impurities(stemmer, join(ENGINE, 'match/language.ts'))).toEqual([]);
    expect(impurities(stemmer, inSession)).toEqual(['@nlpjs/lang-pl/src/stemmer-pl.js imported']);
    expect(impurities("import { LangPl } from '@nlpjs/lang-pl';", join(ENGINE, 'match/language.ts'))).toEqual(['@nlpjs/lang-pl imported']);
  });

  it('still refuses other packages and banned globals', () => {
    expect(impurities("import Phaser from 'phaser';\nconst r = Math.random();", inSession)).toEqual(['phaser imported', `${FORBIDDEN[0]} used`]);
  });
});
