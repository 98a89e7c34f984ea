// What the editor can do to a call, as edits of its file (roundTrip.ts): set a field of a node
// or a reply, add, duplicate and delete nodes and replies, and set a translation's text. Each
// operation reads the file's current value and returns the edits; nothing here parses or
// formats text. Pure.
import { sourceHash } from '../engine/index.js';
import type { EditPath, FileEdit } from './roundTrip.js';
import { valueAt } from './roundTrip.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export const nodePath = (node: string): EditPath => ['nodes', node];
export const replyPath = (node: string, index: number): EditPath => ['nodes', node, 'replies', index];

/** The call's nodes as written, by id (empty when the file has none). */
export function nodesOf(value: unknown): Record<string, Obj> {
  const nodes = valueAt(value, ['nodes']);
  return isObj(nodes) ? (nodes as Record<string, Obj>) : {};
}

/** The replies of a node as written. */
export function repliesOf(value: unknown, node: string): Obj[] {
  const r = valueAt(value, [...nodePath(node), 'replies']);
  return Array.isArray(r) ? (r as Obj[]) : [];
}

/** Every reply id in the file, for making new ones that are unique. */
function replyIds(value: unknown): Set<string> {
  const out = new Set<string>();
  for (const [id, n] of Object.entries(nodesOf(value))) {
    (Array.isArray(n.replies) ? (n.replies as Obj[]) : []).forEach((r, i) => out.add(typeof r.id === 'string' ? r.id : `${id}.${i + 1}`));
  }
  return out;
}

/** `base`, or `base-2`, `base-3`… : the first not in `taken`. */
export function freshId(base: string, taken: ReadonlySet<string> | ((id: string) => boolean)): string {
  const has = typeof taken === 'function' ? taken : (id: string) => taken.has(id);
  if (!has(base)) return base;
  for (let n = 2; ; n++) if (!has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Sets a field; a value of undefined, '' or (for numbers the format treats as "none") 0 removes
 * the key, so clearing a field leaves the file as if it had never been written.
 */
export function setField(path: EditPath, value: unknown, removeWhenZero = false): FileEdit[] {
  const none = value === undefined || value === '' || (removeWhenZero && value === 0) || (Array.isArray(value) && value.length === 0);
  return [{ path, value: none ? undefined : value }];
}

/** A new reply at the end of a node's replies, leading to `next` ('' while no line is chosen: the checks say so). */
export function addReply(value: unknown, node: string, say: string, next: string): FileEdit[] {
  const replies = repliesOf(value, node);
  const id = freshId(`${node}-reply`, replyIds(value));
  if (replies.length === 0) return [{ path: [...nodePath(node), 'replies'], value: [{ id, say, next }] }];
  return [{ path: [...replyPath(node, replies.length)], value: { id, say, next }, insert: true }];
}

/** A copy of a reply just after it, with an id of its own. */
export function duplicateReply(value: unknown, node: string, index: number): FileEdit[] {
  const reply = repliesOf(value, node)[index];
  if (!reply) return [];
  const copy: Obj = structuredClone(reply);
  copy.id = freshId(`${typeof reply.id === 'string' ? reply.id : `${node}-reply`}-copy`, replyIds(value));
  return [{ path: replyPath(node, index + 1), value: copy, insert: true }];
}

export function deleteReply(node: string, index: number): FileEdit[] {
  return [{ path: replyPath(node, index), value: undefined }];
}

/** A name for a new node: `base` made a plain id (letters, digits, dashes), or `base-2`… when taken. */
export function newNodeId(value: unknown, base: string): string {
  const nodes = nodesOf(value);
  const plain = base.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'new-line';
  return freshId(plain, (k) => k in nodes);
}

/**
 * A new ordinary line, its words empty and no replies yet: the checks say what it still needs
 * (the words, replies or an ending) until the trainer writes them.
 */
export function addNode(value: unknown, base: string, say = ''): { id: string; edits: FileEdit[] } {
  const id = newNodeId(value, base);
  return { id, edits: [{ path: nodePath(id), value: { say, replies: [] } }] };
}

/** A copy of a node under a new id; its replies get ids of their own. */
export function duplicateNode(value: unknown, node: string): { id: string; edits: FileEdit[] } {
  const nodes = nodesOf(value);
  const original = nodes[node];
  if (!original) return { id: node, edits: [] };
  const id = freshId(`${node}-copy`, (k) => k in nodes);
  const copy: Obj = structuredClone(original);
  delete copy.voice;
  if (Array.isArray(copy.replies)) {
    const taken = replyIds(value);
    copy.replies = (copy.replies as Obj[]).map((r, i) => {
      const rid = freshId(`${typeof r.id === 'string' ? r.id : `${id}-${i + 1}`}-copy`, taken);
      taken.add(rid);
      return { ...r, id: rid };
    });
  }
  return { id, edits: [{ path: nodePath(id), value: copy }] };
}

export function deleteNode(node: string): FileEdit[] {
  return [{ path: nodePath(node), value: undefined }];
}

/** A translation's text for a key, marked as translating the original's current text. */
export function setTranslation(table: unknown, key: string, text: string, originalText: string): FileEdit[] {
  const source = sourceHash(originalText);
  if (!isObj(valueAt(table, ['strings', key]))) return [{ path: ['strings', key], value: { source, text } }];
  return [
    { path: ['strings', key, 'source'], value: source },
    { path: ['strings', key, 'text'], value: text },
  ];
}
