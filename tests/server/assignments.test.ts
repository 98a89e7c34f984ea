// Assignments with pass gates and certificates (issue 15) on the real server, on SQLite and (with
// TEST_DATABASE_URL) PostgreSQL, on an injected clock: an assignment on the first call (overall ≥ 70
// and judgment ≥ 80, two exams each) played through the real exam flow — tickets, results verified
// by replay, replies named by id — by Ann (misses the judgment gate, then passes: certificate) and
// Ben (misses it twice: failed; a third exam counts for the board only); Cat never plays (not
// started, then overdue); the CSV; the certificate at its public URL, a forged code, and expiry
// starting a new round. Seeds come from the server's tickets; the scores do not depend on them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentBoard, MemberProgress, MyAssignments } from '../../src/client/assignmentTypes.js';
import { buildApp } from '../../src/server/app.js';
import { ScenarioLibrary } from '../../src/server/scenarios.js';
import { openDatabase } from '../../src/server/store/database.js';
import { Store } from '../../src/server/store/store.js';
import { playedByIds } from './playByIds.js';
import { call, loadShipped, playOnline, SCENARIO_DIR, serverBackends } from './support.js';

const TRAINER = 'assignment-trainer-token-0123456789';
const DAY = 86_400_000;
const firstCall = loadShipped('first-call.json');
/** 100 everywhere. */
const PERFECT = ['opening.1', 'order-shipped.1', 'delay-known.1'];
/** Overall 72, judgment 70: passes the overall gate, misses judgment ≥ 80. */
const SHORT_ON_JUDGMENT = ['opening.2', 'promise-doubt.1', 'order-shipped.1', 'delay-known.2'];

describe.each(serverBackends())('assignments on $name', ({ setup }) => {
  let app: FastifyInstance;
  let store: Store;
  let base: string;
  let dataDir: string;
  let drop: (() => Promise<void>) | undefined;
  let clock = Date.UTC(2026, 0, 5, 9, 0);
  const trainer = { authorization: `Bearer ${TRAINER}` };
  let code: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let assignmentId: number;
  let keys = 0;

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    dataDir = mkdtempSync(join(tmpdir(), 'htl-assign-'));
    const opened = await openDatabase({ databaseUrl: db.databaseUrl, dataDir });
    store = new Store(opened.db, opened.dialect);
    const library = new ScenarioLibrary({ dir: SCENARIO_DIR, store });
    await library.scan();
    app = await buildApp({ store, library, trainerToken: TRAINER, rateLimit: 1_000_000, now: () => clock });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    code = (await call(base, 'POST', '/api/teams', { name: 'New hires' }, trainer)).body.code;
    for (const name of ['Ann', 'Ben', 'Cat', 'Dan']) {
      const j = (await call(base, 'POST', '/api/join', { code, name })).body;
      tokens[name] = j.token;
      ids[name] = j.player.id;
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await store?.close();
    await drop?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** One exam through the real flow: a ticket, the call played by reply ids on its seed, the result. */
  async function exam(who: string, moves: readonly string[]) {
    const played = await playOnline(base, code, tokens[who]!, 'first-call', (seed) => playedByIds(firstCall, moves, { seed }));
    const r = await call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `assign-${keys++}-0123456789abcdef`, transcript: played.transcript, ticket: played.ticket }, { 'x-player-token': tokens[who]! });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }
  const board = async (): Promise<AssignmentBoard> => (await call(base, 'GET', `/api/teams/${code}/assignments`)).body;
  const member = async (name: string): Promise<MemberProgress> => (await board()).assignments[0]!.progress.find((m) => m.player.name === name)!;

  it('is created by the trainer only, for chosen members, and refuses what it cannot hold', async () => {
    const body = { title: 'Week 1: late orders', calls: ['first-call'], members: [ids.Ann, ids.Ben, ids.Cat], dueAt: new Date(clock + 7 * DAY).toISOString(), attemptCap: 2, gates: { overall: 70, skills: { judgment: 80 } }, certificateDays: 30 };
    expect((await call(base, 'POST', `/api/teams/${code}/assignments`, body)).body.error.code).toBe('trainer-token-required');
    const unknown = await call(base, 'POST', `/api/teams/${code}/assignments`, { ...body, calls: ['no-such-call'] }, trainer);
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'unknown-scenario']);
    const stranger = await call(base, 'POST', `/api/teams/${code}/assignments`, { ...body, members: [ids.Ann, 999_999] }, trainer);
    expect([stranger.status, stranger.body.error.code]).toEqual([422, 'unknown-member']);
    const badGate = await call(base, 'POST', `/api/teams/${code}/assignments`, { ...body, gates: { overall: 101 } }, trainer);
    expect([badGate.status, badGate.body.error.code]).toEqual([400, 'invalid-request']);
    const past = await call(base, 'POST', `/api/teams/${code}/assignments`, { ...body, dueAt: new Date(clock - 1000).toISOString() }, trainer);
    expect([past.status, past.body.error.code]).toEqual([400, 'due-date-past']);
    const made = await call(base, 'POST', `/api/teams/${code}/assignments`, body, trainer);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const pastEdit = await call(base, 'PATCH', `/api/teams/${code}/assignments/${made.body.id}`, { dueAt: new Date(clock - DAY).toISOString() }, trainer);
    expect([pastEdit.status, pastEdit.body.error.code]).toEqual([400, 'due-date-past']);
    assignmentId = made.body.id;
    expect(made.body).toMatchObject({ title: 'Week 1: late orders', calls: ['first-call'], attemptCap: 2, gates: { overall: 70, skills: { judgment: 80 } }, certificateDays: 30, archivedAt: null });
    const b = await board();
    expect(b.assignments[0]!.progress.map((m) => [m.player.name, m.status])).toEqual([
      ['Ann', 'not-started'],
      ['Ben', 'not-started'],
      ['Cat', 'not-started'],
    ]);
    // Dan is not chosen: nothing for him.
    expect(((await call(base, 'GET', `/api/teams/${code}/me/assignments`, undefined, { 'x-player-token': tokens.Dan! })).body as MyAssignments).assignments).toEqual([]);
  });

  it('tells each exam whether it passed the gates and which it missed, and issues the certificate on the last pass', async () => {
    clock += DAY;
    const first = await exam('Ann', SHORT_ON_JUDGMENT);
    expect(first.assignments).toEqual([{ id: assignmentId, title: 'Week 1: late orders', counted: true, passed: false, missed: [{ gate: 'judgment', needed: 80, scored: 70 }], attemptsLeft: 1, status: 'in-progress', certificate: null }]);
    expect((await member('Ann')).status).toBe('in-progress');
    clock += 1000;
    const second = await exam('Ann', PERFECT);
    expect(second.assignments[0]).toMatchObject({ counted: true, passed: true, missed: [], attemptsLeft: 0, status: 'passed' });
    expect(second.assignments[0].certificate).toMatch(/^[0-9a-f]{32}$/);
    const ann = await member('Ann');
    expect(ann).toMatchObject({ status: 'passed', certificate: { code: second.assignments[0].certificate, issuedAt: new Date(clock).toISOString(), expiresAt: new Date(clock + 30 * DAY).toISOString() } });
    expect(ann.calls[0]).toMatchObject({ scenario: 'first-call', attempts: 2, passed: true, best: { overall: 100, judgment: 100 } });
  });

  it('fails a member whose attempts are used up, and keeps a further exam on the board but out of the assignment', async () => {
    await exam('Ben', SHORT_ON_JUDGMENT);
    const used = await exam('Ben', SHORT_ON_JUDGMENT);
    expect(used.assignments[0]).toMatchObject({ counted: true, passed: false, attemptsLeft: 0, status: 'failed', certificate: null });
    const beyond = await exam('Ben', PERFECT);
    expect(beyond.assignments[0]).toMatchObject({ counted: false, passed: false, missed: [], attemptsLeft: 0, status: 'failed', certificate: null });
    expect(await member('Ben')).toMatchObject({ status: 'failed', certificate: null, calls: [{ attempts: 2, passed: false, best: { overall: 72, judgment: 70 } }] });
    // On the board the third exam stands: Ben's best there is 100.
    const season = (await call(base, 'GET', `/api/teams/${code}/board?period=season&scenario=first-call`)).body;
    expect(season.rows.find((r: { player: { name: string } }) => r.player.name === 'Ben')).toMatchObject({ standing: 100, attempts: 3 });
    const mine: MyAssignments = (await call(base, 'GET', `/api/teams/${code}/me/assignments`, undefined, { 'x-player-token': tokens.Ben! })).body;
    expect(mine.assignments.map((a) => [a.id, a.progress.status, a.progress.calls[0]!.attemptsLeft])).toEqual([[assignmentId, 'failed', 0]]);
  });

  it('counts each status, and marks who has not passed by the due date overdue (failed stays failed)', async () => {
    expect((await board()).assignments[0]!.counts).toEqual({ 'not-started': 1, 'in-progress': 0, passed: 1, failed: 1, overdue: 0 });
    clock += 7 * DAY;
    const b = await board();
    expect(b.assignments[0]!.progress.map((m) => [m.player.name, m.status])).toEqual([
      ['Ann', 'passed'],
      ['Ben', 'failed'],
      ['Cat', 'overdue'],
    ]);
    expect(b.assignments[0]!.counts).toEqual({ 'not-started': 0, 'in-progress': 0, passed: 1, failed: 1, overdue: 1 });
  });

  it("exports each member's status and best scores as CSV, for the trainer", async () => {
    expect((await call(base, 'GET', `/api/teams/${code}/assignments.csv`)).status).toBe(401);
    const r = await call(base, 'GET', `/api/teams/${code}/assignments.csv`, undefined, trainer);
    expect(r.status).toBe(200);
    const lines = (r.body as string).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('assignment_id,assignment,player_id,player,status,due_at,call,title,attempts,call_passed,best_overall,best_politeness,best_accuracy,best_judgment,certificate,certificate_expires_at,archived_at');
    const rowOf = (name: string, of = assignmentId) => lines.find((l) => l.split(',')[3] === name && l.split(',')[0] === String(of))!.split(',');
    const ann = await member('Ann');
    // Dates as a reader reads them, in UTC to the minute.
    const readable = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
    expect(rowOf('Ann').slice(4)).toEqual(['passed', readable(ann.dueAt), 'first-call', firstCall.title, '2', 'yes', '100', '100', '100', '100', ann.certificate!.code, readable(ann.certificate!.expiresAt!), '']);
    expect(rowOf('Ben').slice(4, 14)).toEqual(['failed', readable(ann.dueAt), 'first-call', firstCall.title, '2', 'no', '72', '85', '60', '70']);
    expect(rowOf('Cat').slice(4, 14)).toEqual(['overdue', readable(ann.dueAt), 'first-call', firstCall.title, '0', 'no', '', '', '', '']);
    // An archived assignment's rows stay, marked with the day it was archived.
    const old = await call(base, 'POST', `/api/teams/${code}/assignments`, { title: 'Old drill', calls: ['first-call'], dueAt: new Date(clock + DAY).toISOString(), attemptCap: 1, gates: { overall: 10 } }, trainer);
    expect((await call(base, 'PATCH', `/api/teams/${code}/assignments/${old.body.id}`, { archived: true }, trainer)).status).toBe(200);
    const again = ((await call(base, 'GET', `/api/teams/${code}/assignments.csv`, undefined, trainer)).body as string).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const archived = again.filter((l) => l.split(',')[0] === String(old.body.id));
    expect(archived.length).toBeGreaterThan(0);
    for (const l of archived) expect(l.split(',').at(-1)).toBe(readable(new Date(clock).toISOString()));
    expect(again.filter((l) => l.split(',')[0] === String(assignmentId)).every((l) => l.split(',').at(-1) === '')).toBe(true);
  });

  it('verifies a certificate at its public URL (name, assignment, date, scores only); a forged code is not one', async () => {
    const { code: cert, issuedAt } = (await member('Ann')).certificate!;
    const grouped = cert.toUpperCase().match(/.{4}/g)!.join('-');
    const r = await call(base, 'GET', `/api/certificates/${grouped}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ name: 'Ann', assignment: 'Week 1: late orders', issuedAt, expiresAt: new Date(Date.parse(issuedAt) + 30 * DAY).toISOString(), scores: [{ title: firstCall.title, overall: 100, politeness: 100, accuracy: 100, judgment: 100 }] });
    // One hex digit changed, and something that is not a code at all.
    const forged = cert.slice(0, -1) + (cert.endsWith('0') ? '1' : '0');
    for (const bad of [forged, 'deadbeef']) {
      const f = await call(base, 'GET', `/api/certificates/${bad}`);
      expect([f.status, f.body.error.code]).toEqual([404, 'unknown-certificate']);
      expect(f.body.error.message).toMatch(/not a valid certificate/);
    }
  });

  it('expires the certificate after its days, and starts a new round: not started, due as long after the expiry', async () => {
    const before = await member('Ann');
    const expiresAt = Date.parse(before.certificate!.expiresAt!);
    clock = expiresAt;
    const r = await call(base, 'GET', `/api/certificates/${before.certificate!.code}`);
    expect([r.status, r.body.error.code, r.body.error.expiredAt]).toEqual([410, 'certificate-expired', new Date(expiresAt).toISOString()]);
    const ann = await member('Ann');
    expect(ann).toMatchObject({ status: 'not-started', retakes: 1, certificate: null, calls: [{ attempts: 0, attemptsLeft: 2, passed: false, best: null }], dueAt: new Date(expiresAt + 7 * DAY).toISOString() });
    // The retake: a pass in the new round issues a new certificate.
    clock += DAY;
    const again = await exam('Ann', PERFECT);
    expect(again.assignments[0]).toMatchObject({ counted: true, passed: true, status: 'passed' });
    expect(again.assignments[0].certificate).not.toBe(before.certificate!.code);
    expect((await call(base, 'GET', `/api/certificates/${again.assignments[0].certificate}`)).status).toBe(200);
  });

  it('is edited and archived by the trainer; an archived one leaves the lists and counts no more', async () => {
    const edited = await call(base, 'PATCH', `/api/teams/${code}/assignments/${assignmentId}`, { title: 'Week 1 (late orders)', attemptCap: 3 }, trainer);
    expect(edited.body).toMatchObject({ title: 'Week 1 (late orders)', attemptCap: 3 });
    // A third attempt allowed: Ben's PERFECT exam (his third) now counts, he passes, and his certificate is issued with the edit.
    const ben = await member('Ben');
    expect(ben).toMatchObject({ status: 'passed', certificate: { issuedAt: new Date(clock).toISOString() } });
    expect((await call(base, 'GET', `/api/certificates/${ben.certificate!.code}`)).body).toMatchObject({ name: 'Ben', assignment: 'Week 1 (late orders)', scores: [{ overall: 100 }] });
    const archived = await call(base, 'PATCH', `/api/teams/${code}/assignments/${assignmentId}`, { archived: true }, trainer);
    expect(archived.body.archivedAt).toBe(new Date(clock).toISOString());
    expect((await board()).assignments).toEqual([]);
    // This one and the CSV test's "Old drill".
    expect((await call(base, 'GET', `/api/teams/${code}/assignments?archived=true`)).body.assignments).toHaveLength(2);
    const after = await exam('Cat', PERFECT);
    expect(after.assignments).toBeUndefined();
    const missing = await call(base, 'PATCH', `/api/teams/${code}/assignments/999999`, { archived: true }, trainer);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'unknown-assignment']);
  });

  it('gives a failed member another round: it starts now, as after an expiry, and an exam in it counts', async () => {
    const made = await call(base, 'POST', `/api/teams/${code}/assignments`, { title: 'Second chances', calls: ['first-call'], members: [ids.Dan], dueAt: new Date(clock + 7 * DAY).toISOString(), attemptCap: 1, gates: { overall: 70, skills: { judgment: 80 } } }, trainer);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id: number = made.body.id;
    const dan = async (): Promise<MemberProgress> => ((await call(base, 'GET', `/api/teams/${code}/assignments`)).body as AssignmentBoard).assignments.find((a) => a.id === id)!.progress[0]!;
    clock += 1000;
    expect((await exam('Dan', SHORT_ON_JUDGMENT)).assignments[0]).toMatchObject({ id, status: 'failed', attemptsLeft: 0 });
    const round = `/api/teams/${code}/assignments/${id}/rounds`;
    expect((await call(base, 'POST', round, { playerId: ids.Dan })).status).toBe(401);
    const stranger = await call(base, 'POST', round, { playerId: ids.Ann }, trainer);
    expect([stranger.status, stranger.body.error.code]).toEqual([422, 'unknown-member']);
    clock += DAY;
    const given = await call(base, 'POST', round, { playerId: ids.Dan }, trainer);
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    // Nothing before the round counts; it is due as long after its start as the first round was.
    expect(given.body).toMatchObject({ status: 'not-started', retakes: 1, certificate: null, dueAt: new Date(clock + Date.parse(made.body.dueAt) - Date.parse(made.body.createdAt)).toISOString(), calls: [{ attempts: 0, attemptsLeft: 1, passed: false, best: null }] });
    expect(await dan()).toEqual(given.body);
    clock += 1000;
    const passed = (await exam('Dan', PERFECT)).assignments[0];
    expect(passed).toMatchObject({ id, counted: true, passed: true, status: 'passed' });
    expect(passed.certificate).toMatch(/^[0-9a-f]{32}$/);
    expect(await dan()).toMatchObject({ status: 'passed', retakes: 1, certificate: { code: passed.certificate } });
    // Passed: no need for another round.
    const again = await call(base, 'POST', round, { playerId: ids.Dan }, trainer);
    expect([again.status, again.body.error.code]).toEqual([409, 'already-passed']);
  });
});
