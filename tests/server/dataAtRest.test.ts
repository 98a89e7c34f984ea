// What the server leaves on disk and in its database, against the real server on SQLite and (with
// TEST_DATABASE_URL) PostgreSQL: the trainer token made on first start is stored only as its hash;
// a plain one an older version stored is hashed by the migration and still opens the trainer's
// pages; names stored before get their look-alike key (the first of two look-alikes keeps it);
// DATA_DIR is made 0700, and the SQLite file, its -wal and -shm and the token file are 0600 (also
// ones an older version left readable by others).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationProvider, type Dialect } from '../../src/server/store/migrations.js';
import { sha256 } from '../../src/server/store/store.js';
import { startServer, type TestServer } from '../support/server.js';
import { call, serverBackends } from './support.js';

const HARDENING = '0008-names-trainer-hash-rate-limits';
const OLD_TOKEN = 'old-plain-trainer-token-0123456789';
const mode = (path: string) => statSync(path).mode & 0o777;

const temp = mkdtempSync(join(tmpdir(), 'htl-at-rest-'));
const servers: TestServer[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const s of servers) await s.dispose();
  for (const d of drops) await d();
  rmSync(temp, { recursive: true, force: true });
});

/** The database as an older version left it: migrated up to before HARDENING, with a plain trainer token and two look-alike names. */
async function olderDatabase(dialect: Dialect, db: Kysely<any>): Promise<void> {
  const names = Object.keys(await migrationProvider(dialect).getMigrations()).sort();
  const before = names[names.indexOf(HARDENING) - 1]!;
  const { error } = await new Migrator({ db, provider: migrationProvider(dialect) }).migrateTo(before);
  if (error) throw error;
  await db.insertInto('settings').values({ key: 'trainer_token', value: OLD_TOKEN }).execute();
  const team = await db.insertInto('teams').values({ name: 'Old', code: 'OLDTEAM2', season: 1, created_at: 1 }).returning('id').executeTakeFirstOrThrow();
  for (const [i, name] of ['Victor', 'V\u0456ctor'].entries()) {
    await db.insertInto('players').values({ team_id: team.id, name, name_key: name.toLowerCase(), token_hash: `old-${i}`, created_at: 1 }).execute();
  }
}

async function settingsAndPlayers(db: Kysely<any>) {
  const settings = await db.selectFrom('settings').selectAll().orderBy('key').execute();
  const players = await db.selectFrom('players').select(['name', 'name_skeleton']).orderBy('id').execute();
  return { settings, players };
}

describe('on SQLite', () => {
  it('makes DATA_DIR 0700 and its files 0600, and keeps only the hash of the trainer token it makes', async () => {
    const dataDir = join(temp, 'new', 'data');
    const s = await startServer({ dataDir, trainerToken: null });
    servers.push(s);
    const token = /trainer token \(new[^)]*\): (\S+)/.exec(s.output())?.[1];
    expect(token).toBeTruthy();
    expect((await call(s.url, 'POST', '/api/teams', { name: 'T' }, { authorization: `Bearer ${token}` })).status).toBe(201);
    const file = join(dataDir, 'holdtheline.sqlite');
    expect(mode(dataDir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`, join(dataDir, 'trainer-token')]) {
      expect(existsSync(f), f).toBe(true);
      expect(mode(f), f).toBe(0o600);
    }
    const db = new BetterSqlite3(file, { readonly: true });
    const settings = db.prepare('select key, value from settings').all() as { key: string; value: string }[];
    db.close();
    expect(settings).toEqual([{ key: 'trainer_token_hash', value: `sha256:${sha256(token!)}` }]);
    expect(readFileSync(file).includes(token!)).toBe(false);
    // Files an older version left readable by others are made owner-only at the next start.
    await s.stop();
    for (const f of [file, join(dataDir, 'trainer-token')]) chmodSync(f, 0o644);
    await s.restart();
    // (restart() may answer on the first start's line: wait for the second.)
    await expect.poll(() => s.output().match(/is serving on/g)?.length, { timeout: 60_000 }).toBe(2);
    for (const f of [file, join(dataDir, 'trainer-token')]) expect(mode(f), f).toBe(0o600);
    expect(s.output()).toContain(`trainer token: in ${join(dataDir, 'trainer-token')}`);
    expect((await call(s.url, 'GET', '/api/teams', undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe.each(serverBackends())('an older database on $name', ({ name, setup }) => {
  it('has its plain trainer token hashed, still accepted, and its names given look-alike keys', async () => {
    const backend = await setup();
    if (backend.drop) drops.push(backend.drop);
    const dataDir = join(temp, `older-${name}`);
    let db: Kysely<any>;
    if (backend.databaseUrl) {
      db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: backend.databaseUrl, max: 2 }) }) });
    } else {
      mkdirSync(dataDir);
      db = new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dataDir, 'holdtheline.sqlite')) }) });
    }
    await olderDatabase(name === 'postgres' ? 'postgres' : 'sqlite', db);
    await db.destroy();

    const s = await startServer({ dataDir, trainerToken: null, ...(backend.databaseUrl ? { databaseUrl: backend.databaseUrl } : {}) });
    servers.push(s);
    expect(s.output()).not.toMatch(/trainer token \(new/);
    expect(s.output()).toContain('the store keeps only its hash');
    expect((await call(s.url, 'GET', '/api/teams', undefined, { authorization: `Bearer ${OLD_TOKEN}` })).status).toBe(200);
    expect((await call(s.url, 'GET', '/api/teams', undefined, { authorization: 'Bearer not-the-token' })).status).toBe(403);

    db = backend.databaseUrl
      ? new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: backend.databaseUrl, max: 2 }) }) })
      : new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dataDir, 'holdtheline.sqlite'), { readonly: true }) }) });
    const after = await settingsAndPlayers(db);
    await db.destroy();
    expect(after.settings).toEqual([{ key: 'trainer_token_hash', value: `sha256:${sha256(OLD_TOKEN)}` }]);
    expect(after.players).toEqual([
      { name: 'Victor', name_skeleton: 'victor' },
      { name: 'V\u0456ctor', name_skeleton: null },
    ]);
    // A third look-alike (a Cyrillic о) is refused, naming the first.
    const lookalike = await call(s.url, 'POST', '/api/join', { code: 'OLDTEAM2', name: 'Vict\u043Er' });
    expect([lookalike.status, lookalike.body.error.code, lookalike.body.error.existing]).toEqual([409, 'name-confusable', 'Victor']);
  });
});
