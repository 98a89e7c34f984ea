// The graph of a format-2 call says what the file says: counter conditions written as in the
// file, an ending's label beside its outcome, and "$return" drawn to each line it can lead back to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callGraph } from '../../src/tools/graph/callGraph.js';
import { toDot } from '../../src/tools/graph/toDot.js';
import { toMermaid } from '../../src/tools/graph/toMermaid.js';
import { load } from './support.js';

const s = load(readFileSync(join(import.meta.dirname, '../engine/fixtures/memory.json'), 'utf8'), 'fixtures/memory.json');

describe('the graph of a format-2 call', () => {
  const g = callGraph(s);

  it('writes conditions as the file does, counters and earlier replies included', () => {
    const conditions = g.edges.map((e) => e.condition).filter((c) => c !== null);
    expect(conditions).toEqual(expect.arrayContaining(['pushes>=2', 'pushes>=3', 'turns>=4', 'chose:push-back', '!offered-goodwill']));
    for (const text of [toMermaid(g), toDot(g)]) expect(text).not.toContain('[object Object]');
  });

  it('names an ending by its label too', () => {
    expect(g.nodes.find((n) => n.id === 'handed-over')?.label).toBe('Account handed to an impostor');
    expect(toDot(g)).toContain('Account handed to an impostor');
    expect(toMermaid(g)).toContain('Account handed to an impostor');
  });

  it('draws "$return" to each line the call can come back to, marked as going back', () => {
    const back = g.edges.filter((e) => e.from === 'pushy' && e.label.includes('$return'));
    expect(back.map((e) => e.to)).toEqual(['opening']);
  });
});
