// Every read and write of the server's data, in one place, the same on SQLite and PostgreSQL.
// Callers get plain rows; ranking and shaping for the API happen in the routes' helpers.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { nameSkeleton } from '../names.js';
import { addToBests, BEST_SOURCE_COLUMNS, DAY_MS, periodParts, refreshBests } from './bests.js';
import type { Dialect } from './migrations.js';
import type { BestsTable, Database, ResultsTable } from './schema.js';
import { useTicket } from './tickets.js';

export type Team = Selectable<Database['teams']>;
export type Player = Selectable<Database['players']>;
export type ResultRow = Selectable<ResultsTable> & { player_name: string };
export type NewResult = Omit<Insertable<ResultsTable>, 'id' | 'removed_at'>;

/** One player's results on one call in a period: what the boards are ranked from (src/server/board.ts). */
export type PlayerCallBest = Omit<BestsTable, 'team_id' | 'season' | 'grain' | 'start'> & {
  player_name: string;
  /** The best result was played offline (no ticket). */
  best_offline?: boolean;
  /** The best result is flagged as faster than a person reads and no trainer has cleared it yet. */
  best_flagged?: boolean;
};

/** PostgreSQL's bigint and numeric arrive as numbers (database.ts), SQLite's as numbers: made sure of here. */
function numericBest(r: PlayerCallBest): PlayerCallBest {
  return {
    player_id: Number(r.player_id),
    player_name: r.player_name,
    scenario: r.scenario,
    results: Number(r.results),
    overall_sum: Number(r.overall_sum),
    best_id: Number(r.best_id),
    best_overall: Number(r.best_overall),
    best_politeness: Number(r.best_politeness),
    best_accuracy: Number(r.best_accuracy),
    best_judgment: Number(r.best_judgment),
    best_played_at: Number(r.best_played_at),
    best_offline: Number(r.best_offline) === 1,
    best_flagged: Number(r.best_flagged) === 1,
  };
}

export interface BoardFilter {
  teamId: number;
  /** One season, or null for every season. */
  season: number | null;
  /** ms; 0 for the whole season. */
  since: number;
  scenario: string | null;
}

// No 0/O, 1/I/L: read aloud and typed from a projector without mistakes.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

export function newJoinCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** What people type: any case, spaces or dashes between groups. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Names compared for uniqueness: same letters in any case and spacing are the same name. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

export class NameTakenError extends Error {}

/** The team has a result with this content already (`resultId`): a call counts once. */
export class AlreadyPlayedError extends Error {
  constructor(readonly resultId: number) {
    super(`result ${resultId} has this content`);
  }
}

/** The ticket was used for another result a moment ago. */
export class TicketUsedError extends Error {}

/** The end of the queue of SQLite transactions in this process (Store.tx). */
let sqliteTurn: Promise<void> = Promise.resolve();

/** `and season = n` in raw SQL, or nothing for every season. */
const seasonIs = (f: BoardFilter) => (f.season === null ? sql`` : sql`and season = ${f.season}`);

export class Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  /**
   * A transaction. On SQLite one at a time in this process: better-sqlite3 waits for a lock by
   * blocking the thread, so two connections to one file (tests open several stores) interleaving
   * their transactions would wait on each other forever.
   */
  private tx<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    if (this.dialect !== 'sqlite') return this.db.transaction().execute(fn);
    const run = sqliteTurn.then(() => this.db.transaction().execute(fn));
    sqliteTurn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  // ---- settings

  async setting(key: string): Promise<string | null> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  }

  /** Stores the value unless one is there already; returns the value that is there now. */
  async settingOnce(key: string, value: string): Promise<string> {
    await this.db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
    return (await this.setting(key))!;
  }

  // ---- teams and players

  async createTeam(name: string, now = Date.now()): Promise<Team> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.insertInto('teams').values({ name, code: newJoinCode(), season: 1, created_at: now }).returningAll().executeTakeFirstOrThrow();
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= 5) throw e;
      }
    }
  }

  listTeams(): Promise<Team[]> {
    return this.db.selectFrom('teams').selectAll().orderBy('id').execute();
  }

  async teamByCode(code: string): Promise<Team | null> {
    return (await this.db.selectFrom('teams').selectAll().where('code', '=', normalizeCode(code)).executeTakeFirst()) ?? null;
  }

  async renameTeam(teamId: number, name: string): Promise<Team> {
    return this.db.updateTable('teams').set({ name }).where('id', '=', teamId).returningAll().executeTakeFirstOrThrow();
  }

  async newSeason(teamId: number): Promise<Team> {
    return this.db
      .updateTable('teams')
      .set((eb) => ({ season: eb('season', '+', 1) }))
      .where('id', '=', teamId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** By the token of joining, or of a device signed in with the personal code (player_tokens). */
  async playerByToken(teamId: number, token: string): Promise<Player | null> {
    const hash = sha256(token);
    const device = this.db.selectFrom('player_tokens').select('player_id').where('token_hash', '=', hash);
    return (await this.db.selectFrom('players').selectAll().where('team_id', '=', teamId).where((eb) => eb.or([eb('token_hash', '=', hash), eb('id', 'in', device)])).executeTakeFirst()) ?? null;
  }

  async player(teamId: number, playerId: number): Promise<Player | null> {
    return (await this.db.selectFrom('players').selectAll().where('team_id', '=', teamId).where('id', '=', playerId).executeTakeFirst()) ?? null;
  }

  /** A new player with a new token; throws NameTakenError if the team has that name already. */
  async addPlayer(teamId: number, name: string, now = Date.now()): Promise<{ player: Player; token: string }> {
    const token = newToken();
    try {
      const player = await this.db
        .insertInto('players')
        .values({ team_id: teamId, name, name_key: nameKey(name), name_skeleton: nameSkeleton(name), token_hash: sha256(token), created_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { player, token };
    } catch (e) {
      if (isUniqueViolation(e)) throw new NameTakenError(name);
      throw e;
    }
  }

  async renamePlayer(teamId: number, playerId: number, name: string): Promise<Player | null> {
    try {
      return (await this.db.updateTable('players').set({ name, name_key: nameKey(name), name_skeleton: nameSkeleton(name) }).where('team_id', '=', teamId).where('id', '=', playerId).returningAll().executeTakeFirst()) ?? null;
    } catch (e) {
      if (isUniqueViolation(e)) throw new NameTakenError(name);
      throw e;
    }
  }

  // ---- scenario versions

  async rememberScenario(v: { hash: string; id: string; locale: string; title: string; text: string }, now = Date.now()): Promise<void> {
    await this.db.insertInto('scenario_versions').values({ ...v, seen_at: now }).onConflict((oc) => oc.column('hash').doNothing()).execute();
  }

  async scenarioVersion(hash: string): Promise<Selectable<Database['scenario_versions']> | null> {
    return (await this.db.selectFrom('scenario_versions').selectAll().where('hash', '=', hash).executeTakeFirst()) ?? null;
  }

  /** Every version seen (without the text). */
  scenarioIndex(): Promise<{ hash: string; id: string; locale: string; title: string; seen_at: number }[]> {
    return this.db.selectFrom('scenario_versions').select(['hash', 'id', 'locale', 'title', 'seen_at']).orderBy('seen_at').execute();
  }

  // ---- results

  private resultQuery() {
    return this.db.selectFrom('results').innerJoin('players', 'players.id', 'results.player_id').selectAll('results').select('players.name as player_name');
  }

  /** The team's result with this content (src/server/playedOnce.ts), removed ones too. */
  async resultByContent(teamId: number, contentHash: string): Promise<{ id: number } | null> {
    return (await this.db.selectFrom('results').select('id').where('team_id', '=', teamId).where('content_hash', '=', contentHash).executeTakeFirst()) ?? null;
  }

  async resultByKey(key: string): Promise<ResultRow | null> {
    return (await this.resultQuery().where('results.idem_key', '=', key).executeTakeFirst()) ?? null;
  }

  /**
   * Stores a result once per idempotency key: a second insert with the same key writes nothing
   * and returns the row stored first. The team keeps each content once (content_hash): another
   * key with the same content throws AlreadyPlayedError. With a ticket, the ticket is used in the
   * same transaction; a ticket used already throws TicketUsedError and stores nothing.
   */
  async insertResult(r: NewResult, playerName: string, ticket: string | null = null): Promise<{ row: ResultRow; duplicate: boolean }> {
    let inserted: Selectable<ResultsTable> | undefined;
    try {
      inserted = await this.tx(async (trx) => {
        const row = await trx.insertInto('results').values(r).onConflict((oc) => oc.column('idem_key').doNothing()).returningAll().executeTakeFirst();
        if (row && ticket !== null && !(await useTicket(trx, ticket, row.id, row.received_at))) throw new TicketUsedError(ticket);
        if (row) await addToBests(trx, this.dialect, [row]);
        return row;
      });
    } catch (e) {
      const first = isUniqueViolation(e) && r.content_hash ? await this.resultByContent(r.team_id, r.content_hash) : null;
      if (first) throw new AlreadyPlayedError(first.id);
      throw e;
    }
    if (inserted) return { row: { ...inserted, player_name: playerName }, duplicate: false };
    const row = await this.resultByKey(r.idem_key);
    if (!row) throw new Error(`result ${r.idem_key} conflicted but cannot be found`);
    return { row, duplicate: true };
  }

  /**
   * Many results in one transaction, with their bests (benchmark seeding and imports); no
   * idempotency checks. Returns their ids in order.
   */
  async insertMany(rows: readonly NewResult[]): Promise<number[]> {
    if (rows.length === 0) return [];
    return this.tx(async (trx) => {
      const ids: number[] = [];
      // Within both databases' limits on bound parameters per statement.
      for (let i = 0; i < rows.length; i += 1000) {
        const stored = await trx.insertInto('results').values(rows.slice(i, i + 1000)).returning([...BEST_SOURCE_COLUMNS]).execute();
        await addToBests(trx, this.dialect, stored);
        for (const r of stored) ids.push(Number(r.id));
      }
      return ids;
    });
  }

  async result(teamId: number, id: number): Promise<ResultRow | null> {
    return (await this.resultQuery().where('results.team_id', '=', teamId).where('results.id', '=', id).where('results.removed_at', 'is', null).executeTakeFirst()) ?? null;
  }

  /** Takes a result off the boards (kept, marked removed); its bests fall back to the next best. False if there was none to remove. */
  async removeResult(teamId: number, id: number, now = Date.now()): Promise<boolean> {
    return this.tx(async (trx) => {
      const r = await trx.updateTable('results').set({ removed_at: now }).where('team_id', '=', teamId).where('id', '=', id).where('removed_at', 'is', null).returning([...BEST_SOURCE_COLUMNS]).executeTakeFirst();
      if (r) await refreshBests(trx, this.dialect, r, -1);
      return r !== undefined;
    });
  }

  /**
   * Undoes a removal: the result is back on the boards with its bests. True when the team has the
   * result (a result not removed stays as it is), false when it has no such result.
   */
  async restoreResult(teamId: number, id: number): Promise<boolean> {
    return this.tx(async (trx) => {
      const r = await trx.updateTable('results').set({ removed_at: null }).where('team_id', '=', teamId).where('id', '=', id).where('removed_at', 'is not', null).returning([...BEST_SOURCE_COLUMNS]).executeTakeFirst();
      if (r) {
        await refreshBests(trx, this.dialect, r, 1);
        return true;
      }
      return (await trx.selectFrom('results').select('id').where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst()) !== undefined;
    });
  }

  async listResults(f: BoardFilter & { player: number | null; before: number | null; limit: number }): Promise<ResultRow[]> {
    let q = this.resultQuery()
      .where('results.team_id', '=', f.teamId)
      .$if(f.season !== null, (qb) => qb.where('results.season', '=', f.season!))
      .where('results.removed_at', 'is', null)
      .where('results.played_at', '>=', f.since);
    if (f.scenario) q = q.where('results.scenario', '=', f.scenario);
    if (f.player !== null) q = q.where('results.player_id', '=', f.player);
    if (f.before !== null) q = q.where('results.id', '<', f.before);
    return q.orderBy('results.id', 'desc').limit(f.limit).execute();
  }

  /** Every result of a team, every season, removed ones too (marked): the trainer's CSV. */
  allResults(teamId: number): Promise<ResultRow[]> {
    return this.resultQuery().where('results.team_id', '=', teamId).orderBy('results.id').execute();
  }

  /**
   * Per player (not removed) and call in the period: the best attempt (highest overall, the
   * earliest of equals, then the lowest id), the number of attempts and the sum of their overall.
   * Read from the bests kept on write (bests.ts): a few rows per player and call, whatever the period.
   */
  async playerCallBests(f: BoardFilter): Promise<PlayerCallBest[]> {
    const { rows } = await sql<PlayerCallBest>`
      with parts as (${periodParts(f)}),
      ranked as (
        select parts.*,
          row_number() over (partition by player_id, scenario order by best_overall desc, best_played_at asc, best_id asc) as n,
          sum(results) over (partition by player_id, scenario) as total,
          sum(overall_sum) over (partition by player_id, scenario) as total_sum
        from parts
      )
      select r.player_id, p.name as player_name, r.scenario, r.total as results, r.total_sum as overall_sum, r.best_id, r.best_overall,
        r.best_politeness, r.best_accuracy, r.best_judgment, r.best_played_at,
        b.offline as best_offline, case when b.flag is not null and b.flag_cleared_at is null then 1 else 0 end as best_flagged
      from ranked r
      join players p on p.id = r.player_id and p.removed_at is null
      join results b on b.id = r.best_id
      where r.n = 1`.execute(this.db);
    return rows.map(numericBest);
  }

  /**
   * The team's results and sum of overall per UTC day from `since`, read from team_days; the
   * partial first day (since to the next midnight) comes from the results, as one row at `since`.
   */
  async teamDays(f: BoardFilter): Promise<{ day: number; results: number; overall_sum: number }[]> {
    const season = f.season === null ? sql`` : sql`and season = ${f.season}`;
    const scenario = f.scenario ? sql`and scenario = ${f.scenario}` : sql``;
    const d0 = Math.ceil(f.since / DAY_MS) * DAY_MS;
    const partial =
      f.since < d0
        ? sql`union all select ${f.since} as day, count(*) as results, coalesce(sum(overall), 0) as overall_sum from results
              where team_id = ${f.teamId} ${season} ${scenario} and played_at >= ${f.since} and played_at < ${d0} and removed_at is null`
        : sql``;
    const { rows } = await sql<{ day: number; results: number; overall_sum: number }>`
      select day, sum(results) as results, sum(overall_sum) as overall_sum from team_days
      where team_id = ${f.teamId} ${season} ${scenario} and day >= ${d0} group by day
      ${partial}`.execute(this.db);
    return rows.map((r) => ({ day: Number(r.day), results: Number(r.results), overall_sum: Number(r.overall_sum) })).filter((r) => r.results > 0).sort((a, b) => a.day - b.day);
  }

  /** The first UTC day with a result in the filter's season(s) and call (ignoring `since`), or null. */
  async firstDay(f: BoardFilter): Promise<number | null> {
    const season = f.season === null ? sql`` : sql`and season = ${f.season}`;
    const scenario = f.scenario ? sql`and scenario = ${f.scenario}` : sql``;
    const { rows } = await sql<{ day: number | null }>`select min(day) as day from team_days where team_id = ${f.teamId} ${season} ${scenario} and results > 0`.execute(this.db);
    const d = rows[0]?.day;
    return d === null || d === undefined ? null : Number(d);
  }

  /** Results and average overall per bucket of `bucketMs` from `since`. */
  async trend(f: BoardFilter, bucketMs: number): Promise<{ bucket: number; results: number; average: number }[]> {
    const scenario = f.scenario ? sql`and scenario = ${f.scenario}` : sql``;
    const { rows } = await sql<{ bucket: number; results: number; average: number }>`
      select cast((played_at - ${f.since}) / ${bucketMs} as bigint) as bucket, count(*) as results, avg(overall) as average
      from results
      where team_id = ${f.teamId} ${seasonIs(f)} and played_at >= ${f.since} and removed_at is null ${scenario}
      group by 1 order by 1`.execute(this.db);
    return rows.map((r) => ({ bucket: Number(r.bucket), results: Number(r.results), average: Number(r.average) }));
  }

  // ---- meetings

  /**
   * Sets the team's meeting marks if they are still `expected` (another instance may have marked
   * the same meeting a moment ago); returns the team as it is now either way.
   */
  async setMeetingMarks(teamId: number, expected: number | null, marks: { last_meeting_at: number | null; previous_meeting_at: number | null }): Promise<Team> {
    await this.db
      .updateTable('teams')
      .set(marks)
      .where('id', '=', teamId)
      .where('last_meeting_at', expected === null ? 'is' : '=', expected)
      .execute();
    return this.db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirstOrThrow();
  }

  async counts(): Promise<{ results: number; teams: number }> {
    const r = await this.db.selectFrom('results').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const t = await this.db.selectFrom('teams').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { results: Number(r.n), teams: Number(t.n) };
  }
}
