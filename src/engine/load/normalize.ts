// Builds the engine's model from a validated, reference-checked file: defaults applied,
// shorthands expanded. The defaults live here and in docs/authoring.md, nowhere else.
import type { Branch, DialogueNode, Effects, Fact, Ideal, Reply, Scenario, Timeout } from '../format/model.js';
import { BUILT_IN } from '../format/model.js';
import type { ReplyFile, ScenarioParsed, TimeoutFile } from '../format/schema.js';
import { parseCondition } from '../rules/conditions.js';

export const DEFAULTS = {
  difficulty: 'medium',
  mood: 50,
  patience: 100,
  drain: 3,
  timeout: { after: 40, mood: -10, polite: -10 },
  scoring: { overPar: 5, missedFact: 25, unmet: 30, hangUp: -50 },
} as const;

const list = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);

/**
 * Ids as the very strings the node map is keyed by (the same characters, one copy): every
 * move of a call looks a node up by the id a branch names, and a key that is the same string
 * is found without comparing characters.
 */
type Ids = ReadonlyMap<string, string>;
const idOf = (ids: Ids, id: string) => ids.get(id) ?? id;

function branches(next: ReplyFile['next'] | undefined, ids: Ids): Branch[] {
  if (next === undefined) return [];
  if (typeof next === 'string') return [{ to: idOf(ids, next), when: null }];
  return next.map((b) => ({ to: idOf(ids, b.to), when: parseCondition(b.if) }));
}

function effects(e: Partial<Omit<TimeoutFile, 'after' | 'next'>>): Effects {
  return {
    polite: e.polite ?? 0,
    accuracy: e.accuracy ?? 0,
    judgment: e.judgment ?? 0,
    mood: e.mood ?? 0,
    patience: e.patience ?? 0,
    reveals: list(e.reveals),
    feedback: e.feedback ?? null,
  };
}

// Written out field by field: spreading `effects()` into a literal with more keys is ~100×
// slower in V8, which shows on calls of 10,000 nodes.
function timeout(t: TimeoutFile, ids: Ids): Timeout {
  const e = effects(t);
  return { polite: e.polite, accuracy: e.accuracy, judgment: e.judgment, mood: e.mood, patience: e.patience, reveals: e.reveals, feedback: e.feedback, afterMs: Math.round(t.after * 1000), next: branches(t.next, ids) };
}

function reply(nodeId: string, r: ReplyFile, index: number, ids: Ids): Reply {
  const e = effects(r);
  return {
    polite: e.polite,
    accuracy: e.accuracy,
    judgment: e.judgment,
    mood: e.mood,
    patience: e.patience,
    reveals: e.reveals,
    feedback: e.feedback,
    id: r.id ?? `${nodeId}.${index + 1}`,
    index,
    say: r.say,
    when: parseCondition(r.if),
    next: branches(r.next, ids),
    takesMs: r.takes === undefined ? 0 : Math.round(r.takes * 1000),
    doing: r.doing ?? null,
    repeat: r.repeat ?? false,
  };
}

function ending(id: string, outcome: 'hung-up' | 'abandoned'): DialogueNode {
  return { id, say: '', emotion: null, voice: null, hint: null, replies: [], timeout: null, end: outcome, feedback: null, needs: null, builtIn: true };
}

/** `hash` is computed on first use: checking a file (lint, simulate) never needs it. */
export function normalize(s: ScenarioParsed, hash: () => string, file: string): Scenario {
  let contentHash: string | null = null;
  const nodeIds = Object.keys(s.nodes);
  const ids = new Map<string, string>();
  for (const id of nodeIds) ids.set(id, id);
  ids.set(BUILT_IN.hungUp, BUILT_IN.hungUp);
  ids.set(BUILT_IN.abandoned, BUILT_IN.abandoned);
  const defaultTimeout: Timeout | null =
    s.timeout === false ? null : timeout(s.timeout ?? DEFAULTS.timeout, ids);
  const nodes = new Map<string, DialogueNode>();
  for (const id of nodeIds) {
    const n = s.nodes[id]!;
    const isEnd = n.end !== undefined;
    nodes.set(id, {
      id,
      say: n.say,
      emotion: n.emotion ?? null,
      voice: n.voice ?? null,
      hint: n.hint ?? null,
      replies: (n.replies ?? []).map((r, i) => reply(id, r, i, ids)),
      timeout: isEnd || n.timeout === false ? null : n.timeout ? timeout(n.timeout, ids) : defaultTimeout,
      end: n.end ?? null,
      feedback: n.feedback ?? null,
      needs: n.needs === undefined ? null : list(n.needs),
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
      mood: s.customer.mood ?? DEFAULTS.mood,
      patience: s.customer.patience ?? DEFAULTS.patience,
      drain: s.customer.drain ?? DEFAULTS.drain,
    },
    facts,
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
