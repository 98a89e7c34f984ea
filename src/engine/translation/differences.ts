// Where two JSON values differ, leaf by leaf: the translation checks name the field and both
// values ("customer.mood is 40 here and 55 in the original") instead of "not the same".
import type { JsonPath } from '../errors.js';

export interface Difference {
  readonly path: JsonPath;
  /** undefined: absent on that side. */
  readonly here: unknown;
  readonly there: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every leaf where `here` and `there` differ (objects by key, lists by position), at most `max`. */
export function differences(here: unknown, there: unknown, max = 20, path: JsonPath = []): Difference[] {
  const out: Difference[] = [];
  const walk = (a: unknown, b: unknown, p: JsonPath) => {
    if (out.length >= max) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...p, i]);
      return;
    }
    if (isObj(a) && isObj(b)) {
      const keys = [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))];
      for (const k of keys) walk(a[k], b[k], [...p, k]);
      return;
    }
    if (a === b || (a === undefined && b === undefined)) return;
    out.push({ path: p, here: a, there: b });
  };
  walk(here, there, path);
  return out;
}

/** A JSON path as a trainer writes it: customer.mood, nodes.opening.replies[2].polite. */
export function pathText(path: JsonPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : i === 0 ? p : `.${p}`)).join('') || '(the whole file)';
}

/** A value for a message: JSON, shortened; "absent" for a missing one. */
export function valueText(v: unknown, max = 50): string {
  if (v === undefined) return 'absent';
  const s = JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
