// The translator's workflow on the command line — export a PO file, translate it, import it,
// lint — and the checker on string tables and on a translation linted alone.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { Session, loadScenarioFiles, sourceHash, tableFromTranslation, formatDiagnostic, type Scenario } from '../../src/engine/index.js';
import { lintScenarios } from '../../src/tools/lint/lintScenarios.js';
import { parsePlanFile } from '../../src/tools/plans/planFile.js';
import { expectationOf, planDifferences, playPlan } from '../../src/tools/plans/playPlan.js';
import { ROOT, SCENARIOS, cli } from './support.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'scenario-translate-'));
/** The shipped translations as written in format version 1, with their originals (a frozen copy). */
const V1 = join(ROOT, 'tests/engine/fixtures/translations-v1');
const V1_PLANS = join(ROOT, 'tests/engine/fixtures/translations-v1-plans');
const read = (f: string) => readFileSync(f, 'utf8');

/** A folder holding a copy of a shipped original (and the schemas, so "$schema" resolves). */
function folderWith(...names: string[]): string {
  const dir = tmp();
  for (const n of names) copyFileSync(join(V1, n), join(dir, n));
  for (const n of ['scenario.schema.json', 'strings.schema.json']) copyFileSync(join(SCENARIOS, n), join(dir, n));
  return dir;
}

/** Plays replies by id, checking the customer's line before each, and returns what was said. */
function playById(s: Scenario, steps: readonly [string, string][]) {
  const session = new Session(s, { seed: 3, mode: 'practice' });
  session.answer();
  const heard: string[] = [];
  for (const [node, reply] of steps) {
    expect(session.view.line?.id).toBe(node);
    heard.push(session.view.line!.say);
    const r = session.view.replies.find((x) => x.id === reply)!;
    heard.push(r.say);
    session.choose(r.n);
    for (let i = 0; i < 10_000 && session.view.phase === 'working'; i++) session.advance(100);
  }
  return { heard, ending: session.context.ending?.node ?? null, score: session.score() };
}

const UKRAINIAN = (text: string) => `Укр: ${text}`;

describe('export → translate → import → lint', () => {
  it('round-trips a call through a PO file, and the composed call plays in the new language', () => {
    const dir = folderWith('never-satisfied.json');
    const original = join(dir, 'never-satisfied.json');
    const poFile = join(dir, 'ns.po');
    const exp = cli(['export', original, '--locale', 'uk', '--out', poFile]);
    expect(exp.stderr).toBe('');
    expect(exp.status).toBe(0);
    expect(exp.stdout).toContain('147 texts');

    // What a translator's PO editor shows: context, speaker, the trainer's notes, the place.
    const catalogue = po.parse(read(poFile));
    expect(catalogue.headers).toMatchObject({ Language: 'uk', 'X-Scenario': 'never-satisfied' });
    const listen = catalogue.translations['reply.listen']!["I'm sorry you had such a long wait. Please tell me what's gone wrong; I'm listening."]!;
    expect(listen.comments!.extracted).toContain('Speaker: the trainee');
    expect(listen.comments!.extracted).toContain("Trainer's comment on this reply: Apologise for what is plainly true");
    expect(listen.comments!.reference).toMatch(/never-satisfied\.json:\d+$/);
    const opening = Object.values(catalogue.translations['line.opening']!)[0]!;
    expect(opening.comments!.extracted).toContain('Speaker: the customer, Diane Carver.');
    expect(opening.comments!.extracted).toContain('captions over 170 characters are set smaller');

    // The translator fills in everything, leaves the brief empty and is unsure of the title.
    for (const [ctx, byId] of Object.entries(catalogue.translations)) {
      for (const entry of Object.values(byId)) {
        if (ctx === '' || ctx === 'brief') continue;
        entry.msgstr = [UKRAINIAN(entry.msgid)];
        if (ctx === 'title') entry.comments = { ...entry.comments, flag: 'fuzzy' };
      }
    }
    writeFileSync(poFile, po.compile(catalogue));
    const imp = cli(['import', poFile]);
    expect(imp.status).toBe(0);
    const table = join(dir, 'never-satisfied.uk.json');
    expect(imp.stdout).toContain(`wrote ${table}: 145 string(s) imported`);
    expect(imp.stdout).toContain('marked fuzzy (review them, clear "fuzzy", import again): title');
    expect(imp.stdout).toContain('not translated yet: 1 (brief)');
    const written = JSON.parse(read(table));
    expect(written).toMatchObject({ schemaVersion: 2, translates: 'never-satisfied', locale: 'uk' });
    expect(written.strings['reply.listen']).toEqual({ source: sourceHash(listen.msgid), text: UKRAINIAN(listen.msgid) });

    // The composed call plays in Ukrainian, to the same scores as the original.
    const files = [original, table].map((file) => ({ file, text: read(file) }));
    const [en, uk] = loadScenarioFiles(files);
    if (!en!.ok || !uk!.ok) throw new Error([...en!.diagnostics, ...uk!.diagnostics].map(formatDiagnostic).join('\n'));
    expect(uk!.scenario.locale).toBe('uk');
    const steps: [string, string][] = [
      ['opening', 'listen'],
      ['complaints', 'open-account'],
      ['account-open', 'own-and-offer'],
    ];
    const a = playById(en!.scenario, steps);
    const b = playById(uk!.scenario, steps);
    expect(b.heard).toEqual(a.heard.map(UKRAINIAN));
    expect(b.score).toEqual(a.score);
    expect(uk!.scenario.title).toBe('Nothing is ever right'); // the fuzzy title was not imported

    // The trainer's tools take the table as the call it composes to.
    const sim = cli(['simulate', table]);
    expect([sim.status, sim.stdout.split('\n')[0]]).toEqual([0, `${table}: "Nothing is ever right" (never-satisfied, uk)`]);

    // lint names what is left: the two untranslated strings, in the table.
    const lint = cli(['lint', table]);
    expect(lint.status).toBe(1);
    const missing = lint.stdout.split('\n').filter((l) => l.includes('missing-string') || l.includes('no "'));
    expect(missing.map((l) => /no "([^"]+)" in this table/.exec(l)?.[1])).toEqual(['title', 'brief']);
    expect(missing[0]).toMatch(new RegExp(`^${table.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: warning: `));

    // The original changes: the exported catalogue marks the changed text fuzzy, lint calls it stale.
    writeFileSync(original, read(original).replace("I'm sorry you had such a long wait.", "I'm so sorry you had such a long wait."));
    const again = cli(['export', original, '--locale', 'uk', '--out', poFile]);
    expect(again.stdout).toContain('145 already translated');
    expect(again.stdout).toContain('1 marked fuzzy');
    const stale = cli(['lint', table]).stdout.split('\n').filter((l) => l.includes('"reply.listen" was translated from an older text'));
    expect(stale).toHaveLength(1);
    expect(stale[0]).toContain(`"source": "${sourceHash("I'm so sorry you had such a long wait. Please tell me what's gone wrong; I'm listening.")}"`);
  }, 120_000);

  it('refuses a PO file without a language, and an export into the original\'s own language', () => {
    const dir = folderWith('never-satisfied.json');
    const poFile = join(dir, 'x.po');
    expect(cli(['export', join(dir, 'never-satisfied.json'), '--locale', 'en', '--out', poFile]).status).toBe(1);
    expect(cli(['export', join(dir, 'never-satisfied.json')]).status).toBe(2);
    writeFileSync(join(dir, 'never-satisfied.uk.json'), JSON.stringify({ schemaVersion: 2, translates: 'never-satisfied', locale: 'uk', strings: {} }));
    const fromTable = cli(['export', join(dir, 'never-satisfied.uk.json'), '--locale', 'uk', '--out', poFile]);
    expect([fromTable.status, fromTable.stderr]).toEqual([1, expect.stringContaining('is a string table; export from the original it translates')]);
    writeFileSync(poFile, `msgid ""\nmsgstr ""\n"X-Original: ${join(dir, 'never-satisfied.json')}\\n"\n\nmsgctxt "title"\nmsgid "Nothing is ever right"\nmsgstr "Все не так"\n`);
    const r = cli(['import', poFile]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no "Language" header');
  }, 60_000);
});

describe.each([
  ['never-satisfied', 'ru'],
  ['never-satisfied', 'pl'],
  ['update-warning', 'ru'],
  ['update-warning', 'pl'],
])('the shipped %s in %s (format 1) turned into a table', (id, locale) => {
  it('plays every golden plan of the call as pinned, exactly as the whole-file translation does', () => {
    const original = { file: `scenarios/${id}.json`, text: read(join(V1, `${id}.json`)) };
    const whole = { file: `scenarios/${id}.${locale}.json`, text: read(join(V1, `${id}.${locale}.json`)) };
    const table = { file: whole.file, text: tableFromTranslation(original, whole) };
    const [, composed] = loadScenarioFiles([original, table]);
    const [, v1] = loadScenarioFiles([original, whole]);
    if (!composed!.ok || !v1!.ok) throw new Error('does not load');
    // The plans pinned when those files were current (the shipped calls have moved on since).
    const plans = parsePlanFile(read(join(V1_PLANS, `${id}.plans.json`)), `${id}.plans.json`);
    if (!plans.ok) throw new Error(plans.diagnostics.map(formatDiagnostic).join('\n'));
    expect(plans.plans.length).toBeGreaterThanOrEqual(2);
    for (const plan of plans.plans) {
      expect(planDifferences(composed!.scenario, plan), plan.name).toEqual([]);
      const a = playPlan(composed!.scenario, plan);
      const b = playPlan(v1!.scenario, plan);
      expect(expectationOf(a), plan.name).toEqual(expectationOf(b));
      expect(a.session.transcript().events).toEqual(b.session.transcript().events);
      a.session.stop();
      b.session.stop();
    }
  });
});

describe('lint on translations', () => {
  const original = { file: join(V1, 'never-satisfied.json'), text: read(join(V1, 'never-satisfied.json')) };
  const ru = { file: join(V1, 'never-satisfied.ru.json'), text: read(join(V1, 'never-satisfied.ru.json')) };
  const env = { fileExists: () => true, readFile: (p: string) => (p === original.file ? original.text : null) };

  it('loads the original of a whole-file translation linted alone, and names each field that differs with both values', () => {
    const changed = { ...ru, text: ru.text.replace('"mood": 25', '"mood": 40').replace('"judgment": -15', '"judgment": -5') };
    const ds = lintScenarios([changed], env).filter((d) => d.code === 'translation-mismatch');
    expect(ds.map((d) => d.message.split(': ').slice(1).join(': '))).toEqual([
      'customer.mood is 40 here and 25 in the original',
      'reply 2 ("discount-first") of node "opening": judgment is -5 here and -15 in the original',
    ]);
    expect(ds[0]).toMatchObject({ file: ru.file, line: 13, col: 5 });
    expect(ds[0]!.message).toContain(`(en, ${original.file}:13:5)`);
    // Without a way to read it, the original stays unknown (as before): nothing to compare.
    expect(lintScenarios([changed], { fileExists: () => true }).filter((d) => d.code === 'translation-mismatch')).toEqual([]);
  });

  it('compares what format 2 adds too: entry effects, an ending\'s credit, memory changes', () => {
    const file = join(ROOT, 'tests/engine/fixtures/memory.json');
    const text = read(file);
    const copy = JSON.parse(text);
    copy.locale = 'ru';
    const [withEnter] = Object.entries<any>(copy.nodes).find(([, n]) => n.enter)!;
    copy.nodes[withEnter].enter.mood -= 5;
    const [ending] = Object.entries<any>(copy.nodes).find(([, n]) => n.credit !== undefined)!;
    copy.nodes[ending].credit = 50;
    copy.nodes.opening.replies[0].set = 'pushes+2';
    const ds = lintScenarios([{ file, text }, { file: file.replace('.json', '.ru.json'), text: JSON.stringify(copy, null, 2) }], { fileExists: () => true });
    const said = ds.filter((d) => d.code === 'translation-mismatch').map((d) => d.message.split('): ').slice(1).join('): '));
    expect(said).toContain(`node "${withEnter}": enter.mood is -20 here and -15 in the original`);
    expect(said).toContain(`node "${ending}": credit is 50 here and 0 in the original`);
    expect(said.some((m) => m.startsWith('reply 1 ("verify") of node "opening": set[1] is {"kind":"counter"') && m.endsWith('here and absent in the original'))).toBe(true);
  });

  it('does not report the original it read for the comparison', () => {
    const ds = lintScenarios([ru], env);
    expect(ds.filter((d) => d.file === original.file)).toEqual([]);
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports a table\'s missing, extra and stale strings and its missing voices, each in the table', () => {
    const t = JSON.parse(tableFromTranslation(original, ru));
    delete t.strings['line.complaints'];
    t.strings['reply.listen'].source = '00000000';
    t.strings['fact.nowhere'] = { text: 'x' };
    t.voices = { opening: 'voice/never-satisfied/ru/opening.webm' };
    const table = { file: join(V1, 'never-satisfied.uk.json'), text: JSON.stringify({ ...t, locale: 'uk' }, null, 2) };
    const ds = lintScenarios([table], { fileExists: (p) => !p.endsWith('.webm'), readFile: env.readFile });
    expect(ds.map((d) => [d.code, d.severity, d.path.join('/')])).toEqual([
      ['missing-string', 'warning', 'strings'],
      ['stale-string', 'warning', 'strings/reply.listen/source'],
      ['extra-string', 'warning', 'strings/fact.nowhere'],
      ['missing-voice', 'warning', 'voices/opening'],
    ]);
    expect(ds.every((d) => d.file === table.file && d.line > 1 && d.hint)).toBe(true);
    // Named with its original, a table is checked the same, and the original on its own terms.
    const both = lintScenarios([original, table], { fileExists: (p) => !p.endsWith('.webm') });
    expect(both.filter((d) => d.file === table.file).map((d) => d.code)).toEqual(ds.map((d) => d.code));
  });

  it('reports a table whose original is nowhere to be found as an error', () => {
    const table = { file: join(V1, 'nothing-here.uk.json'), text: JSON.stringify({ $schema: './strings.schema.json', schemaVersion: 2, translates: 'nothing-here', locale: 'uk', strings: {} }) };
    const ds = lintScenarios([table], env);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['no-original', 'error']]);
  });
});
