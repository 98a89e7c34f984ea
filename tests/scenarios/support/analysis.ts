// What the scenario tests measure about a call, from the engine's own analyses on its state
// graph with the trainee's replies only (no hanging up, no letting the timer run out): the best
// and worst score of each skill, the endings that can be reached, and the ideal path as the
// engine defines it (analysis/bestPaths.ts). Nothing here ranks paths itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Session,
  bestPaths,
  buildStateGraph,
  formatDiagnostic,
  loadScenario,
  scoreBounds,
  scoresOfLost,
  type Dimension,
  type Edge,
  type Scenario,
  type StateGraph,
} from '../../../src/engine/index.js';
import { shippedCall, shippedNames } from '../../support/shipped.js';

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
/** The languages every call is translated into (string tables beside the English original). */
export const TRANSLATIONS = ['ru', 'pl', 'uk'] as const;
/** Every call of the library in every language (the library's rules hold in each). */
export const TRANSLATED: Record<string, readonly string[]> = Object.fromEntries(LIBRARY.map((id) => [id, TRANSLATIONS]));
/** Every call shipped, the tutorial call too, in every language (translated throughout). */
export const TRANSLATED_CALLS: Record<string, readonly string[]> = { 'first-call': TRANSLATIONS, ...TRANSLATED };

export const scenarioFileNames = (): string[] => shippedNames();

/** A shipped call by file name (a translation's table composed with its original). */
export const loadScenarioFile = (name: string): Scenario => shippedCall(name);

export const repliesOnly = (s: Scenario): StateGraph => buildStateGraph(s, { hangUp: false, timeouts: false });

export interface IdealPath {
  readonly edges: readonly Edge[];
  /** The states along the path, from the start (one more than the edges), in `graph`. */
  readonly states: readonly number[];
  readonly end: number;
  /** Weighted points lost on the way and at the end (the engine's ranking). */
  readonly cost: number;
  readonly overall: number;
}

/** The engine's ideal path, with the states it passes through. */
export function idealPath(g: StateGraph): IdealPath | null {
  const paths = bestPaths(g);
  const p = paths.ideal;
  if (!p) return null;
  const states = [0, ...p.moves.map((e) => e.to)];
  return { edges: p.moves, states, end: p.end, cost: p.pointsLost, overall: p.scores.overall };
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
  const g = bestPaths(repliesOnly(s)).graph;
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
 * The best overall score of any way to end the call within `maxTurns` decisions, and its
 * replies: an oracle of its own — every path of up to that many moves, layer by layer, keeping
 * per state only the paths no other beats in every skill — scored by the engine's scoresOfLost.
 */
export function bestEndingWithin(
  s: Scenario,
  g: StateGraph,
  maxTurns: number,
  counts: (ending: NonNullable<StateGraph['states'][number]['ending']>) => boolean = () => true,
): { overall: number; replies: string[] } | null {
  type Way = { lost: Record<Dimension, number>; replies: string[] };
  const dominated = (a: Way, b: Way) => a.lost.politeness >= b.lost.politeness && a.lost.accuracy >= b.lost.accuracy && a.lost.judgment >= b.lost.judgment;
  let frontier = new Map<number, Way[]>([[0, [{ lost: { politeness: 0, accuracy: 0, judgment: 0 }, replies: [] }]]]);
  let best: { overall: number; replies: string[] } | null = null;
  for (let depth = 0; depth <= maxTurns && frontier.size > 0; depth++) {
    const next = new Map<number, Way[]>();
    for (const [state, ways] of frontier) {
      const ending = g.states[state]!.ending;
      for (const way of ways) {
        if (ending) {
          if (!counts(ending)) continue;
          const d = ending.deductions;
          const { overall } = scoresOfLost(s, { politeness: way.lost.politeness - d.politeness, accuracy: way.lost.accuracy - d.accuracy, judgment: way.lost.judgment - d.judgment });
          if (!best || overall > best.overall) best = { overall, replies: way.replies };
          continue;
        }
        if (depth === maxTurns) continue;
        for (const e of g.edges[state]!) {
          const lost = { politeness: way.lost.politeness - e.deductions.politeness, accuracy: way.lost.accuracy - e.deductions.accuracy, judgment: way.lost.judgment - e.deductions.judgment };
          const w: Way = { lost, replies: [...way.replies, e.move.kind === 'reply' ? e.move.reply.id : e.move.kind] };
          const list = next.get(e.to) ?? [];
          if (list.some((o) => dominated(w, o))) continue;
          next.set(e.to, [...list.filter((o) => !dominated(o, w)), w]);
        }
      }
    }
    frontier = next;
  }
  return best;
}
