// Signing in again with a personal code, over real HTTP against the real server on SQLite and
// (with TEST_DATABASE_URL) PostgreSQL: the code is answered once at joining and never stored as
// text; the team's code and the personal code bring back the same player (their results too) on a
// fresh device while the first device stays signed in; a wrong code is refused in words; the
// trainer's new code makes the old one fail; the same name joins as a second person only by
// choosing to ("Anna (2)"); wrong codes are rate-limited like joining.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/store/database.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { playedByIds } from './playByIds.js';
import { call, loadShipped, serverBackends } from './support.js';

const firstCall = loadShipped('first-call.json');
const IDEAL = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const CODE_SHAPE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}$/;
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };

describe.each(serverBackends())('personal codes on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  let code: string;
  let otherTeam: string;
  let anna: { id: number; token: string; personalCode: string };
  let resultId: number;

  const post = (path: string, body?: unknown, headers?: Record<string, string>) => call(server.url, 'POST', path, body, headers);
  const signIn = (personalCode: string, team = code) => post('/api/sign-in', { code: team, personalCode });
  const playAs = async (token: string, key: string, seed = 3) => {
    const { transcript } = playedByIds(firstCall, IDEAL, { seed });
    return post(`/api/teams/${code}/results`, { idempotencyKey: `personal-${key}-0123456789abcdef`, transcript }, { 'x-player-token': token });
  };

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    databaseUrl = db.databaseUrl;
    server = await startServer(databaseUrl ? { databaseUrl } : {});
    code = (await post('/api/teams', { name: 'Evening Shift' }, trainer)).body.code;
    otherTeam = (await post('/api/teams', { name: 'Other Team' }, trainer)).body.code;
    const j = await post('/api/join', { code, name: 'Anna' });
    expect(j.status).toBe(200);
    anna = { id: j.body.player.id, token: j.body.token, personalCode: j.body.personalCode };
    const r = await playAs(anna.token, 'anna-1');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    resultId = r.body.result.id;
  }, 180_000);
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  it('answers a personal code once, at joining: ten characters of the join code alphabet in two groups, stored only as a hash', async () => {
    expect(anna.personalCode).toMatch(CODE_SHAPE);
    // Signing in again on the same device does not show it again.
    const again = await post('/api/join', { code, name: 'Anna', token: anna.token });
    expect(again.status).toBe(200);
    expect(again.body.player.id).toBe(anna.id);
    expect(again.body.personalCode).toBeUndefined();
    const roster = await call(server.url, 'GET', `/api/teams/${code}/players`, undefined, trainer);
    const row = roster.body.players.find((p: any) => p.id === anna.id);
    expect(row).toMatchObject({ hasPersonalCode: true });
    expect(JSON.stringify(roster.body)).not.toContain(anna.personalCode.replace('-', ''));
    const opened = await openDatabase({ dataDir: server.dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      const stored = await opened.db.selectFrom('players').selectAll().where('id', '=', anna.id).executeTakeFirstOrThrow();
      expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(anna.personalCode.replace('-', ''));
      expect(JSON.stringify(stored)).not.toContain(anna.personalCode);
    } finally {
      await opened.db.destroy();
    }
  });

  it('brings back the same player, with their results, on a fresh device, typed in any case and spacing; the first device stays signed in', async () => {
    const typed = ` ${anna.personalCode.toLowerCase().replace('-', ' ')} `;
    const r = await signIn(typed);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ player: { id: anna.id, name: 'Anna' }, team: { code, name: 'Evening Shift' }, personalCode: anna.personalCode });
    expect(r.body.token).not.toBe(anna.token);
    // The new device sends results as Anna; the old one still can.
    expect((await playAs(r.body.token, 'anna-2', 5)).body.result.player.id).toBe(anna.id);
    expect((await playAs(anna.token, 'anna-3', 7)).body.result.player.id).toBe(anna.id);
    const board = await call(server.url, 'GET', `/api/teams/${code}/board`);
    const rows = board.body.rows.filter((row: any) => row.player.name === 'Anna');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ player: { id: anna.id }, attempts: 3 });
    const mine = await call(server.url, 'GET', `/api/teams/${code}/results?player=${anna.id}&period=all`);
    expect(mine.body.results.map((x: any) => x.id)).toContain(resultId);
  });

  it('refuses a wrong code in words, and a right code in the wrong team, a malformed one and the board code', async () => {
    const wrong = anna.personalCode.startsWith('A') ? `B${anna.personalCode.slice(1)}` : `A${anna.personalCode.slice(1)}`;
    for (const attempt of [wrong, 'nonsense', '']) {
      const r = await signIn(attempt);
      expect(r.status, attempt).toBe(attempt === '' ? 400 : 401);
      if (attempt !== '') {
        expect(r.body.error.code).toBe('wrong-personal-code');
        expect(r.body.error.message).toMatch(/personal code/);
      }
    }
    const elsewhere = await signIn(anna.personalCode, otherTeam);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.error.code).toBe('wrong-personal-code');
    const unknownTeam = await signIn(anna.personalCode, 'ZZZZZZZZ');
    expect(unknownTeam.status).toBe(404);
    const boardCode = (await post(`/api/teams/${code}/board-code`, undefined, trainer)).body.boardCode;
    const readOnly = await signIn(anna.personalCode, boardCode);
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.code).toBe('read-only-code');
  });

  it("the trainer's new code replaces the old one: the old fails, the new brings back the same player; the trainer token is needed", async () => {
    const path = `/api/teams/${code}/players/${anna.id}/personal-code`;
    expect((await post(path)).status).toBe(401);
    expect((await post(`/api/teams/${code}/players/999999/personal-code`, undefined, trainer)).status).toBe(404);
    const issued = await post(path, undefined, trainer);
    expect(issued.status).toBe(200);
    expect(issued.body.personalCode).toMatch(CODE_SHAPE);
    expect(issued.body.personalCode).not.toBe(anna.personalCode);
    const old = await signIn(anna.personalCode);
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('wrong-personal-code');
    const fresh = await signIn(issued.body.personalCode);
    expect(fresh.status).toBe(200);
    expect(fresh.body.player.id).toBe(anna.id);
    anna = { ...anna, personalCode: issued.body.personalCode };
  });

  it('a player can make themself a new code (the old one fails); it needs their token', async () => {
    expect((await post(`/api/teams/${code}/personal-code`)).status).toBe(401);
    const mine = await post(`/api/teams/${code}/personal-code`, undefined, { 'x-player-token': anna.token });
    expect(mine.status).toBe(200);
    expect(mine.body.personalCode).toMatch(CODE_SHAPE);
    expect((await signIn(anna.personalCode)).status).toBe(401);
    expect((await signIn(mine.body.personalCode)).body.player.id).toBe(anna.id);
    anna = { ...anna, personalCode: mine.body.personalCode };
  });

  it('signing out on every device also ends the devices signed in with the code; the code signs in again; a removed player is refused', async () => {
    const device = (await signIn(anna.personalCode)).body.token as string;
    expect((await playAs(device, 'anna-device', 9)).status).toBe(201);
    expect((await post(`/api/teams/${code}/players/${anna.id}/revoke`, undefined, trainer)).status).toBe(204);
    for (const token of [device, anna.token]) {
      const r = await playAs(token, `anna-after-revoke-${token.slice(0, 6)}`, 11);
      expect(r.status).toBe(401);
    }
    // Her name alone does not take her place (anyone could type it): it is taken.
    const byName = await post('/api/join', { code, name: 'Anna' });
    expect(byName.status).toBe(409);
    expect(byName.body.error.code).toBe('name-taken');
    const back = await signIn(anna.personalCode);
    expect(back.status).toBe(200);
    expect(back.body.player.id).toBe(anna.id);
    anna = { ...anna, token: back.body.token };
    expect((await playAs(anna.token, 'anna-back', 15)).status).toBe(201);
    // Signed in again: no longer shown as signed out on the roster.
    const roster = await call(server.url, 'GET', `/api/teams/${code}/players`, undefined, trainer);
    expect(roster.body.players.find((p: any) => p.id === anna.id)).toMatchObject({ revoked: false, hasPersonalCode: true });
    expect((await call(server.url, 'DELETE', `/api/teams/${code}/players/${anna.id}`, undefined, trainer)).status).toBe(204);
    const removed = await signIn(anna.personalCode);
    expect(removed.status).toBe(403);
    expect(removed.body.error.code).toBe('player-removed');
    expect(removed.body.error.message).toMatch(/removed/);
    // While she is removed her name is still hers: taken, not free.
    expect((await post('/api/join', { code, name: 'Anna' })).body.error.code).toBe('name-taken');
    expect((await post(`/api/teams/${code}/players/${anna.id}/restore`, undefined, trainer)).status).toBe(204);
    expect((await signIn(anna.personalCode)).status).toBe(200);
  });

  it('a taken name is refused with the way out in words; a different person joins as "Anna (2)" only by choosing to, and the boards tell them apart', async () => {
    const taken = await post('/api/join', { code, name: ' anna ' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('name-taken');
    expect(taken.body.error.message).toMatch(/personal code/);
    const second = await post('/api/join', { code, name: 'Anna', asNew: true });
    expect(second.status).toBe(200);
    expect(second.body.player.name).toBe('Anna (2)');
    expect(second.body.player.id).not.toBe(anna.id);
    expect(second.body.personalCode).toMatch(CODE_SHAPE);
    const third = await post('/api/join', { code, name: 'ANNA', asNew: true });
    expect(third.body.player.name).toBe('ANNA (3)');
    // A new name with asNew is simply that name.
    expect((await post('/api/join', { code, name: 'Bea', asNew: true })).body.player.name).toBe('Bea');
    // A long name is shortened so the number fits in 40 characters.
    const long = 'L'.repeat(40);
    await post('/api/join', { code, name: long });
    const longSecond = await post('/api/join', { code, name: long, asNew: true });
    expect(longSecond.body.player.name).toBe(`${'L'.repeat(36)} (2)`);
    expect(await playAs(second.body.token, 'anna2-1', 13)).toMatchObject({ status: 201 });
    const board = await call(server.url, 'GET', `/api/teams/${code}/board`);
    const names = board.body.rows.map((row: any) => row.player.name);
    expect(names).toContain('Anna');
    expect(names).toContain('Anna (2)');
    // Each one's personal code brings back that one.
    expect((await signIn(second.body.personalCode)).body.player).toEqual({ id: second.body.player.id, name: 'Anna (2)' });
  });

  it('a player from before personal codes, signed out by the trainer, still comes back by joining with their name; then the trainer can give them a code', async () => {
    const old = (await post('/api/join', { code, name: 'Olga' })).body;
    const opened = await openDatabase({ dataDir: server.dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      await opened.db.updateTable('players').set({ code_hash: null }).where('id', '=', old.player.id).execute();
    } finally {
      await opened.db.destroy();
    }
    const roster = async () => (await call(server.url, 'GET', `/api/teams/${code}/players`, undefined, trainer)).body.players.find((p: any) => p.id === old.player.id);
    expect(await roster()).toMatchObject({ hasPersonalCode: false });
    // Removed, she cannot come back by her name; a different Olga can join as "Olga (2)".
    expect((await call(server.url, 'DELETE', `/api/teams/${code}/players/${old.player.id}`, undefined, trainer)).status).toBe(204);
    expect((await post('/api/join', { code, name: 'Olga' })).body.error.code).toBe('player-removed');
    expect((await post('/api/join', { code, name: 'Olga', asNew: true })).body.player.name).toBe('Olga (2)');
    expect((await post(`/api/teams/${code}/players/${old.player.id}/restore`, undefined, trainer)).status).toBe(204);
    expect((await signIn(old.personalCode)).status).toBe(401);
    expect((await post(`/api/teams/${code}/players/${old.player.id}/revoke`, undefined, trainer)).status).toBe(204);
    const back = await post('/api/join', { code, name: 'olga' });
    expect(back.status).toBe(200);
    expect(back.body.player).toEqual({ id: old.player.id, name: 'Olga' });
    const issued = (await post(`/api/teams/${code}/players/${old.player.id}/personal-code`, undefined, trainer)).body.personalCode;
    expect(await roster()).toMatchObject({ hasPersonalCode: true, revoked: false });
    expect((await signIn(issued)).body.player.id).toBe(old.player.id);
  });
});

describe('personal codes are rate-limited like joining', () => {
  let server: TestServer;
  beforeAll(async () => {
    // RATE_LIMIT 100 a minute: 10 a minute for joining and signing in with a code.
    server = await startServer({ env: { RATE_LIMIT: '100' } });
  }, 60_000);
  afterAll(async () => server?.dispose());

  it('refuses the eleventh try in a minute with 429, in words, even with the right code', async () => {
    const code = (await call(server.url, 'POST', '/api/teams', { name: 'Night Shift' }, trainer)).body.code;
    const joined = (await call(server.url, 'POST', '/api/join', { code, name: 'Kim' })).body;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await call(server.url, 'POST', '/api/sign-in', { code, personalCode: `AAAAA-AAAA${'BCDEFGHJKM'[i]}` })).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await call(server.url, 'POST', '/api/sign-in', { code, personalCode: joined.personalCode });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate-limited');
    expect(limited.body.error.message).toMatch(/try again in \d+ s/);
  });
});
