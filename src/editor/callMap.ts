// The call as a map: its lines as nodes and its replies as edges, read from the file as it is
// written (so a call that does not load yet still shows, dangling replies and all). Pure.
import { nodesOf } from './operations.js';

export interface MapNode {
  readonly id: string;
  /** The customer's line. */
  readonly say: string;
  /** The ending's outcome, or null for a line that waits for a reply. */
  readonly end: string | null;
  readonly start: boolean;
  readonly replies: number;
}

export interface MapEdge {
  /** `<node>#<reply>#<branch>`: unique. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly reply: number;
  readonly say: string;
  /** An action (it takes time). */
  readonly action: boolean;
  /** The branch's condition, if the reply leads here only when it holds. */
  readonly when: string | null;
}

export interface CallMap {
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
}

type Obj = Record<string, unknown>;

/** Where a reply's "next" leads: a node id, or a list of { to, if }. */
function targets(next: unknown): { to: string; when: string | null }[] {
  if (typeof next === 'string') return [{ to: next, when: null }];
  if (!Array.isArray(next)) return [];
  return next.filter((b): b is Obj => b !== null && typeof b === 'object').map((b) => ({ to: String(b.to ?? ''), when: typeof b.if === 'string' ? b.if : b.if === undefined ? null : JSON.stringify(b.if) }));
}

export function callMap(value: unknown): CallMap {
  const raw = nodesOf(value);
  const first = (value as Obj | null)?.start;
  const startId = typeof first === 'string' && first in raw ? first : (Object.keys(raw)[0] ?? '');
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  for (const [id, n] of Object.entries(raw)) {
    const replies = Array.isArray(n.replies) ? (n.replies as Obj[]) : [];
    nodes.push({ id, say: typeof n.say === 'string' ? n.say : '', end: typeof n.end === 'string' ? n.end : null, start: id === startId, replies: replies.length });
    replies.forEach((r, i) => {
      targets(r?.next).forEach((t, k) => {
        edges.push({ id: `${id}#${i}#${k}`, from: id, to: t.to, reply: i, say: typeof r.say === 'string' ? r.say : '', action: typeof r.takes === 'number' && r.takes > 0, when: t.when });
      });
    });
  }
  return { nodes, edges };
}

/** The map's shape: what the layout depends on (not the words), so an edit of words keeps the layout. */
export function shapeKey(map: CallMap): string {
  return `${map.nodes.map((n) => n.id).join(',')}|${map.edges.map((e) => `${e.from}>${e.to}`).join(',')}`;
}
