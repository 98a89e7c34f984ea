// The state graph with the turns taken so far: what every exact analysis walks. A state of the
// graph leaves turns out (they would multiply the states by the call's length), but judgment
// lost beyond par depends on them, so here each state is split by the turns taken up to par —
// a product no bigger than the graph times par, in practice a small multiple of it. In a graph
// built with exact turns a state already knows its turns, and is not split.
//
// Every move's cost is priced here, once, from the engine's scoring rules: its deductions, plus
// the judgment it costs beyond par.
import type { Scenario } from '../format/model.js';
import { MAX_TURNS } from '../rules/transitions.js';
import { overParPoints, skillWeights, weighLoss, type Dimension } from '../scoring/score.js';
import { buildStateGraph, needsExactTurns, packedEdges, type StateGraph } from './stateGraph.js';

export interface TurnGraph {
  readonly graph: StateGraph;
  readonly scenario: Scenario;
  /** Entry → its state in `graph`. Entry 0 is the start. */
  readonly state: Int32Array;
  /** Entry → turns taken so far (capped at par in a graph without exact turns). */
  readonly turns: Int32Array;
  /** The entry that move k of entry e leads to: `next[first[e] + k]` (moves as in graph.edges). */
  readonly first: Int32Array;
  readonly next: Int32Array;
  /** Judgment lost beyond par by a move out of entry e that is a turn (turn turns[e] + 1); see judgmentBeyondPar. */
  readonly overPar: Float64Array;
  /** What is worked out from this graph once, on first use (see costsOf, endingsOf, entryOrder). */
  readonly cache: TurnGraphCache;
}

interface TurnGraphCache {
  weighted?: Float64Array;
  endings?: Endings;
  order?: Int32Array | null;
}

/** The entries that are endings: in ascending order, and as a mark per entry. */
export interface Endings {
  readonly entries: Int32Array;
  readonly isEnding: Uint8Array;
}

/** Judgment lost beyond par by move k of entry e: only a move that is a turn of the call counts. */
export const judgmentBeyondPar = (tg: TurnGraph, e: number, k: number) => (tg.graph.edges[tg.state[e]!]![k]!.turned ? tg.overPar[e]! : 0);

const rebuilt = new WeakMap<StateGraph, StateGraph>();

/**
 * The graph for analyses that need every path bounded: a rebuild with exact turns when the call
 * can loop or run to the turn limit. Rebuilt once per graph, however many analyses ask.
 */
export function exactGraph(g: StateGraph): StateGraph {
  if (!needsExactTurns(g)) return g;
  let exact = rebuilt.get(g);
  if (!exact) rebuilt.set(g, (exact = buildStateGraph(g.scenario, { ...g.options, turns: 'exact' })));
  return exact;
}

/**
 * Whether a path found on a graph without exact turns is real: the customer would not have
 * given up at the turn limit on the way.
 */
export function withinTurnLimit(g: StateGraph, moves: number): boolean {
  return g.turns === 'exact' || g.startTurns + moves < MAX_TURNS;
}

/**
 * A floor under the weighted points lost by any path from the graph's start that runs until the
 * customer gives up at the turn limit — the judgment beyond par of every turn up to the limit —
 * or Infinity where no path can get that long. A graph without exact turns leaves such paths
 * out; a cheapest path found there that costs no more than this floor is still the cheapest.
 */
export function turnLimitFloor(g: StateGraph): number {
  if (g.turns === 'exact' || !needsExactTurns(g)) return Infinity;
  return skillWeights(g.scenario).judgment * (overParPoints(g.scenario, MAX_TURNS) - overParPoints(g.scenario, g.startTurns));
}

const graphs = new WeakMap<StateGraph, TurnGraph>();

/** The turn graph of a state graph, built once per graph (breadth first from the start). */
export function turnGraph(g: StateGraph): TurnGraph {
  const cached = graphs.get(g);
  if (cached) return cached;
  const s = g.scenario;
  const exact = g.turns === 'exact';
  const cap = exact || s.scoring.par === null ? 0 : s.scoring.par;
  // In typed arrays grown as needed: a call of 100,000 nodes has a million moves, which lists of
  // numbers would hold twice over (and copy once more at the end) for the collector.
  const n = g.states.length;
  const { start, to, turned } = packedEdges(g);
  let state = new Int32Array(n + 16);
  let turns = new Int32Array(n + 16);
  // The entries of a state, as a list threaded through `sibling` (a state has a few at most).
  const head = new Int32Array(n).fill(-1);
  let sibling = new Int32Array(n + 16);
  let entries = 0;
  const entry = (st: number, t: number): number => {
    for (let e = head[st]!; e >= 0; e = sibling[e]!) if (turns[e] === t) return e;
    const e = entries++;
    if (e === state.length) [state, turns, sibling] = [grown(state), grown(turns), grown(sibling)];
    state[e] = st;
    turns[e] = t;
    sibling[e] = head[st]!;
    head[st] = e;
    return e;
  };
  entry(0, exact ? g.states[0]!.turns : Math.min(g.startTurns, cap));
  let first = new Int32Array(n + 17);
  let next = new Int32Array(to.length + 16);
  let moves = 0;
  for (let e = 0; e < entries; e++) {
    if (e + 1 >= first.length) first = grown(first);
    first[e] = moves;
    const t = Math.min(turns[e]! + 1, cap);
    const st = state[e]!;
    for (let i = start[st]!; i < start[st + 1]!; i++) {
      const target = entry(to[i]!, exact ? g.states[to[i]!]!.turns : turned[i] ? t : turns[e]!);
      if (moves === next.length) next = grown(next);
      next[moves++] = target;
    }
  }
  first[entries] = moves;
  const overPar = new Float64Array(entries);
  // In a graph without exact turns, turns[e] is capped at par: every move from there is beyond it.
  for (let e = 0; e < entries; e++) overPar[e] = overParPoints(s, turns[e]! + 1) - overParPoints(s, turns[e]!);
  const out: TurnGraph = { graph: g, scenario: s, state: state.slice(0, entries), turns: turns.slice(0, entries), first: first.slice(0, entries + 1), next: next.slice(0, moves), overPar, cache: {} };
  graphs.set(g, out);
  return out;
}

/** A typed array twice as long, holding the same numbers first. */
function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Entries in an order where every move goes forward, or null if the turn graph has a loop. Computed once per turn graph. */
export function entryOrder(tg: TurnGraph): Int32Array | null {
  if (tg.cache.order === undefined) tg.cache.order = computeEntryOrder(tg);
  return tg.cache.order;
}

function computeEntryOrder(tg: TurnGraph): Int32Array | null {
  const n = tg.state.length;
  const indegree = new Int32Array(n);
  for (let i = 0; i < tg.next.length; i++) indegree[tg.next[i]!]!++;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let e = 0; e < n; e++) if (indegree[e] === 0) order[tail++] = e;
  while (head < tail) {
    const e = order[head++]!;
    for (let i = tg.first[e]!; i < tg.first[e + 1]!; i++) if (--indegree[tg.next[i]!]! === 0) order[tail++] = tg.next[i]!;
  }
  return tail === n ? order : null;
}

/** Points lost per skill (0 or more). */
export type Lost = Record<Dimension, number>;

export const noLoss = (): Lost => ({ politeness: 0, accuracy: 0, judgment: 0 });

/** Points lost by move k of entry e, per skill, judgment beyond par included. */
export function moveLost(tg: TurnGraph, e: number, k: number): Lost {
  const d = tg.graph.edges[tg.state[e]!]![k]!.deductions;
  return { politeness: -d.politeness, accuracy: -d.accuracy, judgment: -d.judgment + judgmentBeyondPar(tg, e, k) };
}

/** Points lost at the end, per skill, if entry e is an ending (else null). */
export function endLost(tg: TurnGraph, e: number): Lost | null {
  const ending = tg.graph.states[tg.state[e]!]!.ending;
  if (!ending) return null;
  const d = ending.deductions;
  return { politeness: -d.politeness, accuracy: -d.accuracy, judgment: -d.judgment };
}

export function addLost(a: Lost, b: Lost): Lost {
  return { politeness: a.politeness + b.politeness, accuracy: a.accuracy + b.accuracy, judgment: a.judgment + b.judgment };
}

/** Weighted points lost by move k of entry e: what the rankings of paths add up. */
export const moveCost = (tg: TurnGraph, e: number, k: number) => costsOf(tg)[tg.first[e]! + k]!;

/** moveCost of every move, by its place in `next` (first[e] + k): priced once per turn graph. */
export function costsOf(tg: TurnGraph): Float64Array {
  let out = tg.cache.weighted;
  if (!out) {
    out = tg.cache.weighted = new Float64Array(tg.next.length);
    const lost = noLoss();
    const weights = skillWeights(tg.scenario);
    // From the graph's packed moves, which hold each deduction exactly as its edge does.
    const { start, turned, deductions } = packedEdges(tg.graph);
    for (let e = 0; e < tg.state.length; e++) {
      for (let i = tg.first[e]!, x = start[tg.state[e]!]!; i < tg.first[e + 1]!; i++, x++) {
        // moveLost's points, weighted as weightedLoss weighs them (weighLoss): the same numbers, to the last bit.
        lost.politeness = -deductions[3 * x]!;
        lost.accuracy = -deductions[3 * x + 1]!;
        lost.judgment = -deductions[3 * x + 2]! + (turned[x] ? tg.overPar[e]! : 0);
        out[i] = weighLoss(weights, lost);
      }
    }
  }
  return out;
}

/**
 * Points of skill `dim` lost by a move, judgment beyond par included — what the score bounds
 * add up — read from the graph's packed moves as they are needed (a call of 100,000 nodes has
 * a million moves; an array of their prices per skill would be memory for the collector).
 */
export function lostAt(tg: TurnGraph, dim: Dimension): (e: number, i: number, k: number) => number {
  const { start, turned, deductions } = packedEdges(tg.graph);
  const { state, overPar } = tg;
  const judgment = dim === 'judgment';
  const at = dim === 'politeness' ? 0 : dim === 'accuracy' ? 1 : 2;
  // Entry e's moves are its state's, in order.
  return (e, _i, k) => {
    const x = start[state[e]!]! + k;
    return (judgment ? (turned[x] ? overPar[e]! : 0) : 0) - deductions[3 * x + at]!;
  };
}

/** The ending entries of a turn graph, found once. */
export function endingsOf(tg: TurnGraph): Endings {
  let endings = tg.cache.endings;
  if (!endings) {
    const n = tg.state.length;
    const isEnding = new Uint8Array(n);
    const entries: number[] = [];
    const states = tg.graph.states;
    for (let e = 0; e < n; e++) {
      if (!states[tg.state[e]!]!.ending) continue;
      isEnding[e] = 1;
      entries.push(e);
    }
    endings = tg.cache.endings = { entries: Int32Array.from(entries), isEnding };
  }
  return endings;
}


/** The moves from the start to entry `e`, following `pred`/`predMove`. */
export function movesTo(tg: TurnGraph, pred: Int32Array, predMove: Int32Array, e: number): { moves: number[]; entries: number[] } {
  const moves: number[] = [];
  const entries: number[] = [e];
  for (let at = e; pred[at]! >= 0; at = pred[at]!) {
    moves.push(predMove[at]!);
    entries.push(pred[at]!);
  }
  return { moves: moves.reverse(), entries: entries.reverse() };
}
