// The best and worst score any path through a call can reach, per skill, with a path that
// reaches it — over the turn graph, never by listing paths. The best is a cheapest path
// (cheapest.ts); the worst, the dearest, needs every path bounded, so it is found by one pass
// in topological order over a graph rebuilt with exact turns where the call can loop.
import { DIMENSIONS, clampScore, type Dimension } from '../scoring/score.js';
import { cheapestFromStart, ranksBefore } from './cheapest.js';
import type { Edge, StateGraph } from './stateGraph.js';
import { endLost, entryOrder, exactGraph, judgmentBeyondPar, movesTo, turnGraph, withinTurnLimit, type TurnGraph } from './turnGraph.js';

export interface Bound {
  readonly score: number;
  /** The moves that reach it, from the start. */
  readonly path: readonly Edge[];
  /** The ending state reached (in `graph`), or -1 when no ending is reachable. */
  readonly end: number;
}

export interface DimensionBounds {
  readonly best: Bound;
  readonly worst: Bound;
}

export type ScoreBounds = Record<Dimension, DimensionBounds> & {
  /** The graph the paths and ending states of the worst bounds refer to (rebuilt with exact turns when needed). */
  readonly graph: StateGraph;
  /** The graph of the best bounds' paths. */
  readonly bestGraph: StateGraph;
};

const NONE: Bound = { score: NaN, path: [], end: -1 };

/** Points of skill d lost by move k of entry e (judgment beyond par included). */
const lostBy = (tg: TurnGraph, d: Dimension) => (e: number, k: number) =>
  (d === 'judgment' ? judgmentBeyondPar(tg, e, k) : 0) - tg.graph.edges[tg.state[e]!]![k]!.deductions[d];

function bound(tg: TurnGraph, pred: Int32Array, predMove: Int32Array, entry: number, lost: number): Bound {
  const { moves, entries } = movesTo(tg, pred, predMove, entry);
  return { score: clampScore(100 - lost), path: moves.map((k, i) => tg.graph.edges[tg.state[entries[i]!]!]![k]!), end: tg.state[entry]! };
}

function fewest(tg: TurnGraph, d: Dimension): Bound | null {
  const tree = cheapestFromStart(tg, lostBy(tg, d));
  let best = -1;
  let bestCost = Infinity;
  for (let e = 0; e < tg.state.length; e++) {
    const end = endLost(tg, e);
    if (!end || tree.cost[e] === Infinity) continue;
    const c = tree.cost[e]! + end[d];
    if (best < 0 || ranksBefore(c, tree.moves[e]!, bestCost, tree.moves[best]!)) [best, bestCost] = [e, c];
  }
  if (best < 0) return NONE;
  return withinTurnLimit(tg.graph, tree.moves[best]!) ? bound(tg, tree.link, tree.linkMove, best, bestCost) : null;
}

function most(tg: TurnGraph, order: Int32Array, d: Dimension): Bound {
  const n = tg.state.length;
  const value = new Float64Array(n).fill(-Infinity);
  const pred = new Int32Array(n).fill(-1);
  const predMove = new Int32Array(n).fill(-1);
  const price = lostBy(tg, d);
  value[0] = 0;
  let best = -1;
  let bestValue = -Infinity;
  for (const e of order) {
    if (value[e] === -Infinity) continue;
    const end = endLost(tg, e);
    if (end) {
      if (value[e]! + end[d] > bestValue) [best, bestValue] = [e, value[e]! + end[d]];
      continue;
    }
    for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) {
      const to = tg.next[i]!;
      const v = value[e]! + price(e, k);
      if (v > value[to]!) {
        value[to] = v;
        pred[to] = e;
        predMove[to] = k;
      }
    }
  }
  return best < 0 ? NONE : bound(tg, pred, predMove, best, bestValue);
}

export function scoreBounds(input: StateGraph): ScoreBounds {
  const exact = turnGraph(exactGraph(input));
  const order = entryOrder(exact);
  if (!order) throw new Error('internal: the state graph has a loop after rebuilding with exact turns');
  // The best, on the graph as given; if a cheapest path runs into the turn limit (the customer
  // would have given up first), all of them again on the exact graph.
  let bestTg = turnGraph(input);
  let bests = DIMENSIONS.map((d) => fewest(bestTg, d));
  if (bests.some((b) => b === null)) [bestTg, bests] = [exact, DIMENSIONS.map((d) => fewest(exact, d))];
  const out = { graph: exact.graph, bestGraph: bestTg.graph } as ScoreBounds;
  DIMENSIONS.forEach((d, i) => {
    (out as Record<Dimension, DimensionBounds>)[d] = { best: bests[i]!, worst: most(exact, order, d) };
  });
  return out;
}
