// The trainer token: TRAINER_TOKEN when set; otherwise one made on first start, printed once and
// written to DATA_DIR/trainer-token (owner-only), while the store keeps only its hash (so several
// instances on one PostgreSQL agree on it, and a copy of the database does not give it away).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDataDir, ownerOnly } from './dataFiles.js';
import { newToken, sha256, type Store } from './store/store.js';

/** Where the hash is kept in the settings table, and where a plain token was kept before (hashed by migration 0008). */
export const TOKEN_HASH_SETTING = 'trainer_token_hash';
export const PLAIN_TOKEN_SETTING = 'trainer_token';

/** How a stored hash is told from a token in AppOptions.trainerToken (routes/auth.ts requireTrainer). */
export const HASH_PREFIX = 'sha256:';

/**
 * The form the store keeps. SHA-256 without a salt or a slow function: a generated token is 192
 * random bits, far beyond guessing, and every trainer request checks it.
 */
export function trainerTokenHash(token: string): string {
  return `${HASH_PREFIX}${sha256(token)}`;
}

export interface TrainerToken {
  /** What the server checks a given token against: the hash, or the token from TRAINER_TOKEN. */
  readonly check: string;
  /** The token itself, only when it was made just now: print it once. */
  readonly created: string | null;
  readonly source: 'env' | 'store';
  /** DATA_DIR/trainer-token when it is there (it is written once, when the token is made). */
  readonly file: string | null;
}

export async function trainerToken(store: Store, fromEnv: string | undefined, dataDir: string): Promise<TrainerToken> {
  if (fromEnv) return { check: fromEnv, created: null, source: 'env', file: null };
  const mine = newToken();
  const stored = await store.settingOnce(TOKEN_HASH_SETTING, trainerTokenHash(mine));
  const file = join(dataDir, 'trainer-token');
  if (stored === trainerTokenHash(mine)) {
    makeDataDir(dataDir);
    writeFileSync(file, `${mine}\n`, { mode: 0o600 });
    ownerOnly(file);
    return { check: stored, created: mine, source: 'store', file };
  }
  if (!existsSync(file)) return { check: stored, created: null, source: 'store', file: null };
  ownerOnly(file);
  return { check: stored, created: null, source: 'store', file };
}

/** The start-up line about the token (main.ts, dev.ts). */
export function trainerTokenLine(t: TrainerToken): string {
  if (t.created) return `trainer token (new; also saved in ${t.file}): ${t.created}`;
  if (t.source === 'env') return 'trainer token: from TRAINER_TOKEN';
  if (t.file) return `trainer token: in ${t.file}`;
  return 'trainer token: the store keeps only its hash (it was made by another instance, or its file was deleted); set TRAINER_TOKEN to use one of your own';
}
