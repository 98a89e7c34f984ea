// Every call played on this device, kept in the browser for the "My history" page: the newest
// KEEP calls, the newest KEEP_WHOLE of them with the engine's whole result, so their debrief
// reopens exactly as it was even after the call's file changes. Older ones keep their transcript
// and scores (a few hundred bytes instead of several kilobytes); their debrief is rebuilt from
// the transcript while the call is unchanged. Each call is one storage entry, read back through
// `restore` (storedHistory.ts): an entry that cannot be read is reported once and left out, never
// thrown, so it costs that call, not the page or the game.
import type { CallResult, Grade, Transcript } from '../../engine/index.js';
import { newIdempotencyKey } from '../../client/index.js';
import { readText, reportOnce, restoreText } from '../../client/restore.js';
import { STORAGE } from '../config.js';
import type { FinishedCall, Selection } from '../flow/flowMachine.js';
import { historyEntryFormat, historyEntryOf, storedHistoryEntry } from './storedHistory.js';

/** Calls kept (newest first); older ones are forgotten. */
export const KEEP = 500;
/** Of those, the newest this many keep the engine's whole result (the debrief as it was). */
export const KEEP_WHOLE = 50;

export interface HistorySkills {
  readonly politeness: number;
  readonly accuracy: number;
  readonly judgment: number;
  readonly overall: number;
  readonly grade: Grade;
}

export interface HistoryEntry {
  readonly id: string;
  /** When the call ended (ms since the epoch, the game's clock). */
  readonly playedAt: number;
  readonly selection: Selection;
  /** The call's title in its own language, as it was played. */
  readonly title: string;
  readonly skills: HistorySkills;
  readonly transcript: Transcript;
  /** The engine's result as it was; null for an older call kept without it (see KEEP_WHOLE). */
  readonly result: CallResult | null;
  /** A "Try another reply" run: the call it branched from (its entry id, when known) and the turn (from 1) it tried again. */
  readonly branch: { readonly of: string | null; readonly turn: number } | null;
  /** Who was signed in (team code, player id); null when nobody was. */
  readonly player: { readonly team: string; readonly id: number } | null;
}

export interface RecordOptions {
  /** For a branch: the entry id of the call it branched from. */
  readonly branchOf?: string;
  /** For a branch: the turn (from 1) that was tried again. */
  readonly turn?: number;
  readonly player?: HistoryEntry['player'];
  /** Default: now. */
  readonly playedAt?: number;
}

export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * The same call whatever the device or the server that kept it: its scenario, its seed and every
 * event. Two records with this key are one call played once.
 */
export const callKey = (t: Pick<Transcript, 'scenario' | 'seed' | 'events'>): string => `${t.scenario}|${t.seed}|${JSON.stringify(t.events)}`;

export interface HistoryOptions {
  /** Storage key prefix, one entry per call. Default "holdtheline.history.". */
  readonly prefix?: string;
  /** Default KEEP. */
  readonly keep?: number;
  /** Default KEEP_WHOLE. */
  readonly keepWhole?: number;
}

export class History {
  private readonly report = reportOnce();
  private readonly prefix: string;
  private readonly keep: number;
  private readonly keepWhole: number;

  constructor(
    private readonly storage: HistoryStorage = globalThis.localStorage,
    options: HistoryOptions = {},
  ) {
    this.prefix = options.prefix ?? STORAGE.history;
    this.keep = options.keep ?? KEEP;
    this.keepWhole = options.keepWhole ?? KEEP_WHOLE;
  }

  /** Every call this version can read, newest first. */
  entries(): HistoryEntry[] {
    return this.stored()
      .map((s) => s.entry)
      .sort((a, b) => b.playedAt - a.playedAt || (a.id < b.id ? 1 : -1));
  }

  /** The entry of a call played on this device (by its content: see callKey), or null. */
  find(transcript: Pick<Transcript, 'scenario' | 'seed' | 'events'>): HistoryEntry | null {
    const key = callKey(transcript);
    return this.entries().find((e) => callKey(e.transcript) === key) ?? null;
  }

  /** The entry id of a finished call played on this device, or null (for `branchOf`). */
  idOf(finished: FinishedCall): string | null {
    return this.find(finished.result.transcript)?.id ?? null;
  }

  /**
   * Keeps a finished call. The same call twice (by content) is kept once: the first entry is
   * returned. When the browser's storage is full, older calls give up their whole result and then
   * the oldest calls are forgotten to make room; if even that fails the call is not kept (the
   * entry is still returned, and a warning says why).
   */
  record(finished: FinishedCall, options: RecordOptions = {}): HistoryEntry {
    const { selection, result } = finished;
    const same = this.find(result.transcript);
    if (same) return same;
    const s = result.score;
    const entry: HistoryEntry = {
      id: newIdempotencyKey(),
      playedAt: options.playedAt ?? Date.now(),
      selection: { id: selection.id, locale: selection.locale, mode: selection.mode },
      title: result.review.scenario.title,
      skills: { politeness: s.politeness, accuracy: s.accuracy, judgment: s.judgment, overall: s.overall, grade: s.grade },
      transcript: result.transcript,
      result,
      branch: options.branchOf !== undefined || options.turn !== undefined ? { of: options.branchOf ?? null, turn: options.turn ?? 0 } : null,
      player: options.player ?? null,
    };
    const text = JSON.stringify(storedHistoryEntry(entry));
    // Storage full: first the older calls' whole results go, then the older half of the calls.
    const roomMakers = [() => this.trim(Math.min(10, this.keepWhole), this.keep), () => this.trim(0, Math.floor(this.keep / 2))];
    while (!this.write(entry.id, text)) {
      const make = roomMakers.shift();
      if (!make) {
        console.warn('Hold the Line: the browser’s storage is full, so this call is not kept in your history on this device.');
        return entry;
      }
      make();
    }
    this.trim(this.keepWhole, this.keep);
    return entry;
  }

  /** Keeps the whole result of the newest `whole` calls and forgets every call after the newest `keep`. */
  private trim(whole: number, keep: number): void {
    const sorted = this.stored().sort((a, b) => b.entry.playedAt - a.entry.playedAt);
    sorted.forEach(({ entry, key }, i) => {
      if (i >= keep) this.storage.removeItem(key);
      else if (i >= whole && entry.result) this.write(entry.id, JSON.stringify(storedHistoryEntry({ ...entry, result: null })));
    });
  }

  private write(id: string, text: string): boolean {
    try {
      this.storage.setItem(this.prefix + id, text);
      return true;
    } catch {
      return false;
    }
  }

  private stored(): { entry: HistoryEntry; key: string }[] {
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k?.startsWith(this.prefix)) keys.push(k);
    }
    return keys.flatMap((key) => {
      const text = readText(this.storage, key, historyEntryFormat, this.report);
      const r = restoreText(historyEntryFormat, text, key, this.report);
      return r.kind === 'restored' ? [{ entry: historyEntryOf(r.value), key }] : [];
    });
  }
}
