// Checks what the schema cannot: that every name used is defined and every node can do something.
// Works on the validated file, whose JSON paths are the places shown to the trainer.
import { closest } from 'fastest-levenshtein';
import type { Diagnostic, JsonPath } from '../errors.js';
import { defaultReplyId } from '../format/model.js';
import { RETURN_TARGET, type ScenarioParsed } from '../format/schema.js';
import { namesIn } from '../rules/conditions.js';
import { readChange } from '../rules/memory.js';
import type { JsonDocument } from './jsonDocument.js';

type NextFile = string | readonly { to: string; if?: string | string[] | undefined }[];

/** A JSON path, built only when a message needs it (most files have none to give). */
type Where = () => JsonPath;

export function checkReferences(doc: JsonDocument, s: ScenarioParsed): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodeIds = Object.keys(s.nodes);
  const factIds = Object.keys(s.facts ?? {});
  const declaredFacts = new Set(factIds);
  // Format 2's hidden memory: flags are tested like facts; counters are compared and changed.
  const flagIds = Object.keys(s.flags ?? {});
  const counterIds = Object.keys(s.counters ?? {});
  const declaredFlags = new Set(flagIds);
  const declaredCounters = new Set(counterIds);
  const memoryIds = [...factIds, ...flagIds];
  const error = (path: JsonPath, code: string, message: string, hint: string | null = null) =>
    out.push(doc.diagnostic(path, 'error', code, message, hint));

  const suggest = (name: string, known: readonly string[], what: string) => {
    if (known.length === 0) return `declare it under "${what}"`;
    const guess = closest(name, known as string[]);
    return `did you mean "${guess}"? Or declare "${name}" under "${what}"`;
  };
  // `name in s.nodes`, answered from a set of the ids first: `in` looks every name up in the
  // engine's table of strings, which a file of 100,000 nodes makes slow.
  const ids = new Set(nodeIds);
  const inherited = Object.getPrototypeOf(s.nodes) as object | null;
  const isNode = (name: string) => ids.has(name) || (inherited !== null && name in inherited);
  const checkNode = (where: Where, name: string, role: string) => {
    if (!isNode(name)) error(where(), 'unknown-node', `${role} names no node "${name}"`, suggest(name, nodeIds, 'nodes'));
  };
  const checkFacts = (where: Where, names: readonly string[]) => {
    for (const f of names) {
      if (!declaredFacts.has(f)) error(where(), 'unknown-fact', `fact "${f}" is not declared`, suggest(f, factIds, 'facts'));
    }
  };
  // Every reply's id, made only when a condition asks about an earlier reply ("chose:x").
  let allReplyIds: string[] | null = null;
  const replyIdList = () =>
    (allReplyIds ??= nodeIds.flatMap((n) => (s.nodes[n]!.replies ?? []).map((r, i) => r.id ?? defaultReplyId(n, i))));
  const checkCondition = (where: Where, cond: string | string[] | undefined) => {
    if (cond === undefined) return;
    const names = namesIn(cond);
    for (const name of names.ids) {
      if (name.startsWith('chose:')) {
        const reply = name.slice(6);
        if (!replyIdList().includes(reply)) error(where(), 'unknown-reply', `"chose:${reply}" names no reply "${reply}"`, suggest(reply, replyIdList(), 'a node\'s replies (as "id")'));
      } else if (!declaredFacts.has(name) && !declaredFlags.has(name)) {
        error(where(), 'unknown-fact', flagIds.length === 0 ? `fact "${name}" is not declared` : `"${name}" is neither a declared fact nor a flag`, suggest(name, memoryIds, flagIds.length > 0 ? 'facts or flags' : 'facts'));
      }
    }
    for (const c of names.counters) {
      if (!declaredCounters.has(c)) error(where(), 'unknown-counter', `counter "${c}" is not declared`, counterIds.length > 0 ? suggest(c, counterIds, 'counters') : `declare it: "counters": { "${c}": { "max": 9 } }; or compare mood, patience or turns`);
    }
  };
  const checkSet = (where: Where, set: string | readonly string[] | undefined) => {
    for (const atom of listOf(set as string | string[] | undefined)) {
      const change = readChange(atom);
      if (change.kind === 'counter') {
        const c = change.name;
        if (!declaredCounters.has(c)) error(where(), 'unknown-counter', `counter "${c}" is not declared`, counterIds.length > 0 ? suggest(c, counterIds, 'counters') : `declare it: "counters": { "${c}": { "max": 9 } }`);
      } else {
        const flag = change.flag;
        if (!declaredFlags.has(flag)) {
          const hint = declaredFacts.has(flag) ? `"${flag}" is a fact: facts are found with "reveals"; "set" changes flags` : suggest(flag, flagIds, 'flags');
          error(where(), 'unknown-flag', `flag "${flag}" is not declared`, hint);
        }
      }
    }
  };
  const checkNext = (where: Where, next: NextFile) => {
    if (typeof next === 'string') return next === RETURN_TARGET ? undefined : checkNode(where, next, '"next"');
    next.forEach((b, i) => {
      if (b.to !== RETURN_TARGET) checkNode(() => [...where(), i, 'to'], b.to, '"to"');
      checkCondition(() => [...where(), i, 'if'], b.if);
    });
    const last = next[next.length - 1];
    if (last?.if !== undefined) {
      error([...where(), next.length - 1, 'if'], 'no-default-branch', 'the last branch has an "if", so the call could have nowhere to go', `remove "if" from the last branch, or add {"to": "…"} at the end`);
    }
  };
  const listOf = (v: string | string[] | undefined) => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

  // The same questions, asked without making anything: whether the checks above would find
  // nothing to report. Only where one would is it run, with its paths and messages.
  const factsOk = (v: string | readonly string[] | undefined) => {
    if (v === undefined) return true;
    if (typeof v === 'string') return declaredFacts.has(v);
    for (const f of v) if (!declaredFacts.has(f)) return false;
    return true;
  };
  /** A fact or flag ("x" or "!x") that is declared; a comparison or anything else is left to checkCondition. */
  const atomOk = (atom: string) => {
    const name = atom.charCodeAt(0) === 33 ? atom.slice(1) : atom;
    return declaredFacts.has(name) || declaredFlags.has(name);
  };
  const conditionOk = (cond: string | readonly string[] | undefined) => {
    if (cond === undefined) return true;
    if (typeof cond === 'string') return atomOk(cond);
    for (const a of cond) if (!atomOk(a)) return false;
    return true;
  };
  const targetOk = (to: string) => isNode(to) || to === RETURN_TARGET;
  const nextOk = (next: NextFile) => {
    if (typeof next === 'string') return targetOk(next);
    for (const b of next) if (!targetOk(b.to) || !conditionOk(b.if)) return false;
    return next[next.length - 1]?.if === undefined;
  };
  const nodePath = (id: string): JsonPath => ['nodes', id];
  const replyPath = (id: string, i: number): JsonPath => ['nodes', id, 'replies', i];

  if (nodeIds.length === 0) error(['nodes'], 'no-nodes', 'the scenario has no nodes', 'add the customer\'s first line under "nodes"');
  if (s.start !== undefined) checkNode(() => ['start'], s.start, '"start"');
  if (s.hangUp !== undefined) {
    checkNode(() => ['hangUp'], s.hangUp, '"hangUp"');
    const target = s.nodes[s.hangUp];
    if (target && target.end !== 'hung-up') {
      error(['hangUp'], 'bad-hang-up', `"hangUp" must name an ending with "end": "hung-up"; "${s.hangUp}" is not one`, `add "end": "hung-up" to node "${s.hangUp}"`);
    }
  }
  // Ids are one namespace: a condition "x" must mean one thing.
  for (const f of flagIds) if (declaredFacts.has(f)) error(['flags', f], 'name-clash', `"${f}" is both a fact and a flag`, 'rename one of them');
  for (const c of counterIds) {
    if (declaredFacts.has(c) || declaredFlags.has(c)) error(['counters', c], 'name-clash', `"${c}" is a counter and also a ${declaredFacts.has(c) ? 'fact' : 'flag'}`, 'rename one of them');
    if (c === 'mood' || c === 'patience' || c === 'turns') error(['counters', c], 'reserved-name', `a counter cannot be called "${c}": conditions already use that name for the call's own ${c}`, `call it something else, e.g. "${c}-count"`);
  }
  const ideals = Array.isArray(s.ideal) ? s.ideal : [s.ideal];
  ideals.forEach((ideal, i) => {
    const where: Where = () => (Array.isArray(s.ideal) ? ['ideal', i, 'requires'] : ['ideal', 'requires']);
    if (!conditionOk(ideal.requires)) checkCondition(where, ideal.requires);
  });
  if (s.timeout) {
    checkFacts(() => ['timeout', 'reveals'], listOf(s.timeout.reveals));
    checkSet(() => ['timeout', 'set'], s.timeout.set);
    if (s.timeout.next !== undefined) checkNext(() => ['timeout', 'next'], s.timeout.next);
  }

  // A reply without an id is "<node>.<position>"; those never repeat (node ids do not), so they
  // can only clash with an id written with a dot — which the id pattern does not allow. Unless a
  // file has one, only the ids written are kept and compared.
  const replyIds = new Set<string>();
  let dotted = false;
  for (let n = 0; n < nodeIds.length && !dotted; n++) {
    const replies = s.nodes[nodeIds[n]!]!.replies;
    if (replies) for (let i = 0; i < replies.length; i++) if (replies[i]!.id?.includes('.')) dotted = true;
  }
  // Node by node, making nothing (no path, no function) unless there is something to report: a
  // file of 100,000 nodes would otherwise leave the collector a few of each per node and reply.
  for (let n = 0; n < nodeIds.length; n++) {
    const id = nodeIds[n]!;
    const node = s.nodes[id]!;
    checkNodeFile(id, node);
  }
  return out;

  function checkNodeFile(id: string, node: ScenarioParsed['nodes'][string]): void {
    const hasReplies = (node.replies?.length ?? 0) > 0;
    if (hasReplies && node.end !== undefined) {
      error([...nodePath(id), 'end'], 'ending-with-replies', `node "${id}" is an ending but also has replies`, 'remove "end", or remove "replies" and make it an ending');
    }
    if (!hasReplies && node.end === undefined) {
      error(nodePath(id), 'dead-end', `node "${id}" has neither replies nor "end", so the call would stop there`, 'add "replies": [ … ], or "end": "retained" (or another outcome)');
    }
    if (node.end !== undefined && node.timeout) {
      error([...nodePath(id), 'timeout'], 'ending-with-timeout', `node "${id}" is an ending; a timeout there would never run`, 'remove "timeout"');
    }
    if (node.enter) {
      const enter = node.enter;
      checkFacts(() => [...nodePath(id), 'enter', 'reveals'], listOf(enter.reveals));
      checkSet(() => [...nodePath(id), 'enter', 'set'], enter.set);
    }
    if (node.end === undefined && (node.label !== undefined || node.credit !== undefined)) {
      for (const key of ['label', 'credit'] as const) {
        if (node[key] !== undefined) {
          error([...nodePath(id), key], `${key}-without-end`, `"${key}" is only for endings, and node "${id}" is not one`, `remove "${key}", or make this node an ending with "end"`);
        }
      }
    }
    if (Array.isArray(node.feedback)) {
      const variants = node.feedback;
      variants.forEach((v, k) => checkCondition(() => [...nodePath(id), 'feedback', k, 'if'], v.if));
      if (node.end === undefined) error([...nodePath(id), 'feedback'], 'feedback-variants-without-end', `feedback variants are only for endings, and node "${id}" is not one`, 'write one "feedback" text, or make this node an ending');
    }
    if (node.needs !== undefined) {
      if (node.end === undefined) error([...nodePath(id), 'needs'], 'needs-without-end', `"needs" is only for endings, and node "${id}" is not one`, 'remove "needs", or make this node an ending with "end"');
      checkFacts(() => [...nodePath(id), 'needs'], listOf(node.needs));
    }
    if (node.timeout) {
      const timeout = node.timeout;
      if (!factsOk(timeout.reveals)) checkFacts(() => [...nodePath(id), 'timeout', 'reveals'], listOf(timeout.reveals));
      if (timeout.set !== undefined) checkSet(() => [...nodePath(id), 'timeout', 'set'], timeout.set);
      if (timeout.next !== undefined && !nextOk(timeout.next)) checkNext(() => [...nodePath(id), 'timeout', 'next'], timeout.next);
    }
    const replies = node.replies;
    if (replies) for (let i = 0; i < replies.length; i++) checkReply(id, replies[i]!, i);
  }

  function checkReply(id: string, reply: NonNullable<ScenarioParsed['nodes'][string]['replies']>[number], i: number): void {
    if (reply.id !== undefined || dotted) {
      const rid = reply.id ?? defaultReplyId(id, i);
      if (replyIds.has(rid)) error(reply.id ? [...replyPath(id, i), 'id'] : replyPath(id, i), 'duplicate-reply-id', `reply id "${rid}" is used twice`, 'give each reply its own "id"');
      replyIds.add(rid);
    }
    if (!nextOk(reply.next)) checkNext(() => [...replyPath(id, i), 'next'], reply.next);
    if (!factsOk(reply.reveals)) checkFacts(() => [...replyPath(id, i), 'reveals'], listOf(reply.reveals));
    if (!conditionOk(reply.if)) checkCondition(() => [...replyPath(id, i), 'if'], reply.if);
    if (reply.set !== undefined) checkSet(() => [...replyPath(id, i), 'set'], reply.set);
    if (reply.doing !== undefined && reply.takes === undefined) {
      out.push(doc.diagnostic([...replyPath(id, i), 'doing'], 'warning', 'doing-without-takes', '"doing" is shown only while an action runs, and this reply has no "takes"', 'add "takes": seconds, or remove "doing"'));
    }
  }
}
