// Inputs that used to give 500 — a body nested 100,000 levels deep, NUL bytes in a code, name or
// query, ids like 1e20, `before=1e30` — and their kin are answered 400 (413 for a body too big),
// with a code and a sentence, on SQLite and on PostgreSQL; a transcript of thousands of short
// ticks is refused (422) in a few milliseconds instead of costing hundreds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TICK_RUNS_IN_A_ROW, type TranscriptEvent } from '../../src/engine/index.js';
import { MAX_JSON_DEPTH } from '../../src/server/jsonDepth.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, finished, loadShipped, serverBackends, type Answer } from './support.js';

const scenario = loadShipped('first-call.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
const key = () => `bad-input-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
const errorOf = (r: Answer) => [r.status, r.body?.error?.code];

describe.each(serverBackends())('bad input on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let base: string;
  let code: string;
  let token: string;
  let playerId: number;

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    server = await startServer(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    base = server.url;
    code = (await call(base, 'POST', '/api/teams', { name: 'Bad Input' }, trainer)).body.code;
    const joined = (await call(base, 'POST', '/api/join', { code, name: 'Ada' })).body;
    token = joined.token;
    playerId = joined.player.id;
  });
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  /** Every answer is a 4xx with an error code and a sentence, in the API's one error shape. */
  function refused(r: Answer, status: number, errorCode?: string): void {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.error.code).toEqual(errorCode ?? expect.any(String));
    expect(r.body.error.message).toMatch(/\w+ \w+/);
  }

  it('refuses a transcript nested 100,000 levels deep with 400 too-deep, and stays healthy', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const body = `{"idempotencyKey":"${key()}","transcript":{"events":${deep}}}`;
    const r = await call(base, 'POST', `/api/teams/${code}/results`, body, { 'x-player-token': token });
    refused(r, 400, 'too-deep');
    expect(r.body.error.message).toContain(`more than ${MAX_JSON_DEPTH} levels`);
    // As deep as allowed is no error of depth (it is no transcript either).
    const ok = `{"idempotencyKey":"${key()}","transcript":{"x":${'['.repeat(MAX_JSON_DEPTH - 2)}${']'.repeat(MAX_JSON_DEPTH - 2)}}}`;
    refused(await call(base, 'POST', `/api/teams/${code}/results`, ok, { 'x-player-token': token }), 422, 'malformed');
    // Brackets inside strings are text, not depth.
    expect((await call(base, 'POST', '/api/join', { code, name: '['.repeat(40) })).status).toBe(200);
    expect((await call(base, 'GET', '/api/health')).status).toBe(200);
  });

  it('refuses NUL bytes in a code, a name, a query or a transcript with 400', async () => {
    for (const path of [`/api/teams/AB%00CD/board`, `/api/teams/${code}%00/members`, `/api/teams/${code}/board?scenario=first%00call`, `/api/teams/${code}/results?lang=en%00`]) {
      refused(await call(base, 'GET', path), 400, 'invalid-request');
    }
    refused(await call(base, 'POST', '/api/join', { code: `${code}\u0000`, name: 'Bo' }), 400, 'invalid-request');
    // (A name's own refusals and their codes are the names' rules: here only that it is a 400.)
    refused(await call(base, 'POST', '/api/join', { code, name: 'B\u0000o' }), 400);
    refused(await call(base, 'POST', '/api/sign-in', { code: 'AB\u0000CD', personalCode: 'ABCDE-FGHJK' }), 400, 'invalid-request');
    refused(await call(base, 'POST', '/api/sign-in', { code, personalCode: 'ABCDE\u0000FGHJ' }), 401, 'wrong-personal-code');
    // A token is only ever hashed: a NUL in one is a token of nobody, and the name joins as new.
    expect((await call(base, 'POST', '/api/join', { code, name: 'Cy', token: 'abc\u0000defghijk' })).status).toBe(200);
    const transcript = { ...finished(scenario).transcript, scenario: 'first\u0000call' };
    refused(await call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: key(), transcript }, { 'x-player-token': token }), 422, 'malformed');
    refused(await call(base, 'PATCH', `/api/teams/${code}`, { name: 'Team\u0000' }, trainer), 400);
  });

  it('refuses huge, negative, fractional and non-numeric ids and counts with 400', async () => {
    // "Infinity" and "1e999" pass ajv's integer, minimum and maximum once coerced (ajv#2212): refused all the same.
    for (const id of ['1e20', '9007199254740992', '-1', '0', '1.5', 'abc', 'Infinity', '-Infinity', '1e999', '0x']) {
      refused(await call(base, 'GET', `/api/teams/${code}/results/${id}`), 400, 'invalid-request');
      refused(await call(base, 'GET', `/api/teams/${code}/members/${id}/progress`), 400, 'invalid-request');
      refused(await call(base, 'PATCH', `/api/teams/${code}/players/${id}`, { name: 'X' }, trainer), 400, 'invalid-request');
      refused(await call(base, 'DELETE', `/api/teams/${code}/players/${id}`, undefined, trainer), 400, 'invalid-request');
    }
    for (const q of ['before=1e30', 'before=-5', 'player=1e30', 'limit=1e9', 'limit=0', 'limit=Infinity', 'player=1e999', 'season=1e30', 'season=2147483648', 'since=not-a-date', 'period=forever', 'before=1&before=2']) {
      refused(await call(base, 'GET', `/api/teams/${code}/results?${q}`), 400, 'invalid-request');
    }
    refused(await call(base, 'GET', `/api/teams/${code}/board?season=1e30`), 400, 'invalid-request');
    refused(await call(base, 'GET', `/api/teams/${code}/trend?bucket=year`), 400, 'invalid-request');
    refused(await call(base, 'PATCH', `/api/teams/${code}`, { minAttempts: 1e20 }, trainer), 400, 'invalid-request');
    // The truth where the number is in range: there is no such result (404), or no such page (400 bad-cursor).
    refused(await call(base, 'GET', `/api/teams/${code}/results/9007199254740991`), 404, 'not-found');
    refused(await call(base, 'GET', `/api/teams/${code}/results?before=9007199254740991`), 400, 'bad-cursor');
    refused(await call(base, 'GET', `/api/teams/${code}/members/${playerId + 1000}/progress`), 404, 'not-found');
  });

  it('refuses wrong types and shapes with 400, an oversized body with 413', async () => {
    refused(await call(base, 'POST', '/api/join', { code: 12345678, name: { first: 'A' } }), 400, 'invalid-request');
    refused(await call(base, 'POST', '/api/join', '[]'), 400, 'invalid-request');
    refused(await call(base, 'POST', '/api/join', 'null'), 400, 'invalid-request');
    refused(await call(base, 'POST', '/api/join', '"text"'), 400, 'invalid-request');
    refused(await call(base, 'POST', '/api/join', '{"code":'), 400);
    refused(await call(base, 'POST', '/api/join', '{"__proto__":{"x":1},"code":"ABCDEFGH","name":"x"}'), 400);
    refused(await call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: key(), transcript: [] }, { 'x-player-token': token }), 400, 'invalid-request');
    refused(await call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: key(), transcript: { v: 2, events: 'x'.repeat(10) } }, { 'x-player-token': token }), 422, 'malformed');
    refused(await call(base, 'POST', '/api/join', { code, name: 'x'.repeat(300 * 1024) }), 413, 'too-large');
  });

  it(`refuses 9,000 alternating 1 ms / 2 ms ticks (207 KB) with 422 too-many-ticks, in milliseconds`, async () => {
    const real = finished(scenario, { seed: 3 }).transcript;
    const ticks: TranscriptEvent[] = Array.from({ length: 9000 }, (_, i) => ({ type: 'TICK', ms: 1 + (i % 2) }));
    const forged = { ...real, events: [...ticks, ...real.events] };
    const started = performance.now();
    const r = await call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: key(), transcript: forged }, { 'x-player-token': token });
    const took = performance.now() - started;
    refused(r, 422, 'too-many-ticks');
    expect(r.body.error.message).toContain(`${MAX_TICK_RUNS_IN_A_ROW + 1} TICK events in a row`);
    expect(took).toBeLessThan(200);
    // The real call is still accepted.
    expect((await call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: key(), transcript: real }, { 'x-player-token': token })).status).toBe(201);
  });
});
