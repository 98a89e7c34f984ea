// Rate limits and proxies, over real HTTP against the real server on SQLite and (with
// TEST_DATABASE_URL) PostgreSQL: a forged X-Forwarded-For from a peer that is not a trusted proxy
// changes nothing; from a trusted proxy only the address it saw counts; writes are limited per
// player token whatever the address; reading has its own limit, which writes never use up; and on
// one PostgreSQL two instances count together. The rules: src/server/limits.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustedProxies } from '../../src/server/config.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { call, serverBackends } from './support.js';

const trainer = { authorization: `Bearer ${TEST_TRAINER_TOKEN}` };
/** RATE_LIMIT 20: 20 writes a minute per address, 10 per player token, reads 3000. */
const LIMITED = { RATE_LIMIT: '20' };
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('TRUST_PROXY', () => {
  it('takes addresses and CIDRs, and refuses "1" or "true", which would believe any X-Forwarded-For', () => {
    expect(trustedProxies(undefined)).toEqual([]);
    expect(trustedProxies(' 10.0.0.2, 10.1.0.0/16 ,fd00::/8,::1, loopback')).toEqual(['10.0.0.2', '10.1.0.0/16', 'fd00::/8', '::1', 'loopback']);
    expect(() => trustedProxies('1')).toThrow(/would believe any X-Forwarded-For/);
    expect(() => trustedProxies('true')).toThrow(/TRUST_PROXY lists the addresses/);
    expect(() => trustedProxies('10.0.0.0/33')).toThrow(/"10.0.0.0\/33" is not an address/);
    expect(() => trustedProxies('proxy.local')).toThrow(/not an address, a CIDR/);
  });

  it('stops the server from starting with TRUST_PROXY=1, saying why', async () => {
    await expect(startServer({ env: { TRUST_PROXY: '1' } })).rejects.toThrow(/TRUST_PROXY lists the addresses/);
  });
});

describe.each(serverBackends())('rate limits on $name', ({ name, setup }) => {
  let direct: TestServer;
  let proxied: TestServer;
  let second: TestServer | null = null;
  let drop: (() => Promise<void>) | undefined;
  let code: string;

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    const base = db.databaseUrl ? { databaseUrl: db.databaseUrl } : {};
    // `direct` believes no proxy; `proxied` believes X-Forwarded-For from this machine (as if it were the load balancer).
    [direct, proxied] = await Promise.all([startServer({ ...base, env: LIMITED }), startServer({ ...base, env: { ...LIMITED, TRUST_PROXY: '127.0.0.1/32' } })]);
    if (db.databaseUrl) second = await startServer({ ...base, env: { ...LIMITED, TRUST_PROXY: '127.0.0.1' } });
    code = (await call(proxied.url, 'POST', '/api/teams', { name: 'Limits' }, { ...trainer, ...from('198.51.100.1') })).body.code;
  }, 180_000);
  afterAll(async () => {
    await Promise.all([direct?.dispose(), proxied?.dispose(), second?.dispose()]);
    await drop?.();
  });

  it('does not let a forged X-Forwarded-For escape the limit, and writes never lock reading out', async () => {
    const board = (await call(direct.url, 'POST', '/api/teams', { name: 'Office' }, trainer)).body.code; // the first of 20 writes
    const statuses: number[] = [];
    for (let i = 0; i < 19; i++) statuses.push((await call(direct.url, 'POST', '/api/teams', { name: 'x' }, from(`203.0.113.${i + 1}`))).status);
    expect(statuses).toEqual(Array(19).fill(401));
    const limited = await call(direct.url, 'POST', '/api/teams', { name: 'x' }, from('203.0.113.99'));
    expect([limited.status, limited.body.error.code]).toEqual([429, 'rate-limited']);
    expect(limited.body.error.message).toMatch(/try again in \d+ s/);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // The same office (the same address) still reads its boards and the meeting view.
    for (let i = 0; i < 30; i++) expect((await call(direct.url, 'GET', `/api/teams/${board}/board`)).status).toBe(200);
    expect((await call(direct.url, 'GET', '/api/health')).status).toBe(200);
  });

  it('from a trusted proxy counts the address it saw, not what a client wrote before it', async () => {
    // Each address its own count: 25 writes from 25 clients are all answered.
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await call(proxied.url, 'POST', '/api/teams', { name: 'x' }, from(`192.0.2.${i + 1}`))).status);
    expect(statuses).toEqual(Array(25).fill(401));
    // A client that puts its own X-Forwarded-For before the proxy's entry is still the address the proxy saw.
    const forged: number[] = [];
    for (let i = 0; i < 21; i++) forged.push((await call(proxied.url, 'POST', '/api/teams', { name: 'x' }, from(`10.66.0.${i + 1}, 198.51.100.77`))).status);
    expect(forged.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(forged[20]).toBe(429);
  });

  it("limits each player's writes by their token, whatever address they come from; other players are not held up", async () => {
    const ann = (await call(proxied.url, 'POST', '/api/join', { code, name: 'Ann' }, from('198.51.100.2'))).body;
    const ben = (await call(proxied.url, 'POST', '/api/join', { code, name: 'Ben' }, from('198.51.100.3'))).body;
    const post = (token: string, address: string) => call(proxied.url, 'POST', `/api/teams/${code}/results`, {}, { 'x-player-token': token, ...from(address) });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post(ann.token, `198.51.100.${10 + i}`)).status);
    expect(statuses).toEqual(Array(10).fill(400)); // counted, then refused as not a result
    const limited = await post(ann.token, '198.51.100.40');
    expect([limited.status, limited.body.error.code]).toEqual([429, 'rate-limited']);
    // Signing in again with the same token counts against it too.
    expect((await call(proxied.url, 'POST', '/api/join', { code, name: 'Ann', token: ann.token }, from('198.51.100.41'))).status).toBe(429);
    expect((await post(ben.token, '198.51.100.42')).status).toBe(400);
  });

  it.runIf(name === 'postgres')('counts together across two instances on one PostgreSQL', async () => {
    const servers = [proxied, second!];
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await call(servers[i % 2]!.url, 'POST', '/api/teams', { name: 'x' }, from('198.51.100.200'))).status);
    expect(statuses).toEqual(Array(20).fill(401));
    for (const s of servers) expect((await call(s.url, 'POST', '/api/teams', { name: 'x' }, from('198.51.100.200'))).status).toBe(429);
    // Reading is not counted with it, on either instance.
    for (const s of servers) expect((await call(s.url, 'GET', `/api/teams/${code}/board`, undefined, from('198.51.100.200'))).status).toBe(200);
  });
});
