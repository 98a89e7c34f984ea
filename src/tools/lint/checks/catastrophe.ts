// A catastrophic choice that still passes: a reply that on its own costs 100 points or more of
// one skill, or an ending whose end-of-call entries do (a non-ideal ending whose outcome has
// credit 0 — the default — takes all of judgment), while some sequence of replies through it
// still ends with an overall grade above F. The skill it wiped out is at 0 whatever else
// happens, so the best such call is the one that loses least of the *other* skills: the
// engine's cheapest-path searches, priced by the weighted points of the other skills, find it
// (one search from the start, and for replies one back from the endings: linear in the graph).
// Its scores are the engine's own (scoresOfLost on the points the path loses).
import { DIMENSIONS, gradeOf, scoresOfLost, weightedLoss, type Dimension, type Scenario } from '../../../engine/index.js';
import { cheapestFromStart, cheapestToEnd, type Tree } from '../../../engine/analysis/cheapest.js';
import { packedEdges, type StateGraph } from '../../../engine/analysis/stateGraph.js';
import { addLost, endLost, moveLost, movesTo, noLoss, turnGraph, withinTurnLimit, type Lost, type TurnGraph } from '../../../engine/analysis/turnGraph.js';
import { pathArgument } from '../../analysis/describe.js';
import { nodePath, replyPath, type FileContext } from '../context.js';

/** Points of one skill that wipe it out. */
const WIPE = 100;

const without = (lost: Lost, d: Dimension): Lost => ({ ...lost, [d]: 0 });

interface Witness {
  readonly entries: number[];
  readonly moves: number[];
}

/** The points a path loses per skill, along it and at its end. */
function lostOn(tg: TurnGraph, w: Witness): Lost {
  let lost = noLoss();
  w.moves.forEach((k, i) => (lost = addLost(lost, moveLost(tg, w.entries[i]!, k))));
  return addLost(lost, endLost(tg, w.entries[w.entries.length - 1]!)!);
}

/**
 * Prices of every move (by its place in `next`) in weighted points of the skills other than d:
 * each skill's points lost (as the engine's own prices count them, turnGraph.ts costsOf) times
 * what one point of it weighs (scoring's weightedLoss of a single point).
 */
function pricesWithout(tg: TurnGraph, d: Dimension): Float64Array {
  const out = new Float64Array(tg.next.length);
  const unit = (x: Dimension) => (x === d ? 0 : weightedLoss(tg.scenario, { ...noLoss(), [x]: 1 }));
  const [wp, wa, wj] = [unit('politeness'), unit('accuracy'), unit('judgment')];
  const { start, turned, deductions } = packedEdges(tg.graph);
  for (let e = 0; e < tg.state.length; e++) {
    for (let i = tg.first[e]!, x = start[tg.state[e]!]!; i < tg.first[e + 1]!; i++, x++) {
      out[i] = -wp * deductions[3 * x]! - wa * deductions[3 * x + 1]! + wj * (-deductions[3 * x + 2]! + (turned[x] ? tg.overPar[e]! : 0));
    }
  }
  return out;
}

/** The smallest whole weight for skill d that would take this call below 60 overall, other weights unchanged. */
function weightToFail(s: Scenario, lost: Lost, d: Dimension): number {
  for (let w = s.scoring.weights[d] + 1; w <= 20; w++) {
    const scores = scoresOfLost({ ...s, scoring: { ...s.scoring, weights: { ...s.scoring.weights, [d]: w } } }, lost);
    if (gradeOf(scores.overall) === 'F') return w;
  }
  return -1;
}

function weightsHint(s: Scenario, lost: Lost, d: Dimension): string {
  const w = weightToFail(s, lost, d);
  return w > 0 ? `weigh ${d} more ("scoring": {"weights": {"${d}": ${w}}} makes this call an F)` : `weigh ${d} more`;
}

const describeScores = (s: Scenario, lost: Lost) => {
  const sc = scoresOfLost(s, lost);
  return `politeness ${sc.politeness}, accuracy ${sc.accuracy}, judgment ${sc.judgment}: overall ${sc.overall}, grade ${sc.grade}`;
};

export function checkCatastrophes(ctx: FileContext, g: StateGraph): void {
  const s = ctx.scenario;
  // The choices that wipe out a skill, before any search: most calls have none.
  // An ending counts only if its own end-of-call points leave the call above F: what the way
  // there loses can only lower it.
  const wipes = new Set<Dimension>();
  for (const st of g.states) {
    if (!st.ending) continue;
    const d = st.ending.deductions;
    const end = { politeness: -d.politeness, accuracy: -d.accuracy, judgment: -d.judgment };
    for (const x of DIMENSIONS) if (end[x] >= WIPE && !wipes.has(x) && gradeOf(scoresOfLost(s, end).overall) !== 'F') wipes.add(x);
  }
  const { deductions } = packedEdges(g);
  for (let x = 0; x < deductions.length; x++) if (-deductions[x]! >= WIPE) wipes.add(DIMENSIONS[x % 3]!);
  if (wipes.size === 0) return;

  const tg = turnGraph(g);
  for (const d of wipes) {
    const price = pricesWithout(tg, d);
    const endPrice = (e: number) => {
      const end = endLost(tg, e);
      return end ? weightedLoss(s, without(end, d)) : null;
    };
    const fromStart = cheapestFromStart(tg, price);
    endings(ctx, tg, d, fromStart, endPrice);
    replies(ctx, tg, d, price, fromStart, endPrice);
  }
}

/** Endings that wipe out skill d, each node reported once (its best call through it). */
function endings(ctx: FileContext, tg: TurnGraph, d: Dimension, fromStart: Tree, endPrice: (e: number) => number | null): void {
  const s = ctx.scenario;
  const best = new Map<string, { entry: number; cost: number }>();
  for (let e = 0; e < tg.state.length; e++) {
    const end = endLost(tg, e);
    if (!end || end[d] < WIPE || fromStart.cost[e] === Infinity) continue;
    const node = tg.graph.states[tg.state[e]!]!.ending!.node;
    const cost = fromStart.cost[e]! + endPrice(e)!;
    const seen = best.get(node);
    if (!seen || cost < seen.cost) best.set(node, { entry: e, cost });
  }
  for (const [node, { entry }] of best) {
    const w = movesTo(tg, fromStart.link, fromStart.linkMove, entry);
    if (!withinTurnLimit(tg.graph, w.moves.length)) continue;
    const lost = lostOn(tg, w);
    if (gradeOf(scoresOfLost(s, lost).overall) === 'F') continue;
    const ending = tg.graph.states[tg.state[entry]!]!.ending!;
    const edges = w.moves.map((k, i) => tg.graph.edges[tg.state[w.entries[i]!]!]![k]!);
    const builtIn = s.nodes.get(node)?.builtIn ?? false;
    const named = builtIn ? `ending "${node}" (the customer running out of patience)` : `ending "${node}" ("end": "${ending.outcome}")`;
    const otherwise = builtIn
      ? `or let the actions on the way cost less patience; if it should not, give "${ending.outcome}" a "credit" under "scoring"`
      : `or let the reply that leads here also cost another skill; if it should not, give this ending a "credit" so it does not take all of ${d}`;
    ctx.report(
      'catastrophic-passes',
      builtIn ? (ctx.raw.scoring ? ['scoring'] : []) : nodePath(node),
      `${named} costs all of ${d} (${ending.deductions[d]} at the end of the call), yet a call ending here still passes: --path ${pathArgument(edges)} scores ${describeScores(s, lost)}`,
      `if ending here should fail the call, ${weightsHint(s, lost, d)}, ${otherwise}`,
      !builtIn,
    );
  }
}

/** Replies that on their own wipe out skill d, each reported once (its best call through it). */
function replies(ctx: FileContext, tg: TurnGraph, d: Dimension, price: Float64Array, fromStart: Tree, endPrice: (e: number) => number | null): void {
  const s = ctx.scenario;
  let toEnd: Tree | null = null;
  const best = new Map<string, { e: number; k: number; cost: number }>();
  for (let e = 0; e < tg.state.length; e++) {
    if (fromStart.cost[e] === Infinity) continue;
    const edges = tg.graph.edges[tg.state[e]!]!;
    for (let k = 0; k < edges.length; k++) {
      const edge = edges[k]!;
      if (edge.move.kind !== 'reply' || -edge.deductions[d] < WIPE) continue;
      toEnd ??= cheapestToEnd(tg, price, endPrice);
      const to = tg.next[tg.first[e]! + k]!;
      if (toEnd.cost[to] === Infinity) continue;
      const cost = fromStart.cost[e]! + price[tg.first[e]! + k]! + toEnd.cost[to]!;
      const key = `${tg.graph.states[tg.state[e]!]!.node}\u0000${edge.move.reply.index}`;
      const seen = best.get(key);
      if (!seen || cost < seen.cost) best.set(key, { e, k, cost });
    }
  }
  for (const { e, k } of best.values()) {
    const head = movesTo(tg, fromStart.link, fromStart.linkMove, e);
    const w: Witness = { entries: [...head.entries], moves: [...head.moves, k] };
    for (let at = tg.next[tg.first[e]! + k]!; ; at = toEnd!.link[at]!) {
      w.entries.push(at);
      if (toEnd!.link[at]! < 0) break;
      w.moves.push(toEnd!.linkMove[at]!);
    }
    if (!withinTurnLimit(tg.graph, w.moves.length)) continue;
    const lost = lostOn(tg, w);
    if (gradeOf(scoresOfLost(s, lost).overall) === 'F') continue;
    const edge = tg.graph.edges[tg.state[e]!]![k]!;
    const reply = edge.move.kind === 'reply' ? edge.move.reply : null;
    const node = tg.graph.states[tg.state[e]!]!.node;
    const edges = w.moves.map((m, i) => tg.graph.edges[tg.state[w.entries[i]!]!]![m]!);
    ctx.report(
      'catastrophic-passes',
      replyPath(node, reply!.index, DIMENSION_FIELD[d]),
      `reply "${reply!.id}" of node "${node}" costs all of ${d} (${edge.deductions[d]}) on its own, yet a call through it still passes: --path ${pathArgument(edges)} scores ${describeScores(s, lost)}`,
      `if this reply should fail the call, ${weightsHint(s, lost, d)}, or let it also cost another skill; if it should not, make it cost less than ${WIPE}`,
      true,
    );
  }
}

/** The field of a reply that costs each skill. */
const DIMENSION_FIELD: Record<Dimension, string> = { politeness: 'polite', accuracy: 'accuracy', judgment: 'judgment' };
