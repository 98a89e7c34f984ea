// "Typed replies only" exams (issue 13), over real HTTP against the real server on SQLite and
// (with TEST_DATABASE_URL) PostgreSQL: the trainer turns the setting on and off; a ticket says
// what the setting was when it was issued, and its exam must have every reply typed — one chosen
// with a button is refused `typed-only`, naming the reply — while the same call typed is accepted
// and stored with its typed text. A ticket issued before the trainer turned it off keeps its rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, type Scenario, type Transcript } from '../../src/engine/index.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { thinkMs } from './playCall.js';
import { call, finished, loadShipped, serverBackends, ticketFor } from './support.js';

const firstCall = loadShipped('first-call.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
let n = 0;
const key = () => `typed-only-${++n}-${Math.random().toString(36).slice(2, 10)}`;

/** An exam played by typing each reply (the first in the file's order): its own words, as the matcher takes them. */
function typedExam(s: Scenario, seed: number): Transcript {
  const session = new Session(s, { seed, mode: 'exam' });
  session.advance(800);
  session.answer();
  for (let guard = 0; guard < 100_000 && !session.ended; guard++) {
    const v = session.view;
    if (v.phase === 'listening' && v.replies.length > 0) {
      session.advance(thinkMs(session));
      if (session.ended || session.view.phase !== 'listening') continue;
      const node = s.nodes.get(session.context.node)!;
      const first = session.view.replies.find((r) => r.id === node.replies[0]!.id)!;
      expect(session.send({ type: 'CHOOSE', n: first.n, typed: first.say, took: 'match' })).toBe(true);
    } else session.advance(100);
  }
  const t = session.transcript();
  session.stop();
  return t;
}

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

  it('refuses a button reply on a typed-only ticket, accepts the call typed and keeps its text; an older ticket keeps its rule', async () => {
    const code = (await call(base, 'POST', '/api/teams', { name: 'Recall desk' }, trainer)).body.code as string;
    const token = (await call(base, 'POST', '/api/join', { code, name: 'Piotr' })).body.token as string;
    await setTypedOnly(code, true);
    const ticket = await ticketFor(base, code, token, 'first-call');
    const buttons = finished(firstCall, { seed: ticket.seed });
    const refused = await submit(code, token, { transcript: buttons.transcript, ticket: ticket.ticket });
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'typed-only']);
    expect(refused.body.error.message).toContain('reply 1 was chosen with a button');
    // The same call typed: accepted on the same ticket (the refusal used nothing), its text kept.
    const typed = typedExam(firstCall, ticket.seed);
    const accepted = await submit(code, token, { transcript: typed, ticket: ticket.ticket });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.result).toMatchObject({ offline: false });
    const stored = (await call(base, 'GET', `/api/teams/${code}/results/${accepted.body.result.id}`)).body.transcript as Transcript;
    const chosen = stored.events.filter((e) => e.type === 'CHOOSE');
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.every((e) => typeof e.typed === 'string' && e.typed.length > 0 && e.took === 'match')).toBe(true);
    expect(stored).toEqual(typed);

    // A ticket issued while it was on keeps it after the trainer turns it off; a new one does not.
    const before = await ticketFor(base, code, token, 'first-call');
    await setTypedOnly(code, false);
    const after = await ticketFor(base, code, token, 'first-call');
    const pick = () => 2;
    expect((await submit(code, token, { transcript: finished(firstCall, { seed: before.seed, pick }).transcript, ticket: before.ticket })).body.error?.code).toBe('typed-only');
    expect((await submit(code, token, { transcript: finished(firstCall, { seed: after.seed, pick }).transcript, ticket: after.ticket })).status).toBe(201);
  });
});
