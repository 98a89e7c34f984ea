// Lint on format 2's hidden memory: a flag or counter nothing sets, one nothing reads, and a
// "$return" that can be taken with nowhere to go back to — each found with its place, and none
// on the fixture that uses them all as meant.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/engine/index.js';
import { lintScenarios } from '../../src/tools/lint/lintScenarios.js';
import { lint, SCENARIOS } from './support.js';

const MEMORY = readFileSync(join(import.meta.dirname, '../engine/fixtures/memory.json'), 'utf8');
const edited = (edit: (d: Record<string, any>) => void) => {
  const d = JSON.parse(MEMORY);
  edit(d);
  return JSON.stringify(d, null, 2);
};
const memoryFindings = (text: string) =>
  lint({ 'scenarios/memory.json': text })
    .filter((d) => ['memory-never-set', 'memory-never-read', 'return-to-nowhere'].includes(d.code))
    .map(formatDiagnostic);

describe('lint on hidden memory', () => {
  it('finds nothing to say about memory used as meant', () => {
    expect(memoryFindings(MEMORY)).toEqual([]);
  });

  it('names a flag nothing sets and a counter nothing changes', () => {
    const found = memoryFindings(
      edited((d) => {
        d.flags['vip'] = 'A VIP caller.';
        d.nodes.opening.replies[0].if = '!vip';
        d.counters['holds'] = {};
        d.nodes.verified.replies[0].if = 'holds<2';
      }),
    );
    expect(found).toEqual([
      expect.stringMatching(/memory\.json:\d+:\d+: warning: flag "vip" is never set, so every condition on it has the same answer — set it where it happens/),
      expect.stringMatching(/memory\.json:\d+:\d+: warning: counter "holds" is never changed, so it stays 0/),
    ]);
  });

  it('names memory that is changed but read by nothing', () => {
    const found = memoryFindings(
      edited((d) => {
        d.flags['noted'] = 'Something the trainer never uses.';
        d.nodes.verified.replies[0].set = 'noted';
      }),
    );
    expect(found).toEqual([expect.stringMatching(/flag "noted" is set but no condition reads it, so it changes nothing/)]);
  });

  it('names a "$return" that can be taken at the first line, with the way there', () => {
    const found = memoryFindings(
      edited((d) => {
        d.nodes.opening.replies[2].next = '$return';
      }),
    );
    expect(found).toEqual([expect.stringMatching(/memory\.json:\d+:\d+: warning: "\$return" here can be taken where the call came to "opening" from no other line \(at the first line\): it repeats "opening"/)]);
  });
});

describe('the "$schema" hint', () => {
  it('gives the path that reaches the game\'s schema from a trainer\'s own folder', () => {
    const file = '/tmp/elsewhere/calls/call.json';
    const text = MEMORY.replace('"../../../scenarios/scenario.schema.json"', '"./scenario.schema.json"');
    const [d] = lintScenarios([{ file, text }], { fileExists: (p) => !p.endsWith('.schema.json') }).filter((x) => x.code === 'schema-ref');
    const ref = /^write "\$schema": "([^"]+)"/.exec(d!.hint!)![1]!;
    expect(resolve(dirname(file), ref)).toBe(join(SCENARIOS, 'scenario.schema.json'));
    expect(d!.hint).not.toContain('"./scenario.schema.json"');
  });
});
