// The call as a graph of the customer's lines: one node per line in the file, one edge per
// reply (per branch of its "next"), timeouts that lead elsewhere as edges of their own, and the
// ideal path marked. The formats (mermaid, dot, svg) draw this model.
import type { Condition, Outcome, Scenario } from '../../engine/index.js';
import { bestPaths, buildStateGraph } from '../../engine/index.js';

export interface GraphNode {
  readonly id: string;
  readonly say: string;
  readonly outcome: Outcome | null;
  readonly start: boolean;
  readonly onIdealPath: boolean;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'reply' | 'timeout';
  /** "2. Let me look up your order", or "timeout 40 s". */
  readonly label: string;
  /** Seconds an action takes; 0 for a plain reply. */
  readonly takes: number;
  /** The reply's own "if" and the branch's, as written. */
  readonly condition: string | null;
  readonly onIdealPath: boolean;
}

export interface CallGraph {
  readonly title: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Whether an ideal path exists (and so is marked). */
  readonly hasIdealPath: boolean;
}

export function conditionText(c: Condition | null): string | null {
  if (!c) return null;
  const parts = [...c.known, ...c.unknown.map((f) => `!${f}`), ...c.compare.map((x) => `${x.on}${x.op}${x.value}`)];
  return parts.length > 0 ? parts.join(' & ') : null;
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
  for (const n of s.nodes.values()) {
    if (n.builtIn && n.id !== s.hangUpNode) continue;
    nodes.push({ id: n.id, say: n.builtIn ? '(hangs up)' : n.say, outcome: n.end, start: n.id === s.start, onIdealPath: ideal !== null && idealNodes.has(n.id) });
    for (const r of n.replies) {
      for (const b of r.next) {
        const condition = [conditionText(r.when), conditionText(b.when)].filter((c) => c !== null).join(' then ') || null;
        edges.push({
          from: n.id,
          to: b.to,
          kind: 'reply',
          label: `${r.index + 1}. ${shorten(r.say)}`,
          takes: r.takesMs / 1000,
          condition,
          onIdealPath: idealSteps.has(`${n.id}|${r.index}|${b.to}`),
        });
      }
    }
    for (const b of n.timeout?.next ?? []) {
      edges.push({ from: n.id, to: b.to, kind: 'timeout', label: `timeout ${n.timeout!.afterMs / 1000} s`, takes: 0, condition: conditionText(b.when), onIdealPath: false });
    }
  }
  return { title: s.title, nodes, edges, hasIdealPath: ideal !== null };
}

/** An edge's label: the reply, whether it is an action, and its condition, one per line. */
export function edgeText(e: GraphEdge): string {
  const parts = [e.label];
  if (e.takes > 0) parts.push(`⏱ action, ${e.takes} s`);
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
