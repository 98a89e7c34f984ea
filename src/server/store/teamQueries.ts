// The team page's reads, the same on SQLite and PostgreSQL: every member with what they did in a
// period (those who never played too), one member's weeks, and the reviewed results the insights
// are counted from. Each takes the store's Kysely instance (store.db); removed results never count.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Which results count: the team's, in a season (null: every season), played at or after `since` (ms). */
export interface TeamScope {
  readonly teamId: number;
  readonly season: number | null;
  readonly since: number;
}

export interface MemberRow {
  readonly id: number;
  readonly name: string;
  readonly joinedAt: number;
  /** The last result of any season; null if they never played. */
  readonly lastPlayedAt: number | null;
  /** Results since `recentSince` (any season): "practised this week". */
  readonly recent: number;
  /** In the scope: */
  readonly results: number;
  readonly calls: number;
  readonly politeness: number | null;
  readonly accuracy: number | null;
  readonly judgment: number | null;
  readonly overall: number | null;
}

const season = (s: TeamScope) => (s.season === null ? sql`` : sql`and season = ${s.season}`);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Every member not removed, with their results in the scope and overall; sorted by name. (The
 * `season > 0` lets both databases read the board's covering index for the last played of every
 * season rather than the table.)
 */
export async function teamMembers(db: Kysely<Database>, scope: TeamScope, recentSince: number): Promise<MemberRow[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select p.id, p.name, p.created_at, a.last_played, a.recent, g.results, g.calls, g.politeness, g.accuracy, g.judgment, g.overall
    from players p
    left join (
      select player_id, max(played_at) as last_played, sum(case when played_at >= ${recentSince} then 1 else 0 end) as recent
      from results where team_id = ${scope.teamId} and season > 0 and removed_at is null
      group by player_id
    ) a on a.player_id = p.id
    left join (
      select player_id, count(*) as results, count(distinct scenario) as calls,
        avg(politeness) as politeness, avg(accuracy) as accuracy, avg(judgment) as judgment, avg(overall) as overall
      from results where team_id = ${scope.teamId} and removed_at is null and played_at >= ${scope.since} ${season(scope)}
      group by player_id
    ) g on g.player_id = p.id
    where p.team_id = ${scope.teamId} and p.removed_at is null`.execute(db);
  return rows
    .map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      joinedAt: Number(r.created_at),
      lastPlayedAt: num(r.last_played),
      recent: num(r.recent) ?? 0,
      results: num(r.results) ?? 0,
      calls: num(r.calls) ?? 0,
      politeness: num(r.politeness),
      accuracy: num(r.accuracy),
      judgment: num(r.judgment),
      overall: num(r.overall),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

export interface WeekRow {
  /** Weeks since `origin` (a week start in the viewer's time zone). */
  readonly week: number;
  readonly results: number;
  readonly politeness: number;
  readonly accuracy: number;
  readonly judgment: number;
  readonly overall: number;
}

export const WEEK_MS = 7 * 86_400_000;

/** One player's results per week (weeks counted from `origin`), in the scope; weeks without results are left out. */
export async function playerWeeks(db: Kysely<Database>, scope: TeamScope, playerId: number, origin: number): Promise<WeekRow[]> {
  const { rows } = await sql<Record<string, unknown>>`
    select cast((played_at - ${origin}) / ${WEEK_MS} as bigint) as week, count(*) as results,
      avg(politeness) as politeness, avg(accuracy) as accuracy, avg(judgment) as judgment, avg(overall) as overall
    from results
    where team_id = ${scope.teamId} and player_id = ${playerId} and removed_at is null and played_at >= ${Math.max(scope.since, origin)} ${season(scope)}
    group by 1 order by 1`.execute(db);
  return rows.map((r) => ({
    week: Number(r.week),
    results: Number(r.results),
    politeness: Number(r.politeness),
    accuracy: Number(r.accuracy),
    judgment: Number(r.judgment),
    overall: Number(r.overall),
  }));
}

/** The team's mean of each skill over the scope's results; null when there are none. */
export async function teamSkillMeans(db: Kysely<Database>, scope: TeamScope): Promise<{ results: number; politeness: number; accuracy: number; judgment: number } | null> {
  const { rows } = await sql<Record<string, unknown>>`
    select count(*) as results, avg(politeness) as politeness, avg(accuracy) as accuracy, avg(judgment) as judgment
    from results where team_id = ${scope.teamId} and removed_at is null and played_at >= ${scope.since} ${season(scope)}`.execute(db);
  const r = rows[0];
  if (!r || Number(r.results) === 0) return null;
  return { results: Number(r.results), politeness: Number(r.politeness), accuracy: Number(r.accuracy), judgment: Number(r.judgment) };
}

export interface ReviewRow {
  readonly id: number;
  readonly scenario: string;
  readonly hash: string;
  readonly played_at: number;
  readonly review: string | null;
}

/** The scope's results with their stored reviews (null: not reviewed yet), in no order (a sort would cost more than the rows). */
export async function reviewRows(db: Kysely<Database>, scope: TeamScope): Promise<ReviewRow[]> {
  let q = db
    .selectFrom('results')
    .select(['id', 'scenario', 'hash', 'played_at', 'review'])
    .where('team_id', '=', scope.teamId)
    .where('removed_at', 'is', null)
    .where('played_at', '>=', scope.since);
  if (scope.season !== null) q = q.where('season', '=', scope.season);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), played_at: Number(r.played_at) }));
}

/** A result's transcript, for reviewing it. */
export async function transcriptOf(db: Kysely<Database>, resultId: number): Promise<string | null> {
  return (await db.selectFrom('results').select('transcript').where('id', '=', resultId).executeTakeFirst())?.transcript ?? null;
}
