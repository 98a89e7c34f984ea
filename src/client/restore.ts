// Everything the game keeps in the browser's storage comes back through `restore`: check the
// version, migrate an older one, validate and repair the fields. Whatever cannot be read is reported
// with console.warn and left out — never thrown — so a damaged entry costs that entry, not the game.
//
// The schemas are zod/mini: the same zod 4, but tree-shaken, because this runs before the title
// screen and the full zod loads only with the engine, after it (see game/library/lazy.ts).
import type { z } from 'zod/mini';

/** Where warnings go; console.warn unless a test or a caller wants them elsewhere. */
export type Report = (message: string) => void;

/** One thing the game stores: how to read every version of it. */
export interface StoredFormat<T> {
  /** Names it in reports: "the saved settings". */
  readonly what: string;
  /** What happens when it cannot be read, for the report: "the defaults are used". */
  readonly ifUnreadable: string;
  /**
   * Step n turns a version-n value into version n + 1, so the current version is the number of
   * steps. Version 0 is what was written before values carried a version (no `v` field).
   */
  readonly migrations: readonly ((value: Record<string, unknown>) => Record<string, unknown>)[];
  /** Validates a current-version value, repairing what it can; fails only for what it cannot. */
  readonly schema: z.ZodMiniType<T>;
}

export type Restored<T> =
  | { readonly kind: 'restored'; readonly value: T }
  /** Nothing stored. */
  | { readonly kind: 'absent' }
  /** Written by a newer version of the game: to be left as it is and not used. */
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'unreadable'; readonly problem: string };

export const versionOf = (format: StoredFormat<unknown>): number => format.migrations.length;

/** The value as it is written: its fields and the current version. */
export function stamped<T extends object>(format: StoredFormat<unknown>, value: T): T & { v: number } {
  return { ...value, v: versionOf(format) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Restores one stored value (already parsed from JSON). `where` names it in reports (the storage
 * key). Reports what it leaves out, except a value that is simply absent.
 */
export function restore<T>(format: StoredFormat<T>, raw: unknown, where: string, report: Report = console.warn): Restored<T> {
  const result = restoreQuietly(format, raw);
  if (result.kind === 'unreadable') report(`Hold the Line: cannot read ${format.what} in "${where}" (${result.problem}); ${format.ifUnreadable}.`);
  if (result.kind === 'newer') {
    report(
      `Hold the Line: left ${format.what} in "${where}" untouched and unused, written by a newer version of the game ` +
        `(format ${result.version}; this one reads up to ${versionOf(format)}): reload the page to run the newer version.`,
    );
  }
  return result;
}

function restoreQuietly<T>(format: StoredFormat<T>, raw: unknown): Restored<T> {
  if (raw === undefined) return { kind: 'absent' };
  if (!isRecord(raw)) return { kind: 'unreadable', problem: `expected an object, found ${kindOf(raw)}` };
  const version = raw.v ?? 0;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return { kind: 'unreadable', problem: `its version "v" is ${kindOf(version)}, not a whole number` };
  }
  if (version > versionOf(format)) return { kind: 'newer', version };
  let value = raw;
  for (const step of format.migrations.slice(version)) value = step(value);
  const parsed = format.schema.safeParse(value);
  return parsed.success ? { kind: 'restored', value: parsed.data } : { kind: 'unreadable', problem: describeIssue(parsed.error.issues[0]) };
}

/** Reads and restores the value under `key`: missing, blocked storage and invalid JSON included. */
export function readStored<T>(storage: Pick<Storage, 'getItem'>, key: string, format: StoredFormat<T>, report: Report = console.warn): Restored<T> {
  return restoreText(format, readText(storage, key, format, report), key, report);
}

/** Restores a value from its stored text (null: nothing stored). */
export function restoreText<T>(format: StoredFormat<T>, text: string | null, where: string, report: Report = console.warn): Restored<T> {
  if (text === null) return { kind: 'absent' };
  const json = parseJson(text);
  if (!json.ok) {
    report(`Hold the Line: cannot read ${format.what} in "${where}" (not valid JSON: ${json.problem}); ${format.ifUnreadable}.`);
    return { kind: 'unreadable', problem: json.problem };
  }
  return restore(format, json.value, where, report);
}

/** The text under `key`, or null when there is none or the browser refuses to read its storage. */
export function readText(storage: Pick<Storage, 'getItem'>, key: string, format: StoredFormat<unknown>, report: Report = console.warn): string | null {
  try {
    return storage.getItem(key);
  } catch (e) {
    report(`Hold the Line: the browser does not let the game read ${format.what} ("${key}"): ${e instanceof Error ? e.message : String(e)}; ${format.ifUnreadable}.`);
    return null;
  }
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, problem: e instanceof Error ? e.message.slice(0, 200) : 'unreadable' };
  }
}

/** Writes the value in its current version; false when the browser's storage is full or blocked. */
export function writeStored<T extends object>(storage: Pick<Storage, 'setItem'>, key: string, format: StoredFormat<T>, value: T): boolean {
  try {
    storage.setItem(key, JSON.stringify(stamped(format, value)));
    return true;
  } catch {
    return false;
  }
}

/** A report that says each distinct thing once (for lists read again on every change). */
export function reportOnce(report: Report = console.warn): Report {
  const said = new Set<string>();
  return (message) => {
    if (said.has(message)) return;
    said.add(message);
    report(message);
  };
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length > 40 ? `a text of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v;
}

/** zod/mini carries no message texts (they would be shipped before the title), so say it here. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'unknown problem';
  const at = issue.path.length > 0 ? `at ${issue.path.map(String).join('.')}` : 'at the top';
  switch (issue.code) {
    case 'invalid_type':
      return `${at}: expected ${issue.expected}`;
    case 'invalid_value':
      return `${at}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
    case 'too_small':
      return `${at}: ${issue.code === 'too_big' ? 'more' : 'less'} than ${String(issue.code === 'too_big' ? issue.maximum : issue.minimum)}`;
    default:
      return `${at}: ${issue.code}`;
  }
}
