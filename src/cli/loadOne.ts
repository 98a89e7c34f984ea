// One scenario file for the commands that need a call that loads (graph, simulate): its
// problems are printed like lint's, and the command stops with "problems found".
import { readFileSync, statSync } from 'node:fs';
import { formatDiagnostic, loadScenario, type Scenario } from '../engine/index.js';
import { EXIT, UsageError } from './usage.js';

export function loadOne(file: string): { ok: true; scenario: Scenario } | { ok: false; exit: number } {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  const result = loadScenario(text, file);
  if (result.ok) return { ok: true, scenario: result.scenario };
  for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stderr.write(`${file} does not load; fix the problems above (npm run scenario -- lint ${file})\n`);
  return { ok: false, exit: EXIT.problems };
}
