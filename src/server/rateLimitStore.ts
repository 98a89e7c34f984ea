// A store for @fastify/rate-limit in the database, so several instances on one PostgreSQL count
// each client's requests together: one row per limit and key (rate_limits), counted up in one
// upsert by the database's clock, a fixed window like the plugin's own store. Rows of windows long
// over are deleted now and then. (SQLite is one instance: it keeps the plugin's store in memory.)
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { Database } from './store/schema.js';

/** Every this many counts, one sweep of rows whose window ended. */
const SWEEP_EVERY = 1000;

type Counted = (error: Error | null, result?: { current: number; ttl: number }) => void;

class DatabaseRateLimitStore implements FastifyRateLimitStore {
  private counted = 0;

  constructor(
    private readonly db: Kysely<Database>,
    /** Keeps one route's own limit (a route's `config.rateLimit`) apart from the others. */
    private readonly prefix: string,
  ) {}

  incr(key: string, done: Counted, timeWindow: number): void {
    this.count(`${this.prefix}${key}`, timeWindow).then(
      (r) => done(null, r),
      (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
    );
  }

  private async count(key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const now = sql<number>`(extract(epoch from statement_timestamp()) * 1000)::bigint`;
    // The new row's reset_at is now + window, so `excluded.reset_at - window` is now.
    const { rows } = await sql<{ hits: number; ttl: number }>`
      insert into rate_limits as r (key, hits, reset_at) values (${key}, 1, ${now} + ${windowMs})
      on conflict (key) do update set
        hits = case when r.reset_at <= excluded.reset_at - ${windowMs} then 1 else r.hits + 1 end,
        reset_at = case when r.reset_at <= excluded.reset_at - ${windowMs} then excluded.reset_at else r.reset_at end
      returning hits, reset_at - ${now} as ttl`.execute(this.db);
    if (++this.counted % SWEEP_EVERY === 0) void sql`delete from rate_limits where reset_at < ${now}`.execute(this.db).catch(() => undefined);
    const row = rows[0]!;
    return { current: Number(row.hits), ttl: Math.max(0, Number(row.ttl)) };
  }

  /** Called with the limit's options, whose `routeInfo` is the route that has a limit of its own (empty for app.createRateLimit). */
  child(options: object): FastifyRateLimitStore {
    const info = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
    const route = info?.url ? `${[info.method ?? ''].flat().join(',')} ${info.url}|` : '';
    return new DatabaseRateLimitStore(this.db, `${this.prefix}${route}`);
  }
}

/** The plugin's `store` option: a class it makes with its options (none of which it needs). */
export function databaseRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  return class extends DatabaseRateLimitStore {
    constructor() {
      super(db, '');
    }
  };
}
