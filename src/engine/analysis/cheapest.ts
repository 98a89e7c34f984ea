// Cheapest paths over the turn graph: Dijkstra, since no move gains points (every cost is 0 or
// more). Paths are ranked by cost, then by the fewest moves, so loops are never taken and the
// result is the same whichever order ties are met in. Works on graphs with loops, which a call
// may have (the customer repeating a line), without unrolling them turn by turn.
//
// Most calls have no loop, and there one pass over the entries in topological order finds the
// same tree, with no queue: each entry is settled once every way into it (from the start) or
// out of it (to the end) is. Where two ways rank the same, the pass keeps the one Dijkstra
// would have met first — from the entry it would have settled first — so the paths are the
// same ones, not just as cheap.
import TinyQueue from 'tinyqueue';
import { endingsOf, entryOrder, type TurnGraph } from './turnGraph.js';

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

/** The price of move k of entry e: a function, or every move's price by its place in `next` (first[e] + k). */
export type Price = ((e: number, k: number) => number) | Float64Array;

const NO_MOVES = 0x7fffffff;

function emptyTree(n: number): Tree {
  return { cost: new Float64Array(n).fill(Infinity), moves: new Int32Array(n).fill(NO_MOVES), link: new Int32Array(n).fill(-1), linkMove: new Int32Array(n).fill(-1) };
}

type Relax = (e: number, cost: number, moves: number, push: (to: number, cost: number, moves: number, link: number, move: number) => void) => void;

function dijkstra(n: number, sources: readonly Item[], relax: Relax): Tree {
  const tree = emptyTree(n);
  const { cost, moves, link, linkMove } = tree;
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
  return tree;
}

/**
 * What the passes work in: entry e's cost, moves, link and link move at 4e … 4e + 3, side by
 * side, so that offering a way to an entry looks into memory once, not four times (in a call of
 * 100,000 nodes the entries are far apart). Copied into a Tree at the end. Typed, not a list of
 * numbers: a list this long is made in the collector's old generation and brings the next full
 * collection of a large call's heap nearer; a typed array's memory is outside that heap (moves
 * and links are whole numbers, exact in a double).
 */
export type Ways = Float64Array;

/** Room for the ways of a turn graph's entries, to reuse from one pass to the next. */
export const waysFor = (tg: TurnGraph): Ways => new Float64Array(4 * tg.state.length);

function clear(w: Ways, n: number): void {
  for (let e = 0; e < n; e++) {
    w[4 * e] = Infinity;
    w[4 * e + 1] = NO_MOVES;
    w[4 * e + 2] = -1;
    w[4 * e + 3] = -1;
  }
}

function copyInto(w: Ways, t: Tree): Tree {
  for (let e = 0; e < t.cost.length; e++) {
    t.cost[e] = w[4 * e]!;
    t.moves[e] = w[4 * e + 1]!;
    t.link[e] = w[4 * e + 2]!;
    t.linkMove[e] = w[4 * e + 3]!;
  }
  return t;
}

/**
 * Whether Dijkstra settles entry a before entry b (both settled: their cost and moves final):
 * its queue's order.
 */
function settledBefore(w: Ways, a: number, b: number): boolean {
  const ca = w[4 * a]!;
  const ma = w[4 * a + 1]!;
  const cb = w[4 * b]!;
  const mb = w[4 * b + 1]!;
  return ranksBefore(ca, ma, cb, mb) || (!ranksBefore(cb, mb, ca, ma) && a < b);
}

/**
 * Offers `to` the way (c, m) through `via` (settled) and its move `move`, as Dijkstra would:
 * of two ways, the one met first stays unless the other ranks strictly before it, and Dijkstra
 * meets them in the order it settles the entries they come through (one entry's moves in order,
 * and the passes offer those in order too).
 */
function offer(w: Ways, to: number, c: number, m: number, via: number, move: number): void {
  const at = 4 * to;
  const held = w[at + 2]!;
  const metFirst = held >= 0 && held !== via && settledBefore(w, via, held);
  if (metFirst ? ranksBefore(w[at]!, w[at + 1]!, c, m) : !ranksBefore(c, m, w[at]!, w[at + 1]!)) return;
  w[at] = c;
  w[at + 1] = m;
  w[at + 2] = via;
  w[at + 3] = move;
}

/** Move k of entry e — at place i = first[e] + k in `next` — priced. */
export type PriceAt = (e: number, i: number, k: number) => number;

const priceAt = (price: Price): PriceAt => (typeof price === 'function' ? (e, _i, k) => price(e, k) : (_e, i) => price[i]!);

/** The cheapest way from the start (entry 0) to every entry, at `price(e, k)` for move k of entry e. */
export function cheapestFromStart(tg: TurnGraph, price: Price): Tree {
  return cheapestFromStartBy(tg, priceAt(price), emptyTree(tg.state.length));
}

/** A tree to pass to cheapestFromStartBy, which fills it. */
export const treeFor = (tg: TurnGraph): Tree => emptyTree(tg.state.length);

/**
 * cheapestFromStart into `tree` (from treeFor, filled anew), so that a caller needing several
 * trees one after the other reuses one's memory, at prices worked out as they are needed.
 */
export function cheapestFromStartBy(tg: TurnGraph, price: PriceAt, tree: Tree, ways: Ways = waysFor(tg)): Tree {
  const states = tg.graph.states;
  const order = entryOrder(tg);
  if (!order) {
    return dijkstra(tg.state.length, [[0, 0, 0]], (e, c, m, push) => {
      if (states[tg.state[e]!]!.ending) return;
      for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) push(tg.next[i]!, c + price(e, i, k), m + 1, e, k);
    });
  }
  const w = ways;
  clear(w, tg.state.length);
  w[0] = 0;
  w[1] = 0;
  const { isEnding } = endingsOf(tg);
  for (let j = 0; j < order.length; j++) {
    const e = order[j]!;
    const c = w[4 * e]!;
    // (No move leaves an ending: nothing to relax there.)
    if (c === Infinity || isEnding[e]) continue;
    const m = w[4 * e + 1]! + 1;
    for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) offer(w, tg.next[i]!, c + price(e, i, k), m, e, k);
  }
  return copyInto(w, tree);
}

/**
 * The cheapest way from every entry to an ending, at `price(e, k)` per move and `endPrice(e)`
 * at an ending entry (null: not an ending). One backward search from all the endings at once.
 */
export function cheapestToEnd(tg: TurnGraph, price: Price, endPrice: (e: number) => number | null): Tree {
  const n = tg.state.length;
  const priceOf = priceAt(price);
  const order = entryOrder(tg);
  if (order) {
    // Backwards through the order: every entry after all the entries its moves lead to.
    const w = waysFor(tg);
    clear(w, n);
    for (let j = n - 1; j >= 0; j--) {
      const e = order[j]!;
      const p = endPrice(e);
      if (p !== null) {
        // An ending is a source: Dijkstra starts from it, and no move leaves it.
        if (ranksBefore(p, 0, w[4 * e]!, w[4 * e + 1]!)) {
          w[4 * e] = p;
          w[4 * e + 1] = 0;
        }
        continue;
      }
      for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) {
        const to = tg.next[i]!;
        const c = w[4 * to]!;
        if (c === Infinity) continue;
        offer(w, e, c + priceOf(e, i, k), w[4 * to + 1]! + 1, to, k);
      }
    }
    return copyInto(w, emptyTree(n));
  }
  // Moves reversed: for each entry, the (entry, move) pairs that lead to it.
  const count = new Int32Array(n + 1);
  for (let i = 0; i < tg.next.length; i++) count[tg.next[i]! + 1]!++;
  for (let e = 0; e < n; e++) count[e + 1]! += count[e]!;
  const fromEntry = new Int32Array(tg.next.length);
  const fromMove = new Int32Array(tg.next.length);
  const fromSlot = new Int32Array(tg.next.length);
  const fill = count.slice(0, n);
  for (let e = 0; e < n; e++) {
    for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) {
      const at = fill[tg.next[i]!]!++;
      fromEntry[at] = e;
      fromMove[at] = k;
      fromSlot[at] = i;
    }
  }
  const sources: Item[] = [];
  for (let e = 0; e < n; e++) {
    const p = endPrice(e);
    if (p !== null) sources.push([p, 0, e]);
  }
  return dijkstra(n, sources, (e, c, m, push) => {
    for (let i = count[e]!; i < count[e + 1]!; i++) push(fromEntry[i]!, c + priceOf(fromEntry[i]!, fromSlot[i]!, fromMove[i]!), m + 1, e, fromMove[i]!);
  });
}
