// Scoring rules versions over real HTTP, against the real server on SQLite and (when
// TEST_DATABASE_URL is set) PostgreSQL: a transcript from before rules were recorded (v1, rules 1)
// is refused for good as 'old-rules' saying which version, today's is taken, one claiming rules
// newer than the server's is 'malformed' — and the browser's outbox shows the refusal to the
// player and never sends it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, Outbox, type Identity } from '../../src/client/index.js';
import { RULES_VERSION, TRANSCRIPT_VERSION } from '../../src/engine/index.js';
import { MemoryStorage } from '../support/memoryStorage.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { asVersion1, playedByIds } from './playByIds.js';
import { call, loadShipped, serverBackends } from './support.js';

const scenario = loadShipped('first-call.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
let n = 0;
const key = () => `rules-${++n}-${Date.now().toString(36)}-abcdefgh`;
// A promise without looking, then the recovery: kept, not ideally (seed pinned, replies by id).
const MOVES = ['opening.2', 'promise-doubt.1', 'order-shipped.1', 'delay-known.1'];
const played = playedByIds(scenario, MOVES, { seed: 4242 });
const claimed = { politeness: played.score.politeness, accuracy: played.score.accuracy, judgment: played.score.judgment, overall: played.score.overall };

const backends = serverBackends();

describe.each(backends)('scoring rules versions on $name', ({ setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let base: string;
  let identity: Identity;

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    server = await startServer(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    base = server.url;
    const team = (await call(base, 'POST', '/api/teams', { name: 'Rules Team' }, trainer)).body as { code: string };
    identity = await createApiClient(base).join(team.code, 'Rae');
  });
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  const submit = (body: unknown) => call(base, 'POST', `/api/teams/${identity.team.code}/results`, body, { 'x-player-token': identity.token });
  const stored = async () => (await call(base, 'GET', `/api/teams/${identity.team.code}/results?period=all&limit=200`)).body.results as { id: number; overall: number }[];

  it('plays a real finished exam under today\'s rules', () => {
    expect(played.transcript).toMatchObject({ v: TRANSCRIPT_VERSION, rules: RULES_VERSION, scenario: 'first-call', mode: 'exam', seed: 4242 });
    expect(played.score.final).toBe(true);
    expect(played.score.outcome).toBe('retained');
  });

  it("refuses a version-1 transcript (scored under rules 1) with 422 'old-rules', saying which rules, and stores nothing", async () => {
    const before = await stored();
    const old = asVersion1(played.transcript);
    expect(old).not.toHaveProperty('rules');
    for (const body of [{ idempotencyKey: key(), transcript: old }, { idempotencyKey: key(), transcript: old, claimed }]) {
      const r = await submit(body);
      expect([r.status, r.body.error?.code], JSON.stringify(r.body)).toEqual([422, 'old-rules']);
      expect(r.body.error.message).toMatch(/rules version 1\b/);
      expect(r.body.error.message).toContain(`version ${RULES_VERSION}`);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await stored()).toEqual(before);
  });

  it('takes the same call as a current transcript, with the scores of its replay', async () => {
    const r = await submit({ idempotencyKey: key(), transcript: played.transcript, claimed });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.result).toMatchObject({ ...claimed, grade: played.score.grade, outcome: 'retained', scenario: 'first-call' });
    const detail = await call(base, 'GET', `/api/teams/${identity.team.code}/results/${r.body.result.id}`);
    expect(detail.body.transcript).toMatchObject({ v: TRANSCRIPT_VERSION, rules: RULES_VERSION });
  });

  it("refuses rules newer than the server's, or no rules at all in a v2 transcript, as 'malformed'", async () => {
    const before = await stored();
    const newer = await submit({ idempotencyKey: key(), transcript: { ...played.transcript, rules: RULES_VERSION + 1 } });
    expect([newer.status, newer.body.error?.code], JSON.stringify(newer.body)).toEqual([422, 'malformed']);
    expect(newer.body.error.message).toContain(`rules version ${RULES_VERSION + 1}`);
    const { rules: _rules, ...noRules } = played.transcript;
    const missing = await submit({ idempotencyKey: key(), transcript: noRules });
    expect([missing.status, missing.body.error?.code], JSON.stringify(missing.body)).toEqual([422, 'malformed']);
    expect(missing.body.error.message).toMatch(/at rules/);
    const zero = await submit({ idempotencyKey: key(), transcript: { ...played.transcript, rules: 0 } });
    expect([zero.status, zero.body.error?.code]).toEqual([422, 'malformed']);
    expect(await stored()).toEqual(before);
  });

  it('shows the old-rules refusal in the outbox as refused for good, with the reason, and never sends it again', async () => {
    const storage = new MemoryStorage();
    const outbox = new Outbox({ client: createApiClient(base, { timeoutMs: 5000 }), storage });
    const before = (await stored()).length;
    const oldItem = outbox.add({ transcript: asVersion1(played.transcript) as never, title: scenario.title, claimed, identity });
    // The same replies on a seed of their own: `played` itself is on the board already (a call counts once).
    const newItem = outbox.add({ transcript: playedByIds(scenario, MOVES, { seed: 4243 }).transcript, title: scenario.title, claimed, identity });
    await outbox.flush();
    const items = new Map(outbox.snapshot().items.map((i) => [i.key, i]));
    expect(items.get(oldItem.key)).toMatchObject({ status: 'refused', attempts: 1, result: null, error: { code: 'old-rules' } });
    expect(items.get(oldItem.key)!.error!.message).toMatch(/rules version 1\b.*play the call again/);
    expect(items.get(newItem.key)).toMatchObject({ status: 'sent', error: null, result: { overall: claimed.overall } });
    expect(outbox.snapshot()).toMatchObject({ waiting: 0, sent: 1, refused: 1, reachable: true });
    // Refused for good: another round (or a reload) does not try it again.
    await outbox.flush();
    await new Outbox({ client: createApiClient(base), storage }).flush();
    expect(outbox.snapshot().items.find((i) => i.key === oldItem.key)).toMatchObject({ status: 'refused', attempts: 1 });
    expect((await stored()).length).toBe(before + 1);
    // The player may dismiss it.
    outbox.dismiss(oldItem.key);
    expect(outbox.snapshot().items.map((i) => i.key)).toEqual([newItem.key]);
  });

  it('keeps a transcript with rules newer than this game knows in the outbox, refused, without sending it', async () => {
    const storage = new MemoryStorage();
    const outbox = new Outbox({ client: createApiClient(base, { timeoutMs: 5000 }), storage });
    const before = (await stored()).length;
    const item = outbox.add({ transcript: { ...played.transcript, rules: RULES_VERSION + 1 } as never, title: scenario.title, claimed, identity });
    await outbox.flush();
    const seen = outbox.snapshot().items.find((i) => i.key === item.key)!;
    expect(seen).toMatchObject({ status: 'refused', attempts: 0, error: { code: 'unreadable-transcript' } });
    expect(seen.error!.message).toMatch(/at rules/);
    expect((await stored()).length).toBe(before);
  });
});
