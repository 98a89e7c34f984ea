// Tickets for online exams: the server chooses the seed (which shuffles the replies), for one
// player and one call, and a result is the ticket's at most once. Issued here; used in the same
// transaction that stores the result (Store.insertResult), so two results can never share one.
import { randomBytes, randomInt } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, TicketsTable } from './schema.js';

export type Ticket = Selectable<TicketsTable>;

/**
 * How long a ticket can be used for. A call lasts minutes, but a result waits in the game's outbox
 * while the server cannot be reached: a day lets a whole working day's outage go by and the result
 * still count, and makes a ticket kept back for later worth little.
 */
export const TICKET_TTL_MS = 24 * 3_600_000;

/** Unused tickets this long past their expiry are deleted (a used one stays with its result). */
const FORGET_AFTER_MS = 30 * 86_400_000;

const SEED_RANGE = 0x1_0000_0000;

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

/** A new ticket for `playerId` to play `scenario` (a seed no other ticket of the team's for that call has). */
export async function issueTicket(db: Kysely<Database>, o: { teamId: number; playerId: number; scenario: string; typedOnly?: boolean }, now = Date.now()): Promise<Ticket> {
  await db.deleteFrom('tickets').where('used_at', 'is', null).where('expires_at', '<', now - FORGET_AFTER_MS).execute();
  for (let attempt = 0; ; attempt++) {
    const row = { id: randomBytes(12).toString('base64url'), team_id: o.teamId, player_id: o.playerId, scenario: o.scenario, seed: randomInt(SEED_RANGE), issued_at: now, expires_at: now + TICKET_TTL_MS, used_at: null, result_id: null, typed_only: o.typedOnly ? 1 : 0 };
    try {
      await db.insertInto('tickets').values(row).execute();
      return row;
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 5) throw e;
    }
  }
}

export async function ticketById(db: Kysely<Database>, teamId: number, id: string): Promise<Ticket | null> {
  return (await db.selectFrom('tickets').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The ticket the team was given for this call and seed, if the seed is one the server chose. */
export async function ticketBySeed(db: Kysely<Database>, teamId: number, scenario: string, seed: number): Promise<Ticket | null> {
  return (await db.selectFrom('tickets').selectAll().where('team_id', '=', teamId).where('scenario', '=', scenario).where('seed', '=', seed).executeTakeFirst()) ?? null;
}

/** Marks the ticket used by `resultId` (in the transaction storing it); false if it was used already. */
export async function useTicket(db: Kysely<Database>, id: string, resultId: number, now: number): Promise<boolean> {
  const r = await db.updateTable('tickets').set({ used_at: now, result_id: resultId }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

