// scenario simulate <file> [--json] [--timeouts] [--hang-up] | --path 1,3,2 [--seed n] [--mode exam|practice]
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
  });
  if (positionals.length !== 1) throw new UsageError('simulate needs exactly one scenario file (or a call id in the scenario folder)');
  const mode = values.mode ?? 'exam';
  if (mode !== 'exam' && mode !== 'practice') throw new UsageError(`--mode is "exam" or "practice", not "${mode}"`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed is a whole number from 0 to 4294967295, not "${values.seed}"`);
  const loaded = loadOne(oneScenarioFile(positionals[0]!));
  if (!loaded.ok) return loaded.exit;
  const s = loaded.scenario;

  if (values.path !== undefined) {
    try {
      const played = playPath(s, parsePath(values.path), { seed, mode });
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
