// npm run bench -- server: verified submissions per second over real HTTP (each one replayed by
// the engine and stored), and leaderboard query latency (median, p99) with 1,000,000 stored
// results — on SQLite and, when BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL is set,
// PostgreSQL. The million rows go in through the store's insertMany, 5,000 a transaction, which
// keeps the bests as every submission does. The bar: the big team's all-time board under 10 ms p99.
// BENCH_RESULTS changes the number of seeded rows (e.g. 100000 for a quick run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { finished } from '../../tests/server/playCall.js';
import { freshPgSchema, loadShipped } from '../../tests/server/support.js';
import { startServer, TEST_TRAINER_TOKEN } from '../../tests/support/server.js';
import { periodStart } from '../client/api.js';
import { replay } from '../engine/index.js';
import { openDatabase } from '../server/store/database.js';
import { Store, type NewResult } from '../server/store/store.js';

const TOTAL = Number(process.env.BENCH_RESULTS ?? 1_000_000);
const TEAMS = 100;
const PLAYERS_PER_TEAM = 25;
/** Results per insertMany call (one transaction each). */
const BATCH = 5_000;
const SUBMIT_SECONDS = 4;
const CONCURRENCY = 16;
const DAY = 86_400_000;

const scenario = loadShipped('first-call.json');
const plays = [1, 2, 3, 4].map((seed) => finished(scenario, { seed, pick: (turn) => 1 + ((seed + turn) % 2) }).transcript);
const CALLS = ['first-call', 'update-warning', 'bought-elsewhere', 'licence-key', 'wrong-product', 'late-defect', 'vague-refund', 'never-satisfied', 'abusive-caller'];

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/**
 * Teams 1–100 with 25 players each; team 1 holds a tenth of all results (a big team), the rest
 * share the others. Scores, calls and days (over the last year) are spread arithmetically. The
 * results go through the store's own insert path, BATCH at a time, so the bests are kept as
 * they are for every submission.
 */
async function seed(store: Store, now: number): Promise<void> {
  const db = store.db;
  const pgSide = store.dialect === 'postgres';
  const at = sql`cast(${sql.lit(now)} as bigint)`;
  const code = pgSide ? sql`lpad(i::text, 3, '0')` : sql`substr('000' || i, -3, 3)`;
  await sql`insert into teams (id, name, code, season, created_at) select i, 'Bench ' || i, 'BENCH' || ${code}, 1, ${at} from (${pgSide ? sql`select generate_series(1, ${sql.lit(TEAMS)}) as i` : sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${sql.lit(TEAMS)}) select i from n`}) t`.execute(db);
  await sql`insert into players (id, team_id, name, name_key, token_hash, created_at) select i, (i - 1) / ${sql.lit(PLAYERS_PER_TEAM)} + 1, 'Player ' || i, 'player ' || i, 'seed-' || i, ${at} from (${pgSide ? sql`select generate_series(1, ${sql.lit(TEAMS * PLAYERS_PER_TEAM)}) as i` : sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${sql.lit(TEAMS * PLAYERS_PER_TEAM)}) select i from n`}) t`.execute(db);
  if (pgSide) {
    for (const t of ['teams', 'players']) await sql`select setval(pg_get_serial_sequence(${t}, 'id'), (select max(id) from ${sql.table(t)}))`.execute(db);
  }
  const transcript = JSON.stringify(plays[0]);
  for (let from = 0; from < TOTAL; from += BATCH) {
    const rows: NewResult[] = [];
    for (let i = from; i < Math.min(TOTAL, from + BATCH); i++) {
      const team = i % 10 === 0 ? 1 : 2 + (i % (TEAMS - 1));
      const [p, a, j] = [40 + ((i * 13) % 61), 30 + ((i * 17) % 71), 20 + ((i * 23) % 81)];
      const call = CALLS[i % CALLS.length]!;
      rows.push({
        team_id: team,
        player_id: (team - 1) * PLAYERS_PER_TEAM + (Math.floor(i / 7) % PLAYERS_PER_TEAM) + 1,
        season: 1,
        idem_key: `seed-${i}`,
        body_hash: 'seed',
        scenario: call,
        locale: 'en',
        hash: scenario.hash,
        title: call,
        politeness: p,
        accuracy: a,
        judgment: j,
        overall: Math.floor((p + a + j) / 3),
        grade: 'C',
        outcome: 'retained',
        ideal: i % 2,
        turns: 5,
        elapsed_ms: 60_000,
        played_at: now - ((i * 7919) % 365) * DAY - (i % 86_400) * 1000,
        received_at: now,
        transcript,
      });
    }
    await store.insertMany(rows);
    if ((from / BATCH) % 10 === 9 || from + BATCH >= TOTAL) process.stdout.write(`  seeded ${Math.min(TOTAL, from + BATCH).toLocaleString('en')} results\r`);
  }
  process.stdout.write('\n');
  // What autovacuum would do soon after a bulk load: statistics, and PostgreSQL's visibility map
  // (without it index-only scans still visit the table).
  await sql`${sql.raw(pgSide ? 'vacuum analyze' : 'analyze')}`.execute(db);
}

async function timeQueries(base: string, code: string, label: string, path: string, runs: number): Promise<{ label: string; p50: number; p99: number }> {
  const times: number[] = [];
  for (let k = 0; k < runs + 3; k++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/teams/${code}/${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    if (k >= 3) times.push(performance.now() - t); // the first few warm the caches
  }
  return { label, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

async function submissions(base: string): Promise<number> {
  const auth = { authorization: `Bearer ${TEST_TRAINER_TOKEN}`, 'content-type': 'application/json' };
  const team = (await (await fetch(`${base}/api/teams`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Submit bench' }) })).json()) as { code: string };
  const player = (await (await fetch(`${base}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: team.code, name: 'Bench' }) })).json()) as { token: string };
  const headers = { 'content-type': 'application/json', 'x-player-token': player.token };
  let n = 0;
  const end = performance.now() + SUBMIT_SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const i = n++;
        const res = await fetch(`${base}/api/teams/${team.code}/results`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: `bench-${i}-${'x'.repeat(16)}`, transcript: plays[i % plays.length] }) });
        if (res.status !== 201) throw new Error(`submission ${i}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  return n / ((performance.now() - start) / 1000);
}

function replaysPerSecond(): number {
  const t = performance.now();
  let n = 0;
  while (performance.now() - t < 1000) replay(scenario, plays[n++ % plays.length], { requireEnd: true }).session.stop();
  return n / ((performance.now() - t) / 1000);
}

interface Row {
  backend: string;
  seedSeconds: number;
  submitsPerSecond: number;
  queries: { label: string; p50: number; p99: number }[];
}

async function benchBackend(name: string, databaseUrl: string | undefined): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), 'htl-bench-'));
  const schema = databaseUrl ? await freshPgSchema(databaseUrl) : null;
  try {
    const now = Date.now();
    const opened = await openDatabase({ dataDir, databaseUrl: schema?.url });
    const store = new Store(opened.db, opened.dialect);
    const t = performance.now();
    console.log(`${name}: seeding ${TOTAL.toLocaleString('en')} results…`);
    await seed(store, now);
    const seedSeconds = (performance.now() - t) / 1000;
    await store.close();

    const server = await startServer({ dataDir, ...(schema ? { databaseUrl: schema.url } : {}) });
    try {
      const week = periodStart('week')!.toISOString();
      const big = 'BENCH001';
      const typical = 'BENCH042';
      const queries = [];
      for (const [who, code, runs] of [['typical team (~9,000 results)', typical, 200], ['big team (1/10 of all)', big, 200]] as const) {
        queries.push(await timeQueries(server.url, code, `${who}: board, all time`, 'board?period=all', runs));
        queries.push(await timeQueries(server.url, code, `${who}: board, this week`, `board?period=week&since=${encodeURIComponent(week)}`, runs));
        queries.push(await timeQueries(server.url, code, `${who}: board, last 7 days`, 'board?period=last7', runs));
        queries.push(await timeQueries(server.url, code, `${who}: one call's board`, 'board?period=all&scenario=first-call', runs));
        queries.push(await timeQueries(server.url, code, `${who}: trend, all time`, 'trend?period=all', runs));
        queries.push(await timeQueries(server.url, code, `${who}: trend, this week`, `trend?period=week&since=${encodeURIComponent(week)}`, runs));
        queries.push(await timeQueries(server.url, code, `${who}: recent results`, 'results?limit=15', runs));
      }
      const submitsPerSecond = await submissions(server.url);
      return { backend: name, seedSeconds, submitsPerSecond, queries };
    } finally {
      await server.dispose();
    }
  } finally {
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const rows: Row[] = [await benchBackend('sqlite', undefined)];
  if (pgUrl) rows.push(await benchBackend('postgres', pgUrl));
  else console.log('(set BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL to measure PostgreSQL too)');
  const replays = replaysPerSecond();

  console.log(`\n${TOTAL.toLocaleString('en')} stored results in ${TEAMS} teams; latency over HTTP, sequential requests\n`);
  console.log(`| query | ${rows.map((r) => `${r.backend} median ms | ${r.backend} p99 ms`).join(' | ')} |`);
  console.log(`|---|${rows.map(() => '---:|---:').join('|')}|`);
  for (let q = 0; q < rows[0]!.queries.length; q++) {
    console.log(`| ${rows[0]!.queries[q]!.label} | ${rows.map((r) => `${r.queries[q]!.p50.toFixed(1)} | ${r.queries[q]!.p99.toFixed(1)}`).join(' | ')} |`);
  }
  console.log(`\n| backend | seeding s | verified submissions/s (HTTP, ${CONCURRENCY} at once) | as a share of bare engine replays/s (${replays.toFixed(0)}) |`);
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.backend} | ${r.seedSeconds.toFixed(1)} | ${r.submitsPerSecond.toFixed(0)} | ${((100 * r.submitsPerSecond) / replays).toFixed(0)}% |`);
  if (rows.length === 2) console.log(`\npostgres/sqlite submissions: ${(rows[1]!.submitsPerSecond / rows[0]!.submitsPerSecond).toFixed(2)}×`);
}
