// kill -9 the server while it takes a stream of submissions, start it again: every submission
// that got a success answer is there, nothing is half-written, and re-sending what was in
// flight (as the outbox does) stores each result exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/index.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, finished, freshPgSchema, loadShipped, TEST_PG } from './support.js';

const scenario = loadShipped('first-call.json');
// Each submission a call of its own (its own seed): the team keeps each call's content once.
const plays = new Map<number, ReturnType<typeof finished>>();
const play = (n: number) => plays.get(n) ?? plays.set(n, finished(scenario, { seed: 1000 + n, pick: () => 1 + (n % 3) })).get(n)!;

const backends: { name: string; url: () => Promise<{ databaseUrl?: string; drop?: () => Promise<void> }> }[] = [{ name: 'sqlite', url: async () => ({}) }];
if (TEST_PG) backends.push({ name: 'postgres', url: async () => { const s = await freshPgSchema(); return { databaseUrl: s.url, drop: s.drop }; } });

describe.each(backends)('crash on $name', ({ url }) => {
  let server: TestServer | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await server?.dispose();
    await drop?.();
  });

  it('keeps every acknowledged submission across kill -9, and stores each key once', async () => {
    const db = await url();
    drop = db.drop;
    server = await startServer(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    const base = server.url;
    const team = (await call(base, 'POST', '/api/teams', { name: 'Crash' }, { authorization: `Bearer ${TEST_TRAINER_TOKEN}` })).body;
    const player = (await call(base, 'POST', '/api/join', { code: team.code, name: 'Kim' })).body;
    const headers = { 'x-player-token': player.token, 'content-type': 'application/json' };

    const acked = new Map<string, { id: number; overall: number }>();
    const sent: { key: string; play: number }[] = [];
    let n = 0;
    let killed = false;
    async function worker(): Promise<void> {
      while (!killed) {
        const key = `crash-${n}-${'x'.repeat(16)}`;
        const at = n++;
        sent.push({ key, play: at });
        try {
          const res = await fetch(`${base}/api/teams/${team.code}/results`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: key, transcript: play(at).transcript }) });
          if (res.status === 201 || res.status === 200) {
            const body = (await res.json()) as { result: { id: number; overall: number } };
            acked.set(key, body.result);
          }
        } catch {
          // the server died mid-request: this one's fate is unknown until it is sent again
        }
      }
    }
    const workers = Array.from({ length: 8 }, worker);
    // Kill it in the middle of the stream, once a good number of answers have come back.
    while (acked.size < 150) await new Promise((r) => setTimeout(r, 5));
    await server.kill();
    killed = true;
    await Promise.all(workers);
    expect(sent.length).toBeGreaterThan(acked.size); // some were in flight when it died

    await server.restart();
    // Every acknowledged result is there, whole, and replays to its stored scores.
    for (const [key, r] of acked) {
      const d = await call(base, 'GET', `/api/teams/${team.code}/results/${r.id}`);
      expect(d.status, key).toBe(200);
      expect(d.body.overall).toBe(r.overall);
      expect(replay(scenario, d.body.transcript, { requireEnd: true }).score.overall).toBe(d.body.overall);
    }
    // Send everything again, as an outbox would after a crash: each key ends up stored once.
    for (const { key, play: at } of sent) {
      const res = await call(base, 'POST', `/api/teams/${team.code}/results`, { idempotencyKey: key, transcript: play(at).transcript }, { 'x-player-token': player.token });
      expect([200, 201]).toContain(res.status);
      if (acked.has(key)) expect(res.body).toMatchObject({ duplicate: true, result: { id: acked.get(key)!.id } });
    }
    const all: { id: number }[] = [];
    for (let before: number | null = null; ; ) {
      const page: { results: { id: number }[]; next: number | null } = (await call(base, 'GET', `/api/teams/${team.code}/results?limit=200${before ? `&before=${before}` : ''}`)).body;
      all.push(...page.results);
      if (page.next === null) break;
      before = page.next;
    }
    expect(all).toHaveLength(sent.length);
    expect(new Set(all.map((r) => r.id)).size).toBe(sent.length);
  });
});
