// `npm run scenario -- migrate`: files of format version 1 rewritten for version 2. A call's
// own file only changes its "schemaVersion" (version 2 reads every version-1 file the same), as
// an edit of the text, so comments and layout stay. A whole-file translation becomes a string
// table of its texts (engine/translation/fromTranslation.ts), checked by composing it back.
// Pure: the caller reads and writes the files.
import { applyEdits, modify } from 'jsonc-parser';
import { formatDiagnostic, loadScenario, type Scenario } from '../../engine/index.js';
import { SCHEMA_VERSION } from '../../engine/format/schema.js';
import { isTableValue, mayBeTable } from '../../engine/translation/compose.js';
import { tableFromTranslation, TranslationError } from '../../engine/translation/fromTranslation.js';
import type { SourceText } from '../../engine/translation/loadFiles.js';

export type Migration =
  | { readonly file: string; readonly action: 'version'; readonly text: string }
  | { readonly file: string; readonly action: 'table'; readonly text: string; readonly original: string }
  | { readonly file: string; readonly action: 'current'; readonly text: null }
  | { readonly file: string; readonly action: 'refused'; readonly text: null; readonly why: string };

/** The text with "schemaVersion" set to the newest version, nothing else touched. */
export function withNewestVersion(text: string): string {
  const edits = modify(text, ['schemaVersion'], SCHEMA_VERSION, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  return applyEdits(text, edits);
}

const dirOf = (file: string) => file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
const baseOf = (file: string) => file.slice(dirOf(file).length);

interface Loaded {
  readonly source: SourceText;
  readonly scenario: Scenario;
}

/**
 * What migrating these files does, file by file, in the order given. A translation's original
 * is the call's `<id>.json` in the same folder, else its "en" file, else the first by name —
 * as when tables are loaded. A file that does not load is refused with its first error.
 */
export function migrateFiles(files: readonly SourceText[]): Migration[] {
  const loaded = new Map<string, Loaded>();
  const out = new Map<string, Migration>();
  for (const f of files) {
    if (mayBeTable(f.text)) {
      try {
        if (isTableValue(JSON.parse(f.text))) {
          out.set(f.file, { file: f.file, action: 'current', text: null });
          continue;
        }
      } catch {
        // Not plain JSON: the loader below says what is wrong.
      }
    }
    const r = loadScenario(f.text, f.file);
    if (!r.ok) {
      const first = r.diagnostics.find((d) => d.severity === 'error');
      out.set(f.file, { file: f.file, action: 'refused', text: null, why: `it does not load: ${first ? formatDiagnostic(first) : 'unknown problem'}` });
      continue;
    }
    if (r.scenario.schemaVersion === SCHEMA_VERSION) out.set(f.file, { file: f.file, action: 'current', text: null });
    else loaded.set(f.file, { source: f, scenario: r.scenario });
  }
  const all = [...loaded.values()];
  for (const here of all) {
    const { id, locale } = here.scenario;
    const dir = dirOf(here.source.file);
    const family = all.filter((o) => o.scenario.id === id && dirOf(o.source.file) === dir);
    const rank = (o: Loaded) => (baseOf(o.source.file) === `${id}.json` ? 0 : o.scenario.locale === 'en' ? 1 : 2);
    const original = [...family].sort((a, b) => rank(a) - rank(b) || (a.source.file < b.source.file ? -1 : 1))[0]!;
    if (original === here || locale === original.scenario.locale) {
      out.set(here.source.file, { file: here.source.file, action: 'version', text: withNewestVersion(here.source.text) });
      continue;
    }
    try {
      const migratedOriginal = { file: original.source.file, text: withNewestVersion(original.source.text) };
      out.set(here.source.file, { file: here.source.file, action: 'table', text: tableFromTranslation(migratedOriginal, { file: here.source.file, text: withNewestVersion(here.source.text) }), original: original.source.file });
    } catch (e) {
      const why = e instanceof TranslationError ? e.message : String(e);
      out.set(here.source.file, { file: here.source.file, action: 'refused', text: null, why: `it translates ${original.source.file} but cannot become a string table: ${why}` });
    }
  }
  return files.map((f) => out.get(f.file)!);
}
