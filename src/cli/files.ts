// Which scenario files a command means: the files named, every scenario file under folders named,
// and a call's files where an id is given instead of a path (looked up in the scenario folder:
// SCENARIO_DIR, else scenarios/). Which names are scenario files: engine/load/fileKinds.ts.
import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { looksLikeCallId } from '../engine/load/fileKinds.js';
import { filesOfCall, requireFolder, scenarioDirOf, scenarioFilesIn, MissingFolderError } from '../tools/folder/scenarioFolder.js';
import { UsageError } from './usage.js';

/** The scenario folder the CLI uses: SCENARIO_DIR, else the project's scenarios/. */
export const cliScenarioDir = (): string => scenarioDirOf(process.env);

/** A path as printed: relative to the working folder when inside it, else absolute. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || rel.startsWith(sep) || /^[A-Za-z]:/.test(rel) ? path : rel;
}

/** The files of the call `id` in the scenario folder, as printed paths (none when it has none). */
function callFiles(dir: string, id: string): string[] {
  try {
    requireFolder(dir);
  } catch (e) {
    if (e instanceof MissingFolderError) throw new UsageError(`"${id}" is not a file, and ${e.message}`);
    throw e;
  }
  return filesOfCall(dir, id).map(shownPath);
}

/**
 * The scenario files meant by `args`; `missing` holds one message per argument that names
 * nothing. No arguments: every file in the scenario folder.
 */
export function scenarioFiles(args: readonly string[], dir: string = cliScenarioDir()): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  if (args.length === 0) {
    try {
      requireFolder(dir);
    } catch (e) {
      if (e instanceof MissingFolderError) throw new UsageError(e.message);
      throw e;
    }
    return { files: scenarioFilesIn(dir).map(shownPath), missing };
  }
  for (const arg of args) {
    const stat = statSync(arg, { throwIfNoEntry: false });
    if (stat?.isDirectory()) files.push(...scenarioFilesIn(arg));
    else if (stat) files.push(arg);
    else if (looksLikeCallId(arg)) {
      const found = callFiles(dir, arg);
      if (found.length === 0) missing.push(`${arg}: no such file, and no call "${arg}" in ${shownPath(dir)} (looked for ${arg}.json and ${arg}.<locale>.json)`);
      files.push(...found);
    } else missing.push(`${arg}: no such file or folder`);
  }
  return { files, missing };
}

/**
 * The one scenario file a command (graph, simulate) means: a path as given, or a call id looked
 * up in the scenario folder (its `<id>.json`; `<id>.<locale>` for a language's file).
 */
export function oneScenarioFile(arg: string, dir: string = cliScenarioDir()): string {
  if (statSync(arg, { throwIfNoEntry: false }) || !looksLikeCallId(arg)) return arg;
  const found = callFiles(dir, arg);
  const exact = found.find((f) => f.endsWith(`${sep}${arg}.json`) || f === `${arg}.json`);
  if (exact) return exact;
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new UsageError(`${arg}: no such file, and no call "${arg}" in ${shownPath(dir)} (looked for ${arg}.json and ${arg}.<locale>.json)`);
  throw new UsageError(`${arg}: the call has several files in ${shownPath(dir)} (${found.join(', ')}); name one, e.g. ${found[0]}`);
}

/** Where `new <id>` writes by default: the scenario folder's `<id>.json`. */
export const newFileFor = (id: string, dir: string = cliScenarioDir()): string => shownPath(join(dir, `${id}.json`));
