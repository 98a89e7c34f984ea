// A fast yes to "does this value pass the schema?": a checker compiled once from the zod schema's
// own definition (format/schema.ts stays the one place the format is written). Zod validates a
// 10,000-node call by building a copy of it, which costs more than everything else the loader
// does; a call that is right — nearly every call — needs no copy, since for this format the copy
// zod makes equals the value itself, property for property (its objects list their properties in
// the schema's order; nothing reads them in order, and records keep the file's order).
//
// The checker only ever answers "certainly passes" or "ask zod": every rule it knows is zod's
// own rule, it answers no for anything it is not sure of, and it refuses to compile a schema
// that uses a kind or check it does not know. Zod still judges every file the checker does not
// pass, and explains every mistake.
import type { z } from 'zod';

type AnySchema = z.core.$ZodType;
type Check = (value: unknown) => boolean;

interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly coerce?: boolean;
  readonly [key: string]: unknown;
}

interface CheckDef {
  readonly check: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: unknown;
  readonly inclusive?: boolean;
}

const defOf = (s: AnySchema) => s._zod.def as unknown as Def;

/** A compiled checker for `schema`, or null if it uses something the checker does not know. */
export function compileConformance(schema: AnySchema): Check | null {
  try {
    return compile(schema);
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Zod measures strings in code points: a surrogate pair counts once. */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** The checks of a string, a number or an array, or null if one of them is unknown. */
function checksOf(def: Def, kind: 'string' | 'number' | 'array'): Check[] | null {
  const out: Check[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    const length = kind === 'string' ? (v: unknown) => codePoints(v as string) : (v: unknown) => (v as unknown[]).length;
    if (d.check === 'min_length' && kind !== 'number' && typeof d.minimum === 'number') {
      const min = d.minimum;
      out.push((v) => length(v) >= min);
    } else if (d.check === 'max_length' && kind !== 'number' && typeof d.maximum === 'number') {
      const max = d.maximum;
      out.push((v) => length(v) <= max);
    } else if (d.check === 'string_format' && kind === 'string' && d.format === 'regex' && d.pattern instanceof RegExp) {
      const pattern = d.pattern;
      out.push((v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      });
    } else if (d.check === 'number_format' && kind === 'number' && d.format === 'safeint') {
      out.push((v) => Number.isSafeInteger(v));
    } else if (d.check === 'greater_than' && kind === 'number' && typeof d.value === 'number') {
      const bound = d.value;
      out.push(d.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound);
    } else if (d.check === 'less_than' && kind === 'number' && typeof d.value === 'number') {
      const bound = d.value;
      out.push(d.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound);
    } else {
      return null;
    }
  }
  return out;
}

const all = (checks: readonly Check[], v: unknown) => {
  for (const c of checks) if (!c(v)) return false;
  return true;
};

class Unsupported extends Error {}

function compile(schema: AnySchema): Check {
  const def = defOf(schema);
  if (def.coerce) throw new Unsupported();
  const noChecks = () => {
    if ((def.checks?.length ?? 0) > 0) throw new Unsupported();
  };
  switch (def.type) {
    case 'string': {
      const checks = checksOf(def, 'string');
      if (!checks) throw new Unsupported();
      return (v) => typeof v === 'string' && all(checks, v);
    }
    case 'number': {
      const checks = checksOf(def, 'number');
      if (!checks) throw new Unsupported();
      return (v) => typeof v === 'number' && Number.isFinite(v) && all(checks, v);
    }
    case 'boolean':
      noChecks();
      return (v) => typeof v === 'boolean';
    case 'literal':
    case 'enum': {
      noChecks();
      const values = schema._zod.values;
      if (!values) throw new Unsupported();
      return (v) => values.has(v as never);
    }
    case 'optional': {
      noChecks();
      const inner = def.innerType as AnySchema;
      // A default would put a value where the file has none: not the value itself any more.
      if (inner._zod.optin === 'defaulted') throw new Unsupported();
      const check = compile(inner);
      return (v) => v === undefined || check(v);
    }
    case 'array': {
      const checks = checksOf(def, 'array');
      if (!checks) throw new Unsupported();
      const element = compile(def.element as AnySchema);
      return (v) => {
        if (!Array.isArray(v) || !all(checks, v)) return false;
        for (let i = 0; i < v.length; i++) if (!(i in v) || !element(v[i])) return false;
        return true;
      };
    }
    case 'union': {
      noChecks();
      const options = (def.options as AnySchema[]).map(compile);
      return (v) => options.some((o) => o(v));
    }
    case 'object': {
      noChecks();
      // Only strict objects: any other would drop or copy unknown properties.
      const catchall = def.catchall as AnySchema | undefined;
      if (!catchall || defOf(catchall).type !== 'never') throw new Unsupported();
      const shape = def.shape as Record<string, AnySchema>;
      const fields = new Map<string, { check: Check; required: boolean }>();
      let required = 0;
      for (const [key, field] of Object.entries(shape)) {
        // Zod looks a property up with `in`: one inherited from Object.prototype would count.
        if (key in Object.prototype || key === '__proto__') throw new Unsupported();
        const isRequired = field._zod.optin === undefined;
        if (!isRequired && field._zod.optout !== 'optional') throw new Unsupported();
        if (isRequired) required++;
        fields.set(key, { check: compile(field), required: isRequired });
      }
      return (v) => {
        if (!isObject(v)) return false;
        let present = 0;
        for (const key in v) {
          const field = fields.get(key);
          if (!field || !Object.prototype.hasOwnProperty.call(v, key) || !field.check(v[key])) return false;
          if (field.required) present++;
        }
        return present === required;
      };
    }
    case 'record': {
      noChecks();
      const keyType = def.keyType as AnySchema;
      // A record over a fixed set of keys must have them all, unless it is partial.
      if (keyType._zod.values && !def.partial) throw new Unsupported();
      if (def.mode !== undefined && def.mode !== 'strict') throw new Unsupported();
      const key = compile(keyType);
      const value = compile(def.valueType as AnySchema);
      return (v) => {
        if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
        for (const k in v) {
          // Zod leaves a "__proto__" key out of what it returns.
          if (k === '__proto__' || !Object.prototype.hasOwnProperty.call(v, k) || !key(k) || !value(v[k])) return false;
        }
        return true;
      };
    }
    default:
      throw new Unsupported();
  }
}
