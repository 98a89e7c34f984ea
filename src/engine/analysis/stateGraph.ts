// The reachable states of a call — node, facts known, mood and patience — with the trainee's
// moves as edges, built once by breadth-first search over the one transition function
// (rules/step.ts, through moves.ts). Analyses walk this graph, so they cost what the call's size
// costs, never what its number of paths costs.
//
// Turns are left out of a state on purpose: they would multiply the states by the length of
// the call. What turns change — judgment lost beyond par, and the customer giving up after
// MAX_TURNS — is accounted for by the analyses (see pathBounds.ts): par by a small product with
// the turns up to par, and the turn limit by rebuilding with exact turns (`turns: 'exact'`)
// in the rare call where a path can get that long.
import type { Outcome, Scenario } from '../format/model.js';
import type { Deductions, SessionContext, TurnRecord } from '../rules/state.js';
import { MAX_TURNS } from '../rules/transitions.js';
import { endEntries, isIdealEnding } from '../scoring/score.js';
import { afterMove, answeredContext, movesAt, type Move, type MoveOptions } from './moves.js';

export interface Edge {
  readonly to: number;
  readonly move: Move;
  /** Points lost by this move (0 or below). Judgment lost beyond par is not included. */
  readonly deductions: Deductions;
  /**
   * The call ended because the customer gave up (patience ran out, or the turn limit) rather
   * than because the move led to an ending.
   */
  readonly gaveUp: boolean;
  /**
   * The move is a turn of the call (a reply, the timer running out, hanging up). False when
   * the customer ran out of patience before it landed: no turn, no cost, nothing beyond par.
   */
  readonly turned: boolean;
}

export interface Ending {
  readonly outcome: Outcome;
  readonly node: string;
  /** What is judged at the end (0 or below), not counting turns beyond par. */
  readonly deductions: Deductions;
  /** An ideal outcome with every fact it requires known. */
  readonly ideal: boolean;
}

export interface StateInfo {
  readonly node: string;
  readonly facts: readonly string[];
  readonly mood: number;
  readonly patience: number;
  /** Fewest moves from the start. */
  readonly depth: number;
  /** Exact turns taken (counting those before `from`), when the graph was built with `turns: 'exact'`; otherwise 0. */
  readonly turns: number;
  readonly ending: Ending | null;
  /** Replies on offer here (a bit per reply position); 0 at endings. */
  readonly offered: number;
}

export interface StateGraph {
  readonly scenario: Scenario;
  /** In breadth-first order: state 0 is the start, and depth never decreases with the index. */
  readonly states: StateInfo[];
  readonly edges: Edge[][];
  /** Fewest-moves tree from the start: parent state and edge index (-1 at the start). */
  readonly parent: Int32Array;
  readonly parentEdge: Int32Array;
  /** True if exploration stopped at the state limit. */
  readonly truncated: boolean;
  readonly turns: 'free' | 'exact';
  /** Turns already taken in state 0 (0 from the call's start). */
  readonly startTurns: number;
  readonly options: GraphOptions;
}

export interface GraphOptions extends MoveOptions {
  /** 'free' (default): turns are not part of a state. 'exact': they are, up to MAX_TURNS. */
  readonly turns?: 'free' | 'exact';
  /** Stop after this many states (a safety net for runaway scenarios). Default 2,000,000. */
  readonly maxStates?: number;
  /**
   * Explore from this listening state instead of the call's start (the review asks what was
   * still possible at a turn). Its history counts: turns already taken, towards par and the limit.
   */
  readonly from?: SessionContext;
}

const ZERO: Deductions = { politeness: 0, accuracy: 0, judgment: 0 };
const NONE: readonly TurnRecord[] = [];

function sum(entries: readonly { dimension: keyof Deductions; points: number }[]): Deductions {
  const d = { politeness: 0, accuracy: 0, judgment: 0 };
  for (const e of entries) d[e.dimension] += e.points;
  return d;
}

/** Where a move says the call goes (empty for a timeout that repeats the line, or hanging up). */
function targetsOf(move: Move, node: string, s: Scenario): readonly string[] {
  switch (move.kind) {
    case 'reply':
      return move.reply.next.map((b) => b.to);
    case 'timeout':
      return s.nodes.get(node)!.timeout!.next.map((b) => b.to);
    case 'hang-up':
      return [];
  }
}

export function buildStateGraph(s: Scenario, options: GraphOptions = {}): StateGraph {
  const exact = options.turns === 'exact';
  const maxStates = options.maxStates ?? 2_000_000;
  const factBit = new Map([...s.facts.keys()].map((f, i) => [f, i]));
  const nodeIndex = new Map([...s.nodes.keys()].map((n, i) => [n, i]));
  // Dummy histories: in exact mode only their length matters (the engine's turn limit reads it).
  const histories: TurnRecord[][] = [];
  const historyOf = (turns: number) => (histories[turns] ??= Array.from({ length: turns }, () => ({}) as TurnRecord));

  const states: StateInfo[] = [];
  const contexts: (SessionContext | null)[] = [];
  const edges: Edge[][] = [];
  const parent: number[] = [];
  const parentEdge: number[] = [];
  const index = new Map<string, number>();
  let truncated = false;

  // Facts as a bit mask while they fit in one number (almost always), else as a sorted list.
  const wide = factBit.size > 30;
  const factKey = (facts: readonly string[]): number | string => {
    if (wide) return facts.map((f) => factBit.get(f)!).sort((a, b) => a - b).join(',');
    let mask = 0;
    for (const f of facts) mask |= 1 << factBit.get(f)!;
    return mask;
  };
  const add = (ctx: SessionContext, turns: number, from: number, via: number): number => {
    const ended = ctx.phase === 'ended';
    const where = `${nodeIndex.get(ctx.node)}|${factKey(ctx.facts)}`;
    // At an ending only the facts matter for what is judged; mood and patience no longer do.
    const key = ended ? where : `${where}|${ctx.mood * 101 + ctx.patience}|${exact ? turns : ''}`;
    const seen = index.get(key);
    if (seen !== undefined) return seen;
    const id = states.length;
    index.set(key, id);
    const ending: Ending | null = ctx.ending
      ? {
          outcome: ctx.ending.outcome,
          node: ctx.ending.node,
          deductions: sum(endEntries(s, ctx.ending, ctx.facts, 0)),
          ideal: isIdealEnding(s, ctx.ending.outcome, ctx.facts),
        }
      : null;
    const depth = from < 0 ? 0 : states[from]!.depth + 1;
    states.push({ node: ctx.node, facts: ctx.facts, mood: ctx.mood, patience: ctx.patience, depth, turns: exact ? turns : 0, ending, offered: 0 });
    contexts.push(ended ? null : { ...ctx, history: exact ? historyOf(turns) : NONE });
    edges.push([]);
    parent.push(from);
    parentEdge.push(via);
    return id;
  };

  const first = options.from ?? answeredContext(s);
  const startTurns = first.history.length;
  add(first, startTurns, -1, -1);
  for (let id = 0; id < states.length; id++) {
    if (states.length >= maxStates) {
      truncated = true;
      break;
    }
    const ctx = contexts[id];
    if (!ctx || ctx.phase !== 'listening') continue;
    const here = exact ? states[id]!.turns : 0;
    const list = edges[id]!;
    let offered = 0;
    for (const move of movesAt(s, ctx, options)) {
      if (move.kind === 'reply') offered |= 1 << move.reply.index;
      const next = afterMove(s, ctx, move);
      const turned = next.history.length > ctx.history.length;
      const record = turned ? next.history[next.history.length - 1] : undefined;
      const gaveUp = next.phase === 'ended' && next.node === s.hangUpNode && !targetsOf(move, ctx.node, s).includes(s.hangUpNode);
      const to = add(next, exact && turned ? Math.min(here + 1, MAX_TURNS) : here, id, list.length);
      list.push({ to, move, deductions: record?.deductions ?? ZERO, gaveUp, turned });
    }
    (states[id] as { offered: number }).offered = offered;
    contexts[id] = null;
  }
  return {
    scenario: s,
    states,
    edges,
    parent: Int32Array.from(parent),
    parentEdge: Int32Array.from(parentEdge),
    truncated,
    turns: exact ? 'exact' : 'free',
    startTurns,
    options,
  };
}

/** The moves from the start to a state along the fewest turns. */
export function pathTo(g: StateGraph, state: number): Edge[] {
  const path: Edge[] = [];
  for (let s = state; g.parent[s]! >= 0; s = g.parent[s]!) path.push(g.edges[g.parent[s]!]![g.parentEdge[s]!]!);
  return path.reverse();
}

/**
 * Whether turns matter beyond par: a loop, or a path long enough for the customer to give up
 * at the turn limit. Then the graph must be rebuilt with exact turns for scores to be exact.
 */
export function needsExactTurns(g: StateGraph): boolean {
  if (g.turns === 'exact') return false;
  const order = topologicalOrder(g);
  if (!order) return true;
  const longest = new Int32Array(g.states.length);
  for (const s of order) {
    for (const e of g.edges[s]!) longest[e.to] = Math.max(longest[e.to]!, longest[s]! + 1);
  }
  // The turn limit is checked when the customer speaks after the limit's turn.
  return order.some((s) => g.states[s]!.ending === null && g.startTurns + longest[s]! >= MAX_TURNS - 1);
}

const orders = new WeakMap<StateGraph, Int32Array | null>();

/** States in an order where every edge goes forward, or null if the graph has a cycle. Computed once per graph. */
export function topologicalOrder(g: StateGraph): Int32Array | null {
  if (!orders.has(g)) orders.set(g, computeOrder(g));
  return orders.get(g)!;
}

function computeOrder(g: StateGraph): Int32Array | null {
  const n = g.states.length;
  const indegree = new Int32Array(n);
  for (const out of g.edges) for (const e of out) indegree[e.to]!++;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let s = 0; s < n; s++) if (indegree[s] === 0) order[tail++] = s;
  while (head < tail) {
    const s = order[head++]!;
    for (const e of g.edges[s]!) if (--indegree[e.to]! === 0) order[tail++] = e.to;
  }
  return tail === n ? order : null;
}
