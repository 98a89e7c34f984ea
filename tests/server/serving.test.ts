// How the process serves: the built game with @fastify/static (on Node 20), the page for any
// client route, the trainer token made once and kept, and when `npm start` rebuilds the game.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNeeded, ensureBuilt } from '../../src/server/build.js';
import { startServer, type TestServer } from '../support/server.js';
import { call } from './support.js';

const temp = mkdtempSync(join(tmpdir(), 'htl-serving-'));
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.dispose();
  rmSync(temp, { recursive: true, force: true });
});

describe('serving', () => {
  it('serves the built game, its assets with long caching, and the page for client routes', async () => {
    const dist = join(temp, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Hold the Line</title>');
    writeFileSync(join(dist, 'assets', 'main-abc123.js'), 'console.log(1)');
    const s = await startServer({ env: { STATIC_DIR: dist } });
    servers.push(s);
    const page = await call(s.url, 'GET', '/?view=meeting&team=ABCDEFGH');
    expect([page.status, page.body]).toEqual([200, '<!doctype html><title>Hold the Line</title>']);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await call(s.url, 'GET', '/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await call(s.url, 'GET', '/leaderboard')).body).toContain('Hold the Line');
    const api = await call(s.url, 'GET', '/api/missing');
    expect([api.status, api.body.error.code]).toEqual([404, 'not-found']);
  });

  it('makes a trainer token on first start, prints it once, and keeps it', async () => {
    const dataDir = join(temp, 'data');
    const s = await startServer({ dataDir, trainerToken: null });
    servers.push(s);
    const token = /trainer token \(new[^)]*\): (\S+)/.exec(s.output())?.[1];
    expect(token).toBeTruthy();
    expect(readFileSync(join(dataDir, 'trainer-token'), 'utf8').trim()).toBe(token);
    expect((await call(s.url, 'POST', '/api/teams', { name: 'T' }, { authorization: `Bearer ${token}` })).status).toBe(201);
    await s.restart();
    expect(s.output().match(/trainer token \(new/g)).toHaveLength(1);
    expect((await call(s.url, 'GET', '/api/teams', undefined, { authorization: `Bearer ${token}` })).body).toHaveLength(1);
  });

  it('limits the request rate per client, joining most strictly, with a JSON answer', async () => {
    const s = await startServer({ env: { RATE_LIMIT: '30' } });
    servers.push(s);
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await call(s.url, 'POST', '/api/join', { code: 'ABCDEFGH', name: `n${i}` }));
    expect(answers.slice(0, 10).every((a) => a.status === 404)).toBe(true);
    expect([answers[10]!.status, answers[10]!.body.error.code]).toEqual([429, 'rate-limited']);
    expect(answers[10]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await call(s.url, 'GET', '/api/health')).status).toBe(200);
  });

  it('rebuilds only when dist/ is missing or older than the sources', () => {
    const root = join(temp, 'project');
    mkdirSync(join(root, 'src', 'game'), { recursive: true });
    mkdirSync(join(root, 'src', 'server'), { recursive: true });
    expect(buildNeeded(root)).toBeNull(); // no game here at all
    writeFileSync(join(root, 'index.html'), '');
    writeFileSync(join(root, 'src', 'game', 'main.ts'), '');
    expect(buildNeeded(root)).toMatch(/no build/);
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    for (const f of ['index.html', 'src/game/main.ts', 'src']) utimesSync(join(root, f), past, past);
    expect(buildNeeded(root)).toBeNull();
    writeFileSync(join(root, 'src', 'server', 'app.ts'), ''); // the server is not part of the game
    expect(buildNeeded(root)).toBeNull();
    writeFileSync(join(root, 'src', 'game', 'main.ts'), 'changed');
    expect(buildNeeded(root)).toMatch(/changed/);
  });

  it('builds once when several servers start at the same time', async () => {
    const root = join(temp, 'tiny');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="/src/main.ts"></script>');
    writeFileSync(join(root, 'src', 'main.ts'), 'document.title = "tiny";');
    writeFileSync(join(root, 'vite.config.ts'), 'export default { logLevel: "silent" };');
    const logs: string[] = [];
    await Promise.all([1, 2, 3].map(() => ensureBuilt(root, (m) => logs.push(m))));
    expect(logs).toEqual(['building the game (dist/ has no build yet)…']);
    expect(buildNeeded(root)).toBeNull();
  });
});

