// The best and worst score any path through a call can reach, per skill, computed over the
// state graph: cheapest path (Dijkstra) for the best, dearest path (longest path over the
// strongly connected components) for the worst. A loop that costs points and can be repeated
// at will makes the worst 0.
import { DIMENSIONS, type Deductions, type Dimension } from '../../engine/index.js';
import type { Edge, StateGraph } from './stateGraph.js';

export interface Bound {
  readonly score: number;
  /** The moves that reach it (empty if unbounded). */
  readonly path: readonly Edge[];
  /** The ending state reached, or -1 when no ending is reachable. */
  readonly end: number;
  /** The worst is unbounded below: a costly loop can repeat forever (score clamps to 0). */
  readonly unbounded: boolean;
}

export interface DimensionBounds {
  readonly best: Bound;
  readonly worst: Bound;
}

type Weight = (d: Deductions) => number;

const costOf = (dimension: Dimension): Weight => (d) => -d[dimension];
const clamp = (v: number) => Math.max(0, Math.min(100, v));

/** Min-heap on (cost, state), enough for Dijkstra. */
class Heap {
  private readonly keys: number[] = [];
  private readonly items: number[] = [];
  get size() {
    return this.items.length;
  }
  push(key: number, item: number) {
    let i = this.items.length;
    this.keys.push(key);
    this.items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p]! <= key) break;
      this.keys[i] = this.keys[p]!;
      this.items[i] = this.items[p]!;
      i = p;
    }
    this.keys[i] = key;
    this.items[i] = item;
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.items[0]!];
    const key = this.keys.pop()!;
    const item = this.items.pop()!;
    const n = this.items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const c = l + 1 < n && this.keys[l + 1]! < this.keys[l]! ? l + 1 : l;
        if (this.keys[c]! >= key) break;
        this.keys[i] = this.keys[c]!;
        this.items[i] = this.items[c]!;
        i = c;
      }
      this.keys[i] = key;
      this.items[i] = item;
    }
    return top;
  }
}

function endCost(g: StateGraph, s: number, w: Weight): number | null {
  const e = g.states[s]!.ending;
  return e ? w(e.deductions) : null;
}

function walkBack(g: StateGraph, prev: Int32Array, prevEdge: Int32Array, end: number): Edge[] {
  const path: Edge[] = [];
  for (let s = end; prev[s]! >= 0; s = prev[s]!) path.push(g.edges[prev[s]!]![prevEdge[s]!]!);
  return path.reverse();
}

/** Least total cost from the start to an ending, counting what the ending itself costs. */
export function cheapest(g: StateGraph, w: Weight): { cost: number; end: number; path: Edge[] } {
  const n = g.states.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const prevEdge = new Int32Array(n).fill(-1);
  const heap = new Heap();
  dist[0] = 0;
  heap.push(0, 0);
  let best = Infinity;
  let end = -1;
  while (heap.size > 0) {
    const [d, s] = heap.pop();
    if (d > dist[s]! || d >= best) continue;
    const ec = endCost(g, s, w);
    if (ec !== null && d + ec < best) [best, end] = [d + ec, s];
    g.edges[s]!.forEach((e, i) => {
      const nd = d + w(e.deductions);
      if (nd < dist[e.to]!) {
        dist[e.to] = nd;
        prev[e.to] = s;
        prevEdge[e.to] = i;
        heap.push(nd, e.to);
      }
    });
  }
  return { cost: best, end, path: end < 0 ? [] : walkBack(g, prev, prevEdge, end) };
}

/** Strongly connected components (iterative Tarjan); returns component ids in reverse topological order. */
function components(g: StateGraph): Int32Array {
  const n = g.states.length;
  const comp = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const order = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const work: [number, number][] = [];
  let counter = 0;
  let c = 0;
  for (let root = 0; root < n; root++) {
    if (order[root]! >= 0) continue;
    work.push([root, 0]);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i === 0) {
        order[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const out = g.edges[v]!;
      if (i < out.length) {
        frame[1]++;
        const u = out[i]!.to;
        if (order[u]! < 0) work.push([u, 0]);
        else if (onStack[u]) low[v] = Math.min(low[v]!, order[u]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const p = work[work.length - 1]![0];
        low[p] = Math.min(low[p]!, low[v]!);
      }
      if (low[v] === order[v]) {
        for (;;) {
          const u = stack.pop()!;
          onStack[u] = 0;
          comp[u] = c;
          if (u === v) break;
        }
        c++;
      }
    }
  }
  return comp;
}

/** A path inside one component (all of whose edges cost nothing) from `from` to `to`. */
function pathWithin(g: StateGraph, comp: Int32Array, from: number, to: number): Edge[] {
  const prev = new Map<number, [number, number]>([[from, [-1, -1]]]);
  const queue = [from];
  for (let k = 0; k < queue.length && !prev.has(to); k++) {
    const s = queue[k]!;
    g.edges[s]!.forEach((e, i) => {
      if (comp[e.to] === comp[from] && !prev.has(e.to)) {
        prev.set(e.to, [s, i]);
        queue.push(e.to);
      }
    });
  }
  const path: Edge[] = [];
  for (let s = to; s !== from; ) {
    const [p, i] = prev.get(s)!;
    path.push(g.edges[p]![i]!);
    s = p;
  }
  return path.reverse();
}

/** Greatest total cost from the start to an ending; unbounded if a costly loop lies on the way. */
export function dearest(g: StateGraph, w: Weight): { cost: number; end: number; path: Edge[]; unbounded: boolean } {
  const n = g.states.length;
  const comp = components(g);
  let count = 0;
  for (let s = 0; s < n; s++) count = Math.max(count, comp[s]! + 1);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let s = 0; s < n; s++) members[comp[s]!]!.push(s);
  // Tarjan finishes sinks first: every edge between components goes from a higher number to a
  // lower one, so descending numbers are a topological order of the condensation.
  const best = new Float64Array(count).fill(-Infinity);
  const entry = new Int32Array(count).fill(-1);
  const from = new Int32Array(count).fill(-1);
  const fromEdge = new Int32Array(count).fill(-1);
  const loopy = new Uint8Array(count);
  best[comp[0]!] = 0;
  entry[comp[0]!] = 0;
  for (let c = count - 1; c >= 0; c--) {
    if (best[c] === -Infinity) continue;
    for (const s of members[c]!) {
      g.edges[s]!.forEach((e, i) => {
        const cost = w(e.deductions);
        const target = comp[e.to]!;
        if (target === c) {
          if (cost > 0) loopy[c] = 1;
        } else if (best[c]! + cost > best[target]!) {
          best[target] = best[c]! + cost;
          entry[target] = e.to;
          from[target] = s;
          fromEdge[target] = i;
        }
      });
    }
  }
  // A costly loop makes the worst unbounded only if an ending can still be reached after it.
  const canEnd = new Uint8Array(count);
  for (let c = 0; c < count; c++) {
    canEnd[c] = members[c]!.some((s) => g.states[s]!.ending !== null || g.edges[s]!.some((e) => comp[e.to] !== c && canEnd[comp[e.to]!])) ? 1 : 0;
  }
  for (let c = 0; c < count; c++) if (best[c] !== -Infinity && loopy[c] && canEnd[c]) return { cost: Infinity, end: -1, path: [], unbounded: true };

  let top = -Infinity;
  let end = -1;
  for (let s = 0; s < n; s++) {
    const ec = endCost(g, s, w);
    const b = best[comp[s]!]!;
    if (ec !== null && b !== -Infinity && b + ec > top) [top, end] = [b + ec, s];
  }
  const path: Edge[] = [];
  for (let s = end; s >= 0; ) {
    const c = comp[s]!;
    if (s !== entry[c]) path.unshift(...pathWithin(g, comp, entry[c]!, s));
    if (from[c]! < 0) break;
    path.unshift(g.edges[from[c]!]![fromEdge[c]!]!);
    s = from[c]!;
  }
  return { cost: top, end, path, unbounded: false };
}

/** Best and worst reachable score of each skill. */
export function scoreBounds(g: StateGraph): Record<Dimension, DimensionBounds> {
  const out = {} as Record<Dimension, DimensionBounds>;
  for (const d of DIMENSIONS) {
    const lo = cheapest(g, costOf(d));
    const hi = dearest(g, costOf(d));
    out[d] = {
      best: { score: lo.end < 0 ? NaN : clamp(100 - lo.cost), path: lo.path, end: lo.end, unbounded: false },
      worst: { score: hi.unbounded ? 0 : hi.end < 0 ? NaN : clamp(100 - hi.cost), path: hi.path, end: hi.end, unbounded: hi.unbounded },
    };
  }
  return out;
}
