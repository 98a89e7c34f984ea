// A transcript is the whole record of a call: which scenario version, the seed, the mode, the
// rules it was scored under and every event. Replaying it under the same rules gives the same
// call and the same scores anywhere.
import { z } from 'zod';
import { ID_PATTERN } from '../format/schema.js';
import type { SessionEvent } from '../rules/state.js';
import { RULES_VERSION } from '../rulesVersion.js';

/** The transcript's own format. Version 1 (no "rules") is read as scored under rules 1. */
export const TRANSCRIPT_VERSION = 2 as const;
/** The game sends time in steps of this size, so a transcript compresses to a few runs. */
export const TICK_MS = 100;
export const MAX_TICK_MS = 60_000;
/** The longest typed reply, in characters (UTF-16 units, as a text box counts them) after trimming. */
export const TYPED_MAX_CHARS = 300;

/** Why a typed reply's text cannot be recorded, or null when it can. */
export function typedTextProblem(text: string): string | null {
  const t = text.trim();
  if (t.length === 0) return 'the typed text is empty';
  if (t.length > TYPED_MAX_CHARS) return `the typed text is longer than ${TYPED_MAX_CHARS} characters`;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) return 'the typed text holds control characters';
  return null;
}

export const transcriptEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ANSWER') }).strict(),
  z
    .object({
      type: z.literal('CHOOSE'),
      n: z.number().int().min(1).max(9),
      /** What the trainee typed (a typed reply); `took` says how the matcher took it. Both or neither. */
      typed: z
        .string()
        .max(TYPED_MAX_CHARS * 4)
        .refine((t) => typedTextProblem(t) === null, { message: `typed text is 1 to ${TYPED_MAX_CHARS} characters (after trimming), without control characters` })
        .optional(),
      took: z.enum(['match', 'suggestion']).optional(),
    })
    .strict()
    .refine((e) => (e.typed === undefined) === (e.took === undefined), { message: 'a typed reply records both "typed" and "took"' }),
  z
    .object({
      type: z.literal('TICK'),
      ms: z.number().int().min(1).max(MAX_TICK_MS),
      /** The same tick this many times in a row (run-length encoding). */
      repeat: z.number().int().min(1).max(1_000_000).optional(),
    })
    .strict(),
  z.object({ type: z.literal('HANG_UP') }).strict(),
  /** A branch ("Try another reply"): what follows is played in practice (see rules/step.ts). */
  z.object({ type: z.literal('PRACTISE') }).strict(),
  /** The customer's line started, then finished, being delivered (rules/delivery.ts). */
  z.object({ type: z.literal('SPEAKING') }).strict(),
  z.object({ type: z.literal('DELIVERED') }).strict(),
]);

const fields = {
  scenario: z.string().regex(ID_PATTERN),
  locale: z.string().min(2).max(10),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  seed: z.number().int().min(0).max(0xffffffff),
  mode: z.enum(['exam', 'practice']),
  events: z.array(transcriptEventSchema).max(20_000),
};

const currentSchema = z
  .object({
    v: z.literal(TRANSCRIPT_VERSION),
    /** The scoring rules the call was played and scored under (rulesVersion.ts). */
    rules: z.number().int().min(1).max(RULES_VERSION),
    ...fields,
  })
  .strict();

/** Before rules were recorded, every transcript was scored under rules 1. */
const version1Schema = z
  .object({ v: z.literal(1), ...fields })
  .strict()
  .transform(({ v: _v, ...t }): Transcript => ({ v: TRANSCRIPT_VERSION, rules: 1, ...t }));

/** Reads any transcript version this engine knows, as the current version. */
export const transcriptSchema = z.union([currentSchema, version1Schema]);

export type TranscriptEvent = z.infer<typeof transcriptEventSchema>;
export type Transcript = z.output<typeof currentSchema>;

/** Appends an event, merging equal consecutive ticks into one run. */
export function appendEvent(events: TranscriptEvent[], e: SessionEvent): void {
  const last = events[events.length - 1];
  if (e.type === 'TICK' && last?.type === 'TICK' && last.ms === e.ms) {
    events[events.length - 1] = { ...last, repeat: (last.repeat ?? 1) + 1 };
    return;
  }
  if (e.type === 'CHOOSE') {
    events.push(e.typed !== undefined && e.took !== undefined ? { type: 'CHOOSE', n: e.n, typed: e.typed, took: e.took } : { type: 'CHOOSE', n: e.n });
    return;
  }
  events.push(e.type === 'TICK' ? { type: 'TICK', ms: e.ms } : { type: e.type });
}

/** Appends `count` equal ticks as one run (what `count` calls of appendEvent would give). */
export function appendTicks(events: TranscriptEvent[], ms: number, count: number): void {
  if (count <= 0) return;
  const last = events[events.length - 1];
  if (last?.type === 'TICK' && last.ms === ms) events[events.length - 1] = { ...last, repeat: (last.repeat ?? 1) + count };
  else events.push(count === 1 ? { type: 'TICK', ms } : { type: 'TICK', ms, repeat: count });
}
