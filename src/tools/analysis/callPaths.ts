// What the state graph says about the ways a call can go: which endings can be reached and the
// shortest way to each, the shortest way to an ideal ending, and the places a trainee can get
// into from which no reply leads to an ending. All linear in the size of the graph.
import type { Outcome } from '../../engine/index.js';
import { pathTo, type Edge, type StateGraph } from './stateGraph.js';

export interface EndingReach {
  readonly node: string;
  readonly outcome: Outcome;
  /** Distinct states (facts known) in which the call can end here. */
  readonly states: number;
  /** Whether this ending can be ideal (ideal outcome, every required fact known). */
  readonly canBeIdeal: boolean;
  /** The fewest moves that end here, and the ending state they reach. */
  readonly shortest: readonly Edge[];
  readonly state: number;
}

/** Every ending node reached, in the order first reached (the shortest first). */
export function endingsReached(g: StateGraph): EndingReach[] {
  const byNode = new Map<string, { outcome: Outcome; states: number; canBeIdeal: boolean; first: number }>();
  g.states.forEach((st, i) => {
    if (!st.ending) return;
    const seen = byNode.get(st.ending.node);
    if (seen) {
      seen.states++;
      seen.canBeIdeal ||= st.ending.ideal;
    } else byNode.set(st.ending.node, { outcome: st.ending.outcome, states: 1, canBeIdeal: st.ending.ideal, first: i });
  });
  return [...byNode.entries()].map(([node, e]) => ({ node, outcome: e.outcome, states: e.states, canBeIdeal: e.canBeIdeal, shortest: pathTo(g, e.first), state: e.first }));
}

export interface IdealPath {
  readonly path: readonly Edge[];
  /** The ending state reached. */
  readonly end: number;
  /** Points lost on the way and at the end, all skills together (judgment beyond par included). */
  readonly cost: number;
}

const lost = (d: { politeness: number; accuracy: number; judgment: number }) => -(d.politeness + d.accuracy + d.judgment);

/**
 * The fewest moves to an ideal ending with everything it requires known; among paths of that
 * length, the one that loses the fewest points. States come in breadth-first order, so one
 * forward pass over the edges that go one level deeper finds it.
 */
export function shortestIdealPath(g: StateGraph): IdealPath | null {
  const n = g.states.length;
  const { par, overPar } = g.scenario.scoring;
  const cost = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const prevEdge = new Int32Array(n).fill(-1);
  cost[0] = 0;
  let best: { depth: number; cost: number; end: number } | null = null;
  for (let s = 0; s < n; s++) {
    const st = g.states[s]!;
    if (cost[s] === Infinity) continue;
    if (st.ending?.ideal) {
      const total = cost[s]! + lost(st.ending.deductions);
      if (!best || st.depth < best.depth || (st.depth === best.depth && total < best.cost)) best = { depth: st.depth, cost: total, end: s };
    }
    if (best && st.depth >= best.depth) continue;
    const extra = par !== null && st.depth >= par ? overPar : 0;
    g.edges[s]!.forEach((e, i) => {
      if (g.states[e.to]!.depth !== st.depth + 1) return;
      const c = cost[s]! + lost(e.deductions) + extra;
      if (c < cost[e.to]!) {
        cost[e.to] = c;
        prev[e.to] = s;
        prevEdge[e.to] = i;
      }
    });
  }
  if (!best) return null;
  const path: Edge[] = [];
  for (let s = best.end; prev[s]! >= 0; s = prev[s]!) path.push(g.edges[prev[s]!]![prevEdge[s]!]!);
  return { path: path.reverse(), end: best.end, cost: best.cost };
}

export interface Trap {
  /** The first state of the trap reached (fewest moves). */
  readonly state: number;
  /** Every node of the trap, first reached first. */
  readonly nodes: readonly string[];
}

/**
 * Listening states from which no sequence of moves reaches an ending by the scenario's own
 * links — only the customer giving up (out of patience, or after the turn limit) ends the call.
 * States with nothing on offer at all are left out: those are reported as stuck.
 */
export function traps(g: StateGraph): Trap[] {
  const n = g.states.length;
  const reverse: number[][] = Array.from({ length: n }, () => []);
  const canFinish = new Uint8Array(n);
  const queue: number[] = [];
  g.edges.forEach((out, s) => {
    for (const e of out) {
      reverse[e.to]!.push(s);
      if (!e.gaveUp && g.states[e.to]!.ending && !canFinish[s]) {
        canFinish[s] = 1;
        queue.push(s);
      }
    }
  });
  for (let k = 0; k < queue.length; k++) {
    for (const p of reverse[queue[k]!]!) {
      if (!canFinish[p] && !g.states[p]!.ending) {
        canFinish[p] = 1;
        queue.push(p);
      }
    }
  }
  // Group the trapped states into connected pieces, each reported once.
  const group = new Int32Array(n).fill(-1);
  const out: Trap[] = [];
  for (let s = 0; s < n; s++) {
    const st = g.states[s]!;
    if (st.ending || canFinish[s] || group[s]! >= 0 || g.edges[s]!.length === 0 || st.offered === 0) continue;
    const nodes: string[] = [];
    const stack = [s];
    group[s] = out.length;
    while (stack.length > 0) {
      const u = stack.pop()!;
      if (!nodes.includes(g.states[u]!.node)) nodes.push(g.states[u]!.node);
      for (const v of [...g.edges[u]!.map((e) => e.to), ...reverse[u]!]) {
        if (group[v]! < 0 && !g.states[v]!.ending && !canFinish[v]) {
          group[v] = out.length;
          stack.push(v);
        }
      }
    }
    out.push({ state: s, nodes });
  }
  return out;
}

/** Listening states where no reply is on offer (every reply's condition fails). Needs a complete graph. */
export function stuckStates(g: StateGraph): number[] {
  const out: number[] = [];
  g.states.forEach((st, i) => {
    if (!st.ending && st.offered === 0) out.push(i);
  });
  return out;
}
