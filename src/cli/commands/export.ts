// scenario export <original> --locale <code> [--out <file.po>]: the call's texts as a gettext PO
// file for translators, with the translation so far when `<id>.<locale>.json` exists beside it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadScenario } from '../../engine/index.js';
import { exportPo, PoError } from '../../tools/translate/po.js';
import { oneScenarioFile } from '../files.js';
import { EXIT, UsageError, parseCommand, reportProblem, write } from '../usage.js';

const LOCALE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

export function exportCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommand(args, { locale: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('export needs exactly one original, e.g. export scenarios/never-satisfied.json --locale uk');
  if (!values.locale) throw new UsageError('export needs --locale, the language to translate into, e.g. --locale uk');
  if (!LOCALE.test(values.locale)) throw new UsageError(`--locale ${values.locale}: a language code such as "uk", "ru" or "pt-BR"`);
  const file = oneScenarioFile(positionals[0]!);
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  const text = readFileSync(file, 'utf8');
  const loaded = loadScenario(text, file);
  const id = loaded.ok ? loaded.scenario.id : null;
  const existingFile = id ? join(dirname(file), `${id}.${values.locale}.json`) : null;
  const existing = existingFile && existsSync(existingFile) ? { file: existingFile, text: readFileSync(existingFile, 'utf8') } : null;
  try {
    const r = exportPo({ original: { file, text }, locale: values.locale, existing });
    const out = values.out ?? `${id}.${values.locale}.po`;
    writeFileSync(out, r.po);
    const done = existing ? `, ${r.translated} already translated from ${existing.file}${r.stale > 0 ? ` (${r.stale} marked fuzzy: the original changed since)` : ''}` : '';
    write(`wrote ${out}: ${r.entries} texts${done}\nnext: translate it in any PO editor (Poedit, Lokalize, Weblate…), then npm run scenario -- import ${out}`);
    return EXIT.clean;
  } catch (e) {
    if (!(e instanceof PoError)) throw e;
    return reportProblem(e);
  }
}
