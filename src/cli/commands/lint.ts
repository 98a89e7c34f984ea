// scenario lint [<files, folders or call ids>] [--json]: no argument lints the scenario folder.
import { existsSync, readFileSync } from 'node:fs';
import { formatDiagnostic } from '../../engine/index.js';
import { lintScenarios } from '../../tools/lint/lintScenarios.js';
import { cliScenarioDir, scenarioFiles, shownPath } from '../files.js';
import { EXIT, UsageError, parseCommand, write, writeJson } from '../usage.js';

export function lintCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } });
  const { files, missing } = scenarioFiles(positionals);
  if (missing.length > 0) throw new UsageError(missing.join('\n'));
  if (files.length === 0) throw new UsageError(`no scenario files (*.json) in ${positionals.length > 0 ? positionals.join(', ') : shownPath(cliScenarioDir())}`);
  const diagnostics = lintScenarios(
    files.map((file) => ({ file, text: readFileSync(file, 'utf8') })),
    { fileExists: existsSync, readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null) },
  );
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (values.json) writeJson({ files: files.length, errors, warnings, diagnostics });
  else {
    for (const d of diagnostics) write(formatDiagnostic(d));
    write(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)`);
  }
  return diagnostics.length > 0 ? EXIT.problems : EXIT.clean;
}
