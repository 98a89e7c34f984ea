// Migrating to format 2 changes no score. The shipped calls as they were in format 1 (kept in
// fixtures/v1-calls, originals and whole-file translations) are migrated and both versions are
// played side by side: the same model, every golden plan, and random calls with pinned seeds
// give identical score cards and reviews. Then the command itself on a folder: comments kept,
// a second run changes nothing, a translation that is more than words is refused, untouched.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Session, loadScenario, reviewCall, type Scenario } from '../../src/engine/index.js';
import { loadScenarioFiles, type SourceText } from '../../src/engine/translation/loadFiles.js';
import { parsePlanFile } from '../../src/tools/plans/planFile.js';
import { playPlan } from '../../src/tools/plans/playPlan.js';
import { migrateFiles } from '../../src/tools/migrate/migrateFiles.js';
import { cli, SCENARIOS } from './support.js';

const V1 = join(import.meta.dirname, 'fixtures/v1-calls');
const before: SourceText[] = readdirSync(V1).sort().map((f) => ({ file: `scenarios/${f}`, text: readFileSync(join(V1, f), 'utf8') }));
const migrated = migrateFiles(before);
const after: SourceText[] = migrated.map((m, i) => ({ file: m.file, text: m.text ?? before[i]!.text }));
const loadedAfter = loadScenarioFiles(after);

function v1(file: string): Scenario {
  const r = loadScenario(before.find((f) => f.file === file)!.text, file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.scenario;
}
function v2(file: string): Scenario {
  const r = loadedAfter.find((f) => f.file === file)!;
  if (!r.ok) throw new Error(`${file} does not load after migrating`);
  return r.scenario;
}

/** The model without what says which file and version it came from. */
const model = (s: Scenario) => ({ ...s, schemaVersion: null, hash: null, file: null });

/** A call played with a pinned seed, each turn the reply `picks[turn]` of those on offer sorted by id. */
function playPicks(s: Scenario, seed: number, picks: readonly number[]): Session {
  const session = new Session(s, { seed, mode: 'practice' });
  session.answer();
  for (let turn = 0; !session.ended && turn < 40; turn++) {
    if (session.view.phase === 'working') {
      session.advance(1_000);
      turn--;
      continue;
    }
    const offered = [...session.view.replies].sort((a, b) => (a.id < b.id ? -1 : 1));
    session.choose(offered[picks[turn % picks.length]! % offered.length]!.n);
  }
  return session;
}

describe('migrating the shipped calls from format 1', () => {
  it('rewrites every file: originals to version 2, whole-file translations to string tables', () => {
    expect(migrated.map((m) => `${m.file} ${m.action}`)).toEqual(
      before.map((f) => `${f.file} ${/\.(ru|pl)\.json$/.test(f.file) ? 'table' : 'version'}`),
    );
    for (const r of loadedAfter) expect(r.ok, r.file).toBe(true);
  });

  for (const { file } of before) {
    it(`${file}: the same call, the same scores on every golden plan and on random calls`, () => {
      const old = v1(file);
      const now = v2(file);
      expect(now.schemaVersion).toBe(2);
      expect(model(now)).toEqual(model(old));
      const plansFile = join(SCENARIOS, `${old.id}.plans.json`);
      // Every call but the tutorial has golden plans; the random calls compare them all.
      const parsed = existsSync(plansFile) ? parsePlanFile(readFileSync(plansFile, 'utf8'), plansFile) : null;
      if (old.id !== 'first-call') expect(parsed?.ok, plansFile).toBe(true);
      const plans = parsed?.ok ? parsed.plans : [];
      if (old.id !== 'first-call') expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) {
        const a = playPlan(old, plan);
        const b = playPlan(now, plan);
        expect([plan.name, b.stopped, b.ending, b.score]).toEqual([plan.name, a.stopped, a.ending, a.score]);
      }
      for (let seed = 1; seed <= 12; seed++) {
        const picks = [seed, seed * 7, seed * 3 + 1, seed * 5 + 2];
        const a = playPicks(old, seed, picks);
        const b = playPicks(now, seed, picks);
        expect(b.score()).toEqual(a.score());
        expect(reviewCall(now, b.transcript()).turns).toEqual(reviewCall(old, a.transcript()).turns);
      }
    });
  }
});

describe('npm run scenario -- migrate', () => {
  const temp = mkdtempSync(join(tmpdir(), 'htl-migrate-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('keeps comments, is done once, and refuses a translation that changed more than words', () => {
    cpSync(V1, temp, { recursive: true });
    const first = join(temp, 'first-call.json');
    writeFileSync(first, readFileSync(first, 'utf8').replace('{\n', '{\n  // A trainer\'s note that must survive.\n'));
    const ru = join(temp, 'update-warning.ru.json');
    const ruBroken = JSON.parse(readFileSync(ru, 'utf8'));
    ruBroken.customer.mood = 5;
    writeFileSync(ru, JSON.stringify(ruBroken, null, 2));
    const ruBefore = readFileSync(ru, 'utf8');

    const run = cli(['migrate', temp]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('first-call.json: format version 1 → 2');
    expect(run.stdout).toContain('never-satisfied.ru.json: a whole-file translation → a string table of its texts');
    expect(run.stdout).toMatch(/update-warning\.ru\.json: not migrated — .*customer\.mood/);
    expect(readFileSync(first, 'utf8')).toContain("// A trainer's note that must survive.");
    expect(readFileSync(first, 'utf8')).toContain('"schemaVersion": 2');
    expect(readFileSync(ru, 'utf8')).toBe(ruBefore);

    const again = cli(['migrate', join(temp, 'first-call.json'), join(temp, 'never-satisfied.ru.json')]);
    expect(again.stdout).toContain('first-call.json: already format version 2');
    expect(again.stdout).toContain('never-satisfied.ru.json: already format version 2');
    expect(again.status).toBe(0);
  });
});
