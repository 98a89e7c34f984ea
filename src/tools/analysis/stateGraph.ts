// The reachable states of a call — node, facts known, mood, patience, and turns up to par —
// with the trainee's moves as edges. Built once by breadth-first search, so analyses cost what
// the call's size costs, never what its number of paths costs.
import {
  afterMove,
  answeredContext,
  endEntries,
  movesAt,
  type Deductions,
  type Move,
  type MoveOptions,
  type Outcome,
  type Scenario,
  type SessionContext,
} from '../../engine/index.js';

export interface Edge {
  readonly to: number;
  readonly move: Move;
  /** Points lost by this move (0 or below), including judgment lost for turns beyond par. */
  readonly deductions: Deductions;
}

export interface StateInfo {
  readonly node: string;
  readonly facts: readonly string[];
  readonly mood: number;
  readonly patience: number;
  /** Turns taken, counted up to par (beyond it every turn costs the same). */
  readonly turns: number;
  /** Set for endings: how the call ended, and what is judged at the end (0 or below). */
  readonly ending: { readonly outcome: Outcome; readonly node: string; readonly deductions: Deductions; readonly ideal: boolean } | null;
}

export interface StateGraph {
  readonly scenario: Scenario;
  readonly states: StateInfo[];
  readonly edges: Edge[][];
  /** Shortest-path tree from the start (fewest turns): parent state and edge index. */
  readonly parent: Int32Array;
  readonly parentEdge: Int32Array;
  /** True if exploration stopped at the state limit. */
  readonly truncated: boolean;
}

export interface GraphOptions extends MoveOptions {
  /** Stop after this many states (a safety net for runaway scenarios). Default 2,000,000. */
  readonly maxStates?: number;
}

const ZERO: Deductions = { politeness: 0, accuracy: 0, judgment: 0 };

function sum(entries: readonly { dimension: keyof Deductions; points: number }[]): Deductions {
  const d = { politeness: 0, accuracy: 0, judgment: 0 };
  for (const e of entries) d[e.dimension] += e.points;
  return d;
}

export function buildStateGraph(s: Scenario, options: GraphOptions = {}): StateGraph {
  const par = s.scoring.par;
  const cap = par ?? 0;
  const overPar = par === null ? 0 : s.scoring.overPar;
  const maxStates = options.maxStates ?? 2_000_000;
  const factIndex = new Map([...s.facts.keys()].map((f, i) => [f, i]));

  const states: StateInfo[] = [];
  const contexts: SessionContext[] = [];
  const edges: Edge[][] = [];
  const parent: number[] = [];
  const parentEdge: number[] = [];
  const index = new Map<string, number>();
  let truncated = false;

  const keyOf = (ctx: SessionContext, turns: number) => {
    const facts = ctx.facts.map((f) => factIndex.get(f)!).sort((a, b) => a - b).join(',');
    return `${ctx.node}|${facts}|${ctx.mood}|${ctx.patience}|${turns}`;
  };
  const add = (ctx: SessionContext, turns: number, from: number, via: number): number => {
    const key = keyOf(ctx, turns);
    const seen = index.get(key);
    if (seen !== undefined) return seen;
    const id = states.length;
    index.set(key, id);
    const ending = ctx.ending
      ? {
          outcome: ctx.ending.outcome,
          node: ctx.ending.node,
          // Over-par is charged per move below, so the end is judged as if the call were on par.
          deductions: sum(endEntries(s, ctx.ending.outcome, ctx.facts, Math.min(turns, cap))),
          ideal: s.ideal.some((i) => i.outcome === ctx.ending!.outcome && i.requires.every((f) => ctx.facts.includes(f))),
        }
      : null;
    states.push({ node: ctx.node, facts: [...ctx.facts], mood: ctx.mood, patience: ctx.patience, turns, ending });
    // Only the parts that matter for what comes next are kept: history is dropped.
    contexts.push({ ...ctx, history: [] });
    edges.push([]);
    parent.push(from);
    parentEdge.push(via);
    return id;
  };

  add(answeredContext(s), 0, -1, -1);
  for (let id = 0; id < states.length; id++) {
    if (states.length >= maxStates) {
      truncated = true;
      break;
    }
    const ctx = contexts[id]!;
    if (ctx.phase !== 'listening') continue;
    const turns = states[id]!.turns;
    for (const move of movesAt(s, ctx, options)) {
      const next = afterMove(s, ctx, move);
      const record = next.history[next.history.length - 1];
      const d = record?.deductions ?? ZERO;
      const deductions = turns >= cap && overPar > 0 ? { ...d, judgment: d.judgment - overPar } : d;
      const list = edges[id]!;
      const to = add({ ...next, history: [] }, Math.min(turns + 1, cap), id, list.length);
      list.push({ to, move, deductions });
    }
  }
  return { scenario: s, states, edges, parent: Int32Array.from(parent), parentEdge: Int32Array.from(parentEdge), truncated };
}

/** The moves from the start to a state along the fewest turns. */
export function pathTo(g: StateGraph, state: number): Edge[] {
  const path: Edge[] = [];
  for (let s = state; g.parent[s]! >= 0; s = g.parent[s]!) path.push(g.edges[g.parent[s]!]![g.parentEdge[s]!]!);
  return path.reverse();
}
