// A folder's worth of scenario files loaded into calls: originals and whole-file translations
// (format version 1 or 2, each loaded on its own, as always) and string tables (composed with
// the original of their "translates" id in the same folder). The game's library, the server's
// library and lint all load folders through this. Pure: the caller reads the files.
import type { Diagnostic } from '../errors.js';
import type { Scenario } from '../format/model.js';
import { JsonDocument } from '../load/jsonDocument.js';
import { loadScenario } from '../load/loadScenario.js';
import { composeTable, isTableValue, mayBeTable, type Original } from './compose.js';

export interface SourceText {
  readonly file: string;
  readonly text: string;
}

export type LoadedFile =
  | {
      readonly file: string;
      readonly ok: true;
      /** "scenario": a call file (an original or a whole-file translation); "table": a string table. */
      readonly kind: 'scenario' | 'table';
      readonly scenario: Scenario;
      /** The text whose loading gives this scenario and its hash: the file's own, or a table's composed call. */
      readonly text: string;
      /** The file as written (the table, for a table), for line and column. */
      readonly doc: JsonDocument;
      /** For a table: the file of its original. */
      readonly original: string | null;
      readonly diagnostics: readonly Diagnostic[];
    }
  | {
      readonly file: string;
      readonly ok: false;
      readonly kind: 'scenario' | 'table';
      readonly doc: JsonDocument;
      readonly original: string | null;
      readonly diagnostics: readonly Diagnostic[];
    };

const dirOf = (file: string) => file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
const baseOf = (file: string) => file.slice(dirOf(file).length);

/** The translates id of a table's text, or null when the text is not a table. */
function tableTarget(text: string, file: string): { doc: JsonDocument; id: unknown } | null {
  if (!mayBeTable(text)) return null;
  const doc = new JsonDocument(text, file);
  return isTableValue(doc.value) ? { doc, id: (doc.value as Record<string, unknown>).translates } : null;
}

/**
 * Loads every file; results in the order given. A table's original is the call file of its
 * "translates" id in the same folder: `<id>.json` if that is one, else the one in "en", else the
 * first by name.
 */
export function loadScenarioFiles(files: readonly SourceText[]): LoadedFile[] {
  const results = new Map<string, LoadedFile>();
  const tables: (SourceText & { target: { doc: JsonDocument; id: unknown } })[] = [];
  for (const f of files) {
    const target = tableTarget(f.text, f.file);
    if (target) {
      tables.push({ ...f, target });
      continue;
    }
    const r = loadScenario(f.text, f.file);
    results.set(
      f.file,
      r.ok
        ? { file: f.file, ok: true, kind: 'scenario', scenario: r.scenario, text: f.text, doc: r.doc, original: null, diagnostics: r.diagnostics }
        : { file: f.file, ok: false, kind: 'scenario', doc: r.doc, original: null, diagnostics: r.diagnostics },
    );
  }
  for (const t of tables) results.set(t.file, loadTable(t, files, results));
  return files.map((f) => results.get(f.file)!);
}

function loadTable(t: SourceText & { target: { doc: JsonDocument; id: unknown } }, files: readonly SourceText[], results: ReadonlyMap<string, LoadedFile>): LoadedFile {
  const target = t.target;
  const id = typeof target.id === 'string' ? target.id : '';
  const dir = dirOf(t.file);
  // Candidates: call files in the same folder, by id once loaded, or by name when they do not load.
  const candidates = files
    .filter((f) => f.file !== t.file && dirOf(f.file) === dir)
    .map((f) => results.get(f.file))
    .filter((r): r is LoadedFile => r !== undefined && r.kind === 'scenario')
    .filter((r) => (r.ok ? r.scenario.id === id : baseOf(r.file) === `${id}.json`));
  const rank = (r: LoadedFile) => (baseOf(r.file) === `${id}.json` ? 0 : r.ok && r.scenario.locale === 'en' ? 1 : 2);
  const original = [...candidates].sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : 1))[0];
  if (!original) {
    const doc = target.doc;
    const message = id ? `no call "${id}" in this folder for this table to translate (looked for ${dir}${id}.json)` : 'this table does not say which call it translates';
    return { file: t.file, ok: false, kind: 'table', doc, original: null, diagnostics: [doc.diagnostic(['translates'], 'error', 'no-original', message, 'put the table in the folder of its original, and write the original\'s "id" under "translates"')] };
  }
  if (!original.ok) {
    const doc = target.doc;
    return { file: t.file, ok: false, kind: 'table', doc, original: original.file, diagnostics: [doc.diagnostic(['translates'], 'error', 'original-broken', `the original of this table, ${original.file}, does not load`, `fix it first (npm run scenario -- lint ${original.file})`)] };
  }
  const from: Original = { file: original.file, doc: original.doc, scenario: original.scenario };
  const c = composeTable(from, t.text, t.file, target.doc);
  return c.ok
    ? { file: t.file, ok: true, kind: 'table', scenario: c.scenario, text: c.text, doc: c.doc, original: original.file, diagnostics: c.diagnostics }
    : { file: t.file, ok: false, kind: 'table', doc: c.doc, original: original.file, diagnostics: c.diagnostics };
}
