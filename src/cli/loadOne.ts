// One scenario file for the commands that need a call that loads (graph, simulate): its
// problems are printed like lint's, and the command stops with "problems found".
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDiagnostic, isTableValue, loadScenario, loadScenarioFiles, mayBeTable, type LoadedFile, type Scenario } from '../engine/index.js';
import { EXIT, UsageError } from './usage.js';

export function loadOne(file: string): { ok: true; scenario: Scenario } | { ok: false; exit: number } {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  const result = isTable(text) ? withOriginal(file, text) : loadScenario(text, file);
  if (result.ok) return { ok: true, scenario: result.scenario };
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stderr.write(`${file} does not load; fix the problems above (npm run scenario -- lint ${file})\n`);
  return { ok: false, exit: EXIT.problems };
}

function isTable(text: string): boolean {
  if (!mayBeTable(text)) return false;
  try {
    return isTableValue(JSON.parse(text));
  } catch {
    return true; // a table with a mistake: the table's loader says where
  }
}

/** A string table, composed with `<translates>.json` beside it (the call it translates). */
function withOriginal(file: string, text: string): LoadedFile {
  let id = '';
  try {
    id = String((JSON.parse(text) as { translates?: unknown }).translates ?? '');
  } catch {
    // reported by the table's loader below
  }
  const originalFile = join(dirname(file), `${id}.json`);
  const original = id && existsSync(originalFile) ? [{ file: originalFile, text: readFileSync(originalFile, 'utf8') }] : [];
  return loadScenarioFiles([{ file, text }, ...original])[0]!;
}
