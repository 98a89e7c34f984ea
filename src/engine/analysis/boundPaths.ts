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

/** Paths kept, as parallel arrays: moves, points lost per skill (capped at 100), the path before and the move. */
class Labels {
  moves: number[] = [];
  lost: number[] = [];
  prev: number[] = [];
  move: number[] = [];
  entry: number[] = [];
  add(moves: number, p: number, a: number, j: number, prev: number, move: number, entry: number): number {
    this.moves.push(moves);
    this.lost.push(p, a, j);
    this.prev.push(prev);
    this.move.push(move);
    this.entry.push(entry);
    return this.moves.length - 1;
  }
}

const cap = (v: number) => Math.min(100, v);

/**
 * The paths into every ending that no other beats: `worse` true keeps, among paths with as few
 * moves, those losing the most (false: the least). Null past LABEL_LIMIT.
 */
function frontier(tg: TurnGraph, order: Int32Array, worse: boolean): { labels: Labels; at: (number[] | undefined)[] } | null {
  const labels = new Labels();
  const at: (number[] | undefined)[] = new Array(tg.state.length);
  const price = DIMENSIONS.map((d) => lostAt(tg, d));
  const { isEnding } = endingsOf(tg);
  // a beats b: no more moves, and no better (worse: no less lost) in every skill.
  const beats = (m: number, p: number, a: number, j: number, x: number) => {
    const L = labels.lost;
    if (labels.moves[x]! > m) return false;
    return worse ? L[3 * x]! >= p - EPS && L[3 * x + 1]! >= a - EPS && L[3 * x + 2]! >= j - EPS : L[3 * x]! <= p + EPS && L[3 * x + 1]! <= a + EPS && L[3 * x + 2]! <= j + EPS;
  };
  const beaten = (x: number, m: number, p: number, a: number, j: number) => {
    const L = labels.lost;
    if (labels.moves[x]! < m) return false;
    return worse ? L[3 * x]! <= p + EPS && L[3 * x + 1]! <= a + EPS && L[3 * x + 2]! <= j + EPS : L[3 * x]! >= p - EPS && L[3 * x + 1]! >= a - EPS && L[3 * x + 2]! >= j - EPS;
  };
  at[0] = [labels.add(0, 0, 0, 0, -1, -1, 0)];
  for (const e of order) {
    const here = at[e];
    if (!here || isEnding[e]) continue;
    for (let i = tg.first[e]!, k = 0; i < tg.first[e + 1]!; i++, k++) {
      const n = tg.next[i]!;
      const dp = price[0]!(e, i, k);
      const da = price[1]!(e, i, k);
      const dj = price[2]!(e, i, k);
      for (const x of here) {
        const m = labels.moves[x]! + 1;
        const p = cap(labels.lost[3 * x]! + dp);
        const a = cap(labels.lost[3 * x + 1]! + da);
        const j = cap(labels.lost[3 * x + 2]! + dj);
        let there = at[n];
        if (there?.some((y) => beats(m, p, a, j, y))) continue;
        if (there) there = there.filter((y) => !beaten(y, m, p, a, j));
        else there = [];
        there.push(labels.add(m, p, a, j, x, k, e));
        at[n] = there;
        if (labels.moves.length > LABEL_LIMIT) return null;
      }
    }
  }
  return { labels, at };
}

function pathOf(tg: TurnGraph, labels: Labels, x: number): Edge[] {
  const out: Edge[] = [];
  for (let y = x; labels.prev[y]! >= 0; y = labels.prev[y]!) out.push(tg.graph.edges[tg.state[labels.entry[y]!]!]![labels.move[y]!]!);
  return out.reverse();
}

/**
 * The shortest path to each bound of `bounds` (the skills' best and worst, and the overall
 * score's), or null for a call too tangled to keep every candidate path in memory.
 */
export function boundPaths(bounds: ScoreBounds): BoundPaths | null {
  const tg = turnGraph(bounds.graph);
  const order = entryOrder(tg);
  if (!order) return null;
  const s = tg.scenario;
  const out = { graph: bounds.graph } as Record<Dimension | 'overall', { best: BoundPath; worst: BoundPath }> & { graph: StateGraph };
  for (const worse of [true, false]) {
    const f = frontier(tg, order, worse);
    if (!f) return null;
    // Every kept path into an ending, with what it scores.
    const found: { x: number; end: number; moves: number; scores: ReturnType<typeof scoresOfLost> }[] = [];
    for (const e of endingsOf(tg).entries) {
      const end = endLost(tg, e)!;
      for (const x of f.at[e] ?? []) {
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
