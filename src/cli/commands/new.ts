// scenario new <id> [--out <file>] [--locale <code>] [--force]: by default in the scenario folder.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../engine/index.js';
import { scenarioTemplate } from '../../tools/scaffold/template.js';
import { newFileFor } from '../files.js';
import { EXIT, UsageError, parseCommand, write } from '../usage.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../../scenarios/scenario.schema.json', import.meta.url));

/** The path to the schema from the new file's folder, as "$schema" wants it. */
export function schemaReference(out: string): string {
  const rel = relative(dirname(resolve(out)), SCHEMA_FILE).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function newCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommand(args, { out: { type: 'string' }, locale: { type: 'string' }, force: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('new needs exactly one id, e.g. new late-parcel');
  const id = positionals[0]!;
  const out = values.out ?? newFileFor(id);
  const text = scenarioTemplate({ id, locale: values.locale ?? 'en', schema: schemaReference(out) });
  // The template is fine by construction; what can be wrong is the id or the locale given.
  const check = loadScenario(text, out);
  if (!check.ok) throw new UsageError(check.diagnostics.map((d) => `${d.message}${d.hint ? ` — ${d.hint}` : ''}`).join('\n'));
  if (existsSync(out) && !values.force) throw new UsageError(`${out} already exists; pick another id or --out, or add --force to overwrite it`);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, text);
  write(`wrote ${out}\nnext: edit it, then npm run scenario -- lint ${out}`);
  return EXIT.clean;
}
