// The engine is a pure core: no DOM, Phaser, howler, network, Node-only modules, clock or
// Math.random. Checked on the source text, so a new import anywhere in src/engine fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(import.meta.dirname, '../../src/engine');
const ALLOWED_PACKAGES = ['xstate', 'zod', 'jsonc-parser', 'pure-rand', '@noble/hashes', 'fastest-levenshtein'];
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

describe('the engine is pure', () => {
  for (const file of files(ENGINE)) {
    it(relative(ENGINE, file), () => {
      const src = stripComments(readFileSync(file, 'utf8'));
      for (const m of src.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith('.')) continue;
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        expect(ALLOWED_PACKAGES, `${spec} imported`).toContain(pkg);
      }
      for (const pattern of FORBIDDEN) expect(src, `${pattern} used`).not.toMatch(pattern);
    });
  }
});
