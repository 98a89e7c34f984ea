// Translations in lint: a translation named alone is checked against its original (read from
// the same folder), and a string table's own files — its voices and its "$schema" — exist.
// Missing, extra and stale strings are found where the table is composed (engine/translation),
// and reported from there with their place in the table.
import { schemaRefFor } from '../schemaPath.js';
import { dirname, isAbsolute, join, resolve } from 'pathe';
import { isTableValue, mayBeTable, type Diagnostic, type LoadedFile, type SourceText } from '../../../engine/index.js';
import { LINT_CODES } from '../codes.js';
import type { LintEnv } from '../context.js';

const TRANSLATION_NAME = /^(.+)\.[a-z]{2,3}(?:-[A-Z]{2})?\.json$/;

/** The id a file translates, if it is a translation: a table's "translates", or `<id>` of `<id>.<locale>.json`. */
function translatedId(src: SourceText): string | null {
  if (mayBeTable(src.text)) {
    try {
      const v = JSON.parse(src.text) as unknown;
      if (isTableValue(v)) return typeof (v as { translates: unknown }).translates === 'string' ? (v as { translates: string }).translates : null;
    } catch {
      // not plain JSON (comments, or broken): fall back on the name
    }
  }
  return TRANSLATION_NAME.exec(src.file.slice(src.file.lastIndexOf('/') + 1))?.[1] ?? null;
}

/**
 * The originals of the translations among `sources` that are not themselves among them, read
 * through the environment: `<id>.json` beside each translation. Loaded for the comparison only;
 * their own problems are not reported (lint them by name for that).
 */
export function originalsToRead(sources: readonly SourceText[], env: LintEnv): SourceText[] {
  if (!env.readFile) return [];
  const named = new Set(sources.map((s) => resolve(s.file)));
  const out: SourceText[] = [];
  for (const src of sources) {
    const id = translatedId(src);
    if (!id) continue;
    const file = join(dirname(src.file), `${id}.json`);
    if (named.has(resolve(file))) continue;
    const text = env.readFile(file);
    if (text === null) continue;
    named.add(resolve(file));
    out.push({ file, text });
  }
  return out;
}

/** A table's voice files and its "$schema" exist. */
export function checkTableFiles(loaded: LoadedFile & { ok: true }, env: LintEnv, out: Diagnostic[]): void {
  const doc = loaded.doc;
  const dir = dirname(loaded.file);
  const value = doc.value as { $schema?: unknown; voices?: Record<string, string> };
  for (const [node, voice] of Object.entries(value.voices ?? {})) {
    const path = isAbsolute(voice) ? voice : resolve(dir, voice);
    if (!env.fileExists(path)) {
      out.push(doc.diagnostic(['voices', node], LINT_CODES['missing-voice'], 'missing-voice', `voice file "${voice}" does not exist (looked for ${path}); the line will play silently`, "generate it with the game's voice script, or fix the path (relative to this file)"));
    }
  }
  const ref = value.$schema;
  if (ref === undefined) {
    out.push(doc.diagnostic([], LINT_CODES['schema-ref'], 'schema-ref', 'the table has no "$schema", so editors cannot check or complete it', `add "$schema": "${schemaRefFor(loaded.file, 'strings.schema.json')}" as the first property (the path from this file to the game's scenarios/strings.schema.json)`));
  } else if (typeof ref === 'string' && !/^[a-z]+:/i.test(ref) && !env.fileExists(resolve(dir, ref))) {
    out.push(doc.diagnostic(['$schema'], LINT_CODES['schema-ref'], 'schema-ref', `"$schema" points to "${ref}", which does not exist (looked for ${resolve(dir, ref)})`, `write "$schema": "${schemaRefFor(loaded.file, 'strings.schema.json')}" (the path from this file to the game's scenarios/strings.schema.json)`));
  }
}
