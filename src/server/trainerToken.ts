// The trainer token: TRAINER_TOKEN when set; otherwise one made on first start, kept in the
// store (so several instances on one PostgreSQL agree) and written to DATA_DIR/trainer-token.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newToken, type Store } from './store/store.js';

export interface TrainerToken {
  readonly token: string;
  /** Made just now: print it once. */
  readonly created: boolean;
  readonly source: 'env' | 'store';
  readonly file: string | null;
}

export async function trainerToken(store: Store, fromEnv: string | undefined, dataDir: string): Promise<TrainerToken> {
  if (fromEnv) return { token: fromEnv, created: false, source: 'env', file: null };
  const mine = newToken();
  const token = await store.settingOnce('trainer_token', mine);
  const file = join(dataDir, 'trainer-token');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, created: token === mine, source: 'store', file };
}
