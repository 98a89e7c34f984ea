// Every text of a call that a trainee or trainer sees, with its stable key: the one list that
// string tables, the checker, composition and the translators' export share. Read from the
// file's JSON value (not the normalized model), so that composing writes each text back where
// it was. Flag and counter notes are for trainers reading the file and are not translated.
//
// Keys (node and reply ids never contain dots; a default reply id is "<node>.<position>"):
//   title, brief, customer.name, customer.persona, fact.<id>, ideal.why (or ideal.<n>.why for a
//   list of ideals), timeout.feedback (the call's default), line.<node> (the customer's line),
//   line.<node>.hint, line.<node>.label, line.<node>.feedback (or line.<node>.feedback.<n> for
//   feedback variants), line.<node>.timeout.feedback, reply.<reply id> (what the trainee says),
//   reply.<reply id>.feedback, reply.<reply id>.doing, reply.<reply id>.examples (a reply's other
//   phrasings for typed replies, one per line: a language has its own, as many as it needs),
//   timeout.say.<n> and
//   line.<node>.timeout.say.<n> (what the customer says into a silence: the call's default
//   timeout's, a node's own). Voices are per line, outside the keys (see format/voices.ts).
import type { JsonPath } from '../errors.js';
import { defaultReplyId } from '../format/model.js';

export type TextKind =
  | 'title'
  | 'brief'
  | 'customer-name'
  | 'persona'
  | 'fact'
  | 'why'
  | 'timeout-feedback'
  | 'silence'
  | 'line'
  | 'hint'
  | 'label'
  | 'ending-feedback'
  | 'reply'
  | 'reply-feedback'
  | 'examples'
  | 'doing';

export interface TextEntry {
  readonly key: string;
  /** Where the text is in the original file. */
  readonly path: JsonPath;
  readonly text: string;
  readonly kind: TextKind;
  /** The node it belongs to, if any. */
  readonly node: string | null;
  /** The reply it belongs to, if any. */
  readonly reply: string | null;
}

export interface VoiceEntry {
  readonly node: string;
  readonly path: JsonPath;
  readonly voice: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * The short hash of a source text kept beside its translation: 8 hex digits (32-bit FNV-1a over
 * the text's UTF-16 code units). It only has to tell one key's text from that key's next text,
 * and a call has tens of thousands of texts: a cryptographic hash would cost seconds.
 */
export function sourceHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A reply's stable id, as the loader defines it: its "id", or "<node>.<position>" from 1. */
const replyId = (node: string, reply: Obj, index: number) => (str(reply.id) ? reply.id : defaultReplyId(node, index));

/** A reply's examples as one text (one per line, as tables hold them), and back. */
export const examplesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** Every translatable text of a scenario file's value, in the order of the file. */
export function textsOf(value: unknown): TextEntry[] {
  const out: TextEntry[] = [];
  if (!isObj(value)) return out;
  const add = (key: string, path: JsonPath, text: unknown, kind: TextKind, node: string | null = null, reply: string | null = null) => {
    if (str(text)) out.push({ key, path, text, kind, node, reply });
  };
  add('title', ['title'], value.title, 'title');
  add('brief', ['brief'], value.brief, 'brief');
  if (isObj(value.customer)) {
    add('customer.name', ['customer', 'name'], value.customer.name, 'customer-name');
    add('customer.persona', ['customer', 'persona'], value.customer.persona, 'persona');
  }
  if (isObj(value.facts)) {
    for (const [id, fact] of Object.entries(value.facts)) {
      if (typeof fact === 'string') add(`fact.${id}`, ['facts', id], fact, 'fact');
      else if (isObj(fact)) add(`fact.${id}`, ['facts', id, 'text'], fact.text, 'fact');
    }
  }
  if (Array.isArray(value.ideal)) value.ideal.forEach((ideal, i) => isObj(ideal) && add(`ideal.${i + 1}.why`, ['ideal', i, 'why'], ideal.why, 'why'));
  else if (isObj(value.ideal)) add('ideal.why', ['ideal', 'why'], value.ideal.why, 'why');
  const silence = (timeout: Obj, prefix: string, path: JsonPath, node: string | null) => {
    if (Array.isArray(timeout.say)) timeout.say.forEach((t, i) => add(`${prefix}.say.${i + 1}`, [...path, 'say', i], t, 'silence', node));
  };
  if (isObj(value.timeout)) {
    add('timeout.feedback', ['timeout', 'feedback'], value.timeout.feedback, 'timeout-feedback');
    silence(value.timeout, 'timeout', ['timeout'], null);
  }
  if (!isObj(value.nodes)) return out;
  for (const [id, node] of Object.entries(value.nodes)) {
    if (!isObj(node)) continue;
    const at = (...rest: (string | number)[]): JsonPath => ['nodes', id, ...rest];
    add(`line.${id}`, at('say'), node.say, 'line', id);
    add(`line.${id}.hint`, at('hint'), node.hint, 'hint', id);
    add(`line.${id}.label`, at('label'), node.label, 'label', id);
    if (Array.isArray(node.feedback)) {
      node.feedback.forEach((v, i) => isObj(v) && add(`line.${id}.feedback.${i + 1}`, at('feedback', i, 'text'), v.text, 'ending-feedback', id));
    } else add(`line.${id}.feedback`, at('feedback'), node.feedback, 'ending-feedback', id);
    if (isObj(node.timeout)) {
      add(`line.${id}.timeout.feedback`, at('timeout', 'feedback'), node.timeout.feedback, 'timeout-feedback', id);
      silence(node.timeout, `line.${id}.timeout`, at('timeout'), id);
    }
    if (!Array.isArray(node.replies)) continue;
    node.replies.forEach((reply, i) => {
      if (!isObj(reply)) return;
      const rid = replyId(id, reply, i);
      add(`reply.${rid}`, at('replies', i, 'say'), reply.say, 'reply', id, rid);
      add(`reply.${rid}.feedback`, at('replies', i, 'feedback'), reply.feedback, 'reply-feedback', id, rid);
      add(`reply.${rid}.doing`, at('replies', i, 'doing'), reply.doing, 'doing', id, rid);
      if (Array.isArray(reply.examples) && reply.examples.every(str)) add(`reply.${rid}.examples`, at('replies', i, 'examples'), reply.examples.join('\n'), 'examples', id, rid);
    });
  }
  return out;
}

/** Every node's recorded line in a scenario file's value. */
export function voicesOf(value: unknown): VoiceEntry[] {
  if (!isObj(value) || !isObj(value.nodes)) return [];
  const out: VoiceEntry[] = [];
  for (const [id, node] of Object.entries(value.nodes)) if (isObj(node) && str(node.voice)) out.push({ node: id, path: ['nodes', id, 'voice'], voice: node.voice });
  return out;
}

/** Replaces, in place, the value at `path` of a JSON value (the path's parents must exist). */
export function setAt(root: unknown, path: JsonPath, to: unknown): void {
  let at = root as Obj;
  for (const p of path.slice(0, -1)) at = at[p as string] as Obj;
  at[path[path.length - 1] as string] = to;
}

/** Removes, in place, the value at `path` of a JSON value (the path's parents must exist). */
export function deleteAt(root: unknown, path: JsonPath): void {
  let at = root as Obj;
  for (const p of path.slice(0, -1)) at = at[p as string] as Obj;
  delete at[path[path.length - 1] as string];
}
