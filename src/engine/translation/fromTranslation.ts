// A whole-file translation (format version 1: the call copied and its words translated) turned
// into a string table of its texts, for `npm run scenario -- migrate`. The result is checked by
// composing it with the original: it must give back the translation, or this refuses.
import { formatDiagnostic, type Diagnostic } from '../errors.js';
import { STRINGS_SCHEMA_VERSION, type StringsFile } from '../format/strings.js';
import { loadScenario } from '../load/loadScenario.js';
import { composeTable } from './compose.js';
import { differences, pathText, valueText } from './differences.js';
import type { SourceText } from './loadFiles.js';
import { tableText } from './tableText.js';
import { sourceHash, textsOf, voicesOf } from './texts.js';

export class TranslationError extends Error {
  override readonly name = 'TranslationError';
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(diagnostics.length > 0 ? `${message}\n${diagnostics.map(formatDiagnostic).join('\n')}` : message);
  }
}

const withoutSchema = (v: unknown) => {
  const { $schema: _, ...rest } = v as Record<string, unknown>;
  return rest;
};

/**
 * The string table (JSON text, ready to write as `<id>.<locale>.json`) holding the texts of
 * `translation`, a whole-file translation of `original`. Throws a TranslationError when either
 * does not load, when they are not the same call in two languages, or when the translation
 * differs from its original in more than words (lint names each difference).
 */
export function tableFromTranslation(original: SourceText, translation: SourceText): string {
  const o = loadScenario(original.text, original.file);
  if (!o.ok) throw new TranslationError(`${original.file} does not load`, o.diagnostics);
  const t = loadScenario(translation.text, translation.file);
  if (!t.ok) throw new TranslationError(`${translation.file} does not load`, t.diagnostics);
  if (t.scenario.id !== o.scenario.id) throw new TranslationError(`${translation.file} is call "${t.scenario.id}", not "${o.scenario.id}"`);
  if (t.scenario.locale === o.scenario.locale) throw new TranslationError(`${translation.file} is in "${t.scenario.locale}", the language of its original`);

  const translated = new Map(textsOf(t.doc.value).map((e) => [e.key, e.text]));
  const strings: Record<string, { text: string; source: string }> = {};
  for (const e of textsOf(o.doc.value)) {
    const text = translated.get(e.key);
    if (text !== undefined) strings[e.key] = { text, source: sourceHash(e.text) };
  }
  const voices = Object.fromEntries(voicesOf(t.doc.value).map((v) => [v.node, v.voice]));
  const schemaRef = (o.doc.value as { $schema?: unknown }).$schema;
  const table: StringsFile = {
    $schema: typeof schemaRef === 'string' && schemaRef.endsWith('scenario.schema.json') ? schemaRef.replace(/scenario\.schema\.json$/, 'strings.schema.json') : './strings.schema.json',
    schemaVersion: STRINGS_SCHEMA_VERSION,
    translates: o.scenario.id,
    locale: t.scenario.locale,
    strings,
    ...(Object.keys(voices).length > 0 ? { voices } : {}),
  };
  const text = tableText(table);

  const composed = composeTable({ file: original.file, doc: o.doc, scenario: o.scenario }, text, translation.file);
  if (!composed.ok) throw new TranslationError(`the table made from ${translation.file} does not compose`, composed.diagnostics);
  const diff = differences(withoutSchema(JSON.parse(composed.text)), withoutSchema(t.doc.value), 5);
  if (diff.length > 0) {
    const said = diff.map((d) => `${pathText(d.path)} is ${valueText(d.here)} composed and ${valueText(d.there)} in the translation`).join('; ');
    throw new TranslationError(`${translation.file} differs from its original in more than words, so a table cannot hold it: ${said} (npm run scenario -- lint ${translation.file} names each difference)`);
  }
  return text;
}
