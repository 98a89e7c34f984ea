// The best and worst score any path through a call can reach, per skill, with a path that
// reaches it — over the turn graph, never by listing paths. The best is a cheapest path
// (cheapest.ts); the worst, the dearest, needs every path bounded, so it is found by one pass
// in topological order over a graph rebuilt with exact turns where the call can loop.
import { DIMENSIONS, clampScore, type Dimension } from '../scoring/score.js';
import { cheapestFromStartBy, ranksBefore, treeFor, waysFor, type Tree, type Ways } from './cheapest.js';
import type { Edge, StateGraph } from './stateGraph.js';
import { endingsOf, entryOrder, exactGraph, lostAt, movesTo, turnGraph, withinTurnLimit, type TurnGraph } from './turnGraph.js';

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


function bound(tg: TurnGraph, pred: Int32Array, predMove: Int32Array, entry: number, lost: number): Bound {
  const { moves, entries } = movesTo(tg, pred, predMove, entry);
  return { score: clampScore(100 - lost), path: moves.map((k, i) => tg.graph.edges[tg.state[entries[i]!]!]![k]!), end: tg.state[entry]! };
}

/** Points of skill d lost at the end of ending entry e. */
const endLost = (tg: TurnGraph, e: number, d: Dimension) => -tg.graph.states[tg.state[e]!]!.ending!.deductions[d];

/**
 * The best of a skill: a cheapest path (points of the skill lost, then moves) to an ending, or
 * null where it runs into the turn limit. `tree` is memory to use (the skills take turns in it).
 */
function fewest(tg: TurnGraph, d: Dimension, memory: Tree, ways: Ways): Bound | null {
  // Points of skill d lost by every move (judgment beyond par included).
  const tree = cheapestFromStartBy(tg, lostAt(tg, d), memory, ways);
  let best = -1;
  let bestCost = Infinity;
  const ends = endingsOf(tg).entries;
  for (let j = 0; j < ends.length; j++) {
    const e = ends[j]!;
    if (tree.cost[e] === Infinity) continue;
    const c = tree.cost[e]! + endLost(tg, e, d);
    if (best < 0 || ranksBefore(c, tree.moves[e]!, bestCost, tree.moves[best]!)) [best, bestCost] = [e, c];
  }
  if (best < 0) return NONE;
  return withinTurnLimit(tg.graph, tree.moves[best]!) ? bound(tg, tree.link, tree.linkMove, best, bestCost) : null;
}

/**
 * The worst of a skill: the dearest path to an ending, by one pass in topological order, in
 * the memory of `ways` (entry e's value and the entry and move before it at 4e, 4e + 2, 4e + 3)
 * and `tree` (for the path).
 */
function most(tg: TurnGraph, order: Int32Array, d: Dimension, tree: Tree, ways: Ways): Bound {
  const n = tg.state.length;
  const w = ways;
  for (let e = 0; e < n; e++) {
    w[4 * e] = -Infinity;
    w[4 * e + 2] = -1;
    w[4 * e + 3] = -1;
  }
  const price = lostAt(tg, d);
  const { isEnding } = endingsOf(tg);
  w[0] = 0;
  let best = -1;
  let bestValue = -Infinity;
  for (let j = 0; j < order.length; j++) {
    const e = order[j]!;
    const here = w[4 * e]!;
    if (here === -Infinity) continue;
    if (isEnding[e]) {
      const end = endLost(tg, e, d);
      if (here + end > bestValue) [best, bestValue] = [e, here + end];
      continue;
    }
    for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) {
      const at = 4 * tg.next[i]!;
      const v = here + price(e, i, k);
      if (v > w[at]!) {
        w[at] = v;
        w[at + 2] = e;
        w[at + 3] = k;
      }
    }
  }
  if (best < 0) return NONE;
  for (let e = 0; e < n; e++) {
    tree.link[e] = w[4 * e + 2]!;
    tree.linkMove[e] = w[4 * e + 3]!;
  }
  return bound(tg, tree.link, tree.linkMove, best, bestValue);
}

export function scoreBounds(input: StateGraph): ScoreBounds {
  const exact = turnGraph(exactGraph(input));
  const order = entryOrder(exact);
  if (!order) throw new Error('internal: the state graph has a loop after rebuilding with exact turns');
  // The best, on the graph as given; if a cheapest path runs into the turn limit (the customer
  // would have given up first), all of them again on the exact graph.
  // Skill by skill, in the same memory (a call of 100,000 nodes has a million moves).
  let bestTg = turnGraph(input);
  let tree = treeFor(bestTg);
  let ways = waysFor(bestTg);
  let bests = DIMENSIONS.map((d) => fewest(bestTg, d, tree, ways));
  if (bests.some((b) => b === null)) {
    bestTg = exact;
    tree = treeFor(exact);
    ways = waysFor(exact);
    bests = DIMENSIONS.map((d) => fewest(exact, d, tree, ways));
  }
  if (bestTg !== exact) {
    tree = treeFor(exact);
    ways = waysFor(exact);
  }
  const out = { graph: exact.graph, bestGraph: bestTg.graph } as ScoreBounds;
  DIMENSIONS.forEach((d, i) => {
    (out as Record<Dimension, DimensionBounds>)[d] = { best: bests[i]!, worst: most(exact, order, d, tree, ways) };
  });
  return out;
}
