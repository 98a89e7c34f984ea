// Load = parse (with positions) + validate (schema) + check references + normalize.
// Never throws on any input: every problem comes back as a Diagnostic with a place.
import type { Diagnostic } from '../errors.js';
import { hasErrors } from '../errors.js';
import type { Scenario } from '../format/model.js';
import { SCHEMA_VERSION, scenarioSchema, type ScenarioParsed } from '../format/schema.js';
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
    const version = versionProblem(doc);
    if (version) return { ok: false, diagnostics: [...early, version], doc };
    // A file that certainly passes the schema is its own parsed value; zod judges (and explains) the rest.
    const parsed = (conforms ??= compileConformance(scenarioSchema) ?? (() => false))(doc.value)
      ? { success: true as const, data: doc.value as ScenarioParsed }
      : scenarioSchema.safeParse(doc.value);
    if (!parsed.success) {
      return { ok: false, diagnostics: [...early, ...schemaDiagnostics(doc, scenarioSchema, parsed.error.issues)], doc };
    }
    const diagnostics = [...early, ...checkReferences(doc, parsed.data)];
    if (hasErrors(diagnostics)) return { ok: false, diagnostics, doc };
    return { ok: true, scenario: normalize(parsed.data, () => contentHash(doc!.value), file), diagnostics, doc };
  } catch (e) {
    // A bug of ours must not take down a trainer's tool or a player's game: report it at the top of the file.
    doc ??= new JsonDocument('', file);
    const message = `internal error while loading (please report it): ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, diagnostics: [{ severity: 'error', code: 'internal', message, hint: null, file, line: 1, col: 1, path: [] }], doc };
  }
}

let conforms: ((value: unknown) => boolean) | undefined;

/** An older or newer file gets one clear message instead of a page of schema errors. */
function versionProblem(doc: JsonDocument): Diagnostic | null {
  const v = doc.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return doc.diagnostic([], 'error', 'not-a-scenario', 'a scenario file holds one JSON object', 'start from `npm run scenario -- new <id>`');
  }
  const version = (v as Record<string, unknown>).schemaVersion;
  if (version === undefined) {
    return doc.diagnostic([], 'error', 'no-version', 'the scenario has no "schemaVersion"', `add "schemaVersion": ${SCHEMA_VERSION} near the top`);
  }
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return doc.diagnostic(['schemaVersion'], 'error', 'newer-version', `this file uses format version ${version}, and this game reads version ${SCHEMA_VERSION}`, 'update the game, or write the file for version 1');
  }
  return null;
}
