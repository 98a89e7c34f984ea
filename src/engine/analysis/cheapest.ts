// Cheapest paths over the turn graph: Dijkstra, since no move gains points (every cost is 0 or
// more). Paths are ranked by cost, then by the fewest moves, so loops are never taken and the
// result is the same whichever order ties are met in. Works on graphs with loops, which a call
// may have (the customer repeating a line), without unrolling them turn by turn.
import TinyQueue from 'tinyqueue';
import type { TurnGraph } from './turnGraph.js';

/** Costs within this are equal (weights may be fractions). */
export const EPS = 1e-9;

/** Whether (cost, moves) ranks before (bestCost, bestMoves). */
export const ranksBefore = (cost: number, moves: number, bestCost: number, bestMoves: number) =>
  cost < bestCost - EPS || (cost <= bestCost + EPS && moves < bestMoves);

type Item = readonly [cost: number, moves: number, entry: number];
const byRank = (a: Item, b: Item) => (ranksBefore(a[0], a[1], b[0], b[1]) ? -1 : ranksBefore(b[0], b[1], a[0], a[1]) ? 1 : a[2] - b[2]);

export interface Tree {
  /** Per entry: the cost and moves of its cheapest path (Infinity where none). */
  readonly cost: Float64Array;
  readonly moves: Int32Array;
  /**
   * From the start: the entry before, and the move taken there. To the end: the entry the
   * cheapest way on goes to next, and the move that takes it there. -1 at the path's end.
   */
  readonly link: Int32Array;
  readonly linkMove: Int32Array;
}

type Relax = (e: number, cost: number, moves: number, push: (to: number, cost: number, moves: number, link: number, move: number) => void) => void;

function dijkstra(n: number, sources: readonly Item[], relax: Relax): Tree {
  const cost = new Float64Array(n).fill(Infinity);
  const moves = new Int32Array(n).fill(0x7fffffff);
  const link = new Int32Array(n).fill(-1);
  const linkMove = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const queue = new TinyQueue<Item>([], byRank);
  const push = (to: number, c: number, m: number, from: number, move: number) => {
    if (done[to] || !ranksBefore(c, m, cost[to]!, moves[to]!)) return;
    cost[to] = c;
    moves[to] = m;
    link[to] = from;
    linkMove[to] = move;
    queue.push([c, m, to]);
  };
  for (const [c, m, e] of sources) push(e, c, m, -1, -1);
  while (queue.length > 0) {
    const [c, m, e] = queue.pop()!;
    if (done[e] || c !== cost[e] || m !== moves[e]) continue;
    done[e] = 1;
    relax(e, c, m, push);
  }
  return { cost, moves, link, linkMove };
}

/** The cheapest way from the start (entry 0) to every entry, at `price(e, k)` for move k of entry e. */
export function cheapestFromStart(tg: TurnGraph, price: (e: number, k: number) => number): Tree {
  return dijkstra(tg.state.length, [[0, 0, 0]], (e, c, m, push) => {
    if (tg.graph.states[tg.state[e]!]!.ending) return;
    for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) push(tg.next[i]!, c + price(e, k), m + 1, e, k);
  });
}

/**
 * The cheapest way from every entry to an ending, at `price(e, k)` per move and `endPrice(e)`
 * at an ending entry (null: not an ending). One backward search from all the endings at once.
 */
export function cheapestToEnd(tg: TurnGraph, price: (e: number, k: number) => number, endPrice: (e: number) => number | null): Tree {
  const n = tg.state.length;
  // Moves reversed: for each entry, the (entry, move) pairs that lead to it.
  const count = new Int32Array(n + 1);
  for (const to of tg.next) count[to + 1]!++;
  for (let e = 0; e < n; e++) count[e + 1]! += count[e]!;
  const fromEntry = new Int32Array(tg.next.length);
  const fromMove = new Int32Array(tg.next.length);
  const fill = count.slice(0, n);
  for (let e = 0; e < n; e++) {
    for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) {
      const at = fill[tg.next[i]!]!++;
      fromEntry[at] = e;
      fromMove[at] = k;
    }
  }
  const sources: Item[] = [];
  for (let e = 0; e < n; e++) {
    const p = endPrice(e);
    if (p !== null) sources.push([p, 0, e]);
  }
  return dijkstra(n, sources, (e, c, m, push) => {
    for (let i = count[e]!; i < count[e + 1]!; i++) push(fromEntry[i]!, c + price(fromEntry[i]!, fromMove[i]!), m + 1, e, fromMove[i]!);
  });
}
