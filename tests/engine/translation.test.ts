// String tables (translation/): composing a table with its original gives the call in the
// table's language — on every shipped translation exactly the call its whole-file version is,
// playing to the same scores — and every problem of a table is named at its place in the table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringsJsonSchema } from '../../src/engine/format/jsonSchema.js';
import {
  Session,
  composeTable,
  contentHash,
  formatDiagnostic,
  loadScenario,
  loadScenarioFiles,
  sourceHash,
  tableFromTranslation,
  textsOf,
  TranslationError,
  type Diagnostic,
  type Scenario,
  type SourceText,
} from '../../src/engine/index.js';
import { FIXTURE_DIR, SCENARIO_DIR } from './support.js';

const SHIPPED = [
  ['never-satisfied', 'ru'],
  ['never-satisfied', 'pl'],
  ['update-warning', 'ru'],
  ['update-warning', 'pl'],
] as const;

/** The shipped translations as they were written in format version 1, with their originals. */
const V1 = join(FIXTURE_DIR, 'translations-v1');
const source = (name: string, dir = V1): SourceText => ({ file: `scenarios/${name}`, text: readFileSync(join(dir, name), 'utf8') });

function loaded(src: SourceText) {
  const r = loadScenario(src.text, src.file);
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r;
}

/** What a scenario is, without where it came from and its version's hash. */
const essence = (s: Scenario) => ({ ...s, hash: undefined, file: undefined });

/** A call played with replies chosen by a seeded walk over their ids (never their shuffled place). */
function walk(s: Scenario, seed: number) {
  const session = new Session(s, { seed: 7, mode: 'practice' });
  session.answer();
  let x = seed;
  for (let turn = 0; turn < 40 && session.view.phase === 'listening'; turn++) {
    const ids = session.view.replies.map((r) => r.id).sort();
    x = (x * 1103515245 + 12345) % 2147483648;
    const id = ids[x % ids.length]!;
    session.choose(session.view.replies.find((r) => r.id === id)!.n);
    for (let guard = 0; guard < 10_000 && (session.view.phase as string) === 'working'; guard++) session.advance(100);
  }
  return { ending: session.context.ending?.node ?? null, score: session.score(), turn: session.view.turn, said: session.view.line?.say ?? null };
}

function composed(original: SourceText, tableText: string, file = 'scenarios/x.uk.json') {
  const o = loaded(original);
  return composeTable({ file: original.file, doc: o.doc, scenario: o.scenario }, tableText, file);
}

const at = (ds: readonly Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe.each(SHIPPED)('the shipped %s in %s (format 1) as a string table', (id, locale) => {
  const original = source(`${id}.json`);
  const translation = source(`${id}.${locale}.json`);
  const table = tableFromTranslation(original, translation);
  const whole = loaded(translation).scenario;
  const result = composed(original, table, `scenarios/${id}.${locale}.json`);
  if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));

  it('holds every text of the call, each with the hash of the original text, and nothing else', () => {
    const value = JSON.parse(table);
    expect(value).toMatchObject({ schemaVersion: 2, translates: id, locale, $schema: './strings.schema.json' });
    const texts = textsOf(JSON.parse(original.text));
    expect(Object.keys(value.strings)).toEqual(texts.map((t) => t.key));
    for (const t of texts) expect(value.strings[t.key].source, t.key).toBe(sourceHash(t.text));
    expect(result.diagnostics).toEqual([]);
  });

  it('composes to the same call as the whole-file translation: same texts, same structure', () => {
    expect(essence(result.scenario)).toEqual(essence(whole));
    expect(result.scenario.locale).toBe(locale);
  });

  it('plays to the same endings and scores', () => {
    for (let seed = 1; seed <= 25; seed++) expect(walk(result.scenario, seed), `seed ${seed}`).toEqual(walk(whole, seed));
  });

  it('is named by the hash of the composed call, which its composed text reloads to', () => {
    const again = loadScenario(result.text, 'stored.json');
    expect(again.ok && again.scenario.hash).toBe(result.scenario.hash);
    expect(result.scenario.hash).toBe(contentHash(JSON.parse(result.text)));
    expect(result.scenario.hash).not.toBe(loaded(original).scenario.hash);
  });
});

describe('composing a table', () => {
  const original = source('never-satisfied.json');
  const full = JSON.parse(tableFromTranslation(original, source('never-satisfied.ru.json')));
  const text = (edit: (t: any) => void) => {
    const t = structuredClone(full);
    edit(t);
    return JSON.stringify(t, null, 2);
  };

  it('falls back to the original for a missing string and says so, in the table', () => {
    const r = composed(original, text((t) => delete t.strings['line.opening']));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const english = loaded(original).scenario.nodes.get('opening')!.say;
    expect(r.scenario.nodes.get('opening')!.say).toBe(english);
    const [d] = at(r.diagnostics, 'missing-string');
    expect(d).toMatchObject({ severity: 'warning', file: 'scenarios/x.uk.json', line: 6, col: 3 });
    expect(d!.message).toContain('"line.opening"');
    expect(d!.hint).toContain(`"source": "${sourceHash(english)}"`);
  });

  it('reports a string translated from an older text as stale, at its source hash', () => {
    const changed = { file: original.file, text: original.text.replace('Nothing is ever right', 'Nothing is ever right enough') };
    const r = composed(changed, JSON.stringify(full, null, 2));
    const stale = at(r.diagnostics, 'stale-string');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ line: 8, path: ['strings', 'title', 'source'] });
    expect(stale[0]!.message).toContain('Nothing is ever right enough');
    expect(stale[0]!.hint).toContain(sourceHash('Nothing is ever right enough'));
  });

  it('reports a string without a source hash as one whose freshness is unknown', () => {
    const r = composed(original, text((t) => delete t.strings.brief.source));
    expect(at(r.diagnostics, 'stale-string')[0]!.message).toContain('"brief" has no "source"');
  });

  it('reports a key the original does not have, guessing the one meant', () => {
    const r = composed(original, text((t) => (t.strings['line.openng'] = { text: 'Алло' })));
    const [d] = at(r.diagnostics, 'extra-string');
    expect(d!.message).toContain('"line.openng"');
    expect(d!.hint).toContain('did you mean "line.opening"?');
    expect(d!.line).toBeGreaterThan(6);
  });

  it('replaces the original voices with the table\'s, or none', () => {
    const uw = source('update-warning.json');
    const table = JSON.parse(tableFromTranslation(uw, source('update-warning.ru.json')));
    expect(Object.keys(table.voices).length).toBeGreaterThan(0);
    const silent = composed(uw, JSON.stringify({ ...table, voices: undefined }));
    expect(silent.ok && [...silent.scenario.nodes.values()].every((n) => n.voice === null)).toBe(true);
    const r = composed(uw, JSON.stringify({ ...table, voices: { ...table.voices, nowhere: 'x.webm' } }));
    expect(r.ok && r.scenario.nodes.get('opening')!.voice).toBe(table.voices.opening);
    expect(at(r.diagnostics, 'extra-voice')[0]!.path).toEqual(['voices', 'nowhere']);
  });

  it.each([
    ['a text that is not a string', (t: any): void => void (t.strings.title.text = 5), 'schema', ['strings', 'title', 'text']],
    ['an empty text', (t: any): void => void (t.strings.title.text = ''), 'schema', ['strings', 'title', 'text']],
    ['a malformed hash', (t: any): void => void (t.strings.title.source = 'xyz'), 'schema', ['strings', 'title', 'source']],
    ['an unknown property', (t: any): void => void (t.strings.title.note = 'x'), 'unknown-property', ['strings', 'title', 'note']],
    ['a newer version', (t: any): void => void (t.schemaVersion = 3), 'table-version', ['schemaVersion']],
    ['another call', (t: any): void => void (t.translates = 'update-warning'), 'wrong-original', ['translates']],
    ['the original\'s own language', (t: any): void => void (t.locale = 'en'), 'same-locale', ['locale']],
  ] as const)('refuses %s with its place and a hint', (_what, edit, code, path) => {
    const r = composed(original, text(edit));
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.severity === 'error')!;
    expect(d).toMatchObject({ code, path, file: 'scenarios/x.uk.json' });
    expect(d.line).toBeGreaterThan(1);
    expect(d.hint).toBeTruthy();
  });

  it('refuses broken JSON with the place of the mistake', () => {
    const r = composed(original, '{\n  "schemaVersion": 2,\n  "translates": "never-satisfied"\n  "locale": "uk"\n}');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'json-syntax', line: 4, col: 3 });
  });
});

describe('loading a folder', () => {
  const uw = source('update-warning.json');
  const ns = source('never-satisfied.json');
  const uwRu = source('update-warning.ru.json');
  const table = { file: 'scenarios/never-satisfied.uk.json', text: tableFromTranslation(ns, source('never-satisfied.pl.json')).replace('"locale": "pl"', '"locale": "uk"') };

  it('loads originals, whole-file translations and tables, in the order given', () => {
    const r = loadScenarioFiles([table, uw, uwRu, ns]);
    expect(r.map((f) => [f.file, f.ok, f.kind, f.ok ? `${f.scenario.id}/${f.scenario.locale}` : null, f.original])).toEqual([
      ['scenarios/never-satisfied.uk.json', true, 'table', 'never-satisfied/uk', 'scenarios/never-satisfied.json'],
      ['scenarios/update-warning.json', true, 'scenario', 'update-warning/en', null],
      ['scenarios/update-warning.ru.json', true, 'scenario', 'update-warning/ru', null],
      ['scenarios/never-satisfied.json', true, 'scenario', 'never-satisfied/en', null],
    ]);
    // A whole-file translation loads exactly as before, text and all.
    const whole = r[2]!;
    expect(whole.ok && whole.scenario.hash).toBe(loaded(uwRu).scenario.hash);
    expect(whole.ok && whole.text).toBe(uwRu.text);
  });

  it('says when a table has no original beside it', () => {
    const [r] = loadScenarioFiles([{ ...table, file: 'elsewhere/never-satisfied.uk.json' }, ns]);
    expect(r).toMatchObject({ ok: false, kind: 'table' });
    expect(r!.diagnostics[0]).toMatchObject({ code: 'no-original', path: ['translates'], line: 4 });
    expect(r!.diagnostics[0]!.message).toContain('elsewhere/never-satisfied.json');
  });

  it('says when a table\'s original does not load', () => {
    const broken = { file: ns.file, text: ns.text.replace('"schemaVersion": 1,', '"schemaVersion": 1') };
    const [r] = loadScenarioFiles([table, broken]);
    expect(r!.diagnostics[0]).toMatchObject({ code: 'original-broken', path: ['translates'] });
  });
});

describe('strings.schema.json', () => {
  it('is up to date with src/engine/format/strings.ts (run `npm run schema` if not)', () => {
    expect(readFileSync(join(SCENARIO_DIR, 'strings.schema.json'), 'utf8')).toBe(stringsJsonSchema());
  });
});

describe('any table text', () => {
  it('composes or is refused with diagnostics, never throws (fuzzed)', () => {
    const original = loaded(source('never-satisfied.json'));
    const base = JSON.parse(tableFromTranslation(source('never-satisfied.json'), source('never-satisfied.ru.json')));
    const keys = Object.keys(base.strings);
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.dictionary(fc.string(), fc.string()), fc.array(fc.string()));
    const mutation = fc.oneof(
      fc.tuple(fc.constantFrom(...keys), fc.constantFrom('text', 'source', 'extra'), value).map(([k, f, v]) => (t: any) => void (t.strings && typeof t.strings === 'object' && (t.strings[k] = { ...t.strings[k], [f]: v }))),
      fc.tuple(fc.constantFrom('schemaVersion', 'translates', 'locale', 'strings', 'voices', '$schema', 'other'), value).map(([f, v]) => (t: any) => (t[f] = v)),
      fc.constantFrom(...keys).map((k) => (t: any) => void (t.strings && typeof t.strings === 'object' && delete t.strings[k])),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.nat(40), (edits, cut) => {
        const t = structuredClone(base);
        for (const e of edits) e(t);
        const text = JSON.stringify(t, null, 2);
        for (const candidate of [text, text.slice(0, Math.max(0, text.length - cut))]) {
          const r = composeTable({ file: 'scenarios/never-satisfied.json', doc: original.doc, scenario: original.scenario }, candidate, 'scenarios/t.json');
          if (!r.ok) expect(r.diagnostics.some((d) => d.severity === 'error' && d.line >= 1 && d.col >= 1)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 10 },
    );
  });
});

describe('docs/translating.md', () => {
  it('shows a table that is valid and up to date with never-satisfied.json (only the rest missing)', () => {
    const guide = readFileSync(join(SCENARIO_DIR, '../docs/translating.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(guide)![1]!;
    const r = composed(source('never-satisfied.json', SCENARIO_DIR), example, 'scenarios/never-satisfied.uk.json');
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.code !== 'missing-string')).toEqual([]);
    expect(r.ok && r.scenario.title).toBe('Усе не так');
  });
});

describe('tableFromTranslation', () => {
  it('refuses a translation that differs in more than words, naming the field', () => {
    const ns = source('never-satisfied.json');
    const ru = source('never-satisfied.ru.json');
    const changed = { file: ru.file, text: ru.text.replace('"mood": 25', '"mood": 40') };
    expect(() => tableFromTranslation(ns, changed)).toThrow(TranslationError);
    expect(() => tableFromTranslation(ns, changed)).toThrow(/customer\.mood is 25 composed and 40 in the translation/);
  });

  it('refuses two files of different calls', () => {
    expect(() => tableFromTranslation(source('never-satisfied.json'), source('update-warning.ru.json'))).toThrow(/is call "update-warning", not "never-satisfied"/);
  });
});
