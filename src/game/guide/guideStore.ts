// Whether this browser has had the guided first call, stored under "holdtheline.guide" as
// `{ v: 1, state: "seen" | "skipped", at }`. Nothing stored (a first visit, or storage cleared):
// the guide is still to come. An entry that cannot be read counts as seen, so a damaged value
// never makes a returning player sit through the guide again; one written by a newer version
// of the game is left as it is and counts as seen too.
import { z } from 'zod/mini';
import { readStored, writeStored, type Report, type StoredFormat } from '../../client/restore.js';
import { isoTime } from '../../client/storedFields.js';
import { STORAGE } from '../config.js';

export type GuideState = 'seen' | 'skipped';

export interface GuideRecord {
  readonly state: GuideState;
  /** When the guide was started or skipped (shown nowhere; kept for support questions). */
  readonly at: string;
}

export const guideFormat: StoredFormat<GuideRecord> = {
  what: 'whether the guided first call was seen',
  ifUnreadable: 'it counts as seen (the title screen replays it)',
  migrations: [(v0) => v0],
  schema: z.object({
    state: z.catch(z.enum(['seen', 'skipped']), 'seen'),
    at: z.catch(isoTime, new Date(0).toISOString()),
  }),
};

/** True until the guide has been started or skipped in this browser. */
export function guideDue(storage: Pick<Storage, 'getItem'>, report?: Report): boolean {
  return readStored(storage, STORAGE.guide, guideFormat, report).kind === 'absent';
}

/** Remembers the guide as seen or skipped; false when storage is full or blocked (it comes again next visit). */
export function rememberGuide(storage: Pick<Storage, 'getItem' | 'setItem'>, state: GuideState, now: Date = new Date()): boolean {
  // A newer version's entry stays as it is: that version reads it.
  if (readStored(storage, STORAGE.guide, guideFormat, () => {}).kind === 'newer') return true;
  return writeStored(storage, STORAGE.guide, guideFormat, { state, at: now.toISOString() });
}
