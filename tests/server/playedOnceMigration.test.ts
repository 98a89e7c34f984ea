// Migration 0006 on SQLite and (with TEST_DATABASE_URL) PostgreSQL: results stored before content
// hashes get theirs; of copies stored before (one player's result sent again with new keys, as
// the issue found), the first keeps the hash and the others none, so the team's unique content
// holds from then on; another team's same content is its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/server/playedOnce.js';
import { migrationProvider, type Dialect } from '../../src/server/store/migrations.js';
import { finished, freshPgSchema, loadShipped, TEST_PG } from './support.js';

const firstCall = loadShipped('first-call.json');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const backends: { name: Dialect; open: () => Promise<Kysely<any>> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'htl-played-once-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dir, 'holdtheline.sqlite')) }) });
    },
  },
];
if (TEST_PG) {
  backends.push({
    name: 'postgres',
    open: async () => {
      const s = await freshPgSchema();
      cleanups.push(s.drop);
      return new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: s.url, max: 2 }) }) });
    },
  });
}

describe.each(backends)('the played-once migration on $name', ({ name, open }) => {
  it('hashes the results stored before it, the first of copies only, and keeps content unique per team from then on', async () => {
    const db = await open();
    cleanups.push(() => db.destroy());
    const migrator = new Migrator({ db, provider: migrationProvider(name) });
    expect((await migrator.migrateTo('0005-personal-codes')).error).toBeUndefined();
    const team = async (name: string, code: string) => Number((await db.insertInto('teams').values({ name, code, season: 1, created_at: 0 }).returning('id').executeTakeFirstOrThrow()).id);
    const a = await team('A', 'CODE0000');
    const b = await team('B', 'CODE0001');
    const player = async (team: number, who: string) => (await db.insertInto('players').values({ team_id: team, name: who, name_key: who, token_hash: `h-${who}`, created_at: 0 }).returning('id').executeTakeFirstOrThrow()).id as number;
    const [ann, bob, cy] = [await player(a, 'ann'), await player(a, 'bob'), await player(b, 'cy')];
    const copied = finished(firstCall, { seed: 5 }).transcript;
    const other = finished(firstCall, { seed: 6 }).transcript;
    let n = 0;
    const result = (team: number, who: number, transcript: unknown) => ({
      team_id: team, player_id: who, season: 1, idem_key: `old-${n++}`, body_hash: 'h', scenario: 'first-call', locale: 'en', hash: firstCall.hash, title: 'First call',
      politeness: 80, accuracy: 80, judgment: 80, overall: 80, grade: 'B', outcome: 'retained', ideal: 0, turns: 3, elapsed_ms: 1000, played_at: n, received_at: n, transcript: typeof transcript === 'string' ? transcript : JSON.stringify(transcript),
    });
    await db.insertInto('results').values([result(a, ann, copied), result(a, ann, copied), result(a, bob, copied), result(a, bob, other), result(b, cy, copied), result(a, ann, 'not json')]).execute();

    expect((await migrator.migrateTo('0006-tickets-and-plausibility')).error).toBeUndefined();
    const rows = await db.selectFrom('results').select(['id', 'content_hash', 'offline', 'flag']).orderBy('id').execute();
    expect(rows.map((r) => r.content_hash)).toEqual([contentHash(copied), null, null, contentHash(other), contentHash(copied), null]);
    expect(rows.every((r) => Number(r.offline) === 0 && r.flag === null)).toBe(true);
    // From then on the team's content is unique; another team's same content is its own.
    await expect(db.insertInto('results').values({ ...result(a, bob, copied), content_hash: contentHash(copied) }).execute()).rejects.toThrow();
    await db.insertInto('results').values({ ...result(b, cy, other), content_hash: contentHash(other) }).execute();
  });
});
