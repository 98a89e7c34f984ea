// The signed-in player, remembered in the browser so a reload (or a day later) needs no new join.
// Stored versioned and read back through `restore` (see storedIdentity.ts): an unreadable value
// means signing in again, never a game that does not start.
import { readStored, stamped } from './restore.js';
import { identityFormat } from './storedIdentity.js';
import type { Identity } from './types.js';

const KEY = 'holdtheline.identity';

/** Null when nobody is remembered, or the stored player cannot be used (see the console for why). */
export function loadIdentity(storage: Pick<Storage, 'getItem'> = globalThis.localStorage): Identity | null {
  const r = readStored(storage, KEY, identityFormat);
  return r.kind === 'restored' ? r.value : null;
}

/**
 * Remembers who signed in. Unlike a repair on load, this replaces even a player saved by a newer
 * version: signing in (or out) is the player's own decision about who uses this browser. Throws
 * when the browser's storage is full or blocked (sign-in says it failed).
 */
export function saveIdentity(identity: Identity, storage: Pick<Storage, 'setItem'> = globalThis.localStorage): void {
  storage.setItem(KEY, JSON.stringify(stamped(identityFormat, identity)));
}

export function clearIdentity(storage: Pick<Storage, 'removeItem'> = globalThis.localStorage): void {
  storage.removeItem(KEY);
}
