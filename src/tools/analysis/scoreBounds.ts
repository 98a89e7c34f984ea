// The best and worst score any path through a call can reach, per skill, with a path that
// reaches it — computed over the state graph, never by listing paths.
//
// The graph is acyclic (a call with a loop, or one long enough for the turn limit, is rebuilt
// with exact turns: see needsExactTurns), so one pass in topological order finds both the
// cheapest and the dearest way to every state. Judgment lost for turns beyond par depends on
// the length of the path, so the pass runs over (state, turns so far capped at par): a product
// no bigger than the graph times par, and in practice a small multiple of it.
import { DIMENSIONS, type Dimension } from '../../engine/index.js';
import { buildStateGraph, needsExactTurns, topologicalOrder, type Edge, type StateGraph } from './stateGraph.js';

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
  /** The graph the paths and ending states refer to (rebuilt with exact turns when needed). */
  readonly graph: StateGraph;
};

const clamp = (v: number) => Math.max(0, Math.min(100, v));
// Six objectives: for each skill, the least and the most points lost.
const OBJECTIVES = DIMENSIONS.length * 2;

/** The graph analyses should use: the given one, or a rebuild with exact turns when turns matter. */
export function exactGraph(g: StateGraph): StateGraph {
  return needsExactTurns(g) ? buildStateGraph(g.scenario, { ...g.options, turns: 'exact' }) : g;
}

export function scoreBounds(input: StateGraph): ScoreBounds {
  const g = exactGraph(input);
  const order = topologicalOrder(g);
  if (!order) throw new Error('internal: the state graph has a loop after rebuilding with exact turns');
  const { par, overPar } = g.scenario.scoring;
  const exact = g.turns === 'exact';
  const cap = par === null || exact ? 0 : par;
  const overParAfter = (state: number, tau: number) => (par !== null && (exact ? g.states[state]!.turns : tau) >= par ? overPar : 0);

  // Entries of the product (state, turns capped at par), created as they are reached.
  const entryState: number[] = [];
  const entryTau: number[] = [];
  const value: number[][] = Array.from({ length: OBJECTIVES }, () => []);
  const pred: number[][] = Array.from({ length: OBJECTIVES }, () => []);
  const predEdge: number[][] = Array.from({ length: OBJECTIVES }, () => []);
  const entriesOf: (number[] | undefined)[] = new Array(g.states.length);
  const entry = (state: number, tau: number): number => {
    const list = (entriesOf[state] ??= []);
    for (const e of list) if (entryTau[e] === tau) return e;
    const e = entryState.length;
    entryState.push(state);
    entryTau.push(tau);
    for (let o = 0; o < OBJECTIVES; o++) {
      value[o]!.push(o % 2 === 0 ? Infinity : -Infinity);
      pred[o]!.push(-1);
      predEdge[o]!.push(-1);
    }
    list.push(e);
    return e;
  };
  const start = entry(0, 0);
  for (let o = 0; o < OBJECTIVES; o++) value[o]![start] = 0;

  const best = Array.from({ length: OBJECTIVES }, () => ({ cost: NaN, entry: -1 }));
  for (const s of order) {
    const ending = g.states[s]!.ending;
    for (const from of entriesOf[s] ?? []) {
      if (ending) {
        DIMENSIONS.forEach((d, i) => {
          for (const o of [2 * i, 2 * i + 1]) {
            const total = value[o]![from]! - ending.deductions[d];
            const b = best[o]!;
            if (b.entry < 0 || (o % 2 === 0 ? total < b.cost : total > b.cost)) [b.cost, b.entry] = [total, from];
          }
        });
        continue;
      }
      const tau = entryTau[from]!;
      const extra = overParAfter(s, tau);
      const out = g.edges[s]!;
      for (let k = 0; k < out.length; k++) {
        const edge = out[k]!;
        const to = entry(edge.to, Math.min(tau + 1, cap));
        for (let i = 0; i < DIMENSIONS.length; i++) {
          const d = DIMENSIONS[i]!;
          const cost = -edge.deductions[d] + (d === 'judgment' ? extra : 0);
          const lo = 2 * i;
          const hi = lo + 1;
          const vlo = value[lo]!;
          const vhi = value[hi]!;
          if (vlo[from]! + cost < vlo[to]!) {
            vlo[to] = vlo[from]! + cost;
            pred[lo]![to] = from;
            predEdge[lo]![to] = k;
          }
          if (vhi[from]! + cost > vhi[to]!) {
            vhi[to] = vhi[from]! + cost;
            pred[hi]![to] = from;
            predEdge[hi]![to] = k;
          }
        }
      }
    }
  }

  const bound = (o: number): Bound => {
    const b = best[o]!;
    if (b.entry < 0) return { score: NaN, path: [], end: -1 };
    const path: Edge[] = [];
    for (let e = b.entry; pred[o]![e]! >= 0; e = pred[o]![e]!) path.push(g.edges[entryState[pred[o]![e]!]!]![predEdge[o]![e]!]!);
    return { score: clamp(100 - b.cost), path: path.reverse(), end: entryState[b.entry]! };
  };
  const out = { graph: g } as ScoreBounds;
  DIMENSIONS.forEach((d, i) => {
    (out as Record<Dimension, DimensionBounds>)[d] = { best: bound(2 * i), worst: bound(2 * i + 1) };
  });
  return out;
}
