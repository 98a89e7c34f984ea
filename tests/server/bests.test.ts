// The bests kept on write are exact: for random inserts (one at a time and batched), removals and
// a trainer's restores, around day and month boundaries, with equal scores and equal times, every
// period (from 0, a whole day, a month start, any instant), season and call answers what a
// brute-force pass over the raw results gives. On SQLite and PostgreSQL (TEST_DATABASE_URL), with
// a fixed seed. Also: the migration fills the bests from results stored before it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/store/database.js';
import { migrationProvider } from '../../src/server/store/migrations.js';
import type { Database } from '../../src/server/store/schema.js';
import { Store, type BoardFilter, type Player, type NewResult, type PlayerCallBest } from '../../src/server/store/store.js';
import { freshPgSchema, TEST_PG } from './support.js';

const DAY = 86_400_000;
// Mid-afternoon on the last day of February in a leap year: days and a month boundary either side.
const BASE = Date.UTC(2024, 1, 29, 15, 0);
const CALLS = ['a', 'b', 'c'];

interface Backend {
  name: string;
  open(): Promise<Store>;
}
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});
const backends: Backend[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'htl-bests-'));
      const o = await openDatabase({ dataDir: dir });
      const s = new Store(o.db, o.dialect);
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => s.close());
      return s;
    },
  },
];
if (TEST_PG) {
  backends.push({
    name: 'postgres',
    async open() {
      const schema = await freshPgSchema();
      const o = await openDatabase({ dataDir: '', databaseUrl: schema.url });
      const s = new Store(o.db, o.dialect);
      cleanups.push(schema.drop, () => s.close());
      return s;
    },
  });
}

interface Stored {
  id: number;
  player_id: number;
  player_name: string;
  season: number;
  scenario: string;
  overall: number;
  politeness: number;
  accuracy: number;
  judgment: number;
  played_at: number;
  removed: boolean;
}

/** The oracle: each player's best per call straight from the raw results. */
function bruteForce(rows: readonly Stored[], f: BoardFilter): PlayerCallBest[] {
  const by = new Map<string, Stored[]>();
  for (const r of rows) {
    if (r.removed || r.played_at < f.since || (f.season !== null && r.season !== f.season) || (f.scenario !== null && r.scenario !== f.scenario)) continue;
    const k = `${r.player_id}|${r.scenario}`;
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  return [...by.values()].map((rs) => {
    const b = [...rs].sort((x, y) => y.overall - x.overall || x.played_at - y.played_at || x.id - y.id)[0]!;
    return {
      player_id: b.player_id,
      player_name: b.player_name,
      scenario: b.scenario,
      results: rs.length,
      overall_sum: rs.reduce((n, r) => n + r.overall, 0),
      best_id: b.id,
      best_overall: b.overall,
      best_politeness: b.politeness,
      best_accuracy: b.accuracy,
      best_judgment: b.judgment,
      best_played_at: b.played_at,
      // Stored here with neither mark (src/server/playedOnce.ts, plausibility.ts).
      best_offline: false,
      best_flagged: false,
    };
  });
}

function bruteDays(rows: readonly Stored[], f: BoardFilter): { day: number; results: number; overall_sum: number }[] {
  const by = new Map<number, { day: number; results: number; overall_sum: number }>();
  const d0 = Math.ceil(f.since / DAY) * DAY;
  for (const r of rows) {
    if (r.removed || r.played_at < f.since || (f.season !== null && r.season !== f.season) || (f.scenario !== null && r.scenario !== f.scenario)) continue;
    const day = r.played_at < d0 ? f.since : Math.floor(r.played_at / DAY) * DAY;
    const d = by.get(day) ?? { day, results: 0, overall_sum: 0 };
    d.results += 1;
    d.overall_sum += r.overall;
    by.set(day, d);
  }
  return [...by.values()].sort((a, b) => a.day - b.day);
}

const order = (xs: PlayerCallBest[]) => [...xs].sort((a, b) => a.player_id - b.player_id || a.scenario.localeCompare(b.scenario));

// Times near BASE: anywhere within ±40 days, exactly at a midnight, or a millisecond before one.
const instant = fc.oneof(
  fc.integer({ min: -40 * DAY, max: 40 * DAY }).map((o) => BASE + o),
  fc.integer({ min: -40, max: 40 }).map((k) => Math.floor(BASE / DAY) * DAY + k * DAY),
  fc.integer({ min: -40, max: 40 }).map((k) => Math.floor(BASE / DAY) * DAY + k * DAY - 1),
  fc.constantFrom(Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1), Date.UTC(2024, 3, 1)),
);
const newResult = fc.record({
  player: fc.nat({ max: 2 }),
  scenario: fc.constantFrom(...CALLS),
  season: fc.constantFrom<number>(1, 1, 2),
  overall: fc.constantFrom<number>(40, 60, 60, 80, 100),
  politeness: fc.nat({ max: 100 }),
  accuracy: fc.nat({ max: 100 }),
  judgment: fc.nat({ max: 100 }),
  at: fc.oneof(instant, fc.constant(BASE)),
});
type New = typeof newResult extends fc.Arbitrary<infer T> ? T : never;
const command = fc.oneof(
  { weight: 4, arbitrary: newResult.map((r) => ({ kind: 'insert' as const, r })) },
  { weight: 2, arbitrary: fc.array(newResult, { minLength: 1, maxLength: 6 }).map((rs) => ({ kind: 'many' as const, rs })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'remove' as const, pick })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'restore' as const, pick })) },
);
const query = fc.record({ since: fc.oneof(fc.constant(0), instant), season: fc.constantFrom<number | null>(1, 2, null), scenario: fc.constantFrom<string | null>(null, null, 'a') });

let seq = 0;
function row(teamId: number, playerId: number, r: New): NewResult {
  return {
    team_id: teamId,
    player_id: playerId,
    season: r.season,
    idem_key: `bests-${++seq}-${teamId}`,
    body_hash: 'h',
    scenario: r.scenario,
    locale: 'en',
    hash: 'x'.repeat(64),
    title: r.scenario,
    politeness: r.politeness,
    accuracy: r.accuracy,
    judgment: r.judgment,
    overall: r.overall,
    grade: 'C',
    outcome: 'retained',
    ideal: 0,
    turns: 4,
    elapsed_ms: 1000,
    played_at: r.at,
    received_at: r.at,
    transcript: '{}',
  };
}

describe.each(backends)('bests on $name', (backend) => {
  it('answer every period exactly as the raw results do, through inserts, removals and restores', async () => {
    const store = await backend.open();
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 25 }), fc.array(query, { minLength: 4, maxLength: 8 }), async (commands, queries) => {
        const team = await store.createTeam('Prop');
        const players: Player[] = [];
        for (const name of ['P0', 'P1', 'P2']) players.push((await store.addPlayer(team.id, name)).player);
        const model: Stored[] = [];
        const keep = (id: number, pl: number, r: New) => model.push({ id, player_id: players[pl]!.id, player_name: players[pl]!.name, season: r.season, scenario: r.scenario, overall: r.overall, politeness: r.politeness, accuracy: r.accuracy, judgment: r.judgment, played_at: r.at, removed: false });
        for (const c of commands) {
          if (c.kind === 'insert') {
            const { row: stored } = await store.insertResult(row(team.id, players[c.r.player]!.id, c.r), players[c.r.player]!.name);
            keep(stored.id, c.r.player, c.r);
          } else if (c.kind === 'many') {
            const ids = await store.insertMany(c.rs.map((r) => row(team.id, players[r.player]!.id, r)));
            c.rs.forEach((r, i) => keep(ids[i]!, r.player, r));
          } else {
            const pool = model.filter((m) => m.removed === (c.kind === 'restore'));
            if (pool.length === 0) continue;
            const m = pool[c.pick % pool.length]!;
            if (c.kind === 'remove') expect(await store.removeResult(team.id, m.id)).toBe(true);
            else expect(await store.restoreResult(team.id, m.id)).toBe(true);
            m.removed = c.kind === 'remove';
          }
        }
        for (const q of [{ since: 0, season: 1, scenario: null }, { since: Date.UTC(2024, 2, 1), season: null, scenario: null }, ...queries]) {
          const f: BoardFilter = { teamId: team.id, ...q };
          expect(order(await store.playerCallBests(f)), JSON.stringify(f)).toEqual(order(bruteForce(model, f)));
          // The trend's days: every result once, in its UTC day (the partial first day at `since`).
          expect(await store.teamDays(f), `days ${JSON.stringify(f)}`).toEqual(bruteDays(model, f));
        }
      }),
      { seed: 1414, numRuns: backend.name === 'sqlite' ? 60 : 30 },
    );
  }, 240_000);

  it('say when there is nothing to remove or restore, and keep other teams apart', async () => {
    const store = await backend.open();
    const a = await store.createTeam('A');
    const b = await store.createTeam('B');
    const { player } = await store.addPlayer(a.id, 'Ann');
    const [id] = await store.insertMany([row(a.id, player.id, { player: 0, scenario: 'a', season: 1, overall: 70, politeness: 1, accuracy: 2, judgment: 3, at: BASE })]);
    expect(await store.removeResult(b.id, id!)).toBe(false);
    expect(await store.restoreResult(b.id, id!)).toBe(false);
    expect(await store.restoreResult(a.id, id!)).toBe(true); // not removed: stays as it is
    expect(await store.removeResult(a.id, id!)).toBe(true);
    expect(await store.removeResult(a.id, id!)).toBe(false);
    expect(await store.playerCallBests({ teamId: a.id, season: 1, since: 0, scenario: null })).toEqual([]);
    expect(await store.restoreResult(a.id, id!)).toBe(true);
    expect(await store.playerCallBests({ teamId: a.id, season: 1, since: 0, scenario: null })).toMatchObject([{ best_id: id, results: 1 }]);
    expect(await store.playerCallBests({ teamId: b.id, season: 1, since: 0, scenario: null })).toEqual([]);
  });
});

describe('the bests migration', () => {
  it('fills the bests from the results stored before it (SQLite)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'htl-bests-mig-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // A database as it was before the bests: migrated to 0003 only, results written directly.
    const oldDb = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dir, 'holdtheline.sqlite')) }) });
    const migrated = await new Migrator({ db: oldDb, provider: migrationProvider('sqlite') }).migrateTo('0003-previous-meeting');
    expect(migrated.error).toBeUndefined();
    const old = { db: oldDb };
    const s = new Store(oldDb, 'sqlite');
    const team = await s.createTeam('Old');
    // Written as that schema had players (today's Store writes columns of later migrations).
    const player = await oldDb.insertInto('players').values({ team_id: team.id, name: 'Old timer', name_key: 'old timer', token_hash: 'h'.repeat(64), created_at: BASE } as never).returningAll().executeTakeFirstOrThrow();
    const rs = [70, 90, 90, 50].map((overall, i) => row(team.id, player.id, { player: 0, scenario: i === 3 ? 'b' : 'a', season: 1, overall, politeness: i, accuracy: i, judgment: i, at: BASE + i * DAY }));
    await old.db.insertInto('results').values(rs).execute();
    await old.db.updateTable('results').set({ removed_at: BASE }).where('overall', '=', 50).execute();
    await s.close();
    const now = await openDatabase({ dataDir: dir });
    const store = new Store(now.db, now.dialect);
    cleanups.push(() => store.close());
    const ids = (await now.db.selectFrom('results').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    expect(await store.playerCallBests({ teamId: team.id, season: 1, since: 0, scenario: null })).toMatchObject([{ scenario: 'a', results: 3, overall_sum: 250, best_id: ids[1], best_overall: 90 }]);
    expect(await store.playerCallBests({ teamId: team.id, season: 1, since: BASE + 2 * DAY - 1, scenario: null })).toMatchObject([{ results: 1, best_id: ids[2] }]);
  });
});
