// Lint never crashes, whatever it is given: random JSON, random text, and — the interesting
// case — real calls broken in random places (values swapped for others, keys dropped, links
// pointed elsewhere, text cut short). Every message has a place in the file, and none is an
// internal error.
import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/tools/generate/generateScenario.js';
import { lint, templateText, type Doc } from './support.js';

// Pinned, so every run tries the same inputs: a failure is a bug to fix, never bad luck.
fc.configureGlobal({ seed: 1662208865 });

function expectCalm(files: Record<string, string>) {
  const ds = lint(files);
  for (const d of ds) {
    expect(d.code, d.message).not.toMatch(/internal/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
  }
}

/** Every [container, key] in a JSON value, so a mutation can pick one. */
function slots(v: unknown, out: [Doc, string | number][] = []): [Doc, string | number][] {
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      out.push([v as Doc, Array.isArray(v) ? Number(k) : k]);
      slots((v as Doc)[k], out);
    }
  }
  return out;
}

// Format 2 too: the fixture that uses every addition (memory, entry effects, $return, endings' own fields).
const MEMORY = readFileSync(join(import.meta.dirname, '../engine/fixtures/memory.json'), 'utf8');
const BASES = [templateText(), generateScenario(30, 7), MEMORY];
const nodeIds = (text: string) => Object.keys((parse(text) as Doc).nodes);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({ kind: fc.constant('relink' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('condition' as const), value: fc.constantFrom('order-found', '!order-found', 'mood>=50', 'patience<10', ['tracking-sent', 'mood<30'], 'pushes>=2', 'turns>3', 'chose:verify', '!offered-goodwill', 'nope>1') }),
  fc.record({ kind: fc.constant('format2' as const), value: fc.constantFrom('$return', 'pushes+1', '!offered-goodwill', ['pushes=0', 'offered-goodwill'], { mood: -10, reveals: 'caller-angry' }, [{ if: 'pushes>=1', text: 'x' }, { text: 'y' }], 0, 2, 3) }),
);

describe('lint never crashes', () => {
  it('on random JSON values and random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string(), fc.string({ unit: 'binary' })), (text) => expectCalm({ 'random.json': text })),
      { numRuns: 300 },
    );
  });

  it('on real calls cut short at any character', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => expectCalm({ 'cut.json': text.slice(0, Math.floor(text.length * at)) })),
      { numRuns: 150 },
    );
  });

  it('on real calls mutated in random places', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 4 }), (text, mutations) => {
        const doc = parse(text) as Doc;
        const ids = nodeIds(text);
        for (const [where, m] of mutations) {
          const all = slots(doc);
          if (all.length === 0) break;
          const [container, key] = all[where % all.length]!;
          switch (m.kind) {
            case 'replace':
              container[key] = structuredClone(m.value);
              break;
            case 'delete':
              if (Array.isArray(container)) container.splice(Number(key), 1);
              else delete container[key];
              break;
            case 'relink':
              container[key] = ids[m.pick % ids.length];
              break;
            case 'condition':
            case 'format2':
              container[key] = structuredClone(m.value);
              break;
          }
        }
        expectCalm({ 'mutated.json': JSON.stringify(doc, null, 2), 'mutated.ru.json': JSON.stringify({ ...doc, locale: 'ru' }) });
      }),
      { numRuns: 300 },
    );
  });
});
