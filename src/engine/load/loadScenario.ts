// Load = parse (with positions) + validate (schema) + check references + normalize.
// Never throws on any input: every problem comes back as a Diagnostic with a place.
import type { Diagnostic } from '../errors.js';
import { hasErrors } from '../errors.js';
import type { Scenario } from '../format/model.js';
import { SCENARIO_SCHEMAS, SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion, type ScenarioParsed } from '../format/schema.js';
import { checkReferences } from './checkReferences.js';
import { compileConformance } from './conforms.js';
import { contentHash } from './contentHash.js';
import { JsonDocument } from './jsonDocument.js';
import { normalize } from './normalize.js';
import { schemaDiagnostics } from './schemaIssues.js';

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly diagnostics: readonly Diagnostic[]; readonly doc: JsonDocument }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly doc: JsonDocument };

export function loadScenario(text: string, file = 'scenario.json'): LoadResult {
  let doc: JsonDocument | undefined;
  try {
    doc = new JsonDocument(text, file);
    const early = [...doc.syntaxErrors, ...doc.duplicateKeys];
    if (doc.syntaxErrors.length > 0) return { ok: false, diagnostics: early, doc };
    const version = versionOf(doc);
    if (typeof version !== 'number') return { ok: false, diagnostics: [...early, version], doc };
    const schema = SCENARIO_SCHEMAS[version];
    // A file that certainly passes the schema is its own parsed value; zod judges (and explains) the rest.
    const parsed = (conforms[version] ??= compileConformance(schema) ?? (() => false))(doc.value)
      ? { success: true as const, data: doc.value as ScenarioParsed }
      : schema.safeParse(doc.value);
    if (!parsed.success) {
      return { ok: false, diagnostics: [...early, ...withVersionHints(schemaDiagnostics(doc, schema, parsed.error.issues), version)], doc };
    }
    const diagnostics = [...early, ...checkReferences(doc, parsed.data)];
    if (hasErrors(diagnostics)) return { ok: false, diagnostics, doc };
    // The hash reads the file again when it is first asked for, rather than keep the document's
    // value alive for as long as the scenario lives: in a call of 100,000 nodes that value is
    // millions of objects for every full collection to mark, through every analysis of the call.
    return { ok: true, scenario: normalize(parsed.data, () => contentHash(new JsonDocument(text, file).value), file), diagnostics, doc };
  } catch (e) {
    // A bug of ours must not take down a trainer's tool or a player's game: report it at the top of the file.
    doc ??= new JsonDocument('', file);
    const message = `internal error while loading (please report it): ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, diagnostics: [{ severity: 'error', code: 'internal', message, hint: null, file, line: 1, col: 1, path: [] }], doc };
  }
}

const conforms: Partial<Record<SchemaVersion, (value: unknown) => boolean>> = {};

/** The file's format version; a file of no known version gets one clear message instead of a page of schema errors. */
function versionOf(doc: JsonDocument): SchemaVersion | Diagnostic {
  const v = doc.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return doc.diagnostic([], 'error', 'not-a-scenario', 'a scenario file holds one JSON object', 'start from `npm run scenario -- new <id>`');
  }
  const version = (v as Record<string, unknown>).schemaVersion;
  if (version === undefined) {
    return doc.diagnostic([], 'error', 'no-version', 'the scenario has no "schemaVersion"', `add "schemaVersion": ${SCHEMA_VERSION} near the top`);
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    return doc.diagnostic(['schemaVersion'], 'error', 'newer-version', `this file uses format version ${version}, and this game reads versions 1 to ${SCHEMA_VERSION}`, `update the game, or write the file for version ${SCHEMA_VERSION}`);
  }
  if (!(SCHEMA_VERSIONS as readonly unknown[]).includes(version)) {
    return doc.diagnostic(['schemaVersion'], 'error', 'bad-version', `"schemaVersion" is ${JSON.stringify(version)}, which is no format version`, `write "schemaVersion": ${SCHEMA_VERSION}`);
  }
  return version as SchemaVersion;
}

/** What only version 2 has, so a version-1 file that uses it is told how to get it. */
const VERSION_2_ONLY = new Set(['flags', 'counters', 'enter', 'label', 'credit', 'set']);

function withVersionHints(diagnostics: Diagnostic[], version: SchemaVersion): Diagnostic[] {
  if (version !== 1) return diagnostics;
  return diagnostics.map((d) => {
    const key = d.path[d.path.length - 1];
    if (d.code !== 'unknown-property' || typeof key !== 'string' || !VERSION_2_ONLY.has(key)) return d;
    return { ...d, message: `${d.message} in format version 1`, hint: `"${key}" is new in format version 2: change "schemaVersion" to 2 (\`npm run scenario -- migrate <file>\` does it)` };
  });
}
