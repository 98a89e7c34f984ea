// The team page's API over real HTTP against the real server on SQLite and (with
// TEST_DATABASE_URL) PostgreSQL: every member listed, the one who never played too; a member's
// weeks; and the insights counted from a tiny hand-checked set of first-call results played by
// reply id with pinned seeds:
//   Dan  ideal (opening.1, order-shipped.1, delay-known.1)            10 days ago   100/100/100 → 100
//   Ann  shrug (opening.1, order-shipped.2): misses courier-delay      now           80/75/0 → 52
//   Ben  shrug, as Ann                                                  1 day ago     80/75/0 → 52
//   Ben  guess then recover, cold at the end (opening.2, promise-doubt.1, order-shipped.1, delay-known.2)
//                                                                      5 days ago    85/60/70 → 72
//   Cat  joined, never played.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/store/database.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { playedByIds } from './playByIds.js';
import { call, loadShipped, serverBackends } from './support.js';

const DAY = 86_400_000;
const firstCall = loadShipped('first-call.json');
const firstCallRu = loadShipped('first-call.ru.json');
const IDEAL = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const SHRUG = ['opening.1', 'order-shipped.2'];
const RECOVER = ['opening.2', 'promise-doubt.1', 'order-shipped.1', 'delay-known.2'];

describe.each(serverBackends())('team page API on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  let code: string;
  let other: string;
  const now = Date.now();
  const ids: Record<string, number> = {};
  const players: Record<string, { id: number; token: string }> = {};

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    databaseUrl = db.databaseUrl;
    server = await startServer(databaseUrl ? { databaseUrl } : {});
    const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
    code = (await call(server.url, 'POST', '/api/teams', { name: 'Evening Shift' }, trainer)).body.code;
    other = (await call(server.url, 'POST', '/api/teams', { name: 'Other Team' }, trainer)).body.code;
    for (const name of ['Ann', 'Ben', 'Cat', 'Dan']) {
      const j = (await call(server.url, 'POST', '/api/join', { code, name })).body;
      players[name] = { id: j.player.id, token: j.token };
    }
    const plays: [string, string, string[], number, number][] = [
      ['dan', 'Dan', IDEAL, 3, 10],
      ['ann', 'Ann', SHRUG, 5, 0],
      // Ann's replies on a seed of its own: a call counts once in a team.
      ['ben1', 'Ben', SHRUG, 6, 1],
      ['ben2', 'Ben', RECOVER, 11, 5],
    ];
    for (const [key, who, moves, seed, daysAgo] of plays) {
      const { transcript } = playedByIds(firstCall, moves, { seed });
      const playedAt = new Date(now - daysAgo * DAY).toISOString();
      const r = await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `team-${key}-0123456789abcdef`, transcript, playedAt }, { 'x-player-token': players[who]!.token });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids[key] = r.body.result.id;
    }
  }, 180_000);
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  it('lists every member, the one who never played too, with what they did and who practised this week', async () => {
    const r = await call(server.url, 'GET', `/api/teams/${code}/members`);
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.body.members.map((m: any) => [m.player.name, m]));
    expect(r.body.members.map((m: any) => m.player.name)).toEqual(['Ann', 'Ben', 'Cat', 'Dan']);
    expect(by.Cat).toMatchObject({ lastPlayedAt: null, resultsInPeriod: 0, callsInPeriod: 0, politeness: null, accuracy: null, judgment: null, overall: null, practisedThisWeek: false });
    expect(Date.parse(by.Cat.joinedAt)).toBeGreaterThan(now - 600_000);
    expect(by.Ann).toMatchObject({ resultsInPeriod: 1, callsInPeriod: 1, politeness: 80, accuracy: 75, judgment: 0, overall: 52, practisedThisWeek: true });
    expect(by.Ben).toMatchObject({ resultsInPeriod: 2, callsInPeriod: 1, politeness: 82.5, accuracy: 67.5, judgment: 35, overall: 62, practisedThisWeek: true });
    // Played ten days ago: a member, with results, who has not practised this week.
    expect(by.Dan).toMatchObject({ resultsInPeriod: 1, politeness: 100, overall: 100, practisedThisWeek: false });
    expect(Math.abs(Date.parse(by.Dan.lastPlayedAt) - (now - 10 * DAY))).toBeLessThan(60_000);
    expect(Math.abs(Date.parse(by.Ben.lastPlayedAt) - (now - DAY))).toBeLessThan(60_000);
  });

  it('counts only the period asked for, and still lists everyone', async () => {
    const since = new Date(now - 3 * DAY).toISOString();
    const r = await call(server.url, 'GET', `/api/teams/${code}/members?since=${encodeURIComponent(since)}`);
    const by = Object.fromEntries(r.body.members.map((m: any) => [m.player.name, m]));
    expect(r.body.since).toBe(since);
    expect(by.Ben).toMatchObject({ resultsInPeriod: 1, judgment: 0, practisedThisWeek: true });
    expect(by.Dan).toMatchObject({ resultsInPeriod: 0, overall: null, practisedThisWeek: false });
    expect(by.Dan.lastPlayedAt).not.toBeNull();
  });

  it("shows a member's progress week by week, empty weeks included", async () => {
    // Weeks counted from the viewer's week start; here one three days back, so Ben's two results fall in two weeks.
    const weekStart = new Date(now - 3 * DAY).toISOString();
    const ben = await call(server.url, 'GET', `/api/teams/${code}/members/${players.Ben!.id}/progress?weekStart=${encodeURIComponent(weekStart)}`);
    expect(ben.status).toBe(200);
    expect(ben.body.player).toEqual({ id: players.Ben!.id, name: 'Ben' });
    expect(ben.body.weeks).toEqual([
      { start: new Date(now - 10 * DAY).toISOString(), results: 1, politeness: 85, accuracy: 60, judgment: 70, overall: 72 },
      { start: weekStart, results: 1, politeness: 80, accuracy: 75, judgment: 0, overall: 52 },
    ]);
    const dan = await call(server.url, 'GET', `/api/teams/${code}/members/${players.Dan!.id}/progress?weekStart=${encodeURIComponent(weekStart)}`);
    expect(dan.body.weeks).toEqual([
      { start: new Date(now - 10 * DAY).toISOString(), results: 1, politeness: 100, accuracy: 100, judgment: 100, overall: 100 },
      { start: weekStart, results: 0, politeness: null, accuracy: null, judgment: null, overall: null },
    ]);
    const cat = await call(server.url, 'GET', `/api/teams/${code}/members/${players.Cat!.id}/progress`);
    expect(cat.body.weeks).toEqual([]);
    // Without a week start: weeks start on Monday 00:00 UTC.
    const utc = await call(server.url, 'GET', `/api/teams/${code}/members/${players.Ben!.id}/progress`);
    for (const w of utc.body.weeks) expect([new Date(w.start).getUTCDay(), new Date(w.start).getUTCHours()]).toEqual([1, 0]);
    expect(utc.body.weeks.reduce((n: number, w: any) => n + w.results, 0)).toBe(2);
  });

  it('refuses what is not there or not right', async () => {
    expect((await call(server.url, 'GET', `/api/teams/${other}/members/${players.Ben!.id}/progress`)).status).toBe(404);
    expect((await call(server.url, 'GET', `/api/teams/${code}/members/999999/progress`)).body.error.code).toBe('not-found');
    expect((await call(server.url, 'GET', `/api/teams/${code}/members/${players.Ben!.id}/progress?weekStart=monday`)).status).toBe(400);
    expect((await call(server.url, 'GET', `/api/teams/${code}/members/abc/progress`)).status).toBe(400);
    expect((await call(server.url, 'GET', `/api/teams/NOSUCHTEAM/members`)).body.error.code).toBe('unknown-team');
    expect((await call(server.url, 'GET', `/api/teams/${code}/insights?lang=${encodeURIComponent('<x>')}`)).status).toBe(400);
    const empty = await call(server.url, 'GET', `/api/teams/${other}/insights`);
    expect(empty.body).toMatchObject({ results: 0, pending: 0, weakestSkill: null, missedFacts: [], wrongReplies: [] });
    expect((await call(server.url, 'GET', `/api/teams/${other}/members`)).body.members).toEqual([]);
  });

  it('finds the weakest skill, the key fact most often missed and the most common weaker reply, each with a replay', async () => {
    const r = await call(server.url, 'GET', `/api/teams/${code}/insights?lang=en`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ results: 4, pending: 0 });
    // Judgment (100 + 0 + 0 + 70) / 4 is below politeness 86.25 and accuracy 77.5.
    expect(r.body.weakestSkill).toEqual({ skill: 'judgment', average: 42.5 });
    expect(r.body.missedFacts).toEqual([
      { scenario: 'first-call', title: firstCall.title, fact: 'courier-delay', text: firstCall.facts.get('courier-delay')!.text, missed: 2, of: 4, example: ids.ann, lang: 'en' },
    ]);
    // Shrugging to the courier (twice, of the four who reached that turn) beats the guess (1 of 4) and the cold close (1 of 2).
    expect(r.body.wrongReplies).toEqual([
      { scenario: 'first-call', title: firstCall.title, node: 'order-shipped', reply: 'order-shipped.2', text: firstCall.nodes.get('order-shipped')!.replies[1]!.say, count: 2, of: 4, example: ids.ann, lang: 'en' },
    ]);
    const replay = await call(server.url, 'GET', `/api/teams/${code}/results/${r.body.wrongReplies[0].example}`);
    expect(replay.body.player.name).toBe('Ann');
  });

  it('counts the period only, and speaks the viewer’s language', async () => {
    const since = new Date(now - 3 * DAY).toISOString();
    const r = await call(server.url, 'GET', `/api/teams/${code}/insights?lang=ru&since=${encodeURIComponent(since)}`);
    expect(r.body.weakestSkill).toEqual({ skill: 'judgment', average: 0 });
    expect(r.body.missedFacts).toEqual([
      { scenario: 'first-call', title: firstCallRu.title, fact: 'courier-delay', text: firstCallRu.facts.get('courier-delay')!.text, missed: 2, of: 2, example: ids.ann, lang: 'ru' },
    ]);
    expect(r.body.wrongReplies[0]).toMatchObject({ title: firstCallRu.title, reply: 'order-shipped.2', text: firstCallRu.nodes.get('order-shipped')!.replies[1]!.say, count: 2, of: 2, lang: 'ru' });
    expect(firstCallRu.title).not.toBe(firstCall.title);
  });

  it('reviews a result stored before reviews were kept, once, and keeps it', async () => {
    const opened = await openDatabase({ dataDir: server.dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      const stored = await opened.db.selectFrom('results').select(['id', 'review']).where('id', '=', ids.ben2!).executeTakeFirstOrThrow();
      expect(JSON.parse(stored.review!)).toMatchObject({ ok: true, weaker: [{ node: 'opening', reply: 'opening.2' }, { node: 'delay-known', reply: 'delay-known.2' }] });
      await opened.db.updateTable('results').set({ review: null }).where('team_id', '=', (await opened.db.selectFrom('teams').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id).execute();
      const r = await call(server.url, 'GET', `/api/teams/${code}/insights`);
      expect(r.body).toMatchObject({ results: 4, pending: 0 });
      expect(r.body.missedFacts[0]).toMatchObject({ fact: 'courier-delay', missed: 2, of: 4 });
      const after = await opened.db.selectFrom('results').select(['id', 'review']).where('id', 'in', Object.values(ids)).execute();
      expect(after.every((x) => x.review !== null)).toBe(true);
      expect(JSON.parse(after.find((x) => x.id === ids.ben2)!.review!)).toEqual(JSON.parse(stored.review!));
    } finally {
      await opened.db.destroy();
    }
  });
});
