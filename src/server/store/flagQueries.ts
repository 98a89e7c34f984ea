// Results flagged as faster than a person reads, awaiting a trainer: listed, and cleared.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { ResultRow } from './store.js';

/** The team's flagged results no trainer has cleared or removed, newest first (at most `limit`). */
export function flaggedResults(db: Kysely<Database>, teamId: number, limit = 200): Promise<ResultRow[]> {
  return db
    .selectFrom('results')
    .innerJoin('players', 'players.id', 'results.player_id')
    .selectAll('results')
    .select('players.name as player_name')
    .where('results.team_id', '=', teamId)
    .where('results.flag', 'is not', null)
    .where('results.flag_cleared_at', 'is', null)
    .where('results.removed_at', 'is', null)
    .where('players.removed_at', 'is', null)
    .orderBy('results.id', 'desc')
    .limit(limit)
    .execute();
}

/** A trainer checked the result: it counts for champions again. False when the team has no such result. */
export async function clearFlag(db: Kysely<Database>, teamId: number, id: number, now = Date.now()): Promise<boolean> {
  const row = await db.selectFrom('results').select(['id', 'flag', 'flag_cleared_at']).where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  if (row.flag !== null && row.flag_cleared_at === null) await db.updateTable('results').set({ flag_cleared_at: now }).where('id', '=', id).execute();
  return true;
}
