// The call as a graph of the customer's lines: one node per line in the file, one edge per
// reply (per branch of its "next"), timeouts that lead elsewhere as edges of their own, and the
// ideal path marked. The formats (mermaid, dot, svg) draw this model.
import type { Branch, Outcome, Scenario } from '../../engine/index.js';
import { bestPaths, buildStateGraph, RETURN_TARGET } from '../../engine/index.js';
import { returnTargets, targetsOf } from '../../engine/analysis/returnTargets.js';
import { conditionText } from '../../engine/format/written.js';

export interface GraphNode {
  readonly id: string;
  readonly say: string;
  readonly outcome: Outcome | null;
  /** An ending's own name (format 2's "label"). */
  readonly label: string | null;
  readonly start: boolean;
  readonly onIdealPath: boolean;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'reply' | 'timeout';
  /** The reply's position under its node in the file (from 1); null for a timeout. */
  readonly reply: number | null;
  /** "2. Let me look up your order", or "timeout 40 s". */
  readonly label: string;
  /** Seconds an action takes; 0 for a plain reply. */
  readonly takes: number;
  /** The reply's own "if" and the branch's, as written. */
  readonly condition: string | null;
  readonly onIdealPath: boolean;
  /**
   * Drawn quietly: a timeout, or a way to the customer hanging up or giving up (often one per
   * reply, guarded by patience); the formats may merge those of one node into one line.
   */
  readonly quiet: boolean;
}

export interface CallGraph {
  readonly title: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Whether an ideal path exists (and so is marked). */
  readonly hasIdealPath: boolean;
}

export function shorten(text: string, max = 48): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function callGraph(s: Scenario): CallGraph {
  // The ideal path, on the trainee's replies; its edges are (node, reply index, next node).
  const free = buildStateGraph(s, { timeouts: false, hangUp: false, maxStates: 200_000 });
  const paths = free.truncated ? null : bestPaths(free);
  const ideal = paths?.ideal ?? null;
  const g = paths?.graph ?? free;
  const idealSteps = new Set<string>();
  const idealNodes = new Set<string>([s.start]);
  if (ideal) {
    let node = s.start;
    for (const e of ideal.moves) {
      const to = g.states[e.to]!.node;
      if (e.move.kind === 'reply') idealSteps.add(`${node}|${e.move.reply.index}|${to}`);
      idealNodes.add(to);
      node = to;
    }
  }
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const givesUp = (to: string) => {
    const end = s.nodes.get(to)?.end;
    return end === 'hung-up' || end === 'abandoned';
  };
  // "$return" is drawn as an edge to each node it can lead back to, marked as such (back to the
  // node itself only at the first line, where the call has come from nowhere).
  const back = returnTargets(s);
  const targets = (b: Branch, node: string) => targetsOf([b], node, back).filter((to) => b.to !== RETURN_TARGET || to !== node || node === s.start);
  const backMark = (b: Branch) => (b.to === RETURN_TARGET ? ` (${RETURN_TARGET}: back)` : '');
  for (const n of s.nodes.values()) {
    if (n.builtIn && n.id !== s.hangUpNode) continue;
    nodes.push({ id: n.id, say: n.builtIn ? '(hangs up)' : n.say, outcome: n.end, label: n.label, start: n.id === s.start, onIdealPath: ideal !== null && idealNodes.has(n.id) });
    for (const r of n.replies) {
      for (const b of r.next) {
        for (const to of targets(b, n.id)) {
        const condition = [conditionText(r.when, s), conditionText(b.when, s)].filter((c) => c !== null).join(' then ') || null;
        const onIdealPath = idealSteps.has(`${n.id}|${r.index}|${to}`);
        edges.push({
          from: n.id,
          to,
          kind: 'reply',
          reply: r.index + 1,
          label: `${r.index + 1}. ${shorten(r.say)}${backMark(b)}`,
          takes: r.takesMs / 1000,
          condition,
          onIdealPath,
          // A way to the customer hanging up guarded by a condition (patience, mood) is drawn
          // quietly; a reply that always ends there is a choice the trainer wants seen.
          quiet: !onIdealPath && givesUp(to) && (b.when !== null || r.when !== null),
        });
        }
      }
    }
    for (const b of n.timeout?.next ?? []) {
      for (const to of targets(b, n.id)) {
        edges.push({ from: n.id, to, kind: 'timeout', reply: null, label: `timeout ${n.timeout!.afterMs / 1000} s${backMark(b)}`, takes: 0, condition: conditionText(b.when, s), onIdealPath: false, quiet: true });
      }
    }
  }
  return { title: s.title, nodes, edges, hasIdealPath: ideal !== null };
}

/** The mark of an action in labels (the arrowhead of an action is a diamond too): a glyph Debian's DejaVu fonts have. */
export const ACTION_MARK = '◆';

/** An edge's label: the reply, whether it is an action, and its condition, one per line. */
export function edgeText(e: GraphEdge): string {
  const parts = [e.label];
  if (e.takes > 0) parts.push(`${ACTION_MARK} action, ${e.takes} s`);
  if (e.condition) parts.push(`if ${e.condition}`);
  return parts.join('\n');
}

/** Okabe–Ito colours: distinguishable with every common kind of colour blindness. */
export const OUTCOME_COLOURS: Record<Outcome, string> = {
  retained: '#009E73',
  parted: '#0072B2',
  redirected: '#56B4E9',
  escalated: '#E69F00',
  'hung-up': '#D55E00',
  abandoned: '#CC79A7',
};
export const IDEAL_COLOUR = '#000000';
/** Quiet edges (timeouts, ways to the customer giving up). */
export const QUIET_COLOUR = '#9a9a9a';

/**
 * Quiet edges merged: one per pair of nodes, its label the replies' positions (and the timer)
 * under each condition, e.g. "1, 3 if patience<15". Other edges stay as they are.
 */
export function mergeQuiet(edges: readonly GraphEdge[]): { edges: GraphEdge[]; quiet: { from: string; to: string; label: string }[] } {
  const loud = edges.filter((e) => !e.quiet);
  const groups = new Map<string, GraphEdge[]>();
  for (const e of edges.filter((x) => x.quiet)) {
    const key = `${e.from}\0${e.to}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const quiet = [...groups.values()].map((group) => {
    const byCondition = new Map<string, string[]>();
    for (const e of group) {
      const key = e.condition ?? '';
      byCondition.set(key, [...(byCondition.get(key) ?? []), e.kind === 'timeout' ? e.label : String(e.reply)]);
    }
    const label = [...byCondition.entries()].map(([c, moves]) => `${moves.join(', ')}${c ? ` if ${c}` : ''}`).join('\n');
    return { from: group[0]!.from, to: group[0]!.to, label };
  });
  return { edges: loud, quiet };
}
