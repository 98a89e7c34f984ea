// Wrong usage: the command line itself is wrong (exit status 2), as opposed to problems found
// in a scenario (exit status 1).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatDiagnostic, type Diagnostic } from '../engine/index.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { clean: 0, problems: 1, usage: 2 } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments; anything unknown or malformed is a UsageError. */
export function parseCommand<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

export const write = (text: string) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
export const writeJson = (value: unknown) => write(JSON.stringify(value, null, 2));

/** A problem the trainer must fix in a file: its places on stderr, then what it means (exit status 1). */
export function reportProblem(e: { readonly message: string; readonly diagnostics: readonly Diagnostic[] }): number {
  for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stderr.write(`${e.message}\n`);
  return EXIT.problems;
}
