// The loader's fast schema check (load/conforms.ts) may only ever say "passes" where zod says so
// too, and then zod's parsed value must be the file's value itself. Checked on every shipped
// scenario and on values mutated at random, deep inside: wrong types, out-of-range numbers,
// missing and extra fields, bad ids and conditions.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileConformance } from '../../src/engine/load/conforms.js';
import { SCENARIO_SCHEMAS } from '../../src/engine/format/schema.js';
import { shippedLoaded } from '../support/shipped.js';
import { FIXTURE_DIR, SCENARIO_DIR } from './support.js';

// Each file is checked against the schema of its own version, as the loader does.
const schemaOf = (v: unknown) => (v && typeof v === 'object' ? SCENARIO_SCHEMAS[(v as { schemaVersion: 1 | 2 }).schemaVersion] : undefined);
const checkers = new Map(Object.values(SCENARIO_SCHEMAS).map((schema) => [schema, compileConformance(schema)!]));
const conformsTo = (schema: NonNullable<ReturnType<typeof schemaOf>>, v: unknown) => checkers.get(schema)!(v);
const files = [
  // The call files, not the translations' string tables (a format of their own).
  ...shippedLoaded().filter((f) => f.kind === 'scenario').map((f) => join(SCENARIO_DIR, f.file.replace(/^scenarios\//, ''))),
  join(FIXTURE_DIR, 'mechanics.json'),
  join(FIXTURE_DIR, 'memory.json'),
];
const values = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown);

/** Every path to a value inside `v` (objects and arrays walked). */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function mutate(value: unknown, path: (string | number)[], how: number, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (path.length === 0) return replacement;
  let parent: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 0) delete parent[last];
  else if (how === 1 && !Array.isArray(parent)) parent[`extra${String(last)}`] = replacement;
  else parent[last] = replacement;
  return copy;
}

const odd = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2, 3, 101, -101, 1e9, '', 'x', 'Bad Id', '!', 'mood>=', 'mood>=50', 'turns>2', 'chose:x.1', 'pushes+1', '$return', [], {}, ['a'], { say: 1 }, [{ text: 'x' }], { mood: -5 }),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('the fast schema check', () => {
  it('passes every shipped scenario, as zod does, with zod making an equal value', () => {
    for (const v of values) {
      expect(conformsTo(schemaOf(v)!, v)).toBe(true);
      const parsed = schemaOf(v)!.safeParse(v);
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(v);
    }
  });

  it('never passes what zod refuses, nor anything zod would change', () => {
    fc.assert(
      fc.property(fc.nat(values.length - 1), fc.nat(), fc.nat(2), odd, (file, pick, how, replacement) => {
        const value = values[file]!;
        const all = paths(value);
        const mutated = mutate(value, all[pick % all.length]!, how, replacement);
        // The loader reads the version first and refuses a file of none.
        const schema = schemaOf(mutated);
        if (!schema || !conformsTo(schema, mutated)) return;
        const parsed = schema.safeParse(mutated);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(mutated);
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });
});
