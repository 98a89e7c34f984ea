// scenario import <file.po> [--out <table>] [--original <file>]: a translated PO file into the
// call's string table (`<id>.<locale>.json` beside its original, by default), updating the
// table if it exists. Fuzzy and empty entries are not imported, and are listed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDiagnostic } from '../../engine/index.js';
import { importPo, poHeaders, PoError } from '../../tools/translate/po.js';
import { oneScenarioFile } from '../files.js';
import { EXIT, UsageError, parseCommand, reportProblem, write } from '../usage.js';

const list = (keys: readonly string[], max = 6) => keys.slice(0, max).join(', ') + (keys.length > max ? ` and ${keys.length - max} more` : '');

export function importCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommand(args, { out: { type: 'string' }, original: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('import needs exactly one PO file, e.g. import never-satisfied.uk.po');
  const poFile = positionals[0]!;
  if (!existsSync(poFile)) throw new UsageError(`${poFile}: no such file`);
  const po = readFileSync(poFile, 'utf8');
  try {
    const headers = poHeaders(po);
    const named = values.original ?? headers.original ?? headers.id;
    if (!named) throw new UsageError(`${poFile} does not say which call it translates (no X-Original header); add --original <file>`);
    const originalFile = oneScenarioFile(named);
    if (!existsSync(originalFile)) throw new UsageError(`${originalFile}: the original named by ${poFile} does not exist; give it with --original <file>`);
    const original = { file: originalFile, text: readFileSync(originalFile, 'utf8') };
    if (!headers.locale) throw new PoError(`${poFile} has no "Language" header; set the language in your PO editor and save it again`);
    const out = values.out ?? join(dirname(originalFile), `${headers.id ?? 'call'}.${headers.locale}.json`);
    const existing = existsSync(out) ? { file: out, text: readFileSync(out, 'utf8') } : null;
    const r = importPo({ po, original, existing, out });
    writeFileSync(out, r.table);
    const lines = [`${existing ? 'updated' : 'wrote'} ${out}: ${r.imported.length} string(s) imported`];
    if (r.fuzzy.length > 0) lines.push(`not imported, marked fuzzy (review them, clear "fuzzy", import again): ${list(r.fuzzy)}`);
    if (r.empty.length > 0) lines.push(`not imported, not translated yet: ${r.empty.length} (${list(r.empty)})`);
    if (r.unknown.length > 0) lines.push(`not imported, no longer in ${originalFile} (export again for the current texts): ${list(r.unknown)}`);
    const missing = r.diagnostics.filter((d) => d.code === 'missing-string').length;
    if (missing > 0) lines.push(`still untranslated (the original's text is shown): ${missing} (lint lists them)`);
    for (const d of r.diagnostics) if (d.code !== 'missing-string') lines.push(formatDiagnostic(d));
    for (const l of lines) write(l);
    write(`next: npm run scenario -- lint ${out}`);
    return EXIT.clean;
  } catch (e) {
    if (!(e instanceof PoError)) throw e;
    return reportProblem(e);
  }
}
