// What a call can still score from a state part way through it: the best and the worst overall
// over every way on (replies, actions, hanging up), counting what was already lost. Exact: the
// score bounds' shortest paths (boundPaths.ts) over the state graph built from that state.
import type { Scenario } from '../format/model.js';
import type { SessionContext } from '../rules/state.js';
import { lostSoFar } from '../scoring/score.js';
import { boundPaths } from './boundPaths.js';
import { scoreBounds } from './scoreBounds.js';
import { buildStateGraph } from './stateGraph.js';

export interface Reachable {
  readonly best: number;
  readonly worst: number;
}

/**
 * The best and worst overall still reachable from `ctx`, played on in the mode it is in; null
 * where the call is not waiting for a reply (ringing, an action running, ended) or is too
 * tangled to bound.
 */
export function reachableFrom(s: Scenario, ctx: SessionContext): Reachable | null {
  if (ctx.phase !== 'listening') return null;
  const paths = boundPaths(scoreBounds(buildStateGraph(s, { from: ctx })), { prior: lostSoFar(s, ctx.history) });
  return paths && { best: paths.overall.best.score, worst: paths.overall.worst.score };
}
