// The player's bests as stored under "holdtheline.bests": one entry per call and language,
// `{ "<id>:<locale>": { v: 1, overall, grade, mode, at } }`. The version is per entry, so one
// damaged entry, or one saved by a newer version of the game, leaves every other one readable.
// Version 0 (before versions) had the same fields without `v`.
import { z } from 'zod/mini';
import { readStored, restore, stamped, type Report, type Restored, type StoredFormat } from '../../client/restore.js';
import { grade, isoTime } from '../../client/storedFields.js';
import type { Mode } from '../../engine/index.js';
import { STORAGE } from '../config.js';
import type { Best } from './bests.js';

const MODES = ['practice', 'exam'] as const satisfies readonly Mode[];
/** When a best was set is not shown anywhere; a lost one reads as "long ago". */
const LONG_AGO = new Date(0).toISOString();

/** The score and grade make the best, so an entry without them is dropped; the rest is repaired. */
const bestSchema = z.object({
  overall: z.number().check(z.minimum(0), z.maximum(100)),
  grade,
  // A best of unknown mode counts as practice, the mode that claims less.
  mode: z.catch(z.enum(MODES), 'practice'),
  at: z.catch(isoTime, LONG_AGO),
});

export const bestFormat: StoredFormat<Best> = {
  what: 'a best score',
  ifUnreadable: 'it is forgotten',
  migrations: [(v0) => v0],
  schema: bestSchema,
};

/**
 * The whole value is an object of entries. It has never changed (version 0, no `v`); should a
 * later version give it one, this version leaves it to that one.
 */
const bestsFormat: StoredFormat<Record<string, unknown>> = {
  what: 'the saved best scores',
  ifUnreadable: 'they are forgotten',
  migrations: [],
  schema: z.record(z.string(), z.unknown()),
};

export interface StoredBests {
  /** The bests this version can read, by "<id>:<locale>". */
  readonly bests: ReadonlyMap<string, Best>;
  /** Entries saved by a newer version, to be written back exactly as they are. */
  readonly newer: ReadonlyMap<string, unknown>;
  /** False when the whole value is a newer version's: nothing may be written over it. */
  readonly writable: boolean;
}

/** The bests in a parsed stored value; unreadable entries are reported and left out. */
export function restoreBests(raw: unknown, report: Report = console.warn): StoredBests {
  return bestsOf(restore(bestsFormat, raw, STORAGE.bests, report), report);
}

export function readBests(storage: Pick<Storage, 'getItem'>, report: Report = console.warn): StoredBests {
  return bestsOf(readStored(storage, STORAGE.bests, bestsFormat, report), report);
}

function bestsOf(whole: Restored<Record<string, unknown>>, report: Report): StoredBests {
  const bests = new Map<string, Best>();
  const newer = new Map<string, unknown>();
  if (whole.kind !== 'restored') return { bests, newer, writable: whole.kind !== 'newer' };
  for (const [key, value] of Object.entries(whole.value)) {
    const r = restore(bestFormat, value, `${STORAGE.bests} → ${key}`, report);
    if (r.kind === 'restored') bests.set(key, r.value);
    if (r.kind === 'newer') newer.set(key, value);
  }
  return { bests, newer, writable: true };
}

/** What is written: every readable best in the current version, and the newer entries untouched. */
export function storedBests(stored: StoredBests): Record<string, unknown> {
  return Object.fromEntries([...stored.newer, ...[...stored.bests].map(([key, best]) => [key, stamped(bestFormat, best)] as const)]);
}
