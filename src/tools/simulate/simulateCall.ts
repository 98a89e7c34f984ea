// simulate: what a call can score and how it can end, proven over its reachable states.
// The report is plain data; the CLI prints it for people or as JSON.
import { DIMENSIONS, type Dimension, type Outcome, type Scenario } from '../../engine/index.js';
import { endingsReached, shortestIdealPath } from '../analysis/callPaths.js';
import { pathArgument, pathSteps } from '../analysis/describe.js';
import { scoreBounds } from '../analysis/scoreBounds.js';
import { buildStateGraph, type Edge, type StateGraph } from '../analysis/stateGraph.js';

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
  readonly ending: { readonly node: string; readonly outcome: Outcome } | null;
}

export interface SimulationReport {
  readonly scenario: { readonly id: string; readonly locale: string; readonly title: string; readonly file: string };
  readonly moves: { readonly replies: true; readonly timeouts: boolean; readonly hangUp: boolean };
  readonly states: number;
  /** Exploration stopped at the state limit: what follows covers only the states explored. */
  readonly truncated: boolean;
  /** Whether turns were tracked exactly (a loop, or a path long enough for the turn limit). */
  readonly exactTurns: boolean;
  readonly bounds: Record<Dimension, { readonly best: number; readonly bestPath: PathReport; readonly worst: number; readonly worstPath: PathReport }>;
  readonly endings: readonly { readonly node: string; readonly outcome: Outcome; readonly canBeIdeal: boolean; readonly shortest: PathReport }[];
  /** The fewest turns to an ideal ending with everything it requires known (fewest points lost among those). */
  readonly idealPath: (PathReport & { readonly pointsLost: number }) | null;
}

function report(g: StateGraph, path: readonly Edge[], end: number): PathReport {
  const ending = end >= 0 ? g.states[end]!.ending : null;
  return {
    path: pathArgument(path),
    steps: pathSteps(g.states, path),
    turns: path.length,
    ending: ending ? { node: ending.node, outcome: ending.outcome } : null,
  };
}

export function simulateCall(s: Scenario, options: SimulateOptions = {}): SimulationReport {
  const free = buildStateGraph(s, { timeouts: options.timeouts ?? false, hangUp: options.hangUp ?? false, maxStates: options.maxStates ?? 2_000_000 });
  const bounds = scoreBounds(free);
  // Paths and endings are read on the graph the bounds used (exact turns when turns matter).
  const g = bounds.graph;
  const out = {} as Record<Dimension, SimulationReport['bounds'][Dimension]>;
  for (const d of DIMENSIONS) {
    const { best, worst } = bounds[d];
    out[d] = { best: best.score, bestPath: report(g, best.path, best.end), worst: worst.score, worstPath: report(g, worst.path, worst.end) };
  }
  const ideal = shortestIdealPath(g);
  return {
    scenario: { id: s.id, locale: s.locale, title: s.title, file: s.file },
    moves: { replies: true, timeouts: options.timeouts ?? false, hangUp: options.hangUp ?? false },
    states: free.states.length,
    truncated: g.truncated,
    exactTurns: g.turns === 'exact',
    bounds: out,
    endings: endingsReached(g).map((e) => ({ node: e.node, outcome: e.outcome, canBeIdeal: e.canBeIdeal, shortest: report(g, e.shortest, e.state) })),
    idealPath: ideal ? { ...report(g, ideal.path, ideal.end), pointsLost: ideal.cost } : null,
  };
}
