// Rate limits (@fastify/rate-limit; README "Rate limits and proxies"). Each request counts in the
// limits that fit it, per minute:
// - reading (GET, HEAD: boards, replays, the meeting view, the game's files) per client address,
//   generous and apart from everything else, so an office's submissions behind one address never
//   lock its meeting view out;
// - writing (every other method) per client address;
// - writing with a player token (results, tickets, a new personal code, signing in again on a known
//   device), also per player token: one player cannot flood the board, whatever address they use;
// - joining and signing in with a personal code per address, strictest (routes/teams.ts), so codes
//   cannot be guessed quickly.
// The client address is the peer's, or X-Forwarded-For's when the peer is a proxy listed in
// TRUST_PROXY (fastify works it out as req.ip). On PostgreSQL the counts are kept in the database,
// so they hold across every instance (rateLimitStore.ts); on SQLite in memory.
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './httpError.js';
import { databaseRateLimitStore } from './rateLimitStore.js';
import { sha256, type Store } from './store/store.js';

export interface Limits {
  /** Writes per minute per client address (RATE_LIMIT, default 600). */
  readonly perMinute: number;
  /** Reads per minute per client address (READ_RATE_LIMIT, default the larger of 3000 and five times RATE_LIMIT). */
  readonly readsPerMinute: number;
}

export const DEFAULT_RATE_LIMIT = 600;
export const readLimitFor = (perMinute: number) => Math.max(3000, 5 * perMinute);
/** Joining and signing in with a personal code, per address and route: a tenth of RATE_LIMIT (at least 10). */
export const joinLimitFor = (perMinute: number) => Math.max(10, Math.floor(perMinute / 10));
/** Writes per player token: a twentieth of RATE_LIMIT (at least 10; 30 by default). */
export const playerLimitFor = (perMinute: number) => Math.max(10, Math.floor(perMinute / 20));

const MINUTE = 60_000;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const tooMany = (ttlMs: number) => new HttpError(429, 'rate-limited', `too many requests; try again in ${Math.max(1, Math.ceil(ttlMs / 1000))} s`);
const address = (req: FastifyRequest) => normalizeIP(req.ip);

/** The player token a request writes with: the header, or (signing in again on a known device) the join body's. */
function playerToken(req: FastifyRequest): string | null {
  const header = req.headers['x-player-token'];
  if (typeof header === 'string' && header !== '') return header;
  const body = req.body as { token?: unknown } | undefined;
  return req.routeOptions.url === '/api/join' && typeof body?.token === 'string' && body.token !== '' ? body.token : null;
}

/** Registers the plugin (its route-level limits stay available to routes) and the limits above. */
export async function registerLimits(app: FastifyInstance, store: Store, limits: Limits): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    timeWindow: MINUTE,
    keyGenerator: address,
    // The plugin throws this, so it goes through the error handler like every other error.
    errorResponseBuilder: (_req, ctx) => tooMany(ctx.ttl),
    ...(store.dialect === 'postgres' ? { store: databaseRateLimitStore(store.db), skipOnError: true } : {}),
  });
  // Keys name their limit; a player's token is kept only as its hash.
  const reads = app.createRateLimit({ max: limits.readsPerMinute, timeWindow: MINUTE, keyGenerator: (req) => `read:${address(req)}` });
  const writes = app.createRateLimit({ max: limits.perMinute, timeWindow: MINUTE, keyGenerator: (req) => `write:${address(req)}` });
  const players = app.createRateLimit({ max: playerLimitFor(limits.perMinute), timeWindow: MINUTE, keyGenerator: (req) => `player:${sha256(playerToken(req) ?? '')}` });

  const check = async (limiter: typeof reads, req: FastifyRequest, reply: { header: (k: string, v: string | number) => unknown }) => {
    const r = await limiter(req);
    if (r.isAllowed || !r.isExceeded) return;
    reply.header('retry-after', r.ttlInSeconds);
    reply.header('x-ratelimit-limit', r.max);
    reply.header('x-ratelimit-remaining', 0);
    throw tooMany(r.ttl);
  };
  // By address before anything is read of the request; by player once the body is parsed.
  app.addHook('onRequest', async (req, reply) => check(READS.has(req.method) ? reads : writes, req, reply));
  app.addHook('preValidation', async (req, reply) => {
    if (!READS.has(req.method) && playerToken(req) !== null) await check(players, req, reply);
  });
}
