// Bests kept up to date on write: for each player, call and season, their best result, number
// of attempts and sum of overall per bucket — a UTC day ('d'), a UTC month ('m') and the whole
// season ('t') — and the team's results per call and day (team_days, for trends). Every write
// of a result (insert, removal, a trainer's restore) updates them in the same transaction, so a
// board reads a few hundred rows instead of every result.
//
// Any period [since, now] is answered exactly by adding up disjoint parts: the raw results of the
// partial first day [since, next midnight), the whole days up to the next month start, then the
// whole months; a period from 0 is the season buckets. A best is the highest overall, the earliest
// of equals, then the lowest id, so merging parts gives the same best as the raw results would.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from './migrations.js';
import type { BestsTable } from './schema.js';

export const DAY_MS = 86_400_000;

export type Grain = 'd' | 'm' | 't';

/** What a result contributes to the bests. */
export interface BestSource {
  id: number;
  team_id: number;
  season: number;
  player_id: number;
  scenario: string;
  overall: number;
  politeness: number;
  accuracy: number;
  judgment: number;
  played_at: number;
}

export const BEST_SOURCE_COLUMNS = ['id', 'team_id', 'season', 'player_id', 'scenario', 'overall', 'politeness', 'accuracy', 'judgment', 'played_at'] as const;

/** The start of the UTC day holding `t`. */
export const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** The start of the UTC month holding `t`, and of the next one. */
export function monthStart(t: number, next = 0): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + next, 1);
}

/** The bucket of each grain a result played at `t` falls in. */
export function bucketsOf(t: number): [Grain, number][] {
  return [
    ['d', dayStart(t)],
    ['m', monthStart(t)],
    ['t', 0],
  ];
}

type Best = Pick<BestsTable, 'best_id' | 'best_overall' | 'best_politeness' | 'best_accuracy' | 'best_judgment' | 'best_played_at'>;

/** Whether `a` is a better best than `b`: higher overall, then earlier, then the lower id. */
export function better(a: Best, b: Best): boolean {
  return a.best_overall !== b.best_overall ? a.best_overall > b.best_overall : a.best_played_at !== b.best_played_at ? a.best_played_at < b.best_played_at : a.best_id < b.best_id;
}

interface BucketRow extends Best {
  team_id: number;
  season: number;
  grain: Grain;
  start: number;
  player_id: number;
  scenario: string;
  results: number;
  overall_sum: number;
}

const asBest = (r: BestSource): Best => ({ best_id: r.id, best_overall: r.overall, best_politeness: r.politeness, best_accuracy: r.accuracy, best_judgment: r.judgment, best_played_at: r.played_at });

/** Several instances on PostgreSQL: a player's bests are written by one transaction at a time. */
async function lockPlayers(db: Kysely<any>, dialect: Dialect, keys: Iterable<[number, number]>): Promise<void> {
  if (dialect !== 'postgres') return; // SQLite has one writer at a time already
  const sorted = [...new Map([...keys].map((k) => [`${k[0]}/${k[1]}`, k])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length === 0) return;
  const values = sql.join(sorted.map(([t, p]) => sql`(${t}::int, ${p}::int)`));
  await sql`select count(pg_advisory_xact_lock(t, p)) from (select t, p from (values ${values}) v(t, p) order by t, p) s`.execute(db);
}

const CHUNK = 500;

/** Adds new (or restored) results to the bests and the team's days. `db` is the transaction they are written in. */
export async function addToBests(db: Kysely<any>, dialect: Dialect, results: readonly BestSource[]): Promise<void> {
  if (results.length === 0) return;
  await lockPlayers(db, dialect, results.map((r) => [r.team_id, r.player_id]));
  const buckets = new Map<string, BucketRow>();
  const days = new Map<string, { team_id: number; season: number; scenario: string; day: number; results: number; overall_sum: number }>();
  for (const r of results) {
    for (const [grain, start] of bucketsOf(r.played_at)) {
      const k = `${r.team_id}|${r.season}|${grain}|${start}|${r.player_id}|${r.scenario}`;
      const b = buckets.get(k);
      if (!b) buckets.set(k, { team_id: r.team_id, season: r.season, grain, start, player_id: r.player_id, scenario: r.scenario, results: 1, overall_sum: r.overall, ...asBest(r) });
      else {
        b.results += 1;
        b.overall_sum += r.overall;
        const cand = asBest(r);
        if (better(cand, b)) Object.assign(b, cand);
      }
    }
    const day = dayStart(r.played_at);
    const k = `${r.team_id}|${r.season}|${day}|${r.scenario}`;
    const d = days.get(k);
    if (!d) days.set(k, { team_id: r.team_id, season: r.season, scenario: r.scenario, day, results: 1, overall_sum: r.overall });
    else {
      d.results += 1;
      d.overall_sum += r.overall;
    }
  }
  const rows = [...buckets.values()];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = sql.join(
      rows.slice(i, i + CHUNK).map((b) => sql`(${b.team_id}, ${b.season}, ${b.grain}, ${b.start}, ${b.player_id}, ${b.scenario}, ${b.results}, ${b.overall_sum}, ${b.best_id}, ${b.best_overall}, ${b.best_politeness}, ${b.best_accuracy}, ${b.best_judgment}, ${b.best_played_at})`),
    );
    const wins = sql`(excluded.best_overall > bests.best_overall or (excluded.best_overall = bests.best_overall and (excluded.best_played_at < bests.best_played_at or (excluded.best_played_at = bests.best_played_at and excluded.best_id < bests.best_id))))`;
    const pick = (c: string) => sql`${sql.raw(c)} = case when ${wins} then excluded.${sql.raw(c)} else bests.${sql.raw(c)} end`;
    await sql`
      insert into bests (team_id, season, grain, start, player_id, scenario, results, overall_sum, best_id, best_overall, best_politeness, best_accuracy, best_judgment, best_played_at)
      values ${values}
      on conflict (team_id, grain, season, start, player_id, scenario) do update set
        results = bests.results + excluded.results, overall_sum = bests.overall_sum + excluded.overall_sum,
        ${sql.join(['best_id', 'best_overall', 'best_politeness', 'best_accuracy', 'best_judgment', 'best_played_at'].map(pick))}`.execute(db);
  }
  const dayRows = [...days.values()];
  for (let i = 0; i < dayRows.length; i += CHUNK) {
    const values = sql.join(dayRows.slice(i, i + CHUNK).map((d) => sql`(${d.team_id}, ${d.season}, ${d.scenario}, ${d.day}, ${d.results}, ${d.overall_sum})`));
    await sql`
      insert into team_days (team_id, season, scenario, day, results, overall_sum) values ${values}
      on conflict (team_id, season, day, scenario) do update set results = team_days.results + excluded.results, overall_sum = team_days.overall_sum + excluded.overall_sum`.execute(db);
  }
}

/** Replaces one bucket with what is below it now (raw results for a day, days for a month, months for the season). */
async function rebuildBucket(db: Kysely<any>, r: BestSource, grain: Grain, start: number): Promise<void> {
  const key = sql`team_id = ${r.team_id} and season = ${r.season} and player_id = ${r.player_id} and scenario = ${r.scenario}`;
  const below =
    grain === 'd'
      ? sql`select 1 as results, overall as overall_sum, id as best_id, overall as best_overall, politeness as best_politeness, accuracy as best_accuracy, judgment as best_judgment, played_at as best_played_at
            from results where ${key} and played_at >= ${start} and played_at < ${start + DAY_MS} and removed_at is null`
      : grain === 'm'
        ? sql`select results, overall_sum, best_id, best_overall, best_politeness, best_accuracy, best_judgment, best_played_at from bests where ${key} and grain = 'd' and start >= ${start} and start < ${monthStart(start, 1)}`
        : sql`select results, overall_sum, best_id, best_overall, best_politeness, best_accuracy, best_judgment, best_played_at from bests where ${key} and grain = 'm'`;
  const { rows } = await sql<{ results: number; overall_sum: number; best_id: number; best_overall: number; best_politeness: number; best_accuracy: number; best_judgment: number; best_played_at: number }>`
    select b.*, t.total, t.total_sum from (select * from (${below}) x order by best_overall desc, best_played_at asc, best_id asc limit 1) b
    cross join (select sum(results) as total, sum(overall_sum) as total_sum from (${below}) y) t`.execute(db);
  await sql`delete from bests where ${key} and grain = ${grain} and start = ${start}`.execute(db);
  const b = rows[0] as (typeof rows)[number] & { total: number; total_sum: number } | undefined;
  if (!b) return;
  await sql`
    insert into bests (team_id, season, grain, start, player_id, scenario, results, overall_sum, best_id, best_overall, best_politeness, best_accuracy, best_judgment, best_played_at)
    values (${r.team_id}, ${r.season}, ${grain}, ${start}, ${r.player_id}, ${r.scenario}, ${Number(b.total)}, ${Number(b.total_sum)}, ${Number(b.best_id)}, ${Number(b.best_overall)}, ${Number(b.best_politeness)}, ${Number(b.best_accuracy)}, ${Number(b.best_judgment)}, ${Number(b.best_played_at)})`.execute(db);
}

/**
 * After a result was removed (`delta` −1) or restored (+1) in the same transaction: its buckets
 * are rebuilt from below (a removed best falls back to the next best) and its day's count moves.
 */
export async function refreshBests(db: Kysely<any>, dialect: Dialect, r: BestSource, delta: 1 | -1): Promise<void> {
  await lockPlayers(db, dialect, [[r.team_id, r.player_id]]);
  for (const [grain, start] of bucketsOf(r.played_at)) await rebuildBucket(db, r, grain, start);
  await sql`
    update team_days set results = results + ${delta}, overall_sum = overall_sum + ${delta * r.overall}
    where team_id = ${r.team_id} and season = ${r.season} and day = ${dayStart(r.played_at)} and scenario = ${r.scenario}`.execute(db);
  if (delta < 0) await sql`delete from team_days where team_id = ${r.team_id} and season = ${r.season} and day = ${dayStart(r.played_at)} and scenario = ${r.scenario} and results <= 0`.execute(db);
  else
    await sql`
      insert into team_days (team_id, season, scenario, day, results, overall_sum)
      select ${r.team_id}, ${r.season}, ${r.scenario}, ${dayStart(r.played_at)}, 1, ${r.overall}
      where not exists (select 1 from team_days where team_id = ${r.team_id} and season = ${r.season} and day = ${dayStart(r.played_at)} and scenario = ${r.scenario})`.execute(db);
}

export interface BestsFilter {
  teamId: number;
  season: number | null;
  since: number;
  scenario: string | null;
}

/** The disjoint parts that make up [since, ∞) for one filter, as one union of rows shaped like bests. */
export function periodParts(f: BestsFilter) {
  const season = f.season === null ? sql`` : sql`and season = ${f.season}`;
  const scenario = f.scenario === null ? sql`` : sql`and scenario = ${f.scenario}`;
  const cols = sql`player_id, scenario, results, overall_sum, best_id, best_overall, best_politeness, best_accuracy, best_judgment, best_played_at`;
  const from = sql`from bests where team_id = ${f.teamId} ${season} ${scenario}`;
  if (f.since <= 0) return sql`select ${cols} ${from} and grain = 't'`;
  const d0 = Math.ceil(f.since / DAY_MS) * DAY_MS;
  const m0 = monthStart(d0) === d0 ? d0 : monthStart(d0, 1);
  const parts = [sql`select ${cols} ${from} and grain = 'd' and start >= ${d0} and start < ${m0}`, sql`select ${cols} ${from} and grain = 'm' and start >= ${m0}`];
  if (f.since < d0) {
    parts.push(sql`
      select player_id, scenario, 1, overall, id, overall, politeness, accuracy, judgment, played_at
      from results where team_id = ${f.teamId} ${season} ${scenario} and played_at >= ${f.since} and played_at < ${d0} and removed_at is null`);
  }
  return sql.join(parts, sql` union all `);
}
