// The cheapest paths of a call, exactly: the ranking every tool and the debrief share. A path is
// ranked by the weighted points it loses (scoring/score.ts weightedLoss: as the overall score
// weighs the skills), then by the fewest turns. One search from the start finds the cheapest way
// to every ending; one search back from the endings finds, from any state, the cheapest way on.
import type { Outcome } from '../format/model.js';
import { scoresOfLost, weightedLoss } from '../scoring/score.js';
import { EPS, cheapestFromStart, cheapestToEnd, ranksBefore, type Tree } from './cheapest.js';
import type { Edge, StateGraph } from './stateGraph.js';
import { addLost, endLost, exactGraph, moveCost, moveLost, movesTo, noLoss, turnGraph, turnLimitFloor, withinTurnLimit, type Lost, type TurnGraph } from './turnGraph.js';

export interface BestPath {
  /** The moves, from the graph's start. */
  readonly moves: readonly Edge[];
  /** The ending state reached, in the graph the paths refer to. */
  readonly end: number;
  readonly node: string;
  readonly outcome: Outcome;
  /** Whether that ending is ideal (ideal outcome, every fact it requires known). */
  readonly ideal: boolean;
  /** Points lost per skill along the path and at its end (judgment beyond par included). */
  readonly lost: Lost;
  /** The same, weighted as the overall score weighs the skills: what the ranking minimises. */
  readonly pointsLost: number;
  /** The scores of a call that plays this path from the graph's start (with nothing lost before). */
  readonly scores: ReturnType<typeof scoresOfLost>;
}

export interface CallPaths {
  /** The graph the paths refer to (rebuilt with exact turns if a path ran into the turn limit). */
  readonly graph: StateGraph;
  /** The ideal path: the fewest weighted points lost, then the fewest turns, to an ideal ending. */
  readonly ideal: BestPath | null;
  /** The cheapest path reaching each ending node that can be reached. */
  readonly endings: ReadonlyMap<string, BestPath>;
}

/** A path given as entries and the move taken at each (one entry more than moves). */
function summary(tg: TurnGraph, entries: readonly number[], moves: readonly number[]): BestPath {
  let lost = noLoss();
  moves.forEach((k, i) => (lost = addLost(lost, moveLost(tg, entries[i]!, k))));
  const end = entries[entries.length - 1]!;
  lost = addLost(lost, endLost(tg, end)!);
  const ending = tg.graph.states[tg.state[end]!]!.ending!;
  return {
    moves: moves.map((k, i) => tg.graph.edges[tg.state[entries[i]!]!]![k]!),
    end: tg.state[end]!,
    node: ending.node,
    outcome: ending.outcome,
    ideal: ending.ideal,
    lost,
    pointsLost: weightedLoss(tg.scenario, lost),
    scores: scoresOfLost(tg.scenario, lost),
  };
}

const weighted = (tg: TurnGraph) => (e: number, k: number) => moveCost(tg, e, k);
const endWeighted = (tg: TurnGraph) => (e: number) => {
  const end = endLost(tg, e);
  return end ? weightedLoss(tg.scenario, end) : null;
};

function bestOn(tg: TurnGraph): CallPaths | null {
  const tree = cheapestFromStart(tg, weighted(tg));
  const endPrice = endWeighted(tg);
  const byNode = new Map<string, { cost: number; moves: number; entry: number }>();
  let ideal: { cost: number; moves: number; entry: number } | null = null;
  for (let e = 0; e < tg.state.length; e++) {
    const end = endPrice(e);
    if (end === null || tree.cost[e] === Infinity) continue;
    const here = { cost: tree.cost[e]! + end, moves: tree.moves[e]!, entry: e };
    const ending = tg.graph.states[tg.state[e]!]!.ending!;
    const seen = byNode.get(ending.node);
    if (!seen || ranksBefore(here.cost, here.moves, seen.cost, seen.moves)) byNode.set(ending.node, here);
    if (ending.ideal && (!ideal || ranksBefore(here.cost, here.moves, ideal.cost, ideal.moves))) ideal = here;
  }
  if ([...byNode.values()].some((b) => !withinTurnLimit(tg.graph, b.moves))) return null;
  // Where the customer could give up at the turn limit, that ending may be cheaper than found here.
  const limit = byNode.get(tg.scenario.hangUpNode);
  if (limit && limit.cost > turnLimitFloor(tg.graph) + EPS) return null;
  const pathOf = (entry: number) => {
    const { moves, entries } = movesTo(tg, tree.link, tree.linkMove, entry);
    return summary(tg, entries, moves);
  };
  const endings = new Map<string, BestPath>();
  for (const [node, b] of byNode) endings.set(node, pathOf(b.entry));
  return { graph: tg.graph, ideal: ideal ? pathOf(ideal.entry) : null, endings };
}

/** The ideal path and the cheapest way to each ending, from the graph's start. */
export function bestPaths(g: StateGraph): CallPaths {
  return bestOn(turnGraph(g)) ?? bestOn(turnGraph(exactGraph(g)))!;
}

export interface MoveValue {
  /** The move, as in graph.edges[0]. */
  readonly move: Edge;
  /** The cheapest way on that begins with it: null when no ending can be reached that way. */
  readonly best: BestPath | null;
}

export interface Continuations {
  readonly graph: StateGraph;
  /** Each move open at the graph's start, with the cheapest path that begins with it. */
  readonly moves: readonly MoveValue[];
  /** The cheapest of those (fewest weighted points lost, then fewest turns, then file order); null if none ends. */
  readonly best: MoveValue | null;
}

function continuationsOn(tg: TurnGraph): Continuations | null {
  const toEnd: Tree = cheapestToEnd(tg, weighted(tg), endWeighted(tg));
  const after = (k: number): BestPath | null => {
    const entries = [0];
    const moves = [k];
    let at = tg.next[tg.first[0]! + k]!;
    if (toEnd.cost[at] === Infinity) return null;
    while (toEnd.link[at]! >= 0) {
      entries.push(at);
      moves.push(toEnd.linkMove[at]!);
      at = toEnd.link[at]!;
    }
    entries.push(at);
    return summary(tg, entries, moves);
  };
  const moves = tg.graph.edges[0]!.map((move, k) => ({ move, best: after(k) }));
  if (moves.some((m) => m.best && !withinTurnLimit(tg.graph, m.best.moves.length))) return null;
  // A way on that runs to the turn limit (left out here) might be cheaper than one found.
  const floor = turnLimitFloor(tg.graph);
  if (moves.some((m) => m.best && m.best.pointsLost > floor + EPS)) return null;
  let best: MoveValue | null = null;
  for (const m of moves) {
    if (m.best && (!best || ranksBefore(m.best.pointsLost, m.best.moves.length, best.best!.pointsLost, best.best!.moves.length))) best = m;
  }
  return { graph: tg.graph, moves, best };
}

/**
 * From the graph's start — build it `from` a state the trainee was in (stateGraph.ts) — the
 * cheapest way on after each move open there, and the cheapest of all.
 */
export function continuations(g: StateGraph): Continuations {
  return continuationsOn(turnGraph(g)) ?? continuationsOn(turnGraph(exactGraph(g)))!;
}

/** Whether path a loses no more than path b (within rounding of fractional weights). */
export const asGoodAs = (a: BestPath, b: BestPath) => a.pointsLost <= b.pointsLost + EPS;
