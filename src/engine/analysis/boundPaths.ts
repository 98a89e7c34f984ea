// The shortest path to each score bound: for every skill, and for the overall score, the best
// and the worst a call can score, each with the fewest moves that reach it — so an example of
// the worst is three bad replies, not sixty turns round a loop.
//
// A skill's score depends only on the points it lost, capped at 100 (it cannot fall below 0),
// and every move loses points or none. So one pass in topological order over the turn graph
// (with exact turns where the call can loop) carries, into each entry, the paths that no other
// path beats on every count at once: fewer or as many moves, and for the worst, as many points
// lost or more in every skill (for the best, as few or fewer). Every bound — a skill's, or the
// overall score, which only rises (or falls) with each skill — is reached by one of them, with
// the fewest moves. Exact; linear in the graph times the few paths kept per entry.
import { DIMENSIONS, clampScore, scoresOfLost, type Dimension } from '../scoring/score.js';
import { EPS } from './cheapest.js';
import type { ScoreBounds } from './scoreBounds.js';
import type { Edge, StateGraph } from './stateGraph.js';
import { endLost, endingsOf, entryOrder, lostAt, turnGraph, type Lost, type TurnGraph } from './turnGraph.js';

export interface BoundPath {
  /** The score reached (a skill's, or the overall score). */
  readonly score: number;
  /** The moves, from the start of `graph`: the fewest that reach this score. */
  readonly path: readonly Edge[];
  /** The ending state reached, in `graph`. */
  readonly end: number;
  /** The scores of a call playing this path. */
  readonly scores: ReturnType<typeof scoresOfLost>;
}

export type BoundPaths = Record<Dimension | 'overall', { readonly best: BoundPath; readonly worst: BoundPath }> & {
  /** The graph the paths refer to (the score bounds' graph, with exact turns where the call can loop). */
  readonly graph: StateGraph;
};

/** More paths than this kept at once: the pass gives up (null) rather than run out of memory. */
const LABEL_LIMIT = 4_000_000;

/**
 * Paths kept, as growable parallel arrays (no object per path: a call of 100,000 nodes keeps
 * a million): moves, points lost per skill (capped at 100), the path before and the move taken
 * from its entry, and the next path kept at the same entry.
 */
class Labels {
  size = 0;
  moves: Int32Array;
  lost: Float64Array;
  prev: Int32Array;
  move: Int32Array;
  entry: Int32Array;
  sibling: Int32Array;
  /** Room for `capacity` paths at first (growing is a copy, and a collection of a large heap). */
  constructor(capacity: number) {
    this.moves = new Int32Array(capacity);
    this.lost = new Float64Array(3 * capacity);
    this.prev = new Int32Array(capacity);
    this.move = new Int32Array(capacity);
    this.entry = new Int32Array(capacity);
    this.sibling = new Int32Array(capacity);
  }
  add(moves: number, p: number, a: number, j: number, prev: number, move: number, entry: number, sibling: number): number {
    if (this.size === this.moves.length) this.grow();
    const x = this.size++;
    this.moves[x] = moves;
    this.lost[3 * x] = p;
    this.lost[3 * x + 1] = a;
    this.lost[3 * x + 2] = j;
    this.prev[x] = prev;
    this.move[x] = move;
    this.entry[x] = entry;
    this.sibling[x] = sibling;
    return x;
  }
  private grow(): void {
    const n = this.moves.length * 2;
    const more = <T extends Int32Array | Float64Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.moves = more(this.moves, n);
    this.lost = more(this.lost, 3 * n);
    this.prev = more(this.prev, n);
    this.move = more(this.move, n);
    this.entry = more(this.entry, n);
    this.sibling = more(this.sibling, n);
  }
}

const cap = (v: number) => (v < 100 ? v : 100);

/**
 * The paths into every entry that no other beats: `worse` true keeps, among paths with as few
 * moves, those losing the most (false: the least). An entry's paths are a list threaded
 * through `sibling`, from `head[e]`. Null past LABEL_LIMIT.
 */
function frontier(tg: TurnGraph, order: Int32Array, worse: boolean, labels: Labels, head: Int32Array, prior?: Lost): { labels: Labels; pathsAt: (e: number) => number[] } | null {
  labels.size = 0;
  head.fill(-1);
  const [pricePolite, priceAccuracy, priceJudgment] = DIMENSIONS.map((d) => lostAt(tg, d)) as [ReturnType<typeof lostAt>, ReturnType<typeof lostAt>, ReturnType<typeof lostAt>];
  const { isEnding } = endingsOf(tg);
  // Points lost compared the way that counts: for the worst, more is "better" here.
  const sign = worse ? 1 : -1;
  /** Whether path x is at least as good as (m, p, a, j): no more moves, and in every skill as far (sign) or further. */
  const covers = (x: number, m: number, p: number, a: number, j: number) => {
    const L = labels.lost;
    return labels.moves[x]! <= m && sign * (L[3 * x]! - p) >= -EPS && sign * (L[3 * x + 1]! - a) >= -EPS && sign * (L[3 * x + 2]! - j) >= -EPS;
  };
  /** Whether (m, p, a, j) is at least as good as path x. */
  const coveredBy = (x: number, m: number, p: number, a: number, j: number) => {
    const L = labels.lost;
    return m <= labels.moves[x]! && sign * (p - L[3 * x]!) >= -EPS && sign * (a - L[3 * x + 1]!) >= -EPS && sign * (j - L[3 * x + 2]!) >= -EPS;
  };
  const pathsAt = (e: number): number[] => {
    const out: number[] = [];
    for (let x = head[e]!; x >= 0; x = labels.sibling[x]!) out.push(x);
    return out;
  };
  const paths: number[] = [];
  // A graph built from a state part way through a call starts with what was lost before it.
  head[0] = labels.add(0, cap(prior?.politeness ?? 0), cap(prior?.accuracy ?? 0), cap(prior?.judgment ?? 0), -1, -1, 0, -1);
  for (let o = 0; o < order.length; o++) {
    const e = order[o]!;
    if (isEnding[e] || head[e]! < 0) continue;
    paths.length = 0;
    for (let x = head[e]!; x >= 0; x = labels.sibling[x]!) paths.push(x);
    for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) {
      const to = tg.next[i]!;
      const dp = pricePolite(e, i, k);
      const da = priceAccuracy(e, i, k);
      const dj = priceJudgment(e, i, k);
      for (let q = 0; q < paths.length; q++) {
        const x = paths[q]!;
        const m = labels.moves[x]! + 1;
        const p = cap(labels.lost[3 * x]! + dp);
        const a = cap(labels.lost[3 * x + 1]! + da);
        const j = cap(labels.lost[3 * x + 2]! + dj);
        let kept = false;
        for (let y = head[to]!; y >= 0 && !kept; y = labels.sibling[y]!) kept = covers(y, m, p, a, j);
        if (kept) continue;
        // Drop the paths the new one beats, then keep it first.
        let first = -1;
        let last = -1;
        for (let y = head[to]!; y >= 0; y = labels.sibling[y]!) {
          if (coveredBy(y, m, p, a, j)) continue;
          if (last < 0) first = y;
          else labels.sibling[last] = y;
          last = y;
        }
        if (last >= 0) labels.sibling[last] = -1;
        head[to] = labels.add(m, p, a, j, x, k, e, first);
        if (labels.size > LABEL_LIMIT) return null;
      }
    }
  }
  return { labels, pathsAt };
}

function pathOf(tg: TurnGraph, labels: Labels, x: number): Edge[] {
  const out: Edge[] = [];
  for (let y = x; labels.prev[y]! >= 0; y = labels.prev[y]!) out.push(tg.graph.edges[tg.state[labels.entry[y]!]!]![labels.move[y]!]!);
  return out.reverse();
}

/**
 * The shortest path to each bound of `bounds` (the skills' best and worst, and the overall
 * score's), or null for a call too tangled to keep every candidate path in memory. For a graph
 * built `from` a state part way through a call, `prior` is what that state had already lost.
 */
export function boundPaths(bounds: ScoreBounds, options: { readonly prior?: Lost } = {}): BoundPaths | null {
  const tg = turnGraph(bounds.graph);
  const order = entryOrder(tg);
  if (!order) return null;
  const s = tg.scenario;
  const out = { graph: bounds.graph } as Record<Dimension | 'overall', { best: BoundPath; worst: BoundPath }> & { graph: StateGraph };
  // One memory for both passes (about one path per move in most calls): a call of 100,000
  // nodes keeps a million, and fresh memory for each pass costs a collection of a large heap.
  const labels = new Labels(Math.max(1024, tg.next.length + 1));
  const head = new Int32Array(tg.state.length);
  for (const worse of [true, false]) {
    const f = frontier(tg, order, worse, labels, head, options.prior);
    if (!f) return null;
    // Every kept path into an ending, with what it scores.
    const found: { x: number; end: number; moves: number; scores: ReturnType<typeof scoresOfLost> }[] = [];
    for (const e of endingsOf(tg).entries) {
      const end = endLost(tg, e)!;
      for (const x of f.pathsAt(e)) {
        const L = f.labels.lost;
        const lost: Lost = { politeness: cap(L[3 * x]! + end.politeness), accuracy: cap(L[3 * x + 1]! + end.accuracy), judgment: cap(L[3 * x + 2]! + end.judgment) };
        found.push({ x, end: tg.state[e]!, moves: f.labels.moves[x]!, scores: scoresOfLost(s, lost) });
      }
    }
    if (found.length === 0) return null;
    for (const d of [...DIMENSIONS, 'overall'] as const) {
      // The bound (lowest score for the worst, highest for the best), then the fewest moves.
      let pick = found[0]!;
      for (const c of found) {
        const better = worse ? c.scores[d] < pick.scores[d] : c.scores[d] > pick.scores[d];
        if (better || (c.scores[d] === pick.scores[d] && c.moves < pick.moves)) pick = c;
      }
      const bound: BoundPath = { score: d === 'overall' ? pick.scores.overall : clampScore(pick.scores[d]), path: pathOf(tg, f.labels, pick.x), end: pick.end, scores: pick.scores };
      out[d] = { ...(out[d] ?? {}), [worse ? 'worst' : 'best']: bound } as { best: BoundPath; worst: BoundPath };
    }
  }
  return out;
}
