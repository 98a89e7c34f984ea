// The team's results as a list, newest played first, a page at a time; and the titles of calls in
// the viewer's language. Reads `store.db` the same on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { BoardFilter, ResultRow } from './store.js';

export interface ListFilter extends BoardFilter {
  readonly player: number | null;
  /** The last result of the previous page (its id): this page starts after it in the list's order. */
  readonly after: { readonly playedAt: number; readonly id: number } | null;
  readonly limit: number;
}

function resultQuery(db: Kysely<Database>) {
  return db.selectFrom('results').innerJoin('players', 'players.id', 'results.player_id').selectAll('results').select('players.name as player_name');
}

/** Where a result sits in the list (when it was played), found by id in the team; null if it is not the team's. */
export async function listPosition(db: Kysely<Database>, teamId: number, id: number): Promise<{ playedAt: number; id: number } | null> {
  const row = await db.selectFrom('results').select(['id', 'played_at']).where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
  return row ? { playedAt: row.played_at, id: row.id } : null;
}

/**
 * A page of results in the period, sorted by when they were played, newest first; results played
 * at the same moment by id, newest first. With `after`, the page starts just after that result.
 */
export async function listResultsByPlayed(db: Kysely<Database>, f: ListFilter): Promise<ResultRow[]> {
  let q = resultQuery(db)
    .where('results.team_id', '=', f.teamId)
    .where('results.removed_at', 'is', null)
    .where('results.played_at', '>=', f.since);
  // No season: every season (the period "all").
  if (f.season !== null) q = q.where('results.season', '=', f.season);
  if (f.scenario) q = q.where('results.scenario', '=', f.scenario);
  if (f.player !== null) q = q.where('results.player_id', '=', f.player);
  const after = f.after;
  if (after) {
    q = q.where((eb) => eb.or([eb('results.played_at', '<', after.playedAt), eb.and([eb('results.played_at', '=', after.playedAt), eb('results.id', '<', after.id)])]));
  }
  return q.orderBy('results.played_at', 'desc').orderBy('results.id', 'desc').limit(f.limit).execute();
}

/**
 * The title of each of these calls in `locale`, where the server has seen a version of the call
 * in that language (the most recently seen version's title); calls without one are left out.
 */
export async function titlesIn(db: Kysely<Database>, locale: string, scenarios: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (scenarios.length === 0) return out;
  const rows = await db
    .selectFrom('scenario_versions')
    .select(['id', 'title', 'seen_at'])
    .where('locale', '=', locale)
    .where('id', 'in', [...new Set(scenarios)])
    .orderBy('seen_at', 'desc')
    .execute();
  for (const r of rows) if (!out.has(r.id)) out.set(r.id, r.title);
  return out;
}
