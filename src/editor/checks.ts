// The editor's live checks: after every edit, the engine's loader and every lint check over the
// call and its string tables, the messages grouped by the node they are about; and the engine's
// analyses for the map — the ideal path, and what each skill can still score from a line.
// Pure (the browser and the bench run it alike); files that lint cannot see from here (voices,
// the schema) count as present.
import {
  bestPaths,
  buildStateGraph,
  DIMENSIONS,
  loadScenario,
  scenarioFrom,
  scoreBounds,
  startStateProblems,
  type Diagnostic,
  type Dimension,
  type Scenario,
  type StartState,
} from '../engine/index.js';
import { lintScenarios, type SourceFile } from '../tools/lint/lintScenarios.js';

export interface CallChecks {
  /** Every message, in file order. */
  readonly diagnostics: readonly Diagnostic[];
  /** The messages about a node (or its replies), by node id. */
  readonly byNode: ReadonlyMap<string, readonly Diagnostic[]>;
  /** The original as the engine loads it; null while it does not load. */
  readonly scenario: Scenario | null;
  /** Whether any message is an error (a save would be refused). */
  readonly errors: number;
  readonly warnings: number;
}

/** The node a message is about: its JSON path in the original, or a table's key ("line.<node>…", "reply.<id>…"). */
function nodeOf(d: Diagnostic, original: string, replyNodes: ReadonlyMap<string, string>): string | null {
  if (d.file === original && d.path[0] === 'nodes' && typeof d.path[1] === 'string') return d.path[1];
  if (d.path[0] === 'strings' && typeof d.path[1] === 'string') {
    const [kind, id] = d.path[1].split('.');
    if (kind === 'line' && id) return id;
    if (kind === 'reply' && id) return replyNodes.get(id) ?? null;
  }
  return null;
}

export function checkCall(original: SourceFile, tables: readonly SourceFile[] = []): CallChecks {
  const all = [original, ...tables];
  const texts = new Map(all.map((f) => [f.file, f.text]));
  const diagnostics = lintScenarios(all, { fileExists: () => true, readFile: (p) => texts.get(p) ?? null });
  const ownLoad = lintSafeLoad(original);
  const replyNodes = new Map<string, string>();
  if (ownLoad) for (const n of ownLoad.nodes.values()) for (const r of n.replies) replyNodes.set(r.id, n.id);
  const byNode = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const node = nodeOf(d, original.file, replyNodes);
    if (node) byNode.set(node, [...(byNode.get(node) ?? []), d]);
  }
  return {
    diagnostics,
    byNode,
    scenario: ownLoad,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

function lintSafeLoad(f: SourceFile): Scenario | null {
  const r = loadScenario(f.text, f.file);
  return r.ok ? r.scenario : null;
}

/** A step of the ideal path: the node it leaves and the reply taken (its place in the node). */
export interface IdealStep {
  readonly node: string;
  readonly reply: number;
}

/** The engine's ideal path from the call's start (fewest weighted points lost to an ideal ending), as node and reply steps; empty if none. */
export function idealSteps(s: Scenario): IdealStep[] {
  const g = buildStateGraph(s, { timeouts: false, hangUp: false });
  const ideal = bestPaths(g).ideal;
  if (!ideal) return [];
  const out: IdealStep[] = [];
  let at = 0;
  for (const e of ideal.moves) {
    if (e.move.kind === 'reply') out.push({ node: g.states[at]!.node, reply: e.move.reply.index });
    at = e.to;
  }
  return out;
}

export type SkillRange = Readonly<Record<Dimension, { readonly best: number; readonly worst: number }>>;

/**
 * Each skill's best and worst score still reachable from a line, played in practice from the
 * start state given (the facts, mood and patience "Test from here" would start with); null for
 * an ending or a start the call cannot take.
 */
export function skillRangeFrom(s: Scenario, start: StartState): SkillRange | null {
  if (startStateProblems(s, start).length > 0) return null;
  const bounds = scoreBounds(buildStateGraph(scenarioFrom(s, start), { timeouts: false }));
  const out = {} as Record<Dimension, { best: number; worst: number }>;
  for (const d of DIMENSIONS) out[d] = { best: bounds[d].best.score, worst: bounds[d].worst.score };
  return out;
}
