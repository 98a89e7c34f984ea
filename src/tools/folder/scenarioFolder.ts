// The trainer's scenario folder on disk: which one (SCENARIO_DIR or a folder argument, else the
// project's scenarios/), and the scenario and voice files in it and its subfolders. Shared by
// the CLI, `npm start`, `npm run dev` (its vite plugin) and the server's library; which names
// count is engine/load/fileKinds.ts.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isFileOfCall, isScenarioFile, isScenarioSubfolder, isVoiceFile } from '../../engine/load/fileKinds.js';

export const ROOT_DIR = resolve(import.meta.dirname, '../../..');
export const DEFAULT_SCENARIO_DIR = resolve(ROOT_DIR, 'scenarios');

/** The folder meant: a folder argument, else SCENARIO_DIR, else the project's scenarios/ (absolute). */
export function scenarioDirOf(env: NodeJS.ProcessEnv = process.env, argument?: string): string {
  return resolve(argument || env.SCENARIO_DIR || DEFAULT_SCENARIO_DIR);
}

/** Where the folder came from, for the line printed at start. */
export const scenarioDirSource = (env: NodeJS.ProcessEnv = process.env, argument?: string): string =>
  argument ? 'folder argument' : env.SCENARIO_DIR ? 'SCENARIO_DIR' : 'default';

export class MissingFolderError extends Error {
  override readonly name = 'MissingFolderError';
}

/** Throws a one-line MissingFolderError when `dir` is not a folder. */
export function requireFolder(dir: string, what = 'scenario folder'): void {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st) throw new MissingFolderError(`${what} ${dir} does not exist (set SCENARIO_DIR or give a folder that exists)`);
  if (!st.isDirectory()) throw new MissingFolderError(`${what} ${dir} is a file, not a folder`);
}

/** Every file under `dir` (subfolders too, but not node_modules or hidden ones) that `keep` takes, sorted. */
function walk(dir: string, keep: (name: string) => boolean): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (isScenarioSubfolder(e.name)) out.push(...walk(path, keep));
    } else if (e.isFile() && keep(e.name)) out.push(path);
  }
  return out;
}

/** The scenario files in a folder and its subfolders, as paths under `dir`, sorted. */
export const scenarioFilesIn = (dir: string): string[] => walk(dir, isScenarioFile);

/** The voice files in a folder and its subfolders. */
export const voiceFilesIn = (dir: string): string[] => walk(dir, isVoiceFile);

/** The files of call `id` in the folder (`<id>.json` and its languages' `<id>.<locale>.json`). */
export const filesOfCall = (dir: string, id: string): string[] => scenarioFilesIn(dir).filter((f) => isFileOfCall(f, id));
