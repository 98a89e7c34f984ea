// The server's files in DATA_DIR (the SQLite database, its -wal and -shm, the trainer token) are
// the owner's only: the folder 0700 when the server makes it, each file 0600.
import { chmodSync, mkdirSync } from 'node:fs';

/** DATA_DIR, owner-only (0700) when we make it; one that is there already is left as it is. */
export function makeDataDir(dataDir: string): void {
  if (mkdirSync(dataDir, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(dataDir, 0o700);
}

/** A data file made owner-only (0600), also one an older version left readable by others, where we may. */
export function ownerOnly(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch {
    // not ours to change: left as it is
  }
}
