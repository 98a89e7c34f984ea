// npm run bench [-- <name> …]: runs every src/bench/*.bench.ts (or the ones named) in turn.
// Each exports `run(): Promise<void>` and prints its own table. Numbers worth comparing are
// ratios measured side by side in the same run, not absolute times from a noisy machine.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => ({ name: f.replace(/\.bench\.ts$/, ''), file: f }))
  .filter((b) => wanted.length === 0 || wanted.includes(b.name))
  .sort((a, b) => a.name.localeCompare(b.name));

if (benches.length === 0) {
  console.error(`no bench named ${wanted.join(', ')}; available: ${readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).join(', ')}`);
  process.exit(2);
}
for (const b of benches) {
  console.log(`\n## ${b.name}\n`);
  const mod = (await import(pathToFileURL(`${dir}/${b.file}`).href)) as { run: () => Promise<void> };
  await mod.run();
}
