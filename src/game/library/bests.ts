// The player's own best result on each call, kept in the browser (for the picker's cards). Read
// back through `restore` (see storedBests.ts): a damaged entry is forgotten, the others kept.
import type { Grade, Mode } from '../../engine/index.js';
import { reportOnce } from '../../client/restore.js';
import { STORAGE } from '../config.js';
import { readBests, storedBests } from './storedBests.js';

export interface Best {
  readonly overall: number;
  readonly grade: Grade;
  readonly mode: Mode;
  readonly at: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;
const keyOf = (id: string, locale: string) => `${id}:${locale}`;

export class Bests {
  /** The picker reads bests for every card: a damaged entry is reported once. */
  private readonly report = reportOnce();

  constructor(private readonly storage: Store = localStorage) {}

  get(id: string, locale: string): Best | null {
    return readBests(this.storage, this.report).bests.get(keyOf(id, locale)) ?? null;
  }

  /**
   * Records a finished call; returns true when it beats the previous best. A best saved by a newer
   * version of the game is not overwritten (nor compared): this returns false and keeps nothing.
   */
  record(id: string, locale: string, result: Omit<Best, 'at'>, at: Date = new Date()): boolean {
    const stored = readBests(this.storage, this.report);
    const key = keyOf(id, locale);
    if (!stored.writable || stored.newer.has(key)) return false;
    const prev = stored.bests.get(key);
    if (prev && prev.overall >= result.overall) return false;
    const bests = new Map(stored.bests).set(key, { ...result, at: at.toISOString() });
    try {
      this.storage.setItem(STORAGE.bests, JSON.stringify(storedBests({ ...stored, bests })));
    } catch {
      // storage full: the best is simply not remembered
    }
    return true;
  }
}
