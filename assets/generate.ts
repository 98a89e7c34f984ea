// Makes the game's sounds and the scenarios' voice files (see src/game/dev/generateAudio.ts).
//
//   npx tsx assets/generate.ts            make what is missing or stale
//   npx tsx assets/generate.ts --check    list what is stale; exit 1 if anything is
//   npx tsx assets/generate.ts --scenarios <dir>   voices for another folder of scenarios
//
// Needs Debian's sox, espeak-ng and ffmpeg: apt-get install -y sox libsox-fmt-all espeak-ng ffmpeg
import { resolve } from 'node:path';
import { generate } from '../src/game/dev/generateAudio.js';

const args = process.argv.slice(2);
const at = args.indexOf('--scenarios');
const check = args.includes('--check');
try {
  const report = generate({ root: resolve(import.meta.dirname, '..'), check, ...(at >= 0 && args[at + 1] ? { scenarios: resolve(args[at + 1]!) } : {}) });
  if (check) {
    for (const s of report.stale) console.log(`stale: ${s}`);
    console.log(report.stale.length === 0 ? 'every sound and voice file is up to date' : `${report.stale.length} to make: run npx tsx assets/generate.ts`);
  } else {
    console.log(report.made.length === 0 ? 'nothing to make: every file is up to date' : `made ${report.made.length} file(s)`);
  }
  process.exit(report.problems.length > 0 || (check && report.stale.length > 0) ? 1 : 0);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}
