// The built game over the wire: the build writes a brotli and a gzip copy of each text file, and
// the server sends the one the browser accepts with its Content-Encoding (Vary: Accept-Encoding);
// files named by their hash are cached for good, the page is revalidated (ETag, 304). Sounds and
// voices are compressed already and go as they are.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtGame } from '../../src/game/dev/buildCache.js';
import { startServer, type TestServer } from '../support/server.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly the headers given (fetch would add Accept-Encoding and decompress). */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((res, rej) => {
    const req = request(`${base}${path}`, { headers }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => res({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks) }));
      r.on('error', rej);
    });
    req.on('error', rej);
    req.end();
  });
}

const decoded = (r: Raw) => (r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body);

let dist = '';
let server: TestServer;
beforeAll(async () => {
  dist = await builtGame();
  server = await startServer({ env: { STATIC_DIR: dist } });
}, 600_000);
afterAll(async () => {
  await server?.dispose();
});

describe('the built game over the wire', () => {
  it('builds a .br and a .gz beside each text file, and none beside sounds', () => {
    const assets = readdirSync(join(dist, 'assets'));
    for (const f of ['index.html', ...assets.filter((a) => /\.(js|css)$/.test(a)).map((a) => `assets/${a}`)]) {
      // A file of a few bytes would only grow: the build keeps no copy that is not smaller.
      if (statSync(join(dist, f)).size < 200) continue;
      expect(existsSync(join(dist, `${f}.br`)), `${f}.br`).toBe(true);
      expect(existsSync(join(dist, `${f}.gz`)), `${f}.gz`).toBe(true);
    }
    expect(assets.filter((a) => /\.(webm|mp3)\.(br|gz)$/.test(a))).toEqual([]);
  });

  it('sends the page and a hashed chunk in the encoding asked for, the same bytes once decoded', async () => {
    const html = readFileSync(join(dist, 'index.html'));
    const entry = /src="(\/assets\/[^"]+\.js)"/.exec(html.toString())![1]!;
    const js = readFileSync(join(dist, entry));
    for (const [path, file, type, cache] of [
      ['/', html, /^text\/html/, 'no-cache'],
      ['/leaderboard', html, /^text\/html/, 'no-cache'], // a client route: the page
      [entry, js, /javascript/, 'public, max-age=31536000, immutable'],
    ] as const) {
      for (const [accept, encoding] of [
        ['br', 'br'],
        ['gzip', 'gzip'],
        ['gzip, deflate, br, zstd', 'br'],
        ['', undefined],
        ['identity', undefined],
      ] as const) {
        const r = await get(server.url, path, accept ? { 'accept-encoding': accept } : {});
        const what = `${path} with Accept-Encoding: ${accept || '(none)'}`;
        expect(r.status, what).toBe(200);
        expect(r.headers['content-encoding'], what).toBe(encoding);
        expect(r.headers['content-type'], what).toMatch(type);
        expect(r.headers['vary'], what).toMatch(/accept-encoding/i);
        expect(r.headers['cache-control'], what).toBe(cache);
        if (encoding) expect(r.body.length, what).toBeLessThan(file.length);
        expect(decoded(r).equals(file), what).toBe(true);
      }
    }
  });

  it('answers 304 when the page has not changed since the browser last had it', async () => {
    for (const accept of ['br', 'gzip', '']) {
      const first = await get(server.url, '/', accept ? { 'accept-encoding': accept } : {});
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^(W\/)?"/);
      const again = await get(server.url, '/', { ...(accept ? { 'accept-encoding': accept } : {}), 'if-none-match': etag });
      expect([again.status, again.body.length]).toEqual([304, 0]);
      expect(again.headers['cache-control']).toBe('no-cache');
      const changed = await get(server.url, '/', { ...(accept ? { 'accept-encoding': accept } : {}), 'if-none-match': '"something-else"' });
      expect(changed.status).toBe(200);
    }
  });

  it('sends sounds and voices as they are, cached for good; a hashed file not there is a 404', async () => {
    const voice = readdirSync(join(dist, 'assets')).find((a) => a.endsWith('.webm'))!;
    const r = await get(server.url, `/assets/${voice}`, { 'accept-encoding': 'br, gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-type']).toMatch(/^(audio|video)\/webm/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.body.equals(readFileSync(join(dist, 'assets', voice)))).toBe(true);
    const missing = await get(server.url, '/assets/index-00000000.js', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).error.code).toBe('not-found');
  });
});
