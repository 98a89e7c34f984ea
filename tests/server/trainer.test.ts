// The trainer's routes over real HTTP against the real server, on a real SQLite file and (when
// TEST_DATABASE_URL is set) PostgreSQL: the roster (remove, restore, revoke), a new join code, the
// read-only board code, the minimum of attempts, and undoing a result's removal — each with the
// trainer token required, unknown teams and ids answered 404, and bad input refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, finished, loadShipped, serverBackends } from './support.js';

const scenario = loadShipped('first-call.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
const wrongTrainer = { authorization: 'Bearer not-the-trainer-token' };
let n = 0;
const key = () => `trainer-${n++}-${Date.now().toString(36)}-abcdefgh`;

describe.each(serverBackends())('trainer routes on $name', ({ setup }) => {
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

  async function team(name = 'Support West') {
    const r = await call(base, 'POST', '/api/teams', { name }, trainer);
    expect(r.status).toBe(201);
    return r.body as { name: string; code: string; season: number; boardCode: string | null; minAttempts: number };
  }
  async function join(code: string, name: string, token?: string) {
    const r = await call(base, 'POST', '/api/join', { code, name, ...(token ? { token } : {}) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { team: { code: string }; player: { id: number; name: string }; token: string; personalCode: string };
  }
  // Each result a call of its own unless a seed is named: a team keeps each call's content once.
  let seeds = 1000;
  const submit = (code: string, token: string, seed = seeds++) => call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: key(), transcript: finished(scenario, { seed }).transcript }, { 'x-player-token': token });
  const boardPlayers = async (code: string) => ((await call(base, 'GET', `/api/teams/${code}/board`)).body.rows as { player: { id: number } }[]).map((r) => r.player.id);
  const resultIds = async (code: string) => ((await call(base, 'GET', `/api/teams/${code}/results`)).body.results as { id: number }[]).map((r) => r.id);
  const errorOf = (r: { status: number; body: any }) => [r.status, r.body?.error?.code];

  it('needs the trainer token for every trainer route, and answers 404 for an unknown team', async () => {
    const t = await team();
    const p = await join(t.code, 'Ada');
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/teams/${t.code}/players`],
      ['DELETE', `/api/teams/${t.code}/players/${p.player.id}`],
      ['POST', `/api/teams/${t.code}/players/${p.player.id}/restore`],
      ['POST', `/api/teams/${t.code}/players/${p.player.id}/revoke`],
      ['POST', `/api/teams/${t.code}/join-code`],
      ['POST', `/api/teams/${t.code}/board-code`],
      ['PATCH', `/api/teams/${t.code}`, { minAttempts: 5 }],
      ['POST', `/api/teams/${t.code}/results/1/restore`],
    ];
    for (const [method, path, body] of routes) {
      expect(errorOf(await call(base, method, path, body)), `${method} ${path}`).toEqual([401, 'trainer-token-required']);
      expect(errorOf(await call(base, method, path, body, wrongTrainer)), `${method} ${path}`).toEqual([403, 'wrong-trainer-token']);
      const unknown = path.replace(t.code, 'ZZZZ2222');
      expect(errorOf(await call(base, method, unknown, body, trainer)), `${method} ${unknown}`).toEqual([404, 'unknown-team']);
    }
    // Nothing was changed by the refused requests.
    expect((await join(t.code, 'Ada', p.token)).player.id).toBe(p.player.id);
    expect((await call(base, 'GET', '/api/teams', undefined, trainer)).body.find((x: { code: string }) => x.code === t.code)).toMatchObject({ minAttempts: 3, boardCode: null });
  });

  it('lists every player, with when they joined and last played, and who is removed or revoked', async () => {
    const t = await team();
    const played = await join(t.code, 'Bo');
    const idle = await join(t.code, 'Cleo');
    expect((await submit(t.code, played.token, 2)).status).toBe(201);
    expect((await submit(t.code, played.token, 3)).status).toBe(201);
    expect((await call(base, 'POST', `/api/teams/${t.code}/players/${idle.player.id}/revoke`, undefined, trainer)).status).toBe(204);
    const r = await call(base, 'GET', `/api/teams/${t.code}/players`, undefined, trainer);
    expect(r.status).toBe(200);
    const [bo, cleo] = r.body.players;
    expect(bo).toMatchObject({ id: played.player.id, name: 'Bo', results: 2, removedAt: null, revoked: false });
    expect(Date.parse(bo.lastPlayedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(bo.joinedAt)).toBeLessThanOrEqual(Date.parse(bo.lastPlayedAt));
    expect(cleo).toMatchObject({ id: idle.player.id, name: 'Cleo', results: 0, lastPlayedAt: null, revoked: true });
    // Another team's players are not listed.
    const other = await team('Other');
    expect((await call(base, 'GET', `/api/teams/${other.code}/players`, undefined, trainer)).body.players).toEqual([]);
  });

  it('removes a player (token refused, results off the boards) and restores them', async () => {
    const t = await team();
    const gone = await join(t.code, 'Dara');
    const stays = await join(t.code, 'Eli');
    const result = (await submit(t.code, gone.token)).body.result;
    expect((await submit(t.code, stays.token)).status).toBe(201);
    expect((await boardPlayers(t.code)).sort()).toEqual([gone.player.id, stays.player.id].sort());

    expect((await call(base, 'DELETE', `/api/teams/${t.code}/players/${gone.player.id}`, undefined, trainer)).status).toBe(204);
    // Twice is harmless.
    expect((await call(base, 'DELETE', `/api/teams/${t.code}/players/${gone.player.id}`, undefined, trainer)).status).toBe(204);
    const listed = (await call(base, 'GET', `/api/teams/${t.code}/players`, undefined, trainer)).body.players.find((p: { id: number }) => p.id === gone.player.id);
    expect(Date.parse(listed.removedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(errorOf(await submit(t.code, gone.token, 4))).toEqual([403, 'player-removed']);
    expect(errorOf(await call(base, 'POST', '/api/join', { code: t.code, name: 'Dara', token: gone.token }))).toEqual([403, 'player-removed']);
    // Her name alone is only taken (she would come back with her personal code: tests/server/personalCode.test.ts).
    expect(errorOf(await call(base, 'POST', '/api/join', { code: t.code, name: 'dara' }))).toEqual([409, 'name-taken']);
    expect(await boardPlayers(t.code)).toEqual([stays.player.id]);

    expect((await call(base, 'POST', `/api/teams/${t.code}/players/${gone.player.id}/restore`, undefined, trainer)).status).toBe(204);
    expect((await submit(t.code, gone.token, 5)).status).toBe(201);
    expect((await boardPlayers(t.code)).sort()).toEqual([gone.player.id, stays.player.id].sort());
    expect(await resultIds(t.code)).toContain(result.id);
  });

  it("revokes a player's token: the old token stops working, their personal code takes the player back", async () => {
    const t = await team();
    const p = await join(t.code, 'Fern');
    expect((await submit(t.code, p.token)).status).toBe(201);
    expect((await call(base, 'POST', `/api/teams/${t.code}/players/${p.player.id}/revoke`, undefined, trainer)).status).toBe(204);
    expect(errorOf(await submit(t.code, p.token, 2))).toEqual([401, 'unknown-player']);
    // The name alone does not (tests/server/personalCode.test.ts): anyone could type it.
    expect(errorOf(await call(base, 'POST', '/api/join', { code: t.code, name: 'FERN', token: p.token }))).toEqual([409, 'name-taken']);
    const back = (await call(base, 'POST', '/api/sign-in', { code: t.code, personalCode: p.personalCode })).body;
    expect(back.player).toEqual({ id: p.player.id, name: 'Fern' });
    expect(back.token).not.toBe(p.token);
    expect(errorOf(await submit(t.code, p.token, 3))).toEqual([401, 'unknown-player']);
    expect((await submit(t.code, back.token, 3)).status).toBe(201);
    // Taken back once: the name is someone's again.
    expect(errorOf(await call(base, 'POST', '/api/join', { code: t.code, name: 'Fern' }))).toEqual([409, 'name-taken']);
    expect((await call(base, 'GET', `/api/teams/${t.code}/players`, undefined, trainer)).body.players[0]).toMatchObject({ revoked: false, results: 2 });
  });

  it('answers 404 for a player or result of another team, and 400 for a bad id', async () => {
    const a = await team('A');
    const b = await team('B');
    const pb = await join(b.code, 'Gus');
    const rb = (await submit(b.code, pb.token)).body.result;
    for (const path of [`players/${pb.player.id}/restore`, `players/${pb.player.id}/revoke`, 'players/999999/revoke']) {
      expect(errorOf(await call(base, 'POST', `/api/teams/${a.code}/${path}`, undefined, trainer)), path).toEqual([404, 'not-found']);
    }
    expect(errorOf(await call(base, 'DELETE', `/api/teams/${a.code}/players/${pb.player.id}`, undefined, trainer))).toEqual([404, 'not-found']);
    expect(errorOf(await call(base, 'POST', `/api/teams/${a.code}/results/${rb.id}/restore`, undefined, trainer))).toEqual([404, 'not-found']);
    for (const bad of ['0', 'abc', '-1']) expect(errorOf(await call(base, 'DELETE', `/api/teams/${a.code}/players/${bad}`, undefined, trainer)), bad).toEqual([400, 'invalid-request']);
    // B's player was not touched.
    expect((await submit(b.code, pb.token, 2)).status).toBe(201);
  });

  it('makes a new join code: the old one stops joining and reading, the new one works, players stay', async () => {
    const t = await team();
    const p = await join(t.code, 'Hal');
    const fresh = (await call(base, 'POST', `/api/teams/${t.code}/join-code`, undefined, trainer)).body;
    expect(fresh.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(fresh.code).not.toBe(t.code);
    expect(errorOf(await call(base, 'POST', '/api/join', { code: t.code, name: 'Ivo' }))).toEqual([404, 'unknown-team']);
    expect(errorOf(await call(base, 'GET', `/api/teams/${t.code}/board`))).toEqual([404, 'unknown-team']);
    expect(errorOf(await submit(t.code, p.token))).toEqual([404, 'unknown-team']);
    expect((await join(fresh.code, 'Ivo')).team.code).toBe(fresh.code);
    expect((await submit(fresh.code, p.token)).status).toBe(201);
    expect(await boardPlayers(fresh.code)).toEqual([p.player.id]);
  });

  it('makes a read-only board code that reads every board but cannot join or post, and rotates it', async () => {
    const t = await team();
    const p = await join(t.code, 'Jo');
    const result = (await submit(t.code, p.token)).body.result;
    const made = (await call(base, 'POST', `/api/teams/${t.code}/board-code`, undefined, trainer)).body;
    expect(made.code).toBe(t.code);
    expect(made.boardCode).toMatch(/^[A-Z2-9]{10}$/);
    const board = made.boardCode as string;

    const read = await call(base, 'GET', `/api/teams/${board.toLowerCase()}/board`);
    expect(read.status).toBe(200);
    expect(read.body.rows.map((r: { player: { id: number } }) => r.player.id)).toEqual([p.player.id]);
    // The display never learns the join code.
    expect(JSON.stringify(read.body)).not.toContain(t.code);
    expect(read.body.team.code).toBe(board);
    expect(await resultIds(board)).toEqual([result.id]);
    expect((await call(base, 'GET', `/api/teams/${board}/results/${result.id}`)).body.transcript).toBeTruthy();
    expect((await call(base, 'GET', `/api/teams/${board}/trend`)).status).toBe(200);

    expect(errorOf(await call(base, 'POST', '/api/join', { code: board, name: 'Kit' }))).toEqual([403, 'read-only-code']);
    expect(errorOf(await call(base, 'POST', '/api/join', { code: board, name: 'Jo', token: p.token }))).toEqual([403, 'read-only-code']);
    expect(errorOf(await submit(board, p.token, 2))).toEqual([403, 'read-only-code']);
    expect(errorOf(await call(base, 'POST', `/api/teams/${board}/results`, { idempotencyKey: key(), transcript: finished(scenario).transcript }))).toEqual([403, 'read-only-code']);
    expect(await resultIds(t.code)).toEqual([result.id]);

    const rotated = (await call(base, 'POST', `/api/teams/${t.code}/board-code`, undefined, trainer)).body;
    expect(rotated.boardCode).not.toBe(board);
    expect(errorOf(await call(base, 'GET', `/api/teams/${board}/board`))).toEqual([404, 'unknown-team']);
    expect((await call(base, 'GET', `/api/teams/${rotated.boardCode}/board`)).status).toBe(200);
    // A new join code leaves the board code alone.
    const joined = (await call(base, 'POST', `/api/teams/${t.code}/join-code`, undefined, trainer)).body;
    expect(joined.boardCode).toBe(rotated.boardCode);
  });

  it('sets the minimum of attempts (1–50) and the name, refusing anything else', async () => {
    const t = await team('Min');
    const set = await call(base, 'PATCH', `/api/teams/${t.code}`, { minAttempts: 7 }, trainer);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ name: 'Min', minAttempts: 7 });
    expect((await call(base, 'PATCH', `/api/teams/${t.code}`, { minAttempts: 1, name: '  Min  two ' }, trainer)).body).toMatchObject({ name: 'Min two', minAttempts: 1 });
    expect((await call(base, 'PATCH', `/api/teams/${t.code}`, { minAttempts: 50 }, trainer)).body.minAttempts).toBe(50);
    for (const body of [{ minAttempts: 0 }, { minAttempts: 51 }, { minAttempts: 2.5 }, { minAttempts: 'lots' }, {}, { minAttempts: 4, colour: 'red' }, { name: '' }]) {
      expect(errorOf(await call(base, 'PATCH', `/api/teams/${t.code}`, body, trainer)), JSON.stringify(body)).toEqual([400, 'invalid-request']);
    }
    expect((await call(base, 'GET', '/api/teams', undefined, trainer)).body.find((x: { code: string }) => x.code === t.code)).toMatchObject({ name: 'Min two', minAttempts: 50 });
  });

  it('restores a removed result (the undo), and answers 404 for one that does not exist', async () => {
    const t = await team();
    const p = await join(t.code, 'Lou');
    const result = (await submit(t.code, p.token)).body.result;
    expect((await call(base, 'DELETE', `/api/teams/${t.code}/results/${result.id}`, undefined, trainer)).status).toBe(204);
    expect(await resultIds(t.code)).toEqual([]);
    expect(await boardPlayers(t.code)).toEqual([]);
    expect((await call(base, 'POST', `/api/teams/${t.code}/results/${result.id}/restore`, undefined, trainer)).status).toBe(204);
    expect(await resultIds(t.code)).toEqual([result.id]);
    expect(await boardPlayers(t.code)).toEqual([p.player.id]);
    // Restoring again changes nothing; an unknown id is a 404.
    expect((await call(base, 'POST', `/api/teams/${t.code}/results/${result.id}/restore`, undefined, trainer)).status).toBe(204);
    expect(errorOf(await call(base, 'POST', `/api/teams/${t.code}/results/999999/restore`, undefined, trainer))).toEqual([404, 'not-found']);
  });
});
