// The signed-in player, remembered in the browser so a reload (or a day later) needs no new join.
import type { Identity } from './types.js';

const KEY = 'holdtheline.identity';

export function loadIdentity(storage: Pick<Storage, 'getItem'> = globalThis.localStorage): Identity | null {
  try {
    const v = JSON.parse(storage.getItem(KEY) ?? 'null') as Identity | null;
    return v && typeof v.token === 'string' && v.team && v.player ? v : null;
  } catch {
    return null;
  }
}

export function saveIdentity(identity: Identity, storage: Pick<Storage, 'setItem'> = globalThis.localStorage): void {
  storage.setItem(KEY, JSON.stringify(identity));
}

export function clearIdentity(storage: Pick<Storage, 'removeItem'> = globalThis.localStorage): void {
  storage.removeItem(KEY);
}
