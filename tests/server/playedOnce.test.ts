// Results bound to a player and played once, and plausibility, over real HTTP against the real
// server on SQLite and (with TEST_DATABASE_URL) PostgreSQL: a transcript copied from another
// player's replay is refused, and so is the same content twice; an online exam needs its own
// unused, unexpired ticket, while an offline one is accepted and marked; a bot's too-fast result
// is flagged for the trainer, kept off the champions, and counts again once a trainer clears it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/engine/index.js';
import { openDatabase } from '../../src/server/store/database.js';
import { parsePath, playPath } from '../../src/tools/simulate/playPath.js';
import { simulateCall } from '../../src/tools/simulate/simulateCall.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, finished, loadShipped, playOnline, serverBackends, ticketFor } from './support.js';

const firstCall = loadShipped('first-call.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
let n = 0;
const key = () => `played-once-${++n}-${Math.random().toString(36).slice(2, 10)}`;

describe.each(serverBackends())('played once, on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  let base: string;

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    databaseUrl = db.databaseUrl;
    server = await startServer(databaseUrl ? { databaseUrl } : {});
    base = server.url;
  }, 180_000);
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  async function team(name: string, ...players: string[]) {
    const code = (await call(base, 'POST', '/api/teams', { name }, trainer)).body.code as string;
    const tokens: Record<string, string> = {};
    for (const p of players) tokens[p] = (await call(base, 'POST', '/api/join', { code, name: p })).body.token;
    return { code, tokens };
  }
  const submit = (code: string, token: string, body: Record<string, unknown>) => call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: key(), ...body }, { 'x-player-token': token });
  const refusal = (r: { status: number; body: any }) => [r.status, r.body?.error?.code];

  it('refuses a transcript copied from another player, and the same content twice; the same key still answers first', async () => {
    const { code, tokens } = await team('Copies', 'Ann', 'Bob');
    const ann = await playOnline(base, code, tokens.Ann!, 'first-call', (seed) => finished(firstCall, { seed }));
    const k = key();
    const first = await submit(code, tokens.Ann!, { idempotencyKey: k, transcript: ann.transcript, ticket: ann.ticket });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.result).toMatchObject({ offline: false, flagged: false });
    // Bob fetches Ann's result with the join code and sends it as his own: with or without her ticket.
    const copied = (await call(base, 'GET', `/api/teams/${code}/results/${first.body.result.id}`)).body.transcript as Transcript;
    expect(copied).toEqual(ann.transcript);
    for (const body of [{ transcript: copied }, { transcript: copied, ticket: ann.ticket }]) {
      const r = await submit(code, tokens.Bob!, body);
      expect(refusal(r)).toEqual([409, 'already-played']);
      expect(r.body.error.message).toContain(`result ${first.body.result.id}`);
    }
    // Cutting its ticks otherwise does not make it new: the time between decisions is the same.
    const recut = { ...copied, events: copied.events.flatMap((e) => (e.type === 'TICK' && (e.repeat ?? 1) > 1 ? [{ type: 'TICK' as const, ms: e.ms }, { type: 'TICK' as const, ms: e.ms, ...(e.repeat! > 2 ? { repeat: e.repeat! - 1 } : {}) }] : [e])) };
    expect(recut.events.length).toBeGreaterThan(copied.events.length);
    expect(refusal(await submit(code, tokens.Bob!, { transcript: recut }))).toEqual([409, 'already-played']);
    // Ann herself with a new idempotency key: the same content, refused; with the same key, the first answer.
    expect(refusal(await submit(code, tokens.Ann!, { transcript: ann.transcript, ticket: ann.ticket }))).toEqual([409, 'already-played']);
    const again = await submit(code, tokens.Ann!, { idempotencyKey: k, transcript: ann.transcript, ticket: ann.ticket });
    expect([again.status, again.body.duplicate, again.body.result.id]).toEqual([200, true, first.body.result.id]);
    // An offline exam is deduplicated the same way.
    const offline = finished(firstCall, { seed: 4_000_000_001, pick: () => 2 }).transcript;
    expect((await submit(code, tokens.Bob!, { transcript: offline })).status).toBe(201);
    expect(refusal(await submit(code, tokens.Ann!, { transcript: offline }))).toEqual([409, 'already-played']);
    expect(refusal(await submit(code, tokens.Bob!, { transcript: offline }))).toEqual([409, 'already-played']);
    expect((await call(base, 'GET', `/api/teams/${code}/results`)).body.results).toHaveLength(2);
    // Another team is another board: the same content counts there once too.
    const other = await team('Elsewhere', 'Cy');
    expect((await submit(other.code, other.tokens.Cy!, { transcript: offline })).status).toBe(201);
  });

  it('gives an online exam a ticket: a seed for this player and call, single use, expiring', async () => {
    const { code, tokens } = await team('Tickets', 'Dee', 'Eli');
    const t = await ticketFor(base, code, tokens.Dee!, 'first-call');
    expect(t.ticket).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(Number.isInteger(t.seed) && t.seed >= 0 && t.seed <= 0xffffffff).toBe(true);
    const hours = (Date.parse(t.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const ticket = (body: unknown, headers: Record<string, string> = { 'x-player-token': tokens.Dee! }, at = code) => call(base, 'POST', `/api/teams/${at}/tickets`, body, headers);
    expect(refusal(await ticket({ scenario: 'no-such-call' }))).toEqual([404, 'unknown-scenario']);
    expect(refusal(await ticket({ scenario: 'first-call' }, {}))).toEqual([401, 'player-token-required']);
    expect(refusal(await ticket({ scenario: 'First Call' }))).toEqual([400, 'invalid-request']);
    const boardCode = (await call(base, 'POST', `/api/teams/${code}/board-code`, undefined, trainer)).body.boardCode as string;
    expect(refusal(await ticket({ scenario: 'first-call' }, { 'x-player-token': tokens.Dee! }, boardCode))).toEqual([403, 'read-only-code']);
  });

  it('refuses a result without its ticket, with a wrong, used or expired one; takes an offline one, marked', async () => {
    const { code, tokens } = await team('Checks', 'Fay', 'Gus');
    const fay = tokens.Fay!;
    // Without: the seed is one the server chose for this team's call, so the exam was online.
    const online = await playOnline(base, code, fay, 'first-call', (seed) => finished(firstCall, { seed }));
    const without = await submit(code, fay, { transcript: online.transcript });
    expect(refusal(without)).toEqual([422, 'ticket-required']);
    // Wrong: no such ticket; another player's; another call's; another seed than the ticket's.
    expect(refusal(await submit(code, fay, { transcript: online.transcript, ticket: 'AAAAAAAAAAAAAAAA' }))).toEqual([422, 'unknown-ticket']);
    const gus = await ticketFor(base, code, tokens.Gus!, 'first-call');
    const onGus = finished(firstCall, { seed: gus.seed }).transcript;
    expect(refusal(await submit(code, fay, { transcript: onGus, ticket: gus.ticket }))).toEqual([422, 'ticket-not-yours']);
    const otherCall = await ticketFor(base, code, fay, 'update-warning');
    expect(refusal(await submit(code, fay, { transcript: online.transcript, ticket: otherCall.ticket }))).toEqual([422, 'ticket-mismatch']);
    const mine = await ticketFor(base, code, fay, 'first-call');
    expect(refusal(await submit(code, fay, { transcript: online.transcript, ticket: mine.ticket }))).toEqual([422, 'ticket-mismatch']);
    // Its own ticket: taken. Used: a second result on the same ticket (other replies) is refused.
    const taken = await submit(code, fay, { transcript: online.transcript, ticket: online.ticket });
    expect([taken.status, taken.body.result.offline]).toEqual([201, false]);
    const secondOnSame = finished(firstCall, { seed: online.transcript.seed, pick: () => 2 }).transcript;
    const used = await submit(code, fay, { transcript: secondOnSame, ticket: online.ticket });
    expect(refusal(used)).toEqual([409, 'ticket-used']);
    expect(used.body.error.message).toContain(`result ${taken.body.result.id}`);
    // Expired: a day has gone by since the ticket was given.
    const late = await playOnline(base, code, fay, 'first-call', (seed) => finished(firstCall, { seed }));
    const db = await openDatabase({ dataDir: server.dataDir, databaseUrl });
    await db.db.updateTable('tickets').set({ expires_at: Date.now() - 1000 }).where('id', '=', late.ticket).execute();
    await db.db.destroy();
    expect(refusal(await submit(code, fay, { transcript: late.transcript, ticket: late.ticket }))).toEqual([422, 'ticket-expired']);
    // Offline: no ticket, and a seed the server never chose. Accepted, and marked on the board.
    const offline = await submit(code, fay, { transcript: finished(firstCall, { seed: 77, pick: () => 2 }).transcript });
    expect([offline.status, offline.body.result.offline], JSON.stringify(offline.body)).toEqual([201, true]);
    const listed = (await call(base, 'GET', `/api/teams/${code}/results`)).body.results as { id: number; offline: boolean }[];
    expect(listed.map((r) => [r.id, r.offline])).toEqual([
      [offline.body.result.id, true],
      [taken.body.result.id, false],
    ]);
    const row = (await call(base, 'GET', `/api/teams/${code}/board?period=season&scenario=first-call`)).body.rows[0];
    expect(row).toMatchObject({ player: { name: 'Fay' }, attempts: 2 });
    expect(row.offline).toBe(row.bestResult === offline.body.result.id ? 1 : 0);
  });

  it("flags a bot's too-fast result for the trainer, keeps it off champions, and counts it again once cleared", async () => {
    const { code, tokens } = await team('Bots', 'Hal', 'Ivo');
    // The repository's own simulator: the ideal path, sent with no time to read.
    const ideal = simulateCall(firstCall).idealPath!;
    const bot = await playOnline(base, code, tokens.Ivo!, 'first-call', (seed) => playPath(firstCall, parsePath(ideal.path), { seed }));
    const flagged = await submit(code, tokens.Ivo!, { transcript: bot.transcript, ticket: bot.ticket });
    expect([flagged.status, flagged.body.result.overall, flagged.body.result.flagged], JSON.stringify(flagged.body)).toEqual([201, 100, true]);
    // Two more of Ivo's, a person's pace, and three of Hal's, so both are ranked (3 attempts).
    for (const [who, pick] of [['Ivo', 2], ['Ivo', 3], ['Hal', 2], ['Hal', 3], ['Hal', 2]] as const) {
      const r = await playOnline(base, code, tokens[who]!, 'first-call', (seed) => finished(firstCall, { seed, pick: (turn) => (turn === 1 ? pick : 1) }));
      const posted = await submit(code, tokens[who]!, { transcript: r.transcript, ticket: r.ticket });
      expect([posted.status, posted.body.result?.flagged], JSON.stringify(posted.body)).toEqual([201, false]);
    }
    const board = async () => (await call(base, 'GET', `/api/teams/${code}/board?period=season`)).body;
    const before = await board();
    const ivo = before.rows.find((r: any) => r.player.name === 'Ivo');
    // Still listed and ranked first on its 100, marked as being checked; the champions are Hal.
    expect([before.rows[0].player.name, ivo.rank, ivo.standing, ivo.checking, ivo.bestResult]).toEqual(['Ivo', 1, 100, true, flagged.body.result.id]);
    for (const skill of ['politeness', 'accuracy', 'judgment']) expect([before.champions[skill]?.player.name, before.champions[skill]?.tied]).toEqual(['Hal', []]);
    // The trainer's list: the result with its reason.
    expect((await call(base, 'GET', `/api/teams/${code}/flagged`)).status).toBe(401);
    const list = (await call(base, 'GET', `/api/teams/${code}/flagged`, undefined, trainer)).body.results;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: flagged.body.result.id, player: { name: 'Ivo' }, flag: { code: 'too-fast', fastestMs: 0, replies: 3, tooFast: 3 } });
    expect(list[0].flag.neededMs).toBeGreaterThan(500);
    // Cleared: counts for champions again, off the list.
    expect((await call(base, 'POST', `/api/teams/${code}/results/${flagged.body.result.id}/clear`)).status).toBe(401);
    expect((await call(base, 'POST', `/api/teams/${code}/results/${flagged.body.result.id}/clear`, undefined, trainer)).status).toBe(204);
    expect((await call(base, 'POST', `/api/teams/${code}/results/999999/clear`, undefined, trainer)).status).toBe(404);
    const after = await board();
    // Ivo's 100 counts: champion of politeness, beside Hal (tied) where Hal has 100 too.
    const named = (c: any) => [c.player.name, ...c.tied.map((p: any) => p.name)];
    expect(named(after.champions.politeness)).toEqual(['Ivo']);
    for (const skill of ['accuracy', 'judgment']) expect(named(after.champions[skill]).sort()).toEqual(['Hal', 'Ivo']);
    expect(after.rows.find((r: any) => r.player.name === 'Ivo').checking).toBe(false);
    expect((await call(base, 'GET', `/api/teams/${code}/flagged`, undefined, trainer)).body.results).toEqual([]);
    // Removing is the other way out of the list: another bot result, removed by the trainer.
    const bot2 = await playOnline(base, code, tokens.Hal!, 'first-call', (seed) => playPath(firstCall, parsePath(ideal.path), { seed }));
    const second = await submit(code, tokens.Hal!, { transcript: bot2.transcript, ticket: bot2.ticket });
    expect(second.body.result.flagged).toBe(true);
    expect((await call(base, 'GET', `/api/teams/${code}/flagged`, undefined, trainer)).body.results.map((r: any) => r.id)).toEqual([second.body.result.id]);
    expect((await call(base, 'DELETE', `/api/teams/${code}/results/${second.body.result.id}`, undefined, trainer)).status).toBe(204);
    expect((await call(base, 'GET', `/api/teams/${code}/flagged`, undefined, trainer)).body.results).toEqual([]);
  });
});
