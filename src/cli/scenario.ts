// npm run scenario -- <command>: the trainers' tools.
// Exit status: 0 clean, 1 problems found, 2 wrong usage.
import { readFileSync } from 'node:fs';
import { formatDiagnostic } from '../engine/errors.js';
import { lintScenarios } from '../tools/lint/lintScenarios.js';
import { scenarioFiles } from './files.js';

const USAGE = `usage: npm run scenario -- <command> [options]

commands:
  lint <files or folders> [--json]   check scenario files and report every problem
`;

function lint(args: string[]): number {
  const json = args.includes('--json');
  const paths = args.filter((a) => !a.startsWith('--'));
  if (paths.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const { files, missing } = scenarioFiles(paths);
  if (missing.length > 0) {
    process.stderr.write(missing.map((m) => `${m}: no such file or folder\n`).join(''));
    return 2;
  }
  const diagnostics = lintScenarios(files.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (json) process.stdout.write(JSON.stringify({ files: files.length, errors, warnings, diagnostics }, null, 2) + '\n');
  else {
    for (const d of diagnostics) process.stdout.write(formatDiagnostic(d) + '\n');
    process.stdout.write(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  }
  return diagnostics.length > 0 ? 1 : 0;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return lint(rest);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
