// Loading: what a trainer sees when a file is right, and when it is wrong in every way we know.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadScenario, type Diagnostic } from '../../src/engine/index.js';
import { FIXTURE_DIR, editedScenario } from './support.js';

const mechanics = readFileSync(join(FIXTURE_DIR, 'mechanics.json'), 'utf8');

function problems(text: string, file = 'call.json'): Diagnostic[] {
  const r = loadScenario(text, file);
  expect(r.ok).toBe(false);
  return [...r.diagnostics];
}
const lines = (text: string) => problems(text).map(formatDiagnostic);

describe('loading a scenario', () => {
  it('loads a valid file, applying defaults and adding the built-in endings', () => {
    const r = loadScenario(mechanics, 'mechanics.json');
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    const s = r.scenario;
    expect(s.start).toBe('hub');
    expect(s.difficulty).toBe('medium');
    expect(s.scoring.weights).toEqual({ politeness: 1, accuracy: 1, judgment: 1 });
    expect(s.nodes.get('hub')!.replies[0]).toMatchObject({ id: 'hub.1', takesMs: 20_000, reveals: ['account-checked'] });
    expect(s.nodes.get('hub')!.replies[3]!.id).toBe('warn');
    expect(s.nodes.get('hub')!.timeout).toMatchObject({ afterMs: 10_000, polite: -10, next: [] });
    expect(s.nodes.get('warned-node')!.timeout).toBeNull();
    expect(s.nodes.get('$hung-up')).toMatchObject({ end: 'hung-up', builtIn: true });
    expect(s.nodes.get('$abandoned')).toMatchObject({ end: 'abandoned', builtIn: true });
    expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same content hash whatever the formatting, and another one for other content', () => {
    const a = loadScenario(mechanics);
    const b = loadScenario(JSON.stringify(JSON.parse(mechanics)));
    const c = loadScenario(editedScenario('mechanics.json', (d) => (d.title = 'Changed')));
    if (!a.ok || !b.ok || !c.ok) throw new Error('fixtures must load');
    expect(a.scenario.hash).toBe(b.scenario.hash);
    expect(c.scenario.hash).not.toBe(a.scenario.hash);
  });

  it('accepts // comments (the template uses them)', () => {
    const r = loadScenario(mechanics.replace('"schemaVersion": 1,', '// the format version\n  "schemaVersion": 1,'));
    expect(r.ok).toBe(true);
  });

  it('reports JSON syntax errors at their line and column with a hint', () => {
    const text = mechanics.replace('"locale": "en",', '"locale": "en"');
    const [d] = problems(text);
    expect(d).toMatchObject({ code: 'json-syntax', line: 7, col: 3 });
    expect(formatDiagnostic(d!)).toBe('call.json:7:3: error: JSON syntax: comma expected — add a comma between the two entries');
  });

  it('names a missing schemaVersion and a newer one in one clear message', () => {
    expect(lines(editedScenario('mechanics.json', (d) => delete d.schemaVersion))).toEqual([
      'call.json:1:1: error: the scenario has no "schemaVersion" — add "schemaVersion": 2 near the top',
    ]);
    expect(lines(editedScenario('mechanics.json', (d) => (d.schemaVersion = 3)))[0]).toMatch(/format version 3, and this game reads versions 1 to 2/);
    expect(lines(editedScenario('mechanics.json', (d) => (d.schemaVersion = '2')))[0]).toMatch(/"schemaVersion" is "2", which is no format version/);
  });

  it('points at a wrong type and says what to write instead', () => {
    const text = editedScenario('mechanics.json', (d) => (d.customer.mood = '50'));
    const [d] = problems(text);
    expect(formatDiagnostic(d!)).toMatch(/^call\.json:\d+:\d+: error: "customer\.mood" should be a number, not the text "50" — write 50 without quotes$/);
    expect(text.split('\n')[d!.line - 1]!.slice(d!.col - 1)).toMatch(/^"50"/);
  });

  it('suggests the property meant by a misspelt one, pointing at the key', () => {
    const text = editedScenario('mechanics.json', (d) => {
      d.nodes.hub.replies[1].mod = d.nodes.hub.replies[1].mood;
      delete d.nodes.hub.replies[1].mood;
    });
    const [d] = problems(text);
    expect(d!.message).toBe('"nodes.hub.replies[2]" has no property "mod"');
    expect(d!.hint).toMatch(/^did you mean "mood"\?/);
    expect(text.split('\n')[d!.line - 1]!.slice(d!.col - 1)).toMatch(/^"mod"/);
  });

  it('explains a positive deduction', () => {
    const [d] = problems(editedScenario('mechanics.json', (d) => (d.nodes.hub.replies[2].polite = 5)));
    expect(d!.message).toMatch(/politeness effects are deductions from 100/);
  });

  it('suggests an outcome for a misspelt one', () => {
    const [d] = problems(editedScenario('mechanics.json', (d) => (d.nodes['parted-end'].end = 'partd')));
    expect(d!.hint).toBe('did you mean "parted"?');
  });

  it('names a missing required field at its object', () => {
    const [d] = problems(editedScenario('mechanics.json', (d) => delete d.nodes.hub.replies[0].next));
    expect(formatDiagnostic(d!)).toMatch(/"nodes\.hub\.replies\[1\]" is missing "next" — add "next":/);
  });

  it('finds a next that names no node, with the likely one', () => {
    const [d] = problems(editedScenario('mechanics.json', (d) => (d.nodes.calmed.replies[1].next = 'retained-nd')));
    expect(d).toMatchObject({ code: 'unknown-node', message: '"next" names no node "retained-nd"' });
    expect(d!.hint).toMatch(/did you mean "retained-end"/);
  });

  it('finds undeclared facts in reveals, conditions and requires', () => {
    const ds = problems(
      editedScenario('mechanics.json', (d) => {
        d.nodes.hub.replies[0].reveals = 'acount-checked';
        d.nodes.calmed.replies[0].if = ['!warnd'];
        d.ideal[1].requires = ['nope'];
      }),
    );
    expect(ds.map((d) => d.code)).toEqual(['unknown-fact', 'unknown-fact', 'unknown-fact']);
    expect(ds.map((d) => d.message).sort()).toEqual(['fact "acount-checked" is not declared', 'fact "nope" is not declared', 'fact "warnd" is not declared']);
  });

  it('finds a node that can neither end nor continue, and an ending with replies', () => {
    const ds = problems(
      editedScenario('mechanics.json', (d) => {
        delete d.nodes['parted-end'].end;
        d.nodes['escalated-end'].replies = [{ say: 'x', next: 'hub' }];
      }),
    );
    expect(ds.map((d) => d.code).sort()).toEqual(['dead-end', 'ending-with-replies']);
  });

  it('requires the last branch to have no condition', () => {
    const [d] = problems(editedScenario('mechanics.json', (d) => (d.nodes.hub.replies[1].next = [{ to: 'calmed', if: 'mood>=40' }])));
    expect(d).toMatchObject({ code: 'no-default-branch' });
  });

  it('requires hangUp to name a hung-up ending', () => {
    const [d] = problems(editedScenario('mechanics.json', (d) => (d.hangUp = 'parted-end')));
    expect(d).toMatchObject({ code: 'bad-hang-up' });
  });

  it('finds duplicate keys, which JSON would silently drop', () => {
    const text = mechanics.replace('"parted-end": {', '"retained-end": { "say": "x", "end": "retained" },\n    "parted-end": {');
    const ds = problems(text);
    expect(ds[0]).toMatchObject({ code: 'duplicate-key', message: '"retained-end" appears twice in this object; the first one would be lost' });
  });

  it('rejects ids that are not lower-case words with dashes', () => {
    const [d] = problems(editedScenario('mechanics.json', (d) => (d.id = 'My Call')));
    expect(d!.message).toMatch(/lower-case words joined by dashes/);
  });

  it('reports something other than an object as not a scenario', () => {
    expect(problems('[1, 2]')[0]!.code).toBe('not-a-scenario');
    expect(problems('')[0]!.code).toBe('json-syntax');
  });

  it('never throws, whatever the input, and always says where', () => {
    const texts = [
      fc.string(),
      fc.json(),
      // A valid file with a random slice cut out or a random character put in.
      fc.tuple(fc.nat(mechanics.length), fc.nat(40)).map(([at, len]) => mechanics.slice(0, at) + mechanics.slice(at + len)),
      fc.tuple(fc.nat(mechanics.length), fc.constantFrom('{', '}', '"', ',', ':', '[', '1', 'null', '-')).map(([at, c]) => mechanics.slice(0, at) + c + mechanics.slice(at)),
      // The right shape with wrong values anywhere.
      fc.tuple(fc.constantFrom('customer', 'ideal', 'nodes', 'scoring', 'facts', 'timeout', 'start'), fc.jsonValue()).map(([key, value]) =>
        editedScenario('mechanics.json', (d) => (d[key] = value)),
      ),
    ];
    fc.assert(
      fc.property(fc.oneof(...texts), (text) => {
        const r = loadScenario(text, 'fuzz.json');
        if (!r.ok) {
          expect(r.diagnostics.length).toBeGreaterThan(0);
          for (const d of r.diagnostics) {
            expect(d.code).not.toBe('internal');
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.col).toBeGreaterThanOrEqual(1);
            expect(d.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
