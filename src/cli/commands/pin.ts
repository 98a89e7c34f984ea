// scenario pin <file> --path <moves> --name "<plan>" [--seed n] [--mode practice|exam] [--note "…"]
// Plays the moves on the engine's Session and writes the plan — its steps as [node, reply id]
// and the ending and scores reached — into the call's plan file (<id>.plans.json beside it),
// replacing the plan of the same name. The golden tests and lint play every plan file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { formatDiagnostic, type Mode, type Scenario } from '../../engine/index.js';
import { HANG_UP, TIMEOUT, formatPlanFile, parsePlanFile, plansFileFor, withPlan, type Plan, type Step } from '../../tools/plans/planFile.js';
import { DEFAULT_MODE, DEFAULT_SEED, expectationOf, playSteps } from '../../tools/plans/playPlan.js';
import { oneScenarioFile, shownPath } from '../files.js';
import { loadOne } from '../loadOne.js';
import { EXIT, UsageError, parseCommand, write } from '../usage.js';

/**
 * The steps a --path means, resolved against the node the call is at before each move: a reply
 * id there, a reply's position in the file under that node (1-9, as simulate --path), "t" or
 * "timeout" to let the timer run out, "h" or "hang-up" to hang up.
 */
function stepsOf(s: Scenario, tokens: readonly string[], seed: number, mode: Mode): Step[] {
  const steps: Step[] = [];
  tokens.forEach((token, i) => {
    const played = playSteps(s, steps, { seed, mode });
    const { session } = played;
    const ctx = session.context;
    session.stop();
    const where = `move ${i + 1} ("${token}")`;
    if (played.stopped) throw new UsageError(`${where}: step ${played.stopped.step + 1} ${played.stopped.why}`);
    if (ctx.phase === 'ended') throw new UsageError(`${where} comes after the call ended at "${ctx.ending?.node}"`);
    const node = s.nodes.get(ctx.node)!;
    const byId = node.replies.find((r) => r.id === token);
    if (byId) return void steps.push([node.id, byId.id]);
    if (/^[1-9]$/.test(token)) {
      const reply = node.replies[Number(token) - 1];
      if (!reply) throw new UsageError(`${where}: node "${node.id}" has ${node.replies.length} replies`);
      return void steps.push([node.id, reply.id]);
    }
    if (token === 't' || token === TIMEOUT) return void steps.push([node.id, TIMEOUT]);
    if (token === 'h' || token === HANG_UP) return void steps.push([node.id, HANG_UP]);
    throw new UsageError(`${where}: node "${node.id}" has no reply "${token}" (its replies: ${node.replies.map((r) => r.id).join(', ')}); write a reply id, its position (1-9), "t" (timeout) or "h" (hang up)`);
  });
  return steps;
}

export function pinCommand(args: readonly string[]): number {
  const { values, positionals } = parseCommand(args, {
    path: { type: 'string' },
    name: { type: 'string' },
    note: { type: 'string' },
    seed: { type: 'string' },
    mode: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('pin needs exactly one scenario file (or a call id in the scenario folder)');
  if (values.path === undefined) throw new UsageError('pin needs --path: the moves to play, e.g. --path find-order,check-licence or --path 1,3,2');
  const name = values.name?.trim();
  if (!name) throw new UsageError('pin needs --name "<what the plan shows>" (a plan of the same name is replaced)');
  const mode = values.mode ?? DEFAULT_MODE;
  if (mode !== 'exam' && mode !== 'practice') throw new UsageError(`--mode is "practice" or "exam", not "${mode}"`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed is a whole number from 0 to 4294967295, not "${values.seed}"`);
  const tokens = values.path.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (tokens.length === 0) throw new UsageError('--path needs at least one move');

  const file = oneScenarioFile(positionals[0]!);
  const loaded = loadOne(file);
  if (!loaded.ok) return loaded.exit;
  const s = loaded.scenario;
  const steps = stepsOf(s, tokens, seed, mode);
  const played = playSteps(s, steps, { seed, mode });
  played.session.stop();
  const expect = expectationOf(played);
  if (!expect) throw new UsageError(`after ${steps.length} moves the call has not ended (the customer is at "${played.session.context.node}"): add the moves to an ending`);

  const plansFile = plansFileFor(file, s.id);
  let plans: readonly Plan[] = [];
  if (existsSync(plansFile)) {
    const parsed = parsePlanFile(readFileSync(plansFile, 'utf8'), shownPath(plansFile));
    if (!parsed.ok) {
      for (const d of parsed.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      process.stderr.write(`${shownPath(plansFile)} cannot be read; fix the problems above, then pin again\n`);
      return EXIT.problems;
    }
    plans = parsed.plans;
  }
  const plan: Plan = {
    name,
    ...(values.note ? { note: values.note } : {}),
    ...(seed !== DEFAULT_SEED ? { seed } : {}),
    ...(mode !== DEFAULT_MODE ? { mode } : {}),
    steps,
    expect,
  };
  const next = withPlan(plans, plan);
  writeFileSync(plansFile, formatPlanFile(next.plans));
  write(
    [
      `${next.replaced ? 'replaced' : 'added'} plan "${name}" in ${shownPath(plansFile)} (${next.plans.length} plan${next.plans.length === 1 ? '' : 's'}):`,
      ...steps.map(([node, move], i) => `  ${i + 1}. at "${node}": ${move}`),
      `  ends at "${expect.ending}" (${expect.outcome}${expect.ideal ? ', ideal' : ''}): politeness ${expect.politeness}, accuracy ${expect.accuracy}, judgment ${expect.judgment}, overall ${expect.overall}`,
    ].join('\n'),
  );
  return EXIT.clean;
}
