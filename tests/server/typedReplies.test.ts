// Typed replies on the server (issue 13), over real HTTP against the real server on SQLite (and
// PostgreSQL with TEST_DATABASE_URL): an exam whose replies were typed verifies and is stored;
// one whose typed text does not match the reply recorded for it is refused typed-mismatch,
// naming the turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, finished, loadShipped, serverBackends, ticketFor } from './support.js';
import { typedTranscript } from '../match/typedSupport.js';

const firstCall = loadShipped('first-call.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
let n = 0;
const key = () => `typed-${++n}-${Math.random().toString(36).slice(2, 10)}`;

describe.each(serverBackends())('typed replies, on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let code: string;
  let token: string;

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    server = await startServer(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    code = (await call(server.url, 'POST', '/api/teams', { name: 'Typed desk' }, trainer)).body.code as string;
    token = (await call(server.url, 'POST', '/api/join', { code, name: 'Oksana' })).body.token as string;
  }, 180_000);
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  const submit = async (typed: (seed: number) => unknown) => {
    const ticket = await ticketFor(server.url, code, token, 'first-call');
    return call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: key(), transcript: typed(ticket.seed), ticket: ticket.ticket }, { 'x-player-token': token });
  };

  it('verifies an exam whose replies were typed, with the scores of the same call played with buttons', async () => {
    let score: unknown;
    const ok = await submit((seed) => {
      const played = finished(firstCall, { seed });
      score = played.score.overall;
      return typedTranscript(firstCall, played.transcript);
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.result).toMatchObject({ overall: score });
  });

  it('refuses a typed text that does not match the reply recorded for it, naming the turn', async () => {
    const refused = await submit((seed) => typedTranscript(firstCall, finished(firstCall, { seed }).transcript, (turn) => (turn === 2 ? { text: 'I like pizza with extra cheese', took: 'match' } : null)));
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'typed-mismatch']);
    expect(refused.body.error.message).toContain('turn 2');
  });
});
