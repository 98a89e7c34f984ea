// The call's hidden memory (format 2): flags on or off, and small counters from 0 to their max.
// Changed by "set" on replies, timeouts and a node's "enter"; read by conditions.
import type { MemoryChange } from '../format/model.js';

export interface Memory {
  readonly flags: readonly string[];
  readonly counters: readonly number[];
}

const CHANGE = /^([a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)(\+|-|=)(\d+)$/;

/** A "set" atom as written ("pushes+1", "offered-refund", "!offered-refund"), already checked by the schema's pattern. */
export function readChange(atom: string): { kind: 'flag'; flag: string; on: boolean } | { kind: 'counter'; name: string; op: '+' | '-' | '='; value: number } {
  const m = CHANGE.exec(atom);
  if (m) return { kind: 'counter', name: m[1]!, op: m[2] as '+' | '-' | '=', value: Number(m[3]) };
  return atom.startsWith('!') ? { kind: 'flag', flag: atom.slice(1), on: false } : { kind: 'flag', flag: atom, on: true };
}

/** The memory after these changes, in order. The same arrays when nothing changes. */
export function changeMemory(m: Memory, changes: readonly MemoryChange[]): Memory {
  if (changes.length === 0) return m;
  let flags = m.flags;
  let counters = m.counters;
  for (const c of changes) {
    if (c.kind === 'flag') {
      const has = flags.includes(c.flag);
      if (c.on && !has) flags = [...flags, c.flag];
      else if (!c.on && has) flags = flags.filter((f) => f !== c.flag);
    } else {
      const now = counters[c.counter] ?? 0;
      const next = Math.max(0, Math.min(c.max, c.op === '+' ? now + c.value : c.op === '-' ? now - c.value : c.value));
      if (next !== now) {
        counters = counters.slice();
        (counters as number[])[c.counter] = next;
      }
    }
  }
  return flags === m.flags && counters === m.counters ? m : { flags, counters };
}
