// What the scenario tests measure about a call, computed on its state graph with the trainee's
// replies only (no hanging up, no letting the timer run out): the best and worst score of each
// skill, the endings that can be reached, and the ideal path — the cheapest way to an ideal
// ending with everything it requires known, the fewest turns among equals.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Session, formatDiagnostic, loadScenario, type Deductions, type Dimension, type Scenario } from '../../../src/engine/index.js';
import { buildStateGraph, type Edge, type StateGraph } from '../../../src/tools/analysis/stateGraph.js';
import { scoreBounds } from '../../../src/tools/analysis/scoreBounds.js';

export const SCENARIO_DIR = join(import.meta.dirname, '../../../scenarios');

/** The calls of the library, by file name (first-call is the lead's tutorial call). */
export const LIBRARY = [
  'update-warning',
  'bought-elsewhere',
  'licence-key',
  'wrong-product',
  'late-defect',
  'vague-refund',
  'never-satisfied',
  'abusive-caller',
] as const;
export const TRANSLATED = { 'update-warning': ['ru', 'pl'], 'never-satisfied': ['ru', 'pl'] } as const;

export function scenarioFileNames(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
}

export function loadScenarioFile(name: string): Scenario {
  const text = readFileSync(join(SCENARIO_DIR, name), 'utf8');
  const result = loadScenario(text, `scenarios/${name}`);
  if (!result.ok) throw new Error(`scenarios/${name} does not load:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  return result.scenario;
}

export const repliesOnly = (s: Scenario): StateGraph => buildStateGraph(s, { hangUp: false, timeouts: false });

const total = (d: Deductions) => -(d.politeness + d.accuracy + d.judgment);

// Costs here are what replies and endings deduct; judgment lost for turns beyond par is left
// out (the state graph does not count turns), which is exact for the paths these tests look
// at: the ideal path and paths of five decisions, all within every call's par.

export interface IdealPath {
  readonly edges: readonly Edge[];
  /** The states along the path, from the start (one more than the edges). */
  readonly states: readonly number[];
  readonly end: number;
  /** Points lost on the way and at the end, all skills together. */
  readonly cost: number;
}

/** Dijkstra on (points lost, turns), restricted to ideal endings with their requirements met. */
export function idealPath(g: StateGraph): IdealPath | null {
  const n = g.states.length;
  const key = (cost: number, turns: number) => cost * 10_000 + turns;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const prevEdge = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  dist[0] = 0;
  let best: { key: number; end: number; cost: number } | null = null;
  // The graphs are small (thousands of states), so a linear scan for the minimum is enough.
  for (;;) {
    let s = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (s < 0 || dist[i]! < dist[s]!)) s = i;
    if (s < 0) break;
    done[s] = 1;
    const ending = g.states[s]!.ending;
    if (ending?.ideal) {
      const k = dist[s]! + key(total(ending.deductions), 0);
      if (!best || k < best.key) best = { key: k, end: s, cost: Math.floor(k / 10_000) };
    }
    g.edges[s]!.forEach((e, i) => {
      const d = dist[s]! + key(total(e.deductions), 1);
      if (d < dist[e.to]!) {
        dist[e.to] = d;
        prev[e.to] = s;
        prevEdge[e.to] = i;
      }
    });
  }
  if (!best) return null;
  const edges: Edge[] = [];
  const states = [best.end];
  for (let s = best.end; prev[s]! >= 0; s = prev[s]!) {
    edges.push(g.edges[prev[s]!]![prevEdge[s]!]!);
    states.push(prev[s]!);
  }
  return { edges: edges.reverse(), states: states.reverse(), end: best.end, cost: best.cost };
}

export interface Measures {
  readonly graph: StateGraph;
  readonly states: number;
  readonly bounds: Record<Dimension, { best: number; worst: number }>;
  /** Ending node ids reachable, and their outcomes. */
  readonly endings: ReadonlyMap<string, string>;
  readonly ideal: IdealPath | null;
}

export function measure(s: Scenario): Measures {
  const g = repliesOnly(s);
  const b = scoreBounds(g);
  const endings = new Map<string, string>();
  for (const st of g.states) if (st.ending) endings.set(st.ending.node, st.ending.outcome);
  const bounds = {} as Record<Dimension, { best: number; worst: number }>;
  for (const d of ['politeness', 'accuracy', 'judgment'] as const) bounds[d] = { best: b[d].best.score, worst: b[d].worst.score };
  return { graph: g, states: g.states.length, bounds, endings, ideal: idealPath(g) };
}

export const replyIds = (path: IdealPath): string[] =>
  path.edges.map((e) => (e.move.kind === 'reply' ? e.move.reply.id : e.move.kind));

/**
 * Plays the ideal path on a live Session in an exam, thinking `thinkMs` before every decision
 * (time the customer's patience drains in an exam): how the call ends and what patience is left.
 */
export function examRun(s: Scenario, path: IdealPath, thinkMs: number, seed = 7) {
  const session = new Session(s, { seed, mode: 'exam' });
  session.answer();
  for (const e of path.edges) {
    if (session.ended) break;
    session.advance(thinkMs);
    if (session.ended || e.move.kind !== 'reply') break;
    const id = e.move.reply.id;
    const shown = session.view.replies.find((r) => r.id === id);
    if (!shown || !session.choose(shown.n)) break;
    for (let guard = 0; guard < 10_000 && session.view.phase === 'working'; guard++) session.advance(100);
  }
  return { ending: session.context.ending?.node ?? null, patience: session.view.patience, score: session.score() };
}

/**
 * The cheapest way to end the call within `maxTurns` decisions: total points lost (all skills,
 * the ending included) and the replies taken. Layer by layer, keeping the cheapest cost per state.
 */
export function cheapestEndingWithin(g: StateGraph, maxTurns: number): { cost: number; replies: string[] } | null {
  let frontier = new Map<number, { cost: number; replies: string[] }>([[0, { cost: 0, replies: [] }]]);
  let best: { cost: number; replies: string[] } | null = null;
  for (let depth = 0; depth <= maxTurns && frontier.size > 0; depth++) {
    const next = new Map<number, { cost: number; replies: string[] }>();
    for (const [state, at] of frontier) {
      const ending = g.states[state]!.ending;
      if (ending) {
        const cost = at.cost + total(ending.deductions);
        if (!best || cost < best.cost) best = { cost, replies: at.replies };
        continue;
      }
      if (depth === maxTurns) continue;
      for (const e of g.edges[state]!) {
        const cost = at.cost + total(e.deductions);
        const seen = next.get(e.to);
        if (!seen || cost < seen.cost) {
          next.set(e.to, { cost, replies: [...at.replies, e.move.kind === 'reply' ? e.move.reply.id : e.move.kind] });
        }
      }
    }
    frontier = next;
  }
  return best;
}
