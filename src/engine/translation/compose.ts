// A string table composed with its original: the same call, the same structure, with the texts
// of the table's language. What it composes to is a scenario file's JSON value, loaded with the
// ordinary loader, so its content hash names exactly the call a trainee played in that language
// (the server stores that JSON and verifies transcripts against it). Missing strings fall back
// to the original's text; every problem of the table is reported at its place in the table.
import { closest } from 'fastest-levenshtein';
import type { Diagnostic, JsonPath } from '../errors.js';
import { hasErrors } from '../errors.js';
import type { Scenario } from '../format/model.js';
import { STRINGS_SCHEMA_VERSION, stringsSchema, type StringsParsed } from '../format/strings.js';
import { compileConformance } from '../load/conforms.js';
import { JsonDocument } from '../load/jsonDocument.js';
import { loadScenario } from '../load/loadScenario.js';
import { schemaDiagnostics } from '../load/schemaIssues.js';
import { deleteAt, examplesOf, setAt, sourceHash, textsOf, voicesOf } from './texts.js';

/** An original that loaded: its file, its document (the value as written) and the scenario. */
export interface Original {
  readonly file: string;
  readonly doc: JsonDocument;
  readonly scenario: Scenario;
}

export type TableResult =
  | { readonly ok: true; readonly table: StringsParsed; readonly doc: JsonDocument; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly doc: JsonDocument; readonly diagnostics: readonly Diagnostic[] };

export type ComposeResult =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      /** The composed call as JSON: loading it gives the same scenario and the same hash. */
      readonly text: string;
      readonly doc: JsonDocument;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly doc: JsonDocument; readonly diagnostics: readonly Diagnostic[] };

/** Whether a file's text may be a string table (it names what it translates); cheap, for sorting files. */
export const mayBeTable = (text: string): boolean => /"translates"\s*:/.test(text);

/** Whether a parsed JSON value is a string table rather than a scenario. */
export const isTableValue = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'translates' in value;

/** Reads and validates a string table (`doc`: the text already parsed). Never throws. */
export function parseTable(text: string, file: string, doc: JsonDocument = new JsonDocument(text, file)): TableResult {
  const early = [...doc.syntaxErrors, ...doc.duplicateKeys];
  if (doc.syntaxErrors.length > 0) return { ok: false, doc, diagnostics: early };
  const v = doc.value;
  if (!isTableValue(v)) {
    return { ok: false, doc, diagnostics: [...early, doc.diagnostic([], 'error', 'not-a-table', 'a string table holds one JSON object with "translates", "locale" and "strings"', 'see docs/translating.md, or write one with `npm run scenario -- import`')] };
  }
  const version = (v as Record<string, unknown>).schemaVersion;
  if (version !== STRINGS_SCHEMA_VERSION) {
    const message =
      version === undefined
        ? 'the string table has no "schemaVersion"'
        : `this string table says format version ${JSON.stringify(version)}; string tables are format version ${STRINGS_SCHEMA_VERSION}`;
    const newer = typeof version === 'number' && version > STRINGS_SCHEMA_VERSION;
    return {
      ok: false,
      doc,
      diagnostics: [...early, doc.diagnostic(version === undefined ? [] : ['schemaVersion'], 'error', 'table-version', message, newer ? 'update the game, or write the table for version 2' : `write "schemaVersion": ${STRINGS_SCHEMA_VERSION}`)],
    };
  }
  // A table that certainly passes is its own parsed value (see load/conforms.ts); zod judges the rest.
  const parsed = (conforms ??= compileConformance(stringsSchema) ?? (() => false))(v)
    ? { success: true as const, data: v as StringsParsed }
    : stringsSchema.safeParse(v);
  if (!parsed.success) {
    const explained = schemaDiagnostics(doc, stringsSchema, parsed.error.issues).map((d) => (d.hint ? d : { ...d, hint: hintFor(d.path) }));
    return { ok: false, doc, diagnostics: [...early, ...explained] };
  }
  return { ok: true, table: parsed.data, doc, diagnostics: early };
}

/** What to write, where the schema's own message gives no hint. */
function hintFor(path: JsonPath): string {
  const last = path[path.length - 1];
  if (path[0] === 'strings' && last === 'text') return 'write the translated text; leave out a string not yet translated (the original\'s text is shown)';
  if (path[0] === 'strings' && last === 'source') return 'copy the hash from the checker\'s message, or let `npm run scenario -- import` write it';
  return 'see docs/translating.md for the table format';
}

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

let conforms: ((value: unknown) => boolean) | undefined;

/** The table composed with its original into a scenario in the table's language. Never throws. */
export function composeTable(original: Original, tableText: string, tableFile: string, tableDoc?: JsonDocument): ComposeResult {
  const parsed = parseTable(tableText, tableFile, tableDoc);
  if (!parsed.ok) return parsed;
  const { table, doc } = parsed;
  const out: Diagnostic[] = [...parsed.diagnostics];
  const o = original.scenario;
  if (table.translates !== o.id) {
    out.push(doc.diagnostic(['translates'], 'error', 'wrong-original', `this table translates "${table.translates}", and ${original.file} is "${o.id}"`, `write "translates": "${o.id}", or put the table beside the original it translates`));
  }
  if (table.locale === o.locale) {
    out.push(doc.diagnostic(['locale'], 'error', 'same-locale', `this table is in "${table.locale}", the language of its original ${original.file}`, 'a table translates the call into another language: write that language\'s code'));
  }
  if (hasErrors(out)) return { ok: false, doc, diagnostics: out };

  const value = JSON.parse(JSON.stringify(original.doc.value)) as Record<string, unknown>;
  const texts = textsOf(original.doc.value);
  const known = new Set(texts.map((t) => t.key));
  const at = (key: string, ...rest: string[]): JsonPath => ['strings', key, ...rest];
  for (const t of texts) {
    const entry = table.strings[t.key];
    const current = sourceHash(t.text);
    if (!entry) {
      // Another language's phrasings would only match text typed in that language: without its
      // own, the reply is matched by its translated "say" alone.
      if (t.kind === 'examples') {
        deleteAt(value, t.path);
        out.push(doc.diagnostic(['strings'], 'warning', 'missing-string', `no "${t.key}" in this table: typed replies match this reply by its translated text alone`, `add "${t.key}": { "text": "…one phrasing per line…", "source": "${current}" }, or export, translate and import it (docs/translating.md)`, true));
        continue;
      }
      out.push(
        doc.diagnostic(['strings'], 'warning', 'missing-string', `no "${t.key}" in this table: the original's text is shown ("${clip(t.text)}")`, `add "${t.key}": { "text": "…", "source": "${current}" }, or export, translate and import it (docs/translating.md)`, true),
      );
      continue;
    }
    setAt(value, t.path, t.kind === 'examples' ? examplesOf(entry.text) : entry.text);
    if (entry.source === undefined) {
      out.push(doc.diagnostic(at(t.key), 'warning', 'stale-string', `"${t.key}" has no "source" hash, so whether the original changed since it was translated cannot be told`, `check it against the original ("${clip(t.text)}"), then add "source": "${current}"`, true));
    } else if (entry.source !== current) {
      out.push(
        doc.diagnostic(at(t.key, 'source'), 'warning', 'stale-string', `"${t.key}" was translated from an older text: the original now says "${clip(t.text, 500)}", and this translation says "${clip(entry.text, 200)}"`, `update the translation, then write "source": "${current}" (import does it for you)`),
      );
    }
  }
  const keys = [...known];
  for (const key of Object.keys(table.strings)) {
    if (known.has(key)) continue;
    const guess = keys.length > 0 ? closest(key, keys) : null;
    out.push(doc.diagnostic(at(key), 'warning', 'extra-string', `"${key}" is not a text of ${original.file}; it is not used`, guess ? `did you mean "${guess}"? Otherwise remove it (the original may have dropped that line or reply)` : 'remove it', true));
  }

  // A voice is per language: the original's recordings are not this language's.
  const nodes = value.nodes as Record<string, Record<string, unknown>>;
  for (const v of voicesOf(original.doc.value)) delete nodes[v.node]!.voice;
  for (const [node, voice] of Object.entries(table.voices ?? {})) {
    if (nodes[node] && typeof nodes[node] === 'object') nodes[node]!.voice = voice;
    else out.push(doc.diagnostic(['voices', node], 'warning', 'extra-voice', `the original has no node "${node}"; this voice is not used`, keys.length > 0 ? 'voices are keyed by node id, e.g. "opening"' : 'remove it', true));
  }
  value.locale = table.locale;
  delete value.$schema;

  const text = JSON.stringify(value, null, 2) + '\n';
  const loaded = loadScenario(text, tableFile);
  if (!loaded.ok) {
    // The original loaded and only words changed, so this should not happen; say where to look.
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    out.push(doc.diagnostic([], 'error', 'compose-failed', `the call composed from ${original.file} and this table does not load: ${first?.message ?? 'unknown problem'}`, first?.hint ?? 'please report it with both files'));
    return { ok: false, doc, diagnostics: out };
  }
  return { ok: true, scenario: loaded.scenario, text, doc, diagnostics: out };
}
