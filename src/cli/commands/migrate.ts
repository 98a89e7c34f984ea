// scenario migrate [<files, folders or call ids>] [--dry-run]: rewrites files of format
// version 1 for version 2 (tools/migrate/migrateFiles.ts); no argument migrates the scenario
// folder. A call's translations are migrated with their original, which is read whether named
// or not, so name a folder or a call id to migrate a call with every language it has.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isFileOfCall } from '../../engine/load/fileKinds.js';
import { scenarioFilesIn } from '../../tools/folder/scenarioFolder.js';
import { migrateFiles } from '../../tools/migrate/migrateFiles.js';
import { cliScenarioDir, scenarioFiles, shownPath } from '../files.js';
import { EXIT, UsageError, parseCommand, write } from '../usage.js';

export function migrateCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommand(args, { 'dry-run': { type: 'boolean' } });
  const { files, missing } = scenarioFiles(positionals);
  if (missing.length > 0) throw new UsageError(missing.join('\n'));
  if (files.length === 0) throw new UsageError(`no scenario files (*.json) in ${positionals.length > 0 ? positionals.join(', ') : shownPath(cliScenarioDir())}`);
  // The other files of each call named, from its folder: a translation needs its original.
  const named = new Set(files);
  const company = new Set<string>();
  for (const f of files) {
    const stem = f.replace(/^.*[\\/]/, '').replace(/\.json$/, '').split('.')[0]!;
    for (const other of scenarioFilesIn(dirname(f))) {
      const shown = shownPath(other);
      if (!named.has(shown) && isFileOfCall(other, stem)) company.add(shown);
    }
  }
  const all = [...files, ...company];
  const results = migrateFiles(all.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
  let refused = 0;
  let changed = 0;
  for (const r of results) {
    if (!named.has(r.file) && r.action !== 'refused') continue;
    switch (r.action) {
      case 'version':
        write(`${r.file}: format version 1 → 2`);
        break;
      case 'table':
        write(`${r.file}: a whole-file translation → a string table of its texts (translating ${r.original})`);
        break;
      case 'current':
        write(`${r.file}: already format version 2`);
        break;
      case 'refused':
        refused++;
        write(`${r.file}: not migrated — ${r.why}`);
        break;
    }
    if (r.text !== null && !values['dry-run']) {
      writeFileSync(r.file, r.text);
      changed++;
    }
  }
  write(values['dry-run'] ? `dry run: nothing written` : `${changed} file(s) rewritten${refused > 0 ? `, ${refused} refused` : ''}`);
  return refused > 0 ? EXIT.problems : EXIT.clean;
}

