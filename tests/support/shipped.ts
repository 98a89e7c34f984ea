// The shipped calls as every test reads them: the scenario files in scenarios/ (by the engine's
// one rule of which files are calls), loaded as the game and the server load a folder — string
// tables composed with their originals.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDiagnostic, type Scenario } from '../../src/engine/index.js';
import { isScenarioFile } from '../../src/engine/load/fileKinds.js';
import { loadScenarioFiles, type LoadedFile, type SourceText } from '../../src/engine/translation/loadFiles.js';

export const SHIPPED_DIR = resolve(import.meta.dirname, '../../scenarios');

/** The file names of the shipped calls (originals and translations), sorted. */
export const shippedNames = (): string[] => readdirSync(SHIPPED_DIR).filter(isScenarioFile).sort();

/** Every shipped call file as the game bundles it: "scenarios/<name>" and its text. */
export const shippedSources = (): SourceText[] => shippedNames().map((f) => ({ file: `scenarios/${f}`, text: readFileSync(join(SHIPPED_DIR, f), 'utf8') }));

let loaded: LoadedFile[] | null = null;

/** Every shipped file loaded (once per test file): each must load. */
export function shippedLoaded(): LoadedFile[] {
  loaded ??= loadScenarioFiles(shippedSources());
  for (const f of loaded) if (!f.ok) throw new Error(`${f.file} does not load:\n${f.diagnostics.map(formatDiagnostic).join('\n')}`);
  return loaded;
}

/** Every shipped call, in file-name order: originals and translations alike. */
export const shippedCalls = (): Scenario[] => shippedLoaded().map((f) => (f.ok ? f.scenario : null!));

/** One shipped call by its file name ("update-warning.ru.json"), composed if it is a table. */
export function shippedCall(name: string): Scenario {
  const f = shippedLoaded().find((l) => l.file === `scenarios/${name}`);
  if (!f || !f.ok) throw new Error(`no shipped call file "${name}"`);
  return f.scenario;
}

/** The text the loader turns into that call: the file's own, or a table's composed call. */
export function shippedText(name: string): string {
  const f = shippedLoaded().find((l) => l.file === `scenarios/${name}`);
  if (!f || !f.ok) throw new Error(`no shipped call file "${name}"`);
  return f.text;
}
