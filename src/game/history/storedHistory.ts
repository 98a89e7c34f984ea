// One finished call as the history keeps it in the browser: `{ v: 1, ...HistoryEntry }` under
// "holdtheline.history.<id>", one storage entry per call, so a damaged entry costs that call only
// and two tabs never overwrite each other's calls.
//
// What makes the entry is checked and must be there: when it was played, which call in which
// language and mode, its scores and its transcript (the engine's own schema checks the transcript
// when it is rebuilt or sent). The engine's result (the debrief as it was) is kept as stored,
// checked only for the parts the debrief cannot do without; if those are damaged the result is
// forgotten and the entry kept, as an older entry is (its debrief rebuilt from the transcript).
import { z } from 'zod/mini';
import type { CallResult, Mode, Transcript } from '../../engine/index.js';
import { restore, stamped, type Report, type StoredFormat } from '../../client/restore.js';
import { boundedText, count, grade } from '../../client/storedFields.js';
import type { HistoryEntry } from './History.js';

const MODES = ['practice', 'exam'] as const satisfies readonly Mode[];
const score = z.number().check(z.minimum(0), z.maximum(100));
const id = z.string().check(z.minLength(1), z.maxLength(100));

const skills = z.object({ politeness: score, accuracy: score, judgment: score, overall: score, grade });

/** Only its frame: the engine's transcriptSchema is the one home of what a transcript is. */
const transcript = z.looseObject({
  scenario: id,
  locale: z.string().check(z.minLength(2), z.maxLength(10)),
  hash: z.string(),
  seed: z.number(),
  mode: z.enum(MODES),
  events: z.array(z.unknown()),
});

/** What the debrief reads first; the rest of the review is kept as it was stored. */
const result = z.looseObject({
  transcript: z.looseObject({}),
  score: z.looseObject({ politeness: score, accuracy: score, judgment: score, overall: score, grade }),
  review: z.looseObject({
    scenario: z.looseObject({ id, locale: z.string(), title: z.string() }),
    score: z.looseObject({}),
    turns: z.array(z.looseObject({})),
  }),
});

const entrySchema = z.object({
  id,
  playedAt: z.number().check(z.int(), z.minimum(0)),
  selection: z.object({ id, locale: z.string().check(z.minLength(2), z.maxLength(10)), mode: z.enum(MODES) }),
  title: boundedText(200),
  skills,
  transcript,
  result: z.catch(z.nullable(result), null),
  branch: z.catch(z.nullable(z.object({ of: z.nullable(id), turn: count })), null),
  player: z.catch(z.nullable(z.object({ team: z.string().check(z.maxLength(100)), id: z.number().check(z.int()) })), null),
});

type StoredEntry = z.infer<typeof entrySchema>;

export const historyEntryFormat: StoredFormat<StoredEntry> = {
  what: 'a call in your history',
  ifUnreadable: 'it is left in storage but not shown',
  migrations: [(v0) => v0],
  schema: entrySchema,
};

/** Stored values are plain JSON; the game hands results on frozen (see engine/review/callResult.ts). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The entry from its restored fields, frozen. */
export function historyEntryOf(e: StoredEntry): HistoryEntry {
  return deepFreeze({
    ...e,
    transcript: e.transcript as unknown as Transcript,
    result: e.result as unknown as CallResult | null,
  });
}

/** The entry in a parsed stored value; null when it cannot be read or is a newer version's. */
export function restoreHistoryEntry(raw: unknown, where: string, report?: Report): HistoryEntry | null {
  const r = restore(historyEntryFormat, raw, where, report);
  return r.kind === 'restored' ? historyEntryOf(r.value) : null;
}

/** What is written. */
export const storedHistoryEntry = (entry: HistoryEntry) => stamped(historyEntryFormat, entry);
