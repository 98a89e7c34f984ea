// A player's own history over real HTTP against the real server, on SQLite and (with
// TEST_DATABASE_URL) PostgreSQL: practice calls and "Try another reply" branches are verified by
// replay and kept once per key, never on a board; an exam played through is refused there (it
// goes to /results); the list is the player's exam results and practice runs together, newest
// first, a page at a time, with transcripts, scores, mode and the branch's turn; nobody else's; and
// the same on a fresh device signed in with the personal code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryAnotherReply, type Scenario, type Session, type Transcript } from '../../src/engine/index.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { playedByIds } from './playByIds.js';
import { call, loadShipped, serverBackends } from './support.js';

const firstCall = loadShipped('first-call.json');
const IDEAL = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
const key = (name: string) => `history-${name}-0123456789abcdef`;
const claimed = (s: { politeness: number; accuracy: number; judgment: number; overall: number }) => ({ politeness: s.politeness, accuracy: s.accuracy, judgment: s.judgment, overall: s.overall });

/** Plays `reply` at `turn` of a finished call instead (the engine's "Try another reply"), then on to the end. */
function branchOf(scenario: Scenario, original: Transcript, turn: number, reply: string): { transcript: Transcript; score: ReturnType<Session['score']> } {
  const s = tryAnotherReply(scenario, original, turn);
  for (let i = 0; i < 10_000 && !(s.view.phase === 'listening' && s.view.replies.length > 0); i++) s.advance(100);
  s.advance(1200);
  const offered = s.view.replies.find((r) => r.id === reply);
  if (!offered) throw new Error(`${reply} is not on offer at turn ${turn}`);
  s.choose(offered.n);
  for (let i = 0; i < 10_000 && !s.ended; i++) s.advance(100);
  const out = { transcript: s.transcript(), score: s.score() };
  s.stop();
  return out;
}

describe.each(serverBackends())('the player’s history on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let code: string;
  let anna: { id: number; token: string; personalCode: string };
  let ben: { token: string };
  const exam = playedByIds(firstCall, IDEAL, { seed: 3 });
  const practice = playedByIds(firstCall, IDEAL, { seed: 4, mode: 'practice' });
  const branch = branchOf(firstCall, exam.transcript, 2, 'order-shipped.2');
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

  const post = (path: string, body?: unknown, headers?: Record<string, string>) => call(server.url, 'POST', path, body, headers);
  const history = (token: string, query = '') => call(server.url, 'GET', `/api/teams/${code}/me/history${query}`, undefined, { 'x-player-token': token });

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    server = await startServer(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    code = (await post('/api/teams', { name: 'Day Shift' }, trainer)).body.code;
    const a = await post('/api/join', { code, name: 'Anna' });
    anna = { id: a.body.player.id, token: a.body.token, personalCode: a.body.personalCode };
    ben = { token: (await post('/api/join', { code, name: 'Ben' })).body.token };
  }, 180_000);
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  it('keeps a practice call once per key, with the replay’s scores; another call under the same key is a conflict', async () => {
    const body = { idempotencyKey: key('practice'), transcript: practice.transcript, claimed: claimed(practice.score), playedAt: at(30) };
    const first = await post(`/api/teams/${code}/history`, body, { 'x-player-token': anna.token });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ duplicate: false, run: { source: 'practice', scenario: 'first-call', mode: 'practice', branch: null, ...claimed(practice.score), grade: practice.score.grade } });
    const again = await post(`/api/teams/${code}/history`, body, { 'x-player-token': anna.token });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, run: { id: first.body.run.id } });
    const other = await post(`/api/teams/${code}/history`, { ...body, transcript: exam.transcript }, { 'x-player-token': anna.token });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency-conflict');
  });

  it('refuses an exam played through (it belongs to /results), scores that differ from the replay, and a transcript that does not replay', async () => {
    const asAnna = { 'x-player-token': anna.token };
    const examThere = await post(`/api/teams/${code}/history`, { idempotencyKey: key('exam-here'), transcript: exam.transcript }, asAnna);
    expect(examThere.status).toBe(422);
    expect(examThere.body.error.code).toBe('exam-mode');
    expect(examThere.body.error.message).toContain('/results');
    const wrong = await post(`/api/teams/${code}/history`, { idempotencyKey: key('wrong'), transcript: practice.transcript, claimed: { ...claimed(practice.score), overall: 1 } }, asAnna);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('scores-differ');
    const cut = await post(`/api/teams/${code}/history`, { idempotencyKey: key('cut'), transcript: { ...practice.transcript, events: practice.transcript.events.slice(0, 3) } }, asAnna);
    expect(cut.status).toBe(422);
    expect(cut.body.error.code).toBe('unfinished');
    const nobody = await post(`/api/teams/${code}/history`, { idempotencyKey: key('nobody'), transcript: practice.transcript });
    expect(nobody.status).toBe(401);
  });

  it('keeps a branch of an exam as practice, with the turn it tried again; /results refuses it; no board counts either', async () => {
    const r = await post(`/api/teams/${code}/results`, { idempotencyKey: key('exam'), transcript: exam.transcript, playedAt: at(20) }, { 'x-player-token': anna.token });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const refused = await post(`/api/teams/${code}/results`, { idempotencyKey: key('branch-board'), transcript: branch.transcript }, { 'x-player-token': anna.token });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('branch');
    const kept = await post(`/api/teams/${code}/history`, { idempotencyKey: key('branch'), transcript: branch.transcript, claimed: claimed(branch.score), playedAt: at(10) }, { 'x-player-token': anna.token });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(kept.body.run).toMatchObject({ source: 'practice', mode: 'exam', branch: { turn: 2 }, ...claimed(branch.score) });
    expect(branch.score.overall).not.toBe(exam.score.overall);
    const board = await call(server.url, 'GET', `/api/teams/${code}/board?period=all`);
    const row = board.body.rows.find((x: { player: { id: number } }) => x.player.id === anna.id);
    expect(row).toMatchObject({ attempts: 1, standing: exam.score.overall });
    const results = await call(server.url, 'GET', `/api/teams/${code}/results?period=all`);
    expect(results.body.results).toHaveLength(1);
  });

  it('lists the player’s calls newest first — the branch, the exam, the practice call — with transcripts, a page at a time', async () => {
    const all = await history(anna.token);
    expect(all.status).toBe(200);
    expect(all.body.next).toBeNull();
    expect(all.body.runs.map((r: { source: string; mode: string; branch: unknown }) => [r.source, r.mode, r.branch])).toEqual([
      ['practice', 'exam', { turn: 2 }],
      ['result', 'exam', null],
      ['practice', 'practice', null],
    ]);
    expect(all.body.runs.map((r: { transcript: Transcript }) => r.transcript)).toEqual([branch.transcript, exam.transcript, practice.transcript]);
    expect(all.body.runs.map((r: { overall: number }) => r.overall)).toEqual([branch.score.overall, exam.score.overall, practice.score.overall]);
    // One at a time: the same three in the same order, then no further page.
    const paged: unknown[] = [];
    let next: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page = await history(anna.token, `?limit=1${next ? `&before=${encodeURIComponent(next)}` : ''}`);
      expect(page.status).toBe(200);
      paged.push(...page.body.runs);
      next = page.body.next;
      if (!next) break;
    }
    expect(paged).toEqual(all.body.runs);
    expect((await history(anna.token, '?before=yesterday')).status).toBe(400);
  });

  it('is the player’s own: another player’s is empty, no token is refused, and a fresh device signed in with the personal code sees the same', async () => {
    expect((await history(ben.token)).body).toEqual({ runs: [], next: null });
    expect((await call(server.url, 'GET', `/api/teams/${code}/me/history`)).status).toBe(401);
    const device = await post('/api/sign-in', { code, personalCode: anna.personalCode });
    expect(device.status).toBe(200);
    expect((await history(device.body.token)).body).toEqual((await history(anna.token)).body);
  });

  it('leaves out an exam result the trainer removed, and shows it again once restored', async () => {
    const id = (await history(anna.token)).body.runs.find((r: { source: string }) => r.source === 'result').id;
    expect((await call(server.url, 'DELETE', `/api/teams/${code}/results/${id}`, undefined, trainer)).status).toBe(204);
    expect((await history(anna.token)).body.runs.map((r: { source: string }) => r.source)).toEqual(['practice', 'practice']);
    expect((await post(`/api/teams/${code}/results/${id}/restore`, undefined, trainer)).status).toBe(204);
    expect((await history(anna.token)).body.runs).toHaveLength(3);
  });
});
