// The team's results list against the real server on SQLite and PostgreSQL: sorted by when each
// call was played (not when it arrived), ties by id, a page at a time with a cursor that covers
// every result once, bad cursors refused in words, and titles in the viewer's language where the
// server has that version of the call, else English.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, finished, loadShipped, SCENARIO_DIR, serverBackends } from './support.js';

const en = loadShipped('first-call.json');
const ru = loadShipped('first-call.ru.json');
const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
const HOUR = 3_600_000;

// A folder with the call in English and Russian only, so a Polish viewer falls back to English.
const folder = mkdtempSync(join(tmpdir(), 'htl-recent-'));
for (const f of ['first-call.json', 'first-call.ru.json']) copyFileSync(join(SCENARIO_DIR, f), join(folder, f));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

for (const backend of serverBackends()) {
  describe(`recent calls (${backend.name})`, () => {
    let server: TestServer;
    let drop: (() => Promise<void>) | undefined;
    let code: string;
    let otherCode: string;
    let omarId: number;
    /** Result ids by label, in the order they were sent. */
    const ids: Record<string, number> = {};
    const base = Date.now() - 2 * 86_400_000;

    beforeAll(async () => {
      const db = await backend.setup();
      drop = db.drop;
      server = await startServer({ ...(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {}), env: { SCENARIO_DIR: folder } });
      code = (await call(server.url, 'POST', '/api/teams', { name: 'Order Team' }, trainer)).body.code;
      otherCode = (await call(server.url, 'POST', '/api/teams', { name: 'Other Team' }, trainer)).body.code;
      const nora = (await call(server.url, 'POST', '/api/join', { code, name: 'Nora' })).body;
      const omar = (await call(server.url, 'POST', '/api/join', { code, name: 'Omar' })).body;
      omarId = omar.player.id;
      const stranger = (await call(server.url, 'POST', '/api/join', { code: otherCode, name: 'Sam' })).body;
      // Sent in this order; played at these hours after `base` (an offline call arrives late).
      const sends: [string, typeof nora, typeof en, number][] = [
        ['new', nora, en, 30],
        ['offline', omar, ru, 2],
        ['mid', nora, en, 10],
        ['tieFirst', omar, en, 20],
        ['tieSecond', nora, ru, 20],
      ];
      let n = 0;
      for (const [label, p, s, hours] of sends) {
        const r = await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `recent-${backend.name}-${n++}-abcdefghijkl`, transcript: finished(s, { seed: n }).transcript, playedAt: new Date(base + hours * HOUR).toISOString() }, { 'x-player-token': p.token });
        expect(r.status).toBe(201);
        ids[label] = r.body.result.id;
      }
      const r = await call(server.url, 'POST', `/api/teams/${otherCode}/results`, { idempotencyKey: `recent-${backend.name}-other-abcdefghijkl`, transcript: finished(en).transcript }, { 'x-player-token': stranger.token });
      expect(r.status).toBe(201);
      ids.stranger = r.body.result.id;
    }, 180_000);
    afterAll(async () => {
      await server?.dispose();
      await drop?.();
    });

    const list = async (query: string) => {
      const r = await call(server.url, 'GET', `/api/teams/${code}/results?period=all${query}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as { results: { id: number; title: string; locale: string; playedAt: string }[]; next: number | null };
    };

    it('lists by when each call was played, newest first, ties by id (newest first)', async () => {
      const page = await list('');
      expect(page.results.map((r) => r.id)).toEqual([ids.new, ids.tieSecond, ids.tieFirst, ids.mid, ids.offline]);
      const times = page.results.map((r) => Date.parse(r.playedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(page.next).toBeNull();
    });

    it('pages with a cursor: every result once, in order, the last page says there is no more', async () => {
      const seen: number[] = [];
      let before: number | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page = await list(`&limit=2${before ? `&before=${before}` : ''}`);
        expect(page.results.length).toBeLessThanOrEqual(2);
        seen.push(...page.results.map((r) => r.id));
        before = page.next;
        if (before === null) break;
      }
      expect(seen).toEqual([ids.new, ids.tieSecond, ids.tieFirst, ids.mid, ids.offline]);
      // The cursor sits between two results played at the same moment.
      expect((await list(`&limit=1&before=${ids.tieSecond}`)).results.map((r) => r.id)).toEqual([ids.tieFirst]);
    });

    it("refuses a cursor that is not one of the team's results, in words", async () => {
      for (const bad of [ids.stranger, 999_999]) {
        const r = await call(server.url, 'GET', `/api/teams/${code}/results?before=${bad}`);
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe('bad-cursor');
        expect(r.body.error.message).toMatch(/not one of its results/);
      }
      for (const bad of ['0', 'abc', '-3']) expect((await call(server.url, 'GET', `/api/teams/${code}/results?before=${bad}`)).status).toBe(400);
      expect((await call(server.url, 'GET', `/api/teams/${code}/results?lang=${encodeURIComponent('<b>')}`)).status).toBe(400);
    });

    it("gives titles in the viewer's language where that version exists, else English", async () => {
      const inRu = await list('&lang=ru');
      expect(new Set(inRu.results.map((r) => r.title))).toEqual(new Set([ru.title]));
      const inEn = await list('&lang=en');
      expect(new Set(inEn.results.map((r) => r.title))).toEqual(new Set([en.title]));
      // No Polish version in this folder: English, even for calls played in Russian.
      const inPl = await list('&lang=pl');
      expect(new Set(inPl.results.map((r) => r.title))).toEqual(new Set([en.title]));
      expect(inPl.results.filter((r) => r.locale === 'ru')).toHaveLength(2);
      // Without a language: English.
      expect(new Set((await list('')).results.map((r) => r.title))).toEqual(new Set([en.title]));
    });

    it('keeps the filters: one player, one call, a period', async () => {
      expect((await list(`&player=${omarId}`)).results.map((r) => r.id)).toEqual([ids.tieFirst, ids.offline]);
      expect((await list('&scenario=update-warning')).results).toEqual([]);
      const since = new Date(base + 15 * HOUR).toISOString();
      const recent = await call(server.url, 'GET', `/api/teams/${code}/results?since=${encodeURIComponent(since)}`);
      expect(recent.body.results.map((r: { id: number }) => r.id)).toEqual([ids.new, ids.tieSecond, ids.tieFirst]);
    });
  });
}
