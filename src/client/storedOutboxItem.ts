// One outbox item as stored: `{ v: 1, ...OutboxItem }` under "<prefix><key>". Version 0 (before
// versions) had the same fields without `v`.
//
// Everything but the transcript is repaired here, field by field, because losing an item would
// lose a result: a missing end time becomes the time it was sent, or else the time this outbox
// found it (the call ended before either, so it is the nearest time we can vouch for); missing
// attempts are 0; an unknown status is "waiting" (sending it again is safe: the server keeps one
// result per key); unreadable scores, identity, error or result are null (no claim, wait for
// sign-in, …). Only a value that is not even an object, or whose version is unreadable or newer,
// is left out (and left in storage). The transcript is kept as it was stored and checked by the
// engine's own schema (see transcriptCheck.ts).
import { z } from 'zod/mini';
import type { Transcript } from '../engine/index.js';
import type { OutboxItem } from './outbox.js';
import { restore, stamped, type Report, type StoredFormat } from './restore.js';
import { boundedText, count, grade, isoTime } from './storedFields.js';
import { identitySchema } from './storedIdentity.js';

const STATUSES = ['waiting', 'sending', 'sent', 'refused'] as const satisfies readonly OutboxItem['status'][];

const nullable = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullable(schema), null);

const fieldsSchema = z.object({
  status: z.catch(z.enum(STATUSES), 'waiting'),
  title: z.catch(z.optional(boundedText(200)), undefined),
  /** Kept as it was stored, whatever it is: transcriptCheck decides whether it can be sent. */
  transcript: z.optional(z.unknown()),
  claimed: nullable(z.object({ politeness: z.number(), accuracy: z.number(), judgment: z.number(), overall: z.number() })),
  identity: nullable(identitySchema),
  playedAt: z.catch(z.optional(isoTime), undefined),
  /** Absent before tickets (and for an exam played offline): sent without one. */
  ticket: z.catch(z.optional(z.nullable(boundedText(64))), null),
  attempts: z.catch(count, 0),
  error: nullable(z.object({ code: boundedText(100), message: boundedText(1000) })),
  result: nullable(z.object({ id: z.number().check(z.int()), overall: z.number(), grade })),
  sentAt: nullable(isoTime),
});

export type StoredFields = z.infer<typeof fieldsSchema>;

export const outboxItemFormat: StoredFormat<StoredFields> = {
  what: 'a result waiting to be sent',
  ifUnreadable: 'it is left in storage but not sent',
  migrations: [(v0) => v0],
  schema: fieldsSchema,
};

/**
 * The item in a parsed stored value under `key` (the part of the storage key after the prefix: the
 * idempotency key, whatever the value's own `key` field says). Null when it is not readable or from
 * a newer version (`where` names it in the report).
 */
export function restoreOutboxItem(raw: unknown, key: string, options: { now?: Date; where?: string; report?: Report } = {}): OutboxItem | null {
  const r = restore(outboxItemFormat, raw, options.where ?? key, options.report);
  return r.kind === 'restored' ? outboxItemOf(r.value, key, options.now) : null;
}

/** The item from its restored fields (see the top of this file for what is filled in). */
export function outboxItemOf(f: StoredFields, key: string, now = new Date()): OutboxItem {
  return {
    key,
    status: f.status,
    title: f.title ?? scenarioOf(f.transcript) ?? '—',
    // Unchecked until transcriptCheck has seen it; an item whose transcript fails is never sent.
    transcript: f.transcript as Transcript,
    claimed: f.claimed,
    identity: f.identity,
    playedAt: f.playedAt ?? f.sentAt ?? now.toISOString(),
    ticket: f.ticket ?? null,
    attempts: f.attempts,
    error: f.error,
    result: f.result,
    sentAt: f.sentAt,
  };
}

/** What `save` writes. */
export const storedOutboxItem = (item: OutboxItem) => stamped(outboxItemFormat, item);

function scenarioOf(transcript: unknown): string | undefined {
  const id = (transcript as { scenario?: unknown } | null)?.scenario;
  return typeof id === 'string' && id.length <= 200 ? id : undefined;
}
