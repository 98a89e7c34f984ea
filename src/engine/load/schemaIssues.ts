// Turns zod's issues into messages a trainer can act on: the place, what is wrong, what to write.
import { closest } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Diagnostic, JsonPath } from '../errors.js';
import type { JsonDocument } from './jsonDocument.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export function schemaDiagnostics(doc: JsonDocument, schema: AnySchema, issues: readonly Issue[]): Diagnostic[] {
  return issues.flatMap((issue) => explain(doc, schema, issue, []));
}

function explain(doc: JsonDocument, schema: AnySchema, issue: Issue, base: JsonPath): Diagnostic[] {
  const path: JsonPath = [...base, ...(issue.path as (string | number)[])];
  const where = describePath(path);
  const input = valueAt(doc.value, path);
  switch (issue.code) {
    case 'invalid_union': {
      if (input === undefined) return missing(doc, path, 'object');
      // Report the alternative the trainer evidently meant: the one whose type matches the value.
      const branches = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (branches.length > 0) return branches[0]!.flatMap((i) => explain(doc, schema, i, path));
      const expected = issue.errors.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => (i as { expected: string }).expected));
      return [doc.diagnostic(path, 'error', 'schema', `${where} should be ${orList(expected.map(article))}, not ${kindOf(input)}`, hintForType(expected[0] ?? '', input))];
    }
    case 'invalid_type': {
      if (input === undefined) return missing(doc, path, issue.expected);
      return [doc.diagnostic(path, 'error', 'schema', `${where} should be ${article(issue.expected)}, not ${kindOf(input)}`, hintForType(issue.expected, input))];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = keysAt(schema, path);
        const guess = known.length ? closest(key, known) : null;
        const hint = guess ? `did you mean "${guess}"? Allowed here: ${known.join(', ')}` : null;
        return doc.diagnostic([...path, key], 'error', 'unknown-property', `${where} has no property "${key}"`, hint, true);
      });
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const guess = typeof input === 'string' ? closest(input, issue.values.map(String)) : null;
      const hint = guess && allowed.length > 1 ? `did you mean "${guess}"?` : `write ${orList(allowed)}`;
      return [doc.diagnostic(path, 'error', 'schema', `${where} is ${JSON.stringify(input)}, which is not ${allowed.length > 1 ? 'one of ' : ''}${allowed.join(', ')}`, hint)];
    }
    case 'too_big':
    case 'too_small': {
      const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const isCount = issue.origin === 'array' || issue.origin === 'string';
      const custom = !issue.message.startsWith('Too ');
      const words = isCount
        ? `${where} must have ${issue.code === 'too_big' ? 'at most' : 'at least'} ${bound} ${issue.origin === 'array' ? 'entries' : 'characters'}`
        : `${where} must be ${issue.code === 'too_big' ? 'at most' : 'at least'} ${bound}`;
      return [doc.diagnostic(path, 'error', 'schema', custom ? `${where}: ${issue.message}` : words, null)];
    }
    case 'invalid_format':
      return [doc.diagnostic(path, 'error', 'schema', `${where} is ${JSON.stringify(input)}: ${issue.message}`, null)];
    case 'invalid_key':
      return issue.issues.flatMap((i) => explain(doc, schema, { ...i, path: [] } as Issue, path)).map((d) => ({ ...d, path }));
    case 'not_multiple_of':
      return [doc.diagnostic(path, 'error', 'schema', `${where} must be a multiple of ${issue.divisor}`, null)];
    case 'invalid_element':
    case 'custom':
      return [doc.diagnostic(path, 'error', 'schema', `${where}: ${issue.message}`, null)];
  }
}

function missing(doc: JsonDocument, path: JsonPath, expected: string): Diagnostic[] {
  const name = String(path[path.length - 1]);
  return [doc.diagnostic(path, 'error', 'schema', `${describePath(path.slice(0, -1))} is missing "${name}"`, `add "${name}": ${example(expected)}`)];
}

/** "nodes.greeting.replies[2].next" — the JSON path as a trainer would read it. Indices shown from 1. */
export function describePath(path: JsonPath): string {
  if (path.length === 0) return 'The scenario';
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part + 1}]` : out ? `.${part}` : part;
  return `"${out}"`;
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[part];
  }
  return v;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v === 'number' ? 'the number' : typeof v} ${String(v)}`;
}

function article(expected: string): string {
  const words: Record<string, string> = { string: 'text in double quotes', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', int: 'a whole number' };
  return words[expected] ?? expected;
}

function example(expected: string): string {
  const examples: Record<string, string> = { string: '"…"', number: '0', boolean: 'true', array: '[ … ]', object: '{ … }' };
  return examples[expected] ?? '…';
}

function hintForType(expected: string, input: unknown): string | null {
  if (expected === 'number' && typeof input === 'string' && input.trim() !== '' && !Number.isNaN(Number(input))) return `write ${input.trim()} without quotes`;
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) return `write "${String(input)}" in double quotes`;
  if (expected === 'array' && typeof input === 'string') return `write a list: ["${input}"]`;
  if (expected === 'boolean' && typeof input === 'string' && /^(true|false)$/i.test(input)) return `write ${input.toLowerCase()} without quotes`;
  return null;
}

function orList(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** The property names the schema allows at a path (for "did you mean"). */
function keysAt(schema: AnySchema, path: JsonPath): string[] {
  let candidates: AnySchema[] = [schema];
  for (const part of path) candidates = candidates.flatMap((s) => child(unwrap(s), part));
  return [...new Set(candidates.map(unwrap).flatMap((s) => (def(s).type === 'object' ? Object.keys(def(s).shape as object) : [])))];
}

function def(s: AnySchema): { type: string; [k: string]: unknown } {
  return s._zod.def as unknown as { type: string; [k: string]: unknown };
}

function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (;;) {
    const d = def(cur);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'readonly') cur = d.innerType as AnySchema;
    else return cur;
  }
}

function child(s: AnySchema, part: string | number): AnySchema[] {
  const d = def(s);
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, AnySchema>;
      return typeof part === 'string' && shape[part] ? [shape[part]] : [];
    }
    case 'record':
      return [d.valueType as AnySchema];
    case 'array':
      return typeof part === 'number' ? [d.element as AnySchema] : [];
    case 'union':
      return (d.options as AnySchema[]).flatMap((o) => child(unwrap(o), part));
    default:
      return [];
  }
}
