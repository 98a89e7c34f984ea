// Conditions: "order-found" (a fact or flag known), "!order-found" (not known), "mood>=50",
// "patience<30", "turns>5" (turns taken), "pushes>=3" (a counter), "chose:offer-refund" (an
// earlier reply — a flag the engine sets when that reply is chosen).
import type { Comparator, Condition, Counter, Quantity } from '../format/model.js';

const COMPARISON = /^([a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)(>=|<=|>|<|==)(-?\d+)$/;
const BUILT_IN_QUANTITIES = new Set(['mood', 'patience', 'turns']);

/** The names a condition atom mentions, before they are resolved against the scenario. */
export interface ConditionNames {
  /** Facts or flags, known or not ("chose:" atoms are flags too). */
  readonly ids: string[];
  readonly counters: string[];
  /** Replies named by "chose:" atoms. */
  readonly replies: string[];
  /** Whether "turns" is compared, and the largest number it is compared with. */
  readonly turns: number | null;
}

/** What the atoms of a condition name (atoms already checked by the schema's pattern). */
export function namesIn(atoms: string | readonly string[] | undefined): ConditionNames {
  const out: ConditionNames = { ids: [], counters: [], replies: [], turns: null };
  if (atoms === undefined) return out;
  for (const atom of typeof atoms === 'string' ? [atoms] : atoms) {
    const m = COMPARISON.exec(atom);
    if (m) {
      if (m[1] === 'turns') (out as { turns: number | null }).turns = Math.max(out.turns ?? 0, Number(m[3]));
      else if (!BUILT_IN_QUANTITIES.has(m[1]!)) out.counters.push(m[1]!);
      continue;
    }
    const bare = atom.startsWith('!') ? atom.slice(1) : atom;
    if (bare.startsWith('chose:')) out.replies.push(bare.slice(6));
    out.ids.push(bare);
  }
  return out;
}

/** Parses atoms already checked by the schema's pattern; counters are looked up by name. */
export function parseCondition(atoms: string | readonly string[] | undefined, counters?: ReadonlyMap<string, Counter>): Condition | null {
  if (atoms === undefined) return null;
  const list = typeof atoms === 'string' ? [atoms] : atoms;
  const known: string[] = [];
  const unknown: string[] = [];
  const compare: { on: Quantity; op: Comparator; value: number }[] = [];
  for (const atom of list) {
    const m = COMPARISON.exec(atom);
    if (m) {
      const name = m[1]!;
      const on: Quantity = BUILT_IN_QUANTITIES.has(name) ? (name as 'mood' | 'patience' | 'turns') : { counter: counters?.get(name)?.index ?? -1 };
      compare.push({ on, op: m[2] as Comparator, value: Number(m[3]) });
    } else if (atom.startsWith('!')) unknown.push(atom.slice(1));
    else known.push(atom);
  }
  return { known, unknown, compare };
}

export interface ConditionSubject {
  readonly facts: readonly string[];
  readonly flags: readonly string[];
  readonly counters: readonly number[];
  readonly mood: number;
  readonly patience: number;
  /** The turns taken so far (only its length is read). */
  readonly history: { readonly length: number };
}

const isKnown = (s: ConditionSubject, id: string) => s.facts.includes(id) || (s.flags.length > 0 && s.flags.includes(id));

function quantity(s: ConditionSubject, on: Quantity): number {
  if (on === 'mood') return s.mood;
  if (on === 'patience') return s.patience;
  if (on === 'turns') return s.history.length;
  return s.counters[on.counter] ?? 0;
}

export function holds(cond: Condition | null, s: ConditionSubject): boolean {
  if (!cond) return true;
  for (const f of cond.known) if (!isKnown(s, f)) return false;
  for (const f of cond.unknown) if (isKnown(s, f)) return false;
  for (const c of cond.compare) if (!compare(quantity(s, c.on), c.op, c.value)) return false;
  return true;
}

function compare(a: number, op: Comparator, b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '==':
      return a === b;
  }
}
