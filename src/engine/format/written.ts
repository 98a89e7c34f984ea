// The model's conditions and memory changes written back the way a trainer writes them in a
// file ("order-found & !vip & pushes>=3", "pushes+1"), for every message and drawing that shows
// one: the graph, lint, the translation checker. The inverse of rules/conditions.ts's parsing.
import type { Condition, MemoryChange, Quantity, Scenario } from './model.js';

const quantityName = (q: Quantity, s: Scenario): string => {
  if (typeof q === 'string') return q;
  for (const c of s.counters.values()) if (c.index === q.counter) return c.id;
  return `counter ${q.counter + 1}`;
};

/** A condition's atoms as written in the file, joined by " & "; null for none. */
export function conditionText(c: Condition | null, s: Scenario): string | null {
  if (!c) return null;
  const parts = [...c.known, ...c.unknown.map((f) => `!${f}`), ...c.compare.map((x) => `${quantityName(x.on, s)}${x.op}${x.value}`)];
  return parts.length > 0 ? parts.join(' & ') : null;
}

/** A "set" list as written in the file (the engine's own "chose:" flags left out); null for none. */
export function changesText(changes: readonly MemoryChange[], s: Scenario): string | null {
  const parts: string[] = [];
  for (const c of changes) {
    if (c.kind === 'flag') {
      if (!c.flag.startsWith('chose:')) parts.push(c.on ? c.flag : `!${c.flag}`);
    } else parts.push(`${quantityName({ counter: c.counter }, s)}${c.op}${c.value}`);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}
