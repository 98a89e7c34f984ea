// simulate: what a call can score and how it can end, proven over its reachable states by the
// engine's own analyses. The report is plain data; the CLI prints it for people or as JSON.
import {
  DIMENSIONS,
  bestPaths,
  boundPaths,
  buildStateGraph,
  endingsReached,
  scoreBounds,
  type BestPath,
  type Dimension,
  type Edge,
  type Outcome,
  type Scenario,
  type StateGraph,
} from '../../engine/index.js';
import { pathArgument, pathSteps } from '../analysis/describe.js';

export interface SimulateOptions {
  /** Count letting the timer run out (exam mode) as a move. Default false. */
  readonly timeouts?: boolean;
  /** Count hanging up on the customer as a move. Default false. */
  readonly hangUp?: boolean;
  readonly maxStates?: number;
}

export interface PathReport {
  /** For `simulate --path`: reply positions in the file, "t" for a timeout, "h" for hanging up. */
  readonly path: string;
  /** "node#move" for each move. */
  readonly steps: string;
  readonly turns: number;
  /** Where the path ends: the ending, its outcome, and its own name (format 2's "label"), if any. */
  readonly ending: { readonly node: string; readonly outcome: Outcome; readonly label: string | null } | null;
}

/** A cheapest path: where it goes, what it loses, and what a call playing it scores. */
export interface CostedPath extends PathReport {
  /** Points lost, weighted as the overall score weighs the skills (what the ranking minimises). */
  readonly pointsLost: number;
  /** Points lost per skill (judgment beyond par included). */
  readonly lost: Record<Dimension, number>;
  readonly overall: number;
  readonly grade: string;
  readonly scores: Record<Dimension, number>;
  /** Whether the path ends ideally (an ideal outcome with every fact its ideal requires known, nothing it forbids). */
  readonly ideal: boolean;
}

export interface ScoreRange {
  readonly best: number;
  readonly bestPath: PathReport;
  readonly worst: number;
  readonly worstPath: PathReport;
}

export interface SimulationReport {
  readonly scenario: { readonly id: string; readonly locale: string; readonly title: string; readonly file: string };
  readonly moves: { readonly replies: true; readonly timeouts: boolean; readonly hangUp: boolean };
  readonly states: number;
  /** Exploration stopped at the state limit: what follows covers only the states explored. */
  readonly truncated: boolean;
  /** Whether turns were tracked exactly (a loop, or a path long enough for the turn limit). */
  readonly exactTurns: boolean;
  /** Each skill's best and worst, each with the shortest path that reaches it. */
  readonly bounds: Record<Dimension, ScoreRange>;
  /** The best and worst overall score reachable, with the shortest path to each (null for a call with too many distinct paths to keep). */
  readonly overall: ScoreRange | null;
  /** Every ending that can be reached: whether it can be ideal, the fewest moves there, and the cheapest path there. */
  readonly endings: readonly {
    readonly node: string;
    readonly outcome: Outcome;
    /** An ideal outcome that can be reached with every fact its ideal requires. */
    readonly ideal: boolean;
    readonly shortest: PathReport;
    readonly best: CostedPath;
  }[];
  /** The fewest weighted points lost to an ideal ending, then the fewest turns. */
  readonly idealPath: CostedPath | null;
}

function report(g: StateGraph, path: readonly Edge[], end: number): PathReport {
  const ending = end >= 0 ? g.states[end]!.ending : null;
  return {
    path: pathArgument(path),
    steps: pathSteps(g.states, path),
    turns: path.length,
    ending: ending ? { node: ending.node, outcome: ending.outcome, label: g.scenario.nodes.get(ending.node)?.label ?? null } : null,
  };
}

function costed(g: StateGraph, p: BestPath): CostedPath {
  const { overall, grade, politeness, accuracy, judgment } = p.scores;
  return { ...report(g, p.moves, p.end), pointsLost: p.pointsLost, lost: p.lost, overall, grade, scores: { politeness, accuracy, judgment }, ideal: p.ideal };
}

export function simulateCall(s: Scenario, options: SimulateOptions = {}): SimulationReport {
  const free = buildStateGraph(s, { timeouts: options.timeouts ?? false, hangUp: options.hangUp ?? false, maxStates: options.maxStates ?? 2_000_000 });
  const bounds = scoreBounds(free);
  // Endings and their cheapest paths on the graph the worst bounds needed: with exact turns where
  // the call can loop, so the customer giving up at the turn limit is one of the endings.
  const g = bounds.graph;
  const paths = bestPaths(g);
  const out = {} as Record<Dimension, ScoreRange>;
  // The shortest path to each bound; the bounds' own paths where the call is too tangled for that.
  const shortest = boundPaths(bounds);
  for (const d of DIMENSIONS) {
    const { best, worst } = shortest?.[d] ?? bounds[d];
    const graphOf = (b: { path: readonly Edge[] }) => (shortest ? shortest.graph : b === bounds[d].best ? bounds.bestGraph : bounds.graph);
    out[d] = { best: best.score, bestPath: report(graphOf(best), best.path, best.end), worst: worst.score, worstPath: report(graphOf(worst), worst.path, worst.end) };
  }
  const overall = shortest ? shortest.overall : null;
  return {
    scenario: { id: s.id, locale: s.locale, title: s.title, file: s.file },
    moves: { replies: true, timeouts: options.timeouts ?? false, hangUp: options.hangUp ?? false },
    states: free.states.length,
    truncated: bounds.graph.truncated,
    exactTurns: bounds.graph.turns === 'exact',
    bounds: out,
    overall: overall ? { best: overall.best.score, bestPath: report(shortest!.graph, overall.best.path, overall.best.end), worst: overall.worst.score, worstPath: report(shortest!.graph, overall.worst.path, overall.worst.end) } : null,
    endings: endingsReached(g).map((e) => ({
      node: e.node,
      outcome: e.outcome,
      ideal: e.canBeIdeal,
      shortest: report(g, e.shortest, e.state),
      best: costed(g, paths.endings.get(e.node)!),
    })),
    idealPath: paths.ideal ? costed(g, paths.ideal) : null,
  };
}
