// The player's own best result on each call, kept in the browser (for the picker's cards).
import type { Grade, Mode } from '../../engine/index.js';
import { STORAGE } from '../config.js';

export interface Best {
  readonly overall: number;
  readonly grade: Grade;
  readonly mode: Mode;
  readonly at: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;
const keyOf = (id: string, locale: string) => `${id}:${locale}`;

function read(storage: Store): Record<string, Best> {
  try {
    const v = JSON.parse(storage.getItem(STORAGE.bests) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, Best>) : {};
  } catch {
    return {};
  }
}

export class Bests {
  constructor(private readonly storage: Store = localStorage) {}

  get(id: string, locale: string): Best | null {
    const b = read(this.storage)[keyOf(id, locale)];
    return b && typeof b.overall === 'number' ? b : null;
  }

  /** Records a finished call; returns true when it beats the previous best. */
  record(id: string, locale: string, result: Omit<Best, 'at'>, at: Date = new Date()): boolean {
    const all = read(this.storage);
    const prev = all[keyOf(id, locale)];
    if (prev && prev.overall >= result.overall) return false;
    all[keyOf(id, locale)] = { ...result, at: at.toISOString() };
    try {
      this.storage.setItem(STORAGE.bests, JSON.stringify(all));
    } catch {
      // storage full: the best is simply not remembered
    }
    return true;
  }
}
