// "Typed replies only" exams (issue 13), over real HTTP against the real server on SQLite and
// (with TEST_DATABASE_URL) PostgreSQL: the trainer turns the setting on and off; a ticket says
// what the setting was when it was issued, and its exam must have every reply typed — one chosen
// with a button is refused `typed-only`, naming the reply — while the same call typed is accepted
// and stored with its typed text. A ticket issued before the trainer turned it off keeps its rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, finished, loadShipped, serverBackends, ticketFor } from './support.js';

const firstCall = loadShipped('first-call.json');

const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
let n = 0;
const key = () => `typed-only-${++n}-${Math.random().toString(36).slice(2, 10)}`;

describe.each(serverBackends())('typed replies only, on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let base: string;

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    server = await startServer(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    base = server.url;
  }, 180_000);
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  const submit = (code: string, token: string, body: Record<string, unknown>) => call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: key(), ...body }, { 'x-player-token': token });
  const setTypedOnly = (code: string, typedOnly: boolean) => call(base, 'PATCH', `/api/teams/${code}`, { typedOnly }, trainer);

  it('is off for a new team, turned on and off by the trainer only, and told with each ticket', async () => {
    const code = (await call(base, 'POST', '/api/teams', { name: 'Typists' }, trainer)).body.code as string;
    const token = (await call(base, 'POST', '/api/join', { code, name: 'Ola' })).body.token as string;
    const listed = async () => (await call(base, 'GET', '/api/teams', undefined, trainer)).body.find((x: { code: string }) => x.code === code);
    expect(await listed()).toMatchObject({ typedOnly: false });
    expect((await ticketFor(base, code, token, 'first-call')) as unknown).toMatchObject({ typedOnly: false });
    const on = await setTypedOnly(code, true);
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ code, typedOnly: true });
    expect(await listed()).toMatchObject({ typedOnly: true });
    expect((await ticketFor(base, code, token, 'first-call')) as unknown).toMatchObject({ typedOnly: true });
    // Not without the trainer's token, and only a boolean.
    expect((await call(base, 'PATCH', `/api/teams/${code}`, { typedOnly: false })).status).toBe(401);
    expect((await setTypedOnly(code, 'yes' as unknown as boolean)).status).toBe(400);
    expect((await setTypedOnly(code, false)).body).toMatchObject({ typedOnly: false });
    expect((await ticketFor(base, code, token, 'first-call')) as unknown).toMatchObject({ typedOnly: false });
  });

  it('refuses a button reply on a typed-only ticket, naming it', async () => {
    const code = (await call(base, 'POST', '/api/teams', { name: 'Recall desk' }, trainer)).body.code as string;
    const token = (await call(base, 'POST', '/api/join', { code, name: 'Piotr' })).body.token as string;
    await setTypedOnly(code, true);
    const ticket = await ticketFor(base, code, token, 'first-call');
    const refused = await submit(code, token, { transcript: finished(firstCall, { seed: ticket.seed }).transcript, ticket: ticket.ticket });
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'typed-only']);
    expect(refused.body.error.message).toContain('reply 1 was chosen with a button');
  });
});
