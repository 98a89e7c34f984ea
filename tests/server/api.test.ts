// The API over real HTTP, against the real server process on a real SQLite file and (when
// TEST_DATABASE_URL is set) PostgreSQL: teams and roles, verified submissions, idempotency,
// cross-team isolation, bad input, boards, and the trainer's actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { tryAnotherReply } from '../../src/engine/index.js';
import { call, finished, freshPgSchema, loadShipped, TEST_PG } from './support.js';

const scenario = loadShipped('first-call.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;

const backends: { name: string; setup: () => Promise<{ databaseUrl?: string; drop?: () => Promise<void> }> }[] = [{ name: 'sqlite', setup: async () => ({}) }];
if (TEST_PG) backends.push({ name: 'postgres', setup: async () => {
  const s = await freshPgSchema();
  return { databaseUrl: s.url, drop: s.drop };
} });

describe.each(backends)('API on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let base: string;

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    server = await startServer(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    base = server.url;
  });
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  async function team(name = 'Support North') {
    const r = await call(base, 'POST', '/api/teams', { name }, trainer);
    expect(r.status).toBe(201);
    return r.body as { name: string; code: string; season: number };
  }
  async function join(code: string, name: string) {
    const r = await call(base, 'POST', '/api/join', { code, name });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { team: { code: string }; player: { id: number; name: string }; token: string };
  }
  const submit = (code: string, token: string, body: unknown) => call(base, 'POST', `/api/teams/${code}/results`, body, { 'x-player-token': token });

  it('answers health when ready', async () => {
    const r = await call(base, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.scenarios).toBeGreaterThan(0);
  });

  it('needs the trainer token to create a team', async () => {
    expect((await call(base, 'POST', '/api/teams', { name: 'X' })).body.error.code).toBe('trainer-token-required');
    const wrong = await call(base, 'POST', '/api/teams', { name: 'X' }, { authorization: 'Bearer nope' });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'wrong-trainer-token']);
    const t = await team('Sales East');
    expect(t.code).toMatch(/^[A-Z2-9]{8}$/);
    expect((await call(base, 'GET', '/api/teams', undefined, trainer)).body.map((x: { code: string }) => x.code)).toContain(t.code);
  });

  it('lets a trainee join with name and code (any case), refuses a taken name and a wrong code', async () => {
    const t = await team();
    const anna = await join(t.code.toLowerCase(), '  Anna   K  ');
    expect(anna.player.name).toBe('Anna K');
    const again = await call(base, 'POST', '/api/join', { code: t.code, name: 'anna k' });
    expect([again.status, again.body.error.code]).toEqual([409, 'name-taken']);
    const back = await call(base, 'POST', '/api/join', { code: t.code, name: 'Anna K', token: anna.token });
    expect(back.body.player.id).toBe(anna.player.id);
    const wrong = await call(base, 'POST', '/api/join', { code: 'ZZZZZZZZ', name: 'Bob' });
    expect([wrong.status, wrong.body.error.code]).toEqual([404, 'unknown-team']);
  });

  it('keeps display names as text and within limits', async () => {
    const t = await team();
    const html = '<img src=x onerror=alert(1)>';
    expect((await join(t.code, html)).player.name).toBe(html);
    const long = await call(base, 'POST', '/api/join', { code: t.code, name: 'x'.repeat(41) });
    expect([long.status, long.body.error.code]).toEqual([400, 'invalid-request']);
    const control = await call(base, 'POST', '/api/join', { code: t.code, name: 'a\u0000b' });
    expect(control.status).toBe(400);
    const blank = await call(base, 'POST', '/api/join', { code: t.code, name: '   ' });
    expect(blank.status).toBe(400);
  });

  it('stores a verified result with the scores of its own replay, once per idempotency key', async () => {
    const t = await team();
    const p = await join(t.code, 'Bea');
    const { transcript, score } = finished(scenario, { seed: 11 });
    const k = key();
    const first = await submit(t.code, p.token, { idempotencyKey: k, transcript, claimed: { politeness: score.politeness, accuracy: score.accuracy, judgment: score.judgment, overall: score.overall } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.duplicate).toBe(false);
    expect(first.body.result).toMatchObject({ politeness: score.politeness, accuracy: score.accuracy, judgment: score.judgment, overall: score.overall, grade: score.grade, outcome: score.outcome, scenario: 'first-call', player: { name: 'Bea' } });
    const second = await submit(t.code, p.token, { idempotencyKey: k, transcript });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ duplicate: true, result: { id: first.body.result.id } });
    const list = await call(base, 'GET', `/api/teams/${t.code}/results`);
    expect(list.body.results).toHaveLength(1);
    // The same key with another transcript is a conflict, not a silent overwrite.
    const other = finished(scenario, { seed: 12, pick: () => 2 }).transcript;
    const clash = await submit(t.code, p.token, { idempotencyKey: k, transcript: other });
    expect([clash.status, clash.body.error.code]).toEqual([409, 'idempotency-conflict']);
  });

  it('stores concurrent copies of one submission once', async () => {
    const t = await team();
    const p = await join(t.code, 'Cy');
    const { transcript } = finished(scenario, { seed: 3 });
    const k = key();
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit(t.code, p.token, { idempotencyKey: k, transcript })));
    expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.result.id)).size).toBe(1);
    expect((await call(base, 'GET', `/api/teams/${t.code}/results`)).body.results).toHaveLength(1);
  });

  it('refuses forged and altered submissions, saying why', async () => {
    const t = await team();
    const p = await join(t.code, 'Dee');
    const { transcript, score } = finished(scenario, { seed: 5, pick: (turn) => (turn === 1 ? 2 : 1) });
    const refused = async (body: Record<string, unknown>, code: string) => {
      const r = await submit(t.code, p.token, { idempotencyKey: key(), transcript, ...body });
      expect([r.status, r.body.error.code], JSON.stringify(r.body)).toEqual([422, code]);
      expect(r.body.error.message).toEqual(expect.any(String));
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    };
    const real = { politeness: score.politeness, accuracy: score.accuracy, judgment: score.judgment, overall: score.overall };
    await refused({ claimed: { ...real, overall: real.overall === 100 ? 99 : real.overall + 1 } }, 'scores-differ');
    await refused({ claimed: { ...real, politeness: real.politeness === 100 ? 99 : 100 } }, 'scores-differ');
    await refused({ transcript: { ...transcript, events: [...transcript.events.slice(0, 2), { type: 'CHOOSE', n: 9 }] } }, 'impossible-event');
    await refused({ transcript: { ...transcript, events: transcript.events.slice(0, -1) } }, 'unfinished');
    await refused({ transcript: { ...transcript, events: [...transcript.events, { type: 'ANSWER' }] } }, 'after-end');
    await refused({ transcript: { ...transcript, hash: 'a'.repeat(64) } }, 'wrong-version');
    await refused({ transcript: { ...transcript, scenario: 'no-such-call', hash: 'b'.repeat(64) } }, 'unknown-scenario');
    await refused({ transcript: { ...transcript, mode: 'practice' } }, 'practice-mode');
    // "Try another reply" from turn 1 of this exam: the rest is practice, so it never counts.
    const branch = tryAnotherReply(scenario, transcript, 1);
    branch.hangUp();
    await refused({ transcript: branch.transcript() }, 'branch');
    await refused({ transcript: { ...transcript, seed: -1 } }, 'malformed');
    expect((await call(base, 'GET', `/api/teams/${t.code}/results`)).body.results).toEqual([]);
    // The honest claim is taken.
    expect((await submit(t.code, p.token, { idempotencyKey: key(), transcript, claimed: real })).status).toBe(201);
  });

  it('needs a player token of the same team to submit', async () => {
    const a = await team('A');
    const b = await team('B');
    const pa = await join(a.code, 'Eve');
    const { transcript } = finished(scenario);
    const none = await call(base, 'POST', `/api/teams/${a.code}/results`, { idempotencyKey: key(), transcript });
    expect([none.status, none.body.error.code]).toEqual([401, 'player-token-required']);
    const crossed = await submit(b.code, pa.token, { idempotencyKey: key(), transcript });
    expect([crossed.status, crossed.body.error.code]).toEqual([401, 'unknown-player']);
  });

  it("never shows one team's results to another", async () => {
    const a = await team('A');
    const b = await team('B');
    const pa = await join(a.code, 'Fay');
    const { transcript } = finished(scenario);
    const stored = (await submit(a.code, pa.token, { idempotencyKey: key(), transcript })).body.result;
    expect((await call(base, 'GET', `/api/teams/${a.code}/results/${stored.id}`)).body.transcript).toEqual(transcript);
    const cross = await call(base, 'GET', `/api/teams/${b.code}/results/${stored.id}`);
    expect([cross.status, cross.body.error.code]).toEqual([404, 'not-found']);
    expect((await call(base, 'GET', `/api/teams/${b.code}/board`)).body.rows).toEqual([]);
    expect((await call(base, 'GET', `/api/teams/${b.code}/results`)).body.results).toEqual([]);
    expect((await call(base, 'GET', '/api/teams/NOPE2345/board')).status).toBe(404);
  });

  it('ranks by the mean of best attempts per call, only with the minimum of attempts; champions, trend and per-call best', async () => {
    const t = await team();
    const p1 = await join(t.code, 'Gil');
    const p2 = await join(t.code, 'Hal');
    // Each run its own seed where the replies are the same: a call counts once, whoever sends it.
    const runs = [
      { p: p1, pick: () => 1, seed: 21 },
      { p: p1, pick: () => 2, seed: 21 },
      { p: p2, pick: () => 2, seed: 23 },
    ];
    const scores = [];
    for (const r of runs) {
      const f = finished(scenario, { seed: r.seed, pick: r.pick });
      const res = await submit(t.code, r.p.token, { idempotencyKey: key(), transcript: f.transcript });
      expect(res.status).toBe(201);
      scores.push(res.body.result.overall as number);
    }
    const best1 = Math.max(scores[0]!, scores[1]!);
    const before = (await call(base, 'GET', `/api/teams/${t.code}/board?period=season`)).body;
    // Nobody has the 3 attempts yet: listed, not ranked, no champions.
    expect([before.minAttempts, before.ranking]).toEqual([3, 'mean-best-per-call']);
    expect(before.callsAvailable).toBeGreaterThanOrEqual(9);
    expect(before.rows.map((r: any) => [r.player.name, r.rank, r.ranked])).toEqual([
      [best1 >= scores[2]! ? 'Gil' : 'Hal', null, false],
      [best1 >= scores[2]! ? 'Hal' : 'Gil', null, false],
    ]);
    expect(before.champions).toEqual({ politeness: null, accuracy: null, judgment: null });
    const gil0 = before.rows.find((r: any) => r.player.name === 'Gil');
    expect(gil0).toMatchObject({ standing: best1, calls: 1, callsAvailable: before.callsAvailable, attempts: 2, average: (scores[0]! + scores[1]!) / 2 });
    expect(gil0).not.toHaveProperty('score');
    // A third attempt ranks Gil, whatever it scored; Hal still needs two more.
    // Another seed: the same call played again, not the first attempt sent twice (a call counts once).
    const third = await submit(t.code, p1.token, { idempotencyKey: key(), transcript: finished(scenario, { seed: 22, pick: () => 1 }).transcript });
    scores.push(third.body.result.overall as number);
    const board = (await call(base, 'GET', `/api/teams/${t.code}/board?period=season`)).body;
    expect(board.rows.map((r: any) => [r.player.name, r.rank])).toEqual([
      ['Gil', 1],
      ['Hal', null],
    ]);
    expect(board.rows[0]).toMatchObject({ ranked: true, standing: best1, attempts: 3, average: Math.round(((scores[0]! + scores[1]! + scores[3]!) / 3) * 10) / 10 });
    expect(board.calls).toEqual([{ scenario: 'first-call', title: scenario.title, results: 4, average: Math.round(((scores[0]! + scores[1]! + scores[2]! + scores[3]!) / 4) * 10) / 10 }]);
    for (const skill of ['politeness', 'accuracy', 'judgment']) expect(board.champions[skill].player.name).toBe('Gil');
    const one = (await call(base, 'GET', `/api/teams/${t.code}/board?scenario=first-call`)).body;
    const gil = one.rows.find((r: any) => r.player.name === 'Gil');
    const detail = (await call(base, 'GET', `/api/teams/${t.code}/results/${gil.bestResult}`)).body;
    expect(detail.overall).toBe(best1);
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const trend = (await call(base, 'GET', `/api/teams/${t.code}/trend?since=${since}&bucket=day`)).body;
    expect(trend.points.reduce((n: number, p: any) => n + p.results, 0)).toBe(4);
    // The whole season, from its first result's day (not the last 12 weeks).
    const season = (await call(base, 'GET', `/api/teams/${t.code}/trend?period=season`)).body;
    expect(season.bucket).toBe('day');
    expect(season.points[0]).toMatchObject({ start: new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000).toISOString(), results: 4 });
    const weeks = (await call(base, 'GET', `/api/teams/${t.code}/trend?period=all&bucket=month`)).body;
    expect([weeks.bucket, weeks.points.length, weeks.points[0].results]).toEqual(['month', 1, 4]);
    expect((await call(base, 'GET', `/api/teams/${t.code}/trend?bucket=year`)).status).toBe(400);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await call(base, 'GET', `/api/teams/${t.code}/board?since=${future}`)).body.rows).toEqual([]);
  });

  it('marks meetings: a new one, the same one within 6 hours, and "since the last meeting" falling back to 7 days', async () => {
    const t = await team();
    const first = await call(base, 'POST', `/api/teams/${t.code}/meetings`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ started: true, previousAt: null, since: null });
    const again = await call(base, 'POST', `/api/teams/${t.code}/meetings`);
    expect(again.body).toMatchObject({ started: false, meetingAt: first.body.meetingAt });
    // The first meeting has none before it: the board says it used the last 7 days.
    const board = (await call(base, 'GET', `/api/teams/${t.code}/board?period=since-meeting`)).body;
    expect(board.period).toBe('since-meeting');
    expect(Math.abs(Date.parse(board.since) - (Date.now() - 7 * 86_400_000))).toBeLessThan(60_000);
    expect((await call(base, 'POST', '/api/teams/NOPE2345/meetings')).status).toBe(404);
  });

  it('answers each period, a past season, and refuses an unknown period or a season not reached', async () => {
    const t = await team();
    const season = (await call(base, 'GET', `/api/teams/${t.code}/board`)).body;
    expect([season.period, season.since, season.season]).toEqual(['season', null, 1]);
    expect((await call(base, 'GET', `/api/teams/${t.code}/board?period=all`)).body.season).toBeNull();
    expect((await call(base, 'GET', `/api/teams/${t.code}/board?period=last7`)).body.since).toEqual(expect.any(String));
    expect((await call(base, 'GET', `/api/teams/${t.code}/board?season=1`)).body.season).toBe(1);
    const future = await call(base, 'GET', `/api/teams/${t.code}/board?season=2`);
    expect([future.status, future.body.error.code]).toEqual([404, 'unknown-season']);
    expect((await call(base, 'GET', `/api/teams/${t.code}/board?period=fortnight`)).status).toBe(400);
    expect((await call(base, 'GET', `/api/teams/${t.code}/board?season=0`)).status).toBe(400);
  });

  it('keeps a claimed play time within the last 14 days and counts it in its period', async () => {
    const t = await team();
    const p = await join(t.code, 'Jo');
    const now = Date.now();
    const old = await submit(t.code, p.token, { idempotencyKey: key(), transcript: finished(scenario).transcript, playedAt: new Date(now - 20 * 86_400_000).toISOString() });
    const future = await submit(t.code, p.token, { idempotencyKey: key(), transcript: finished(scenario, { seed: 8 }).transcript, playedAt: new Date(now + 86_400_000).toISOString() });
    const oldAt = Date.parse(old.body.result.playedAt);
    expect(oldAt).toBeGreaterThanOrEqual(now - 14 * 86_400_000 - 1000);
    expect(oldAt).toBeLessThan(now - 13 * 86_400_000);
    expect(Date.parse(future.body.result.playedAt)).toBeLessThanOrEqual(Date.now());
    expect((await call(base, 'GET', `/api/teams/${t.code}/board?period=all`)).body.rows[0].attempts).toBe(2);
    const week = (await call(base, 'GET', `/api/teams/${t.code}/board?period=week`)).body;
    expect(week.since).not.toBeNull();
    expect(week.rows[0].attempts).toBe(1);
  });

  it('lets a trainer rename, remove a result, start a new season and export CSV', async () => {
    const t = await team('Old name');
    const p = await join(t.code, '=cmd|evil');
    const { transcript } = finished(scenario);
    const r1 = (await submit(t.code, p.token, { idempotencyKey: key(), transcript })).body.result;
    const r2 = (await submit(t.code, p.token, { idempotencyKey: key(), transcript: finished(scenario, { seed: 8 }).transcript })).body.result;
    expect((await call(base, 'DELETE', `/api/teams/${t.code}/results/${r1.id}`)).status).toBe(401);
    expect((await call(base, 'DELETE', `/api/teams/${t.code}/results/${r1.id}`, undefined, trainer)).status).toBe(204);
    expect((await call(base, 'GET', `/api/teams/${t.code}/results`)).body.results.map((r: any) => r.id)).toEqual([r2.id]);
    expect((await call(base, 'GET', `/api/teams/${t.code}/results/${r1.id}`)).status).toBe(404);
    expect((await call(base, 'PATCH', `/api/teams/${t.code}`, { name: 'New name' }, trainer)).body.name).toBe('New name');
    expect((await call(base, 'PATCH', `/api/teams/${t.code}/players/${p.player.id}`, { name: 'Ivy' }, trainer)).body.name).toBe('Ivy');
    const csv = await call(base, 'GET', `/api/teams/${t.code}/results.csv`, undefined, trainer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,season,played_at/);
    expect(lines).toHaveLength(3);
    // Both results, the removed one marked with when it was removed; names as they are now.
    expect(lines.slice(1).every((l) => l.includes(',Ivy,'))).toBe(true);
    expect(lines[1]).toMatch(/,\d{4}-\d\d-\d\dT[^,]+Z$/);
    expect(lines[2]).toMatch(/,$/);
    expect((await call(base, 'GET', `/api/teams/${t.code}/results.csv`)).status).toBe(401);
    const season = (await call(base, 'POST', `/api/teams/${t.code}/seasons`, {}, trainer)).body;
    expect(season.season).toBe(2);
    expect((await call(base, 'GET', `/api/teams/${t.code}/board`)).body.rows).toEqual([]);
  });

  it('neutralises spreadsheet formulas in the CSV', async () => {
    const t = await team();
    const p = await join(t.code, '=HYPERLINK("x")');
    await submit(t.code, p.token, { idempotencyKey: key(), transcript: finished(scenario).transcript });
    const csv = (await call(base, 'GET', `/api/teams/${t.code}/results.csv`, undefined, trainer)).body as string;
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('answers bad requests with clear JSON errors', async () => {
    const bad = await call(base, 'POST', '/api/join', '{"code": ', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toEqual(expect.any(String));
    const big = await call(base, 'POST', '/api/join', { code: 'ABCDEFGH', name: 'x', pad: 'y'.repeat(300 * 1024) });
    expect([big.status, big.body.error.code]).toEqual([413, 'too-large']);
    const unknown = await call(base, 'GET', '/api/nope');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not-found']);
    const extra = await call(base, 'POST', '/api/join', { code: 'ABCDEFGH', name: 'x', admin: true });
    expect(extra.status).toBe(400);
  });

  it('serves every scenario version it verified, for replays', async () => {
    const r = await call(base, 'GET', `/api/scenarios/${scenario.hash}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'first-call', locale: 'en', hash: scenario.hash });
    expect((await call(base, 'GET', `/api/scenarios/${'c'.repeat(64)}`)).status).toBe(404);
  });
});
