// The store on both databases: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. The same
// suite: migrations (also several instances at once), idempotent inserts under concurrency,
// names, settings, and the aggregates the boards are made of.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/store/database.js';
import { markMeeting } from '../../src/server/meetings.js';
import { NameTakenError, Store, type NewResult } from '../../src/server/store/store.js';
import { freshPgSchema, TEST_PG } from './support.js';

interface Backend {
  name: string;
  /** Opens `n` stores on one fresh, empty database at once (like instances starting together). */
  open(n: number): Promise<Store[]>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const backends: Backend[] = [
  {
    name: 'sqlite',
    async open(n) {
      const dir = mkdtempSync(join(tmpdir(), 'htl-store-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const out: Store[] = [];
      // SQLite is one process's file: instances open it one after another.
      for (let i = 0; i < n; i++) {
        const o = await openDatabase({ dataDir: dir });
        out.push(new Store(o.db, o.dialect));
      }
      cleanups.push(() => Promise.all(out.map((s) => s.close())).then(() => undefined));
      return out;
    },
  },
];
if (TEST_PG) {
  backends.push({
    name: 'postgres',
    async open(n) {
      const schema = await freshPgSchema();
      cleanups.push(schema.drop);
      const opened = await Promise.all(Array.from({ length: n }, () => openDatabase({ dataDir: '', databaseUrl: schema.url, poolSize: 4 })));
      const out = opened.map((o) => new Store(o.db, o.dialect));
      cleanups.push(() => Promise.all(out.map((s) => s.close())).then(() => undefined));
      return out;
    },
  });
}

let seq = 0;
function result(teamId: number, playerId: number, over: Partial<NewResult> = {}): NewResult {
  seq++;
  return {
    team_id: teamId,
    player_id: playerId,
    season: 1,
    idem_key: `key-${seq}-${Math.random()}`,
    body_hash: 'h',
    scenario: 'first-call',
    locale: 'en',
    hash: 'x'.repeat(64),
    title: 'Where is my order?',
    politeness: 80,
    accuracy: 70,
    judgment: 60,
    overall: 70,
    grade: 'C',
    outcome: 'retained',
    ideal: 0,
    turns: 4,
    elapsed_ms: 30_000,
    played_at: 1_700_000_000_000,
    received_at: 1_700_000_000_000,
    transcript: '{}',
    ...over,
  };
}

describe.each(backends)('store on $name', (backend) => {
  it('migrates once when several instances start together, and again is a no-op', async () => {
    const stores = await backend.open(3);
    const team = await stores[0]!.createTeam('T');
    for (const s of stores) expect((await s.teamByCode(team.code))?.id).toBe(team.id);
  });

  it('agrees on one generated setting across instances', async () => {
    const [a, b] = await backend.open(2);
    const [x, y] = await Promise.all([a!.settingOnce('trainer_token', 'from-a'), b!.settingOnce('trainer_token', 'from-b')]);
    expect(x).toBe(y);
    expect(['from-a', 'from-b']).toContain(x);
  });

  it('stores one row for concurrent inserts of one idempotency key', async () => {
    const [a, b] = await backend.open(2);
    const team = await a!.createTeam('T');
    const { player } = await a!.addPlayer(team.id, 'Ann');
    const r = result(team.id, player.id);
    const outcomes = await Promise.all([a!, b!, a!, b!].map((s) => s.insertResult(r, 'Ann')));
    expect(outcomes.filter((o) => !o.duplicate)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.row.id)).size).toBe(1);
    expect(await a!.listResults({ teamId: team.id, season: 1, since: 0, scenario: null, player: null, before: null, limit: 10 })).toHaveLength(1);
  });

  it('keeps names unique per team in any case and spacing, not across teams', async () => {
    const [s] = await backend.open(1);
    const t1 = await s!.createTeam('One');
    const t2 = await s!.createTeam('Two');
    await s!.addPlayer(t1.id, 'Zoë Ł');
    await expect(s!.addPlayer(t1.id, 'zoë  ł')).rejects.toBeInstanceOf(NameTakenError);
    await expect(s!.addPlayer(t2.id, 'Zoë Ł')).resolves.toBeTruthy();
    const { player, token } = await s!.addPlayer(t1.id, 'Other');
    expect((await s!.playerByToken(t1.id, token))?.id).toBe(player.id);
    expect(await s!.playerByToken(t2.id, token)).toBeNull();
  });

  it('keeps the first of two meeting marks made at once by two instances', async () => {
    const [a, b] = await backend.open(2);
    const team = await a!.createTeam('T');
    const t0 = 1_700_000_000_000;
    const [x, y] = await Promise.all([
      a!.setMeetingMarks(team.id, null, markMeeting(team, t0)),
      b!.setMeetingMarks(team.id, null, markMeeting(team, t0 + 1)),
    ]);
    const now = (await a!.teamByCode(team.code))!;
    expect([t0, t0 + 1]).toContain(now.last_meeting_at);
    expect(now.previous_meeting_at).toBeNull();
    expect(x.last_meeting_at).toBe(now.last_meeting_at);
    expect(y.last_meeting_at).toBe(now.last_meeting_at);
    // A week later the next meeting remembers this one.
    const next = await a!.setMeetingMarks(team.id, now.last_meeting_at, markMeeting(now, t0 + 7 * 86_400_000));
    expect(next).toMatchObject({ last_meeting_at: t0 + 7 * 86_400_000, previous_meeting_at: now.last_meeting_at });
  });

  it('finds each player\'s best attempt per call with counts and sums, in a season or all; trend buckets', async () => {
    const [s] = await backend.open(1);
    const team = await s!.createTeam('T');
    const { player: p } = await s!.addPlayer(team.id, 'P');
    const { player: q } = await s!.addPlayer(team.id, 'Q');
    const day = 86_400_000;
    const t0 = 1_700_000_000_000;
    await s!.insertMany([
      result(team.id, p.id, { overall: 50, played_at: t0 }),
      result(team.id, p.id, { overall: 90, played_at: t0 + day }),
      result(team.id, p.id, { overall: 90, played_at: t0 + 2 * day, scenario: 'other' }),
      result(team.id, q.id, { overall: 60, played_at: t0 + 2 * day }),
      result(team.id, q.id, { overall: 99, played_at: t0 + 2 * day, season: 2 }),
    ]);
    const f = { teamId: team.id, season: 1, since: 0, scenario: null };
    const bests = await s!.playerCallBests(f);
    const rows = await s!.listResults({ ...f, player: p.id, before: null, limit: 10 });
    const pFirst = bests.find((a) => a.player_id === p.id && a.scenario === 'first-call')!;
    const best90 = rows.find((r) => r.overall === 90 && r.scenario === 'first-call')!;
    expect(pFirst).toMatchObject({ player_name: 'P', best_overall: 90, best_id: best90.id, best_politeness: 80, best_played_at: t0 + day, results: 2, overall_sum: 140 });
    expect(bests).toHaveLength(3);
    expect(await s!.playerCallBests({ ...f, since: t0 + 2 * day })).toHaveLength(2);
    // Every season: Q's 99 of season 2 is their best.
    expect((await s!.playerCallBests({ ...f, season: null })).find((a) => a.player_id === q.id)).toMatchObject({ best_overall: 99, results: 2 });
    const trend = await s!.trend({ ...f, since: t0 }, day);
    expect(trend).toEqual([
      { bucket: 0, results: 1, average: 50 },
      { bucket: 1, results: 1, average: 90 },
      { bucket: 2, results: 2, average: 75 },
    ]);
    const removed = rows[0]!;
    expect(await s!.removeResult(team.id, removed.id)).toBe(true);
    expect(await s!.removeResult(team.id, removed.id)).toBe(false);
    expect((await s!.playerCallBests(f)).reduce((n, a) => n + a.results, 0)).toBe(3);
  });
});
