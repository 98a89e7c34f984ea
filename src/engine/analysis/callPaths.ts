// What the state graph says about the ways a call can go: which endings can be reached and the
// fewest moves to each, and the places a trainee can get into from which no reply leads to an
// ending. All linear in the size of the graph. (The cheapest paths are bestPaths.ts.)
import type { Outcome } from '../format/model.js';
import { packedEdges, pathTo, type Edge, type StateGraph } from './stateGraph.js';

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
  const { start, to, gaveUp, ended } = packedEdges(g);
  // The moves reversed, packed: the states with a move into s are from[into[s]] … from[into[s + 1] - 1].
  const into = new Int32Array(n + 1);
  for (let i = 0; i < to.length; i++) into[to[i]! + 1]!++;
  for (let s = 0; s < n; s++) into[s + 1]! += into[s]!;
  const from = new Int32Array(into[n]!);
  const fill = into.slice(0, n);
  const canFinish = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let s = 0; s < n; s++) {
    for (let i = start[s]!; i < start[s + 1]!; i++) {
      const t = to[i]!;
      from[fill[t]!++] = s;
      if (!gaveUp[i] && ended[t] && !canFinish[s]) {
        canFinish[s] = 1;
        queue[tail++] = s;
      }
    }
  }
  for (let k = 0; k < tail; k++) {
    const q = queue[k]!;
    for (let i = into[q]!; i < into[q + 1]!; i++) {
      const p = from[i]!;
      if (!canFinish[p] && !ended[p]) {
        canFinish[p] = 1;
        queue[tail++] = p;
      }
    }
  }
  // Group the trapped states into connected pieces, each reported once.
  const group = new Int32Array(n).fill(-1);
  const out: Trap[] = [];
  for (let s = 0; s < n; s++) {
    if (ended[s] || canFinish[s] || group[s]! >= 0 || start[s] === start[s + 1] || g.states[s]!.offered === 0) continue;
    const nodes: string[] = [];
    const seen = new Set<string>();
    const stack = [s];
    group[s] = out.length;
    const visit = (v: number) => {
      if (group[v]! < 0 && !ended[v] && !canFinish[v]) {
        group[v] = out.length;
        stack.push(v);
      }
    };
    while (stack.length > 0) {
      const u = stack.pop()!;
      const node = g.states[u]!.node;
      if (!seen.has(node)) {
        seen.add(node);
        nodes.push(node);
      }
      // Where its moves lead, then where the moves into it come from.
      for (let i = start[u]!; i < start[u + 1]!; i++) visit(to[i]!);
      for (let i = into[u]!; i < into[u + 1]!; i++) visit(from[i]!);
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
