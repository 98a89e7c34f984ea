// The server's settings, from the environment (documented in the README).
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
  readonly rateLimit: number;
  readonly trustProxy: boolean;
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
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}
