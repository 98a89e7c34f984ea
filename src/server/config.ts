// The server's settings, from the environment (documented in the README).
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { ROOT_DIR, scenarioDirOf, scenarioDirSource } from '../tools/folder/scenarioFolder.js';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly trainerToken: string | undefined;
  /** The trainer's folder of calls (subfolders too): the folder argument, else SCENARIO_DIR, else scenarios/. */
  readonly scenarioDir: string;
  /** Where scenarioDir came from ("folder argument", "SCENARIO_DIR" or "default"), for the line printed at start. */
  readonly scenarioDirFrom: string;
  readonly rootDir: string;
  /** The built game that is served (default dist/). */
  readonly staticDir: string;
  /** "auto" builds the game when dist/ is missing or older than the sources; "never" serves what is there. */
  readonly build: 'auto' | 'never';
  /** Writes per minute per client address (src/server/limits.ts). */
  readonly rateLimit: number;
  /** Reads per minute per client address; undefined: the larger of 3000 and five times rateLimit. */
  readonly readRateLimit: number | undefined;
  /** The proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: none. */
  readonly trustProxy: readonly string[];
}

export { ROOT_DIR };

/** The settings from the environment and the command line (`npm start -- <folder>`: a folder of calls). */
export function readConfig(env: NodeJS.ProcessEnv = process.env, args: readonly string[] = []): ServerConfig {
  const [folder, ...extra] = args;
  if (extra.length > 0 || folder?.startsWith('-')) throw new Error(`the only argument is a folder of scenarios, not "${args.join(' ')}"`);
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const rateLimit = env.RATE_LIMIT ? Number(env.RATE_LIMIT) : 600;
  if (!Number.isInteger(rateLimit) || rateLimit < 1) throw new Error(`RATE_LIMIT must be a whole number of requests per minute, not "${env.RATE_LIMIT}"`);
  const readRateLimit = env.READ_RATE_LIMIT ? Number(env.READ_RATE_LIMIT) : undefined;
  if (readRateLimit !== undefined && (!Number.isInteger(readRateLimit) || readRateLimit < 1)) throw new Error(`READ_RATE_LIMIT must be a whole number of requests per minute, not "${env.READ_RATE_LIMIT}"`);
  const build = env.BUILD ?? 'auto';
  if (build !== 'auto' && build !== 'never') throw new Error(`BUILD must be "auto" or "never", not "${build}"`);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    trainerToken: env.TRAINER_TOKEN || undefined,
    scenarioDir: scenarioDirOf(env, folder),
    scenarioDirFrom: scenarioDirSource(env, folder),
    rootDir: ROOT_DIR,
    staticDir: resolve(env.STATIC_DIR || resolve(ROOT_DIR, 'dist')),
    build,
    rateLimit,
    readRateLimit,
    trustProxy: trustedProxies(env.TRUST_PROXY),
  };
}

/** Names proxy-addr (fastify's trustProxy) knows for whole ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of TRUST_PROXY: an IPv4 or IPv6 address, one with a prefix length (a CIDR), or a range's name. */
function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: the addresses (or CIDRs) of the proxies in front of the server, comma-separated.
 * Only a request from one of them has its client address taken from X-Forwarded-For (the last
 * address there that is not itself a trusted proxy); from anyone else the header is ignored, so
 * a client cannot choose its own address. "1" or "true" (trust any X-Forwarded-For) is refused.
 */
export function trustedProxies(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const wrong = entries.filter((e) => !isProxyAddress(e));
  if (wrong.length === 0) return entries;
  const why = /^(1|true|yes|\d+)$/i.test(value.trim())
    ? `"${value}" would believe any X-Forwarded-For, and a client could choose its own address`
    : `${wrong.map((w) => `"${w}"`).join(', ')} ${wrong.length === 1 ? 'is' : 'are'} not an address, a CIDR or one of loopback, linklocal, uniquelocal`;
  throw new Error(`TRUST_PROXY lists the addresses or CIDRs of the proxies in front of the server, e.g. TRUST_PROXY=10.0.0.2 or TRUST_PROXY=10.0.0.0/8,fd00::/8: ${why}`);
}
