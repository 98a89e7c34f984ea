// Plays a plan on the engine's own Session, as the game would — replies picked by id (never by
// their shuffled place), given at once; actions and the reply timer run their time in ticks —
// and says where it stops playing as written, or how its ending differs from the expected one.
import { closest } from 'fastest-levenshtein';
import { Session, TICK_MS, type Mode, type Scenario, type ScoreCard } from '../../engine/index.js';
import { HANG_UP, TIMEOUT, type Expectation, type Plan, type Step } from './planFile.js';

export interface PlanPlay {
  readonly session: Session;
  /** The step that could not be played as written (from 0), and why; null when every step played. */
  readonly stopped: { readonly step: number; readonly why: string } | null;
  readonly score: ScoreCard;
  /** The ending node, once the call has ended. */
  readonly ending: string | null;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_MODE: Mode = 'practice';

/** Lets time pass in whole ticks until the action under way finishes (or the customer hangs up). */
function finishWork(session: Session): void {
  while (session.view.phase === 'working') session.ticks(TICK_MS, Math.max(1, Math.ceil((session.view.work?.leftMs ?? TICK_MS) / TICK_MS)));
}

/** Plays one step; returns why it cannot be played as written, or null. */
function playStep(session: Session, [node, move]: Step): string | null {
  const view = session.view;
  if (session.ended) return `the call has already ended at "${session.context.ending?.node}"`;
  if (view.phase !== 'listening' || view.line?.id !== node) return `the call is at "${view.line?.id ?? session.context.node}", not "${node}"`;
  const here = session.scenario.nodes.get(node)!;
  const reply = here.replies.find((r) => r.id === move);
  if (reply) {
    const shown = view.replies.find((r) => r.id === reply.id);
    if (!shown) return `reply "${move}" is not on offer at "${node}" now (on offer: ${view.replies.map((r) => `"${r.id}"`).join(', ')})`;
    session.choose(shown.n);
    finishWork(session);
    return null;
  }
  if (move === HANG_UP) {
    session.hangUp();
    return null;
  }
  if (move === TIMEOUT) {
    if (!view.timer) return session.options.mode === 'exam' ? `node "${node}" has no timeout` : `the timer only runs in an exam: add "mode": "exam" to the plan`;
    const turn = view.turn;
    while (!session.ended && session.view.turn === turn) session.ticks(TICK_MS, Math.max(1, Math.ceil((session.view.timer?.leftMs ?? TICK_MS) / TICK_MS)));
    finishWork(session);
    return null;
  }
  const ids = here.replies.map((r) => r.id);
  const guess = ids.length > 0 ? closest(move, ids) : null;
  return `node "${node}" has no reply "${move}"${guess ? ` (did you mean "${guess}"?)` : ''}; its replies: ${ids.map((i) => `"${i}"`).join(', ')}, or "${TIMEOUT}" / "${HANG_UP}"`;
}

/** Plays the steps from answering the phone; stops at the first step that cannot be played as written. */
export function playSteps(s: Scenario, steps: readonly Step[], options: { seed?: number; mode?: Mode } = {}): PlanPlay {
  const session = new Session(s, { seed: options.seed ?? DEFAULT_SEED, mode: options.mode ?? DEFAULT_MODE });
  session.answer();
  let stopped: PlanPlay['stopped'] = null;
  for (let i = 0; i < steps.length; i++) {
    const why = playStep(session, steps[i]!);
    if (why) {
      stopped = { step: i, why };
      break;
    }
  }
  return { session, stopped, score: session.score(), ending: session.context.ending?.node ?? null };
}

export const playPlan = (s: Scenario, plan: Plan, seed = plan.seed): PlanPlay => playSteps(s, plan.steps, { seed, mode: plan.mode });

/** What a played call ended with, in the plan's terms (null while the call goes on). */
export function expectationOf(played: PlanPlay): Expectation | null {
  const { score, ending } = played;
  if (ending === null || score.outcome === null) return null;
  return { ending, outcome: score.outcome, ideal: score.ideal, politeness: score.politeness, accuracy: score.accuracy, judgment: score.judgment, overall: score.overall };
}

export interface PlanDifference {
  /** Where in the plan: a step (from 0), or the expectation's field. */
  readonly at: { readonly step: number } | { readonly expect: keyof Expectation | null };
  readonly message: string;
}

const FIELDS = ['ending', 'outcome', 'ideal', 'politeness', 'accuracy', 'judgment', 'overall'] as const satisfies readonly (keyof Expectation)[];

/** How a plan no longer plays as written: the first step that differs, or every expected value that does; empty when it plays the same. */
export function planDifferences(s: Scenario, plan: Plan): PlanDifference[] {
  const played = playPlan(s, plan);
  played.session.stop();
  if (played.stopped) {
    const { step, why } = played.stopped;
    return [{ at: { step }, message: `step ${step + 1} ${JSON.stringify(plan.steps[step])} no longer plays: ${why}` }];
  }
  const got = expectationOf(played);
  if (!got) return [{ at: { expect: null }, message: `after its ${plan.steps.length} steps the call has not ended (the customer is at "${played.session.context.node}")` }];
  return FIELDS.filter((f) => got[f] !== plan.expect[f]).map((f) => ({ at: { expect: f }, message: `${f} is ${JSON.stringify(got[f])}, not ${JSON.stringify(plan.expect[f])} as pinned` }));
}
