// A player's own history: their practice runs (kept once per idempotency key, apart from the
// results so no board counts them) and, read together with them, their exam results — newest
// played first, a page at a time. Reads `db` the same on SQLite and PostgreSQL.
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Database, PracticeRunsTable, ResultsTable } from './schema.js';

export type PracticeRunRow = Selectable<PracticeRunsTable>;
export type NewPracticeRun = Omit<Insertable<PracticeRunsTable>, 'id'>;

/** One row of the list: an exam result or a practice run, with the columns the list shows. */
export type HistoryRow =
  | { readonly source: 'result'; readonly row: Selectable<ResultsTable> }
  | { readonly source: 'practice'; readonly row: PracticeRunRow };

/**
 * Where a row sits in the list: newest played first; at the same moment results before practice
 * runs, then the higher id first.
 */
export interface HistoryCursor {
  readonly playedAt: number;
  readonly source: 'result' | 'practice';
  readonly id: number;
}

const RANK = { result: 1, practice: 0 } as const;

/** PostgreSQL's bigint arrives as a number (database.ts) or, from an older driver, a string: made sure of here. */
const numeric = <T extends { id: number; player_id: number; team_id: number; played_at: number; received_at: number; elapsed_ms: number }>(r: T): T => ({
  ...r,
  id: Number(r.id),
  player_id: Number(r.player_id),
  team_id: Number(r.team_id),
  played_at: Number(r.played_at),
  received_at: Number(r.received_at),
  elapsed_ms: Number(r.elapsed_ms),
});

export async function practiceRunByKey(db: Kysely<Database>, key: string): Promise<PracticeRunRow | null> {
  const row = await db.selectFrom('practice_runs').selectAll().where('idem_key', '=', key).executeTakeFirst();
  return row ? numeric(row) : null;
}

/** Stores a run once per idempotency key: a second insert with the same key writes nothing and returns the row stored first. */
export async function insertPracticeRun(db: Kysely<Database>, run: NewPracticeRun): Promise<{ row: PracticeRunRow; duplicate: boolean }> {
  const inserted = await db.insertInto('practice_runs').values(run).onConflict((oc) => oc.column('idem_key').doNothing()).returningAll().executeTakeFirst();
  if (inserted) return { row: numeric(inserted), duplicate: false };
  const row = await practiceRunByKey(db, run.idem_key);
  if (!row) throw new Error(`practice run ${run.idem_key} conflicted but cannot be found`);
  return { row, duplicate: true };
}

/** The rows of one source (`rank`) that come after the cursor in the list's order, as a condition on its played_at and id. */
function afterCursor(rank: number, c: HistoryCursor): RawBuilder<SqlBool> {
  const cursorRank = RANK[c.source];
  const sameMoment = rank < cursorRank ? sql`1 = 1` : rank === cursorRank ? sql`id < ${c.id}` : sql`1 = 0`;
  return sql<SqlBool>`(played_at < ${c.playedAt} or (played_at = ${c.playedAt} and ${sameMoment}))`;
}

/**
 * A page of the player's history: their results not removed by the trainer (every season) and
 * their practice runs, merged newest played first, starting after `after`.
 */
export async function playerHistory(db: Kysely<Database>, f: { teamId: number; playerId: number; after: HistoryCursor | null; limit: number }): Promise<HistoryRow[]> {
  const c = f.after;
  const results = db
    .selectFrom('results')
    .selectAll()
    .where('team_id', '=', f.teamId)
    .where('player_id', '=', f.playerId)
    .where('removed_at', 'is', null)
    .$if(c !== null, (q) => q.where(afterCursor(RANK.result, c!)))
    .orderBy('played_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();
  const practice = db
    .selectFrom('practice_runs')
    .selectAll()
    .where('team_id', '=', f.teamId)
    .where('player_id', '=', f.playerId)
    .$if(c !== null, (q) => q.where(afterCursor(RANK.practice, c!)))
    .orderBy('played_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();
  const rows: HistoryRow[] = [
    ...(await results).map((r) => ({ source: 'result' as const, row: numeric(r) })),
    ...(await practice).map((r) => ({ source: 'practice' as const, row: numeric(r) })),
  ];
  return rows.sort((a, b) => b.row.played_at - a.row.played_at || RANK[b.source] - RANK[a.source] || b.row.id - a.row.id).slice(0, f.limit);
}

/** The cursor that continues after `r`, as the API passes it ("<played at>.<r|p>.<id>"). */
export const cursorText = (r: HistoryRow): string => `${r.row.played_at}.${r.source === 'result' ? 'r' : 'p'}.${r.row.id}`;

export function parseCursor(text: string): HistoryCursor | null {
  const m = /^(\d{1,16})\.([rp])\.(\d{1,16})$/.exec(text);
  return m ? { playedAt: Number(m[1]), source: m[2] === 'r' ? 'result' : 'practice', id: Number(m[3]) } : null;
}
