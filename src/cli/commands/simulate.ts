// scenario simulate <file> [--json] [--timeouts] [--hang-up] | --path 1,3,2 [--seed n] [--mode exam|practice] [--think s]
// --think without --path plays the ideal path.
import { formatSimulation, formatPlay } from '../../tools/simulate/formatReport.js';
import { PathError, parsePath, playPath } from '../../tools/simulate/playPath.js';
import { simulateCall } from '../../tools/simulate/simulateCall.js';
import { oneScenarioFile } from '../files.js';
import { loadOne } from '../loadOne.js';
import { EXIT, UsageError, parseCommand, write, writeJson } from '../usage.js';

export function simulateCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommand(args, {
    json: { type: 'boolean' },
    timeouts: { type: 'boolean' },
    'hang-up': { type: 'boolean' },
    path: { type: 'string' },
    seed: { type: 'string' },
    mode: { type: 'string' },
    think: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('simulate needs exactly one scenario file (or a call id in the scenario folder)');
  const mode = values.mode ?? 'exam';
  if (mode !== 'exam' && mode !== 'practice') throw new UsageError(`--mode is "exam" or "practice", not "${mode}"`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed is a whole number from 0 to 4294967295, not "${values.seed}"`);
  const think = values.think === undefined ? undefined : Number(values.think);
  if (think !== undefined && !(Number.isFinite(think) && think >= 0 && think <= 3600 && values.think!.trim() !== '')) throw new UsageError(`--think is the seconds the trainee takes per decision (e.g. 8 or 2.5), not "${values.think}"`);
  if (think !== undefined && mode !== 'exam') throw new UsageError('--think needs --mode exam: in practice there is no timer and patience drains only during actions');
  const loaded = loadOne(oneScenarioFile(positionals[0]!));
  if (!loaded.ok) return loaded.exit;
  const s = loaded.scenario;

  let path = values.path;
  if (path === undefined && think !== undefined) {
    // The ideal path, as plain simulate finds it (the trainee's replies only).
    const ideal = simulateCall(s).idealPath;
    if (!ideal) throw new UsageError(`${s.file}: no path reaches an ideal ending, so there is no ideal path to pace; give one with --path`);
    path = ideal.path;
  }
  if (path !== undefined) {
    try {
      const played = playPath(s, parsePath(path), { seed, mode, ...(think !== undefined ? { thinkMs: think * 1000 } : {}) });
      if (values.json) writeJson(played);
      else write(formatPlay(played));
      return EXIT.clean;
    } catch (e) {
      if (e instanceof PathError) throw new UsageError(e.message);
      throw e;
    }
  }
  const report = simulateCall(s, { timeouts: values.timeouts ?? false, hangUp: values['hang-up'] ?? false });
  if (values.json) writeJson(report);
  else write(formatSimulation(report));
  return EXIT.clean;
}
