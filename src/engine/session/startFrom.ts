// "Test from here" (the call editor, issue 18): a call that starts at any line, with the facts
// already found and the mood and patience the trainer chose. It is the same call with another
// start: the phone rings, answering speaks the chosen line, and the rules play on unchanged —
// the chosen facts are revealed by that first line (a fact already known is never revealed
// twice, so a later visit of the line changes nothing). Its hash is its own, so no result of
// it is ever taken for one of the real call: it is for practice only.
import type { Scenario } from '../format/model.js';

export interface StartState {
  /** The line the call starts on (a node that waits for a reply, not an ending). */
  readonly node: string;
  /** Facts known from the start (ids declared by the call). */
  readonly facts?: readonly string[];
  /** The customer's mood at the start, 0–100 (default: the call's). */
  readonly mood?: number;
  /** The customer's patience at the start, 1–100 (default: the call's). */
  readonly patience?: number;
}

/** What is wrong with a start state for this call, in words for the trainer; empty when it is fine. */
export function startStateProblems(s: Scenario, start: StartState): string[] {
  const out: string[] = [];
  const node = s.nodes.get(start.node);
  if (!node || node.builtIn) out.push(`the call has no line "${start.node}" to start from`);
  else if (node.end !== null) out.push(`"${start.node}" is an ending: start from a line that waits for a reply`);
  for (const f of start.facts ?? []) if (!s.facts.has(f)) out.push(`the call declares no fact "${f}"`);
  const inRange = (v: number | undefined, lo: number) => v === undefined || (Number.isInteger(v) && v >= lo && v <= 100);
  if (!inRange(start.mood, 0)) out.push(`mood must be a whole number from 0 to 100, not ${start.mood}`);
  if (!inRange(start.patience, 1)) out.push(`patience must be a whole number from 1 to 100, not ${start.patience}`);
  return out;
}

/** The call started from `start`. Throws a RangeError naming what is wrong (startStateProblems). */
export function scenarioFrom(s: Scenario, start: StartState): Scenario {
  const problems = startStateProblems(s, start);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const node = s.nodes.get(start.node)!;
  const facts = [...new Set(start.facts ?? [])];
  const enter = node.enter ?? { mood: 0, patience: 0, reveals: [], set: [] };
  const nodes = new Map(s.nodes);
  if (facts.length > 0) nodes.set(node.id, { ...node, enter: { ...enter, reveals: [...facts, ...enter.reveals.filter((f) => !facts.includes(f))] } });
  const tag = [start.node, facts.join(','), start.mood ?? '', start.patience ?? ''].join('|');
  return {
    ...s,
    start: start.node,
    customer: { ...s.customer, mood: start.mood ?? s.customer.mood, patience: start.patience ?? s.customer.patience },
    nodes,
    hash: `${s.hash}~from:${tag}`,
  };
}
