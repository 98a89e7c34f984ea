// Which scenario files a command means: the files named, and every *.json under folders named.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const isScenarioFile = (name: string) => name.endsWith('.json') && !name.endsWith('.schema.json');

export function scenarioFiles(args: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      else if (entry.isFile() && isScenarioFile(entry.name)) files.push(path);
    }
  };
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      missing.push(arg);
      continue;
    }
    if (stat.isDirectory()) walk(arg);
    else files.push(arg);
  }
  return { files, missing };
}
