// Builds the engine's model from a validated, reference-checked file: defaults applied,
// shorthands expanded. The defaults live here and in docs/authoring.md, nowhere else.
import type { Branch, Counter, DialogueNode, Effects, Entry, Fact, FeedbackVariant, Flag, Ideal, MemoryChange, MemoryUse, Reply, Scenario, Timeout } from '../format/model.js';
import { BUILT_IN, choiceFlag, defaultReplyId } from '../format/model.js';
import { RETURN_TARGET, type EntryFile, type NodeFile, type ReplyFile, type ScenarioParsed, type TimeoutFile } from '../format/schema.js';
import { namesIn, parseCondition } from '../rules/conditions.js';
import { readChange } from '../rules/memory.js';

export const DEFAULTS = {
  difficulty: 'medium',
  mood: 50,
  patience: 100,
  drain: 3,
  timeout: { after: 40, mood: -10, polite: -10 },
  scoring: { overPar: 5, missedFact: 25, unmet: 30, hangUp: -50 },
  counterMax: 9,
} as const;

const list = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

/**
 * Ids as the very strings the node map is keyed by (the same characters, one copy): every
 * move of a call looks a node up by the id a branch names, and a key that is the same string
 * is found without comparing characters.
 */
type Ids = ReadonlyMap<string, string>;
const idOf = (ids: Ids, id: string) => ids.get(id) ?? id;

/** What the file's names resolve to while normalizing: node ids, counters, replies asked about by "chose:". */
interface Names {
  readonly ids: Ids;
  readonly counters: ReadonlyMap<string, Counter>;
  readonly chosen: ReadonlySet<string>;
}

const NO_CHANGES: readonly MemoryChange[] = Object.freeze([]);
/** One empty list for every reply that reveals nothing or has no examples, and every node without variants: a large call has hundreds of thousands of them. */
const NOTHING: readonly never[] = Object.freeze([]);

/** "set" as changes (checked by the schema's pattern and the reference check). */
function changes(set: string | readonly string[] | undefined, n: Names, also: string | null = null): readonly MemoryChange[] {
  const atoms = list(set);
  if (atoms.length === 0 && also === null) return NO_CHANGES;
  const out: MemoryChange[] = atoms.map((atom): MemoryChange => {
    const change = readChange(atom);
    if (change.kind === 'flag') return change;
    const c = n.counters.get(change.name)!;
    return { kind: 'counter', counter: c.index, op: change.op, value: change.value, max: c.max };
  });
  if (also !== null) out.push({ kind: 'flag', flag: also, on: true });
  return out;
}

function branches(next: ReplyFile['next'] | undefined, n: Names): Branch[] {
  if (next === undefined) return [];
  if (typeof next === 'string') return [{ to: idOf(n.ids, next), when: null }];
  return next.map((b) => ({ to: idOf(n.ids, b.to), when: parseCondition(b.if, n.counters) }));
}

function effects(e: Partial<Omit<TimeoutFile, 'after' | 'next' | 'say'>>, n: Names, also: string | null = null): Effects {
  return {
    polite: e.polite ?? 0,
    accuracy: e.accuracy ?? 0,
    judgment: e.judgment ?? 0,
    mood: e.mood ?? 0,
    patience: e.patience ?? 0,
    reveals: list(e.reveals),
    set: changes(e.set, n, also),
    feedback: e.feedback ?? null,
  };
}

// Written out field by field: spreading `effects()` into a literal with more keys is ~100×
// slower in V8, which shows on calls of 10,000 nodes.
/** `keyPrefix`: where its texts sit in a string table ("timeout", or "line.<node>.timeout"). */
function timeout(t: TimeoutFile, n: Names, keyPrefix: string): Timeout {
  const e = effects(t, n);
  const silence = (t.say ?? []).map((say, i) => ({ key: `${keyPrefix}.say.${i + 1}`, say }));
  return { polite: e.polite, accuracy: e.accuracy, judgment: e.judgment, mood: e.mood, patience: e.patience, reveals: e.reveals, set: e.set, feedback: e.feedback, afterMs: Math.round(t.after * 1000), next: branches(t.next, n), silence };
}

function entry(e: EntryFile | undefined, n: Names): Entry | null {
  if (e === undefined) return null;
  return { mood: e.mood ?? 0, patience: e.patience ?? 0, reveals: list(e.reveals), set: changes(e.set, n) };
}

function feedbackOf(f: NodeFile['feedback'], n: Names): { feedback: string | null; variants: readonly FeedbackVariant[] } {
  if (f === undefined) return { feedback: null, variants: NOTHING };
  if (typeof f === 'string') return { feedback: f, variants: NOTHING };
  // Variants up to the first without a condition; that one is the comment when none holds.
  const variants: FeedbackVariant[] = [];
  for (const v of f) {
    if (v.if === undefined) return { feedback: v.text, variants };
    variants.push({ when: parseCondition(v.if, n.counters), text: v.text });
  }
  return { feedback: null, variants };
}

// effects() written out here too: a call of 100,000 nodes has hundreds of thousands of replies.
function reply(nodeId: string, r: ReplyFile, index: number, n: Names): Reply {
  const rid = r.id ?? defaultReplyId(nodeId, index);
  return {
    polite: r.polite ?? 0,
    accuracy: r.accuracy ?? 0,
    judgment: r.judgment ?? 0,
    mood: r.mood ?? 0,
    patience: r.patience ?? 0,
    reveals: r.reveals === undefined ? NOTHING : list(r.reveals),
    set: changes(r.set, n, n.chosen.has(rid) ? choiceFlag(rid) : null),
    feedback: r.feedback ?? null,
    id: rid,
    index,
    say: r.say,
    examples: r.examples ?? NOTHING,
    when: parseCondition(r.if, n.counters),
    next: branches(r.next, n),
    takesMs: r.takes === undefined ? 0 : Math.round(r.takes * 1000),
    doing: r.doing ?? null,
    repeat: r.repeat ?? false,
  };
}

function ending(id: string, outcome: 'hung-up' | 'abandoned'): DialogueNode {
  return { id, say: '', emotion: null, voice: null, hint: null, replies: [], timeout: null, end: outcome, enter: null, label: null, credit: null, feedback: null, feedbackVariants: [], needs: null, builtIn: true };
}

/**
 * Which memory the call uses, and the replies conditions ask about ("chose:x"), found by
 * reading every condition once. Version-1 files use none.
 */
function memoryUse(s: ScenarioParsed): { use: MemoryUse; chosen: Set<string> } {
  const chosen = new Set<string>();
  let returns = false;
  let turns = false;
  const see = (cond: string | readonly string[] | undefined) => {
    if (cond === undefined) return;
    const names = namesIn(cond);
    for (const r of names.replies) chosen.add(r);
    if (names.turns !== null) turns = true;
  };
  const seeNext = (next: ReplyFile['next'] | undefined) => {
    if (next === undefined) return;
    if (typeof next === 'string') returns ||= next === RETURN_TARGET;
    else for (const b of next) {
      returns ||= b.to === RETURN_TARGET;
      see(b.if);
    }
  };
  if (s.schemaVersion >= 2) {
    if (s.timeout) seeNext(s.timeout.next);
    for (const i of Array.isArray(s.ideal) ? s.ideal : [s.ideal]) see(i.requires);
    for (const node of Object.values(s.nodes)) {
      if (node.timeout) seeNext(node.timeout.next);
      if (Array.isArray(node.feedback)) for (const v of node.feedback) see(v.if);
      for (const r of node.replies ?? []) {
        see(r.if);
        seeNext(r.next);
      }
    }
  }
  const hidden = chosen.size > 0 || Object.keys(s.flags ?? {}).length > 0 || Object.keys(s.counters ?? {}).length > 0;
  return { use: { returns, turns, hidden }, chosen };
}

/** `hash` is computed on first use: checking a file (lint, simulate) never needs it. */
export function normalize(s: ScenarioParsed, hash: () => string, file: string): Scenario {
  let contentHash: string | null = null;
  const nodeIds = Object.keys(s.nodes);
  const ids = new Map<string, string>();
  for (const id of nodeIds) ids.set(id, id);
  ids.set(BUILT_IN.hungUp, BUILT_IN.hungUp);
  ids.set(BUILT_IN.abandoned, BUILT_IN.abandoned);
  const counters = new Map<string, Counter>();
  for (const [id, c] of Object.entries(s.counters ?? {})) counters.set(id, { id, index: counters.size, max: c.max ?? DEFAULTS.counterMax, note: c.note ?? '' });
  const { use, chosen } = memoryUse(s);
  const flags = new Map<string, Flag>();
  for (const [id, note] of Object.entries(s.flags ?? {})) flags.set(id, { id, note });
  for (const r of chosen) flags.set(choiceFlag(r), { id: choiceFlag(r), note: `the trainee chose reply "${r}"` });
  const n: Names = { ids, counters, chosen };
  const defaultTimeout: Timeout | null =
    s.timeout === false ? null : timeout(s.timeout ?? DEFAULTS.timeout, n, 'timeout');
  const nodes = new Map<string, DialogueNode>();
  for (const id of nodeIds) {
    const f = s.nodes[id]!;
    const isEnd = f.end !== undefined;
    const { feedback, variants } = feedbackOf(f.feedback, n);
    nodes.set(id, {
      id,
      say: f.say,
      emotion: f.emotion ?? null,
      voice: f.voice ?? null,
      hint: f.hint ?? null,
      replies: (f.replies ?? []).map((r, i) => reply(id, r, i, n)),
      timeout: isEnd || f.timeout === false ? null : f.timeout ? timeout(f.timeout, n, `line.${id}.timeout`) : defaultTimeout,
      end: f.end ?? null,
      enter: entry(f.enter, n),
      label: f.label ?? null,
      credit: f.credit ?? null,
      feedback,
      feedbackVariants: variants,
      needs: f.needs === undefined ? null : list(f.needs),
      builtIn: false,
    });
  }
  nodes.set(BUILT_IN.hungUp, ending(BUILT_IN.hungUp, 'hung-up'));
  nodes.set(BUILT_IN.abandoned, ending(BUILT_IN.abandoned, 'abandoned'));

  const facts = new Map<string, Fact>();
  for (const [id, f] of Object.entries(s.facts ?? {})) {
    facts.set(id, typeof f === 'string' ? { id, text: f, key: false } : { id, text: f.text, key: f.key ?? false });
  }
  const ideal: Ideal[] = (Array.isArray(s.ideal) ? s.ideal : [s.ideal]).map((i) => ({
    outcome: i.outcome,
    requires: list(i.requires).filter((f) => !f.startsWith('!')),
    forbids: list(i.requires).filter((f) => f.startsWith('!')).map((f) => f.slice(1)),
    why: i.why ?? null,
  }));
  const sc = s.scoring ?? {};
  return {
    schemaVersion: s.schemaVersion,
    id: s.id,
    title: s.title,
    locale: s.locale,
    difficulty: s.difficulty ?? DEFAULTS.difficulty,
    // Copies: the parsed file may be the document's own value, which the scenario must not share.
    tags: [...(s.tags ?? [])],
    brief: s.brief,
    customer: {
      name: s.customer.name,
      persona: s.customer.persona ?? '',
      gender: ('gender' in s.customer ? s.customer.gender : undefined) ?? null,
      mood: s.customer.mood ?? DEFAULTS.mood,
      patience: s.customer.patience ?? DEFAULTS.patience,
      drain: s.customer.drain ?? DEFAULTS.drain,
    },
    facts,
    flags,
    counters,
    memory: use,
    ideal,
    scoring: {
      weights: {
        politeness: sc.weights?.politeness ?? 1,
        accuracy: sc.weights?.accuracy ?? 1,
        judgment: sc.weights?.judgment ?? 1,
      },
      par: sc.par ?? null,
      overPar: sc.overPar ?? DEFAULTS.scoring.overPar,
      missedFact: sc.missedFact ?? DEFAULTS.scoring.missedFact,
      unmet: sc.unmet ?? DEFAULTS.scoring.unmet,
      credit: { ...sc.credit },
      hangUp: sc.hangUp ?? DEFAULTS.scoring.hangUp,
    },
    start: idOf(ids, s.start ?? nodeIds[0]!),
    hangUpNode: idOf(ids, s.hangUp ?? BUILT_IN.hungUp),
    nodes,
    get hash() {
      return (contentHash ??= hash());
    },
    file,
  };
}
