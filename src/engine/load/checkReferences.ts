// Checks what the schema cannot: that every name used is defined and every node can do something.
// Works on the validated file, whose JSON paths are the places shown to the trainer.
import { closest } from 'fastest-levenshtein';
import type { Diagnostic, JsonPath } from '../errors.js';
import type { ScenarioParsed } from '../format/schema.js';
import { parseCondition, factsIn } from '../rules/conditions.js';
import type { JsonDocument } from './jsonDocument.js';

type NextFile = string | readonly { to: string; if?: string | string[] | undefined }[];

export function checkReferences(doc: JsonDocument, s: ScenarioParsed): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodeIds = Object.keys(s.nodes);
  const factIds = Object.keys(s.facts ?? {});
  const declaredFacts = new Set(factIds);
  const error = (path: JsonPath, code: string, message: string, hint: string | null = null) =>
    out.push(doc.diagnostic(path, 'error', code, message, hint));

  const suggest = (name: string, known: readonly string[], what: string) => {
    if (known.length === 0) return `declare it under "${what}"`;
    const guess = closest(name, known as string[]);
    return `did you mean "${guess}"? Or declare "${name}" under "${what}"`;
  };
  const checkNode = (path: JsonPath, name: string, role: string) => {
    if (!(name in s.nodes)) error(path, 'unknown-node', `${role} names no node "${name}"`, suggest(name, nodeIds, 'nodes'));
  };
  const checkFacts = (path: JsonPath, names: readonly string[]) => {
    for (const f of names) {
      if (!declaredFacts.has(f)) error(path, 'unknown-fact', `fact "${f}" is not declared`, suggest(f, factIds, 'facts'));
    }
  };
  const checkCondition = (path: JsonPath, cond: string | string[] | undefined) => {
    if (cond !== undefined) checkFacts(path, factsIn(parseCondition(cond)));
  };
  const checkNext = (path: JsonPath, next: NextFile) => {
    if (typeof next === 'string') return checkNode(path, next, '"next"');
    next.forEach((b, i) => {
      checkNode([...path, i, 'to'], b.to, '"to"');
      checkCondition([...path, i, 'if'], b.if);
    });
    const last = next[next.length - 1];
    if (last?.if !== undefined) {
      error([...path, next.length - 1, 'if'], 'no-default-branch', 'the last branch has an "if", so the call could have nowhere to go', `remove "if" from the last branch, or add {"to": "…"} at the end`);
    }
  };
  const listOf = (v: string | string[] | undefined) => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

  if (nodeIds.length === 0) error(['nodes'], 'no-nodes', 'the scenario has no nodes', 'add the customer\'s first line under "nodes"');
  if (s.start !== undefined) checkNode(['start'], s.start, '"start"');
  if (s.hangUp !== undefined) {
    checkNode(['hangUp'], s.hangUp, '"hangUp"');
    const target = s.nodes[s.hangUp];
    if (target && target.end !== 'hung-up') {
      error(['hangUp'], 'bad-hang-up', `"hangUp" must name an ending with "end": "hung-up"; "${s.hangUp}" is not one`, `add "end": "hung-up" to node "${s.hangUp}"`);
    }
  }
  const ideals = Array.isArray(s.ideal) ? s.ideal : [s.ideal];
  ideals.forEach((ideal, i) => {
    checkFacts(Array.isArray(s.ideal) ? ['ideal', i, 'requires'] : ['ideal', 'requires'], listOf(ideal.requires).map((f) => f.replace(/^!/, '')));
  });
  if (s.timeout) {
    checkFacts(['timeout', 'reveals'], listOf(s.timeout.reveals));
    if (s.timeout.next !== undefined) checkNext(['timeout', 'next'], s.timeout.next);
  }

  const replyIds = new Map<string, JsonPath>();
  for (const [id, node] of Object.entries(s.nodes)) {
    const at: JsonPath = ['nodes', id];
    const hasReplies = (node.replies?.length ?? 0) > 0;
    if (hasReplies && node.end !== undefined) {
      error([...at, 'end'], 'ending-with-replies', `node "${id}" is an ending but also has replies`, 'remove "end", or remove "replies" and make it an ending');
    }
    if (!hasReplies && node.end === undefined) {
      error(at, 'dead-end', `node "${id}" has neither replies nor "end", so the call would stop there`, 'add "replies": [ … ], or "end": "retained" (or another outcome)');
    }
    if (node.end !== undefined && node.timeout) {
      error([...at, 'timeout'], 'ending-with-timeout', `node "${id}" is an ending; a timeout there would never run`, 'remove "timeout"');
    }
    if (node.needs !== undefined) {
      if (node.end === undefined) error([...at, 'needs'], 'needs-without-end', `"needs" is only for endings, and node "${id}" is not one`, 'remove "needs", or make this node an ending with "end"');
      checkFacts([...at, 'needs'], listOf(node.needs));
    }
    if (node.timeout) {
      checkFacts([...at, 'timeout', 'reveals'], listOf(node.timeout.reveals));
      if (node.timeout.next !== undefined) checkNext([...at, 'timeout', 'next'], node.timeout.next);
    }
    node.replies?.forEach((reply, i) => {
      const rp: JsonPath = [...at, 'replies', i];
      const rid = reply.id ?? `${id}.${i + 1}`;
      const seen = replyIds.get(rid);
      if (seen) error(reply.id ? [...rp, 'id'] : rp, 'duplicate-reply-id', `reply id "${rid}" is used twice`, 'give each reply its own "id"');
      replyIds.set(rid, rp);
      checkNext([...rp, 'next'], reply.next);
      checkFacts([...rp, 'reveals'], listOf(reply.reveals));
      checkCondition([...rp, 'if'], reply.if);
      if (reply.doing !== undefined && reply.takes === undefined) {
        out.push(doc.diagnostic([...rp, 'doing'], 'warning', 'doing-without-takes', '"doing" is shown only while an action runs, and this reply has no "takes"', 'add "takes": seconds, or remove "doing"'));
      }
    });
  }
  return out;
}
