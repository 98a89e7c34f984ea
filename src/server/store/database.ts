// Opens the store's database: a SQLite file in DATA_DIR (WAL, fully synced commits) by default,
// PostgreSQL when a URL is given. Migrates before anything else runs.
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { makeDataDir, ownerOnly } from '../dataFiles.js';
import { migrationProvider, type Dialect } from './migrations.js';
import type { Database } from './schema.js';

export interface DatabaseConfig {
  /** postgres://… to use PostgreSQL; otherwise SQLite in `dataDir`. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /** Connections in the PostgreSQL pool (default 10). */
  readonly poolSize?: number;
}

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data is, for the start-up message (the password left out). */
  readonly where: string;
}

// int8 (counts, ids, times) and numeric (averages) arrive from pg as strings; every value we
// store fits a double exactly.
const NUMERIC_OIDS = new Set([20, 1700]);
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_OIDS.has(oid) ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL';
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  let opened: OpenDatabase;
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10, types: pgTypes });
    opened = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', where: redact(config.databaseUrl) };
  } else {
    makeDataDir(config.dataDir);
    const file = join(config.dataDir, 'holdtheline.sqlite');
    // Owner-only (0600): SQLite gives its -wal and -shm files the mode of the database file. One
    // made by an older version is made owner-only too, with the -wal and -shm it left.
    closeSync(openSync(file, 'a', 0o600));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) ownerOnly(f);
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    // A success answer means the result survives a crash of the machine, not only of the process.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    opened = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite', where: file };
  }
  // Kysely looks for its own tables in every schema unless told which: name ours, so another
  // schema's migration tables in the same database are never taken for these.
  const schema = opened.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(opened.db)).rows[0]?.s : undefined;
  const migrator = new Migrator({ db: opened.db, provider: migrationProvider(opened.dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await opened.db.destroy();
    const why = error instanceof Error ? error.message : String(error ?? failed?.migrationName);
    throw new Error(`the database at ${opened.where} could not be migrated: ${why}`);
  }
  return opened;
}
