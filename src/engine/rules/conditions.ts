// Conditions: "order-found" (known), "!order-found" (not known), "mood>=50", "patience<30".
import type { Comparator, Condition, Quantity } from '../format/model.js';

const COMPARISON = /^(mood|patience)(>=|<=|>|<|==)(-?\d+)$/;

/** Parses atoms already checked by the schema's pattern. */
export function parseCondition(atoms: string | readonly string[] | undefined): Condition | null {
  if (atoms === undefined) return null;
  const list = typeof atoms === 'string' ? [atoms] : atoms;
  const known: string[] = [];
  const unknown: string[] = [];
  const compare: { on: Quantity; op: Comparator; value: number }[] = [];
  for (const atom of list) {
    const m = COMPARISON.exec(atom);
    if (m) compare.push({ on: m[1] as Quantity, op: m[2] as Comparator, value: Number(m[3]) });
    else if (atom.startsWith('!')) unknown.push(atom.slice(1));
    else known.push(atom);
  }
  return { known, unknown, compare };
}

export interface ConditionSubject {
  readonly facts: readonly string[];
  readonly mood: number;
  readonly patience: number;
}

export function holds(cond: Condition | null, s: ConditionSubject): boolean {
  if (!cond) return true;
  for (const f of cond.known) if (!s.facts.includes(f)) return false;
  for (const f of cond.unknown) if (s.facts.includes(f)) return false;
  for (const c of cond.compare) if (!compare(s[c.on], c.op, c.value)) return false;
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

/** The facts a condition mentions, for reference checks. */
export function factsIn(cond: Condition | null): string[] {
  return cond ? [...cond.known, ...cond.unknown] : [];
}
