// scenario list [<folder>] [--json]
// Every call in the scenario folder: its id, the languages it can be played in (the original
// and each string table that composes), and the languages in which every line it can speak —
// silence lines too — has a voice file on disk (format/voices.ts names them; assets/generate.ts
// makes them). A file that does not load is listed under "problems", and the exit status is 1.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { formatDiagnostic, loadScenarioFiles, spokenLines, type Scenario } from '../../engine/index.js';
import { requireFolder, scenarioDirOf, scenarioFilesIn, MissingFolderError } from '../../tools/folder/scenarioFolder.js';
import { shownPath } from '../files.js';
import { EXIT, UsageError, parseCommand, write, writeJson } from '../usage.js';

export interface ListedCall {
  readonly id: string;
  /** The original's language first, then the translations' in alphabetical order. */
  readonly locales: string[];
  /** The locales in which every line has a voice file. */
  readonly voiced: string[];
  /** Per locale: the lines without one (only where some are missing). */
  readonly unvoiced: Record<string, number>;
  readonly title: string;
}

/** Whether every line of the call has its voice file beside the call's file. */
function missingVoices(s: Scenario): number {
  return spokenLines(s).filter(({ voice }) => !existsSync(resolve(dirname(s.file), voice))).length;
}

export function listCalls(dir: string): { calls: ListedCall[]; problems: string[] } {
  const files = scenarioFilesIn(dir).map((file) => ({ file: shownPath(file), text: readFileSync(file, 'utf8') }));
  const byId = new Map<string, { original: Scenario | null; all: Scenario[] }>();
  const problems: string[] = [];
  for (const loaded of loadScenarioFiles(files)) {
    if (!loaded.ok) {
      problems.push(...loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
      continue;
    }
    const s = loaded.scenario;
    const entry = byId.get(s.id) ?? { original: null, all: [] };
    entry.all.push(s);
    if (basename(s.file) === `${s.id}.json`) entry.original ??= s;
    byId.set(s.id, entry);
  }
  const calls = [...byId.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { original, all }]): ListedCall => {
      const first = original ?? all[0]!;
      const ordered = [first, ...all.filter((s) => s !== first).sort((a, b) => (a.locale < b.locale ? -1 : 1))];
      const unvoiced: Record<string, number> = {};
      for (const s of ordered) {
        const missing = missingVoices(s);
        if (missing > 0) unvoiced[s.locale] = missing;
      }
      return { id, locales: ordered.map((s) => s.locale), voiced: ordered.map((s) => s.locale).filter((l) => !(l in unvoiced)), unvoiced, title: first.title };
    });
  return { calls, problems };
}

export function listCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } });
  if (positionals.length > 1) throw new UsageError('list takes at most one folder');
  const dir = scenarioDirOf(process.env, positionals[0]);
  try {
    requireFolder(dir);
  } catch (e) {
    if (e instanceof MissingFolderError) throw new UsageError(e.message);
    throw e;
  }
  const { calls, problems } = listCalls(dir);
  if (values.json) writeJson(calls.map(({ id, locales, voiced }) => ({ id, locales, voiced })));
  else {
    const width = Math.max(4, ...calls.map((c) => c.id.length));
    write(`${'call'.padEnd(width)}  languages        voiced in`);
    for (const c of calls) {
      const missing = Object.entries(c.unvoiced).map(([l, n]) => `${l}: ${n} line${n === 1 ? '' : 's'} without a voice`);
      write(`${c.id.padEnd(width)}  ${c.locales.join(' ').padEnd(15)}  ${c.voiced.join(' ') || '—'}${missing.length ? `   (${missing.join('; ')})` : ''}`);
    }
    write(`${calls.length} call(s) in ${shownPath(dir)}${problems.length ? `; ${problems.length} problem(s) — run npm run scenario -- lint` : ''}`);
  }
  for (const p of problems) process.stderr.write(`${p}\n`);
  return problems.length ? EXIT.problems : EXIT.clean;
}
