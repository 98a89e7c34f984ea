// A transcript is the whole record of a call: which scenario version, the seed, the mode and
// every event. Replaying it gives the same call and the same scores anywhere.
import { z } from 'zod';
import { ID_PATTERN } from '../format/schema.js';
import type { SessionEvent } from '../rules/state.js';

export const TRANSCRIPT_VERSION = 1;
/** The game sends time in steps of this size, so a transcript compresses to a few runs. */
export const TICK_MS = 100;
export const MAX_TICK_MS = 60_000;

export const transcriptEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ANSWER') }).strict(),
  z.object({ type: z.literal('CHOOSE'), n: z.number().int().min(1).max(9) }).strict(),
  z
    .object({
      type: z.literal('TICK'),
      ms: z.number().int().min(1).max(MAX_TICK_MS),
      /** The same tick this many times in a row (run-length encoding). */
      repeat: z.number().int().min(1).max(1_000_000).optional(),
    })
    .strict(),
  z.object({ type: z.literal('HANG_UP') }).strict(),
]);

export const transcriptSchema = z
  .object({
    v: z.literal(TRANSCRIPT_VERSION),
    scenario: z.string().regex(ID_PATTERN),
    locale: z.string().min(2).max(10),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    seed: z.number().int().min(0).max(0xffffffff),
    mode: z.enum(['exam', 'practice']),
    events: z.array(transcriptEventSchema).max(20_000),
  })
  .strict();

export type TranscriptEvent = z.infer<typeof transcriptEventSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;

/** Appends an event, merging equal consecutive ticks into one run. */
export function appendEvent(events: TranscriptEvent[], e: SessionEvent): void {
  const last = events[events.length - 1];
  if (e.type === 'TICK' && last?.type === 'TICK' && last.ms === e.ms) {
    events[events.length - 1] = { ...last, repeat: (last.repeat ?? 1) + 1 };
    return;
  }
  events.push(e.type === 'TICK' ? { type: 'TICK', ms: e.ms } : e.type === 'CHOOSE' ? { type: 'CHOOSE', n: e.n } : { type: e.type });
}

/** Appends `count` equal ticks as one run (what `count` calls of appendEvent would give). */
export function appendTicks(events: TranscriptEvent[], ms: number, count: number): void {
  if (count <= 0) return;
  const last = events[events.length - 1];
  if (last?.type === 'TICK' && last.ms === ms) events[events.length - 1] = { ...last, repeat: (last.repeat ?? 1) + count };
  else events.push(count === 1 ? { type: 'TICK', ms } : { type: 'TICK', ms, repeat: count });
}
