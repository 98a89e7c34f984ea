// Finished exam calls wait here until the server takes them. Each item is saved in the browser's
// storage before anything is sent (one storage entry per item, so two tabs never overwrite each
// other's items) and carries its idempotency key from birth: sending it again after a lost answer,
// a reload or from another tab is stored once by the server. So each result arrives exactly once.
// Items are versioned and repaired as they are read back (storedOutboxItem.ts): one damaged entry
// never stops the outbox, or the game, from starting.
import type { Transcript } from '../engine/index.js';
import { ApiError, type ApiClient } from './api.js';
import { readText, reportOnce, restoreText } from './restore.js';
import { outboxItemFormat, outboxItemOf, storedOutboxItem } from './storedOutboxItem.js';
import { loadTranscriptCheck, refuseUnreadable, transcriptCheck } from './transcriptCheck.js';
import type { ClaimedScores, Identity, ResultSummary, SubmitRequest } from './types.js';

export type OutboxStatus = 'waiting' | 'sending' | 'sent' | 'refused';

export interface OutboxItem {
  /** Also the idempotency key. */
  readonly key: string;
  readonly status: OutboxStatus;
  /** For the list the player sees. */
  readonly title: string;
  readonly transcript: Transcript;
  readonly claimed: ClaimedScores | null;
  /** Who it is sent as; null while the player has not signed in (see `signIn`). */
  readonly identity: Pick<Identity, 'team' | 'token' | 'player'> | null;
  /** When the call ended (ISO). */
  readonly playedAt: string;
  /** The server's ticket the exam was started with (its seed); null when it was played offline. */
  readonly ticket: string | null;
  readonly attempts: number;
  /** Why the last try failed (waiting) or why the server refused it for good (refused). */
  readonly error: { readonly code: string; readonly message: string } | null;
  /** The server's verified result, once sent. */
  readonly result: Pick<ResultSummary, 'id' | 'overall' | 'grade'> | null;
  readonly sentAt: string | null;
}

export interface OutboxSnapshot {
  /** Newest first. */
  readonly items: readonly OutboxItem[];
  readonly waiting: number;
  readonly sent: number;
  readonly refused: number;
  /** Whether the last attempt reached the server; null before the first attempt. */
  readonly reachable: boolean | null;
  /** When the next automatic attempt is due, while items wait. */
  readonly nextAttemptAt: Date | null;
}

/** The part of Web Storage the outbox uses (localStorage in the browser). */
export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface OutboxOptions {
  readonly client: ApiClient;
  /** Default: `localStorage`. */
  readonly storage?: OutboxStorage;
  /** Storage key prefix; one entry per item. Default "holdtheline.outbox.". */
  readonly prefix?: string;
  /** Sent items kept for the list (default 20); older ones are forgotten. */
  readonly keepSent?: number;
  /** First retry delay (default 2 s), doubling up to `maxRetryMs` (default 60 s). */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  /**
   * Where an item goes. Default: the team's results (`client.submit`), for exams. The player's
   * practice history (`client.postHistory`) is sent by a second outbox with its own prefix.
   */
  readonly send?: OutboxSend;
}

/** Sends one item; resolves with what the server stored, rejects with an ApiError. */
export type OutboxSend = (identity: Pick<Identity, 'team' | 'token'>, request: SubmitRequest) => Promise<NonNullable<OutboxItem['result']>>;

export type OutboxListener = (snapshot: OutboxSnapshot) => void;

/** A random idempotency key. Uses getRandomValues, which (unlike randomUUID) works on plain http too. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Outbox {
  private readonly send: OutboxSend;
  private readonly storage: OutboxStorage;
  private readonly prefix: string;
  private readonly keepSent: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly listeners = new Set<OutboxListener>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextAttemptAt: Date | null = null;
  private failures = 0;
  private reachable: boolean | null = null;
  private flushing: Promise<void> | null = null;
  /** Set when a flush is asked for during a round: another round follows at once. */
  private again = false;
  private started = false;
  /** Entries that cannot be read are reported once, not on every read of the list. */
  private readonly report = reportOnce();
  private readonly onOnline = () => void this.flush();
  private readonly onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key.startsWith(this.prefix)) this.emit();
  };

  constructor(options: OutboxOptions) {
    const client = options.client;
    this.send = options.send ?? (async (identity, request) => (await client.submit(identity, request)).result);
    this.storage = options.storage ?? globalThis.localStorage;
    this.prefix = options.prefix ?? 'holdtheline.outbox.';
    this.keepSent = options.keepSent ?? 20;
    this.retryMs = options.retryMs ?? 2_000;
    this.maxRetryMs = options.maxRetryMs ?? 60_000;
    this.repairStored();
  }

  /**
   * Keeps a finished exam call until the server has it. Saved at once (throws if the browser's
   * storage is full); sent on the next flush. Without an identity it waits for `signIn`.
   */
  add(entry: { transcript: Transcript; title: string; claimed?: ClaimedScores | null; identity: OutboxItem['identity']; playedAt?: Date; ticket?: string | null }): OutboxItem {
    const item: OutboxItem = {
      key: newIdempotencyKey(),
      status: 'waiting',
      title: entry.title,
      transcript: entry.transcript,
      claimed: entry.claimed ?? null,
      identity: entry.identity ? { team: entry.identity.team, token: entry.identity.token, player: entry.identity.player } : null,
      playedAt: (entry.playedAt ?? new Date()).toISOString(),
      ticket: entry.ticket ?? null,
      attempts: 0,
      error: null,
      result: null,
      sentAt: null,
    };
    this.save(item);
    this.emit();
    if (this.started) void this.flush();
    return item;
  }

  /** Gives results played before signing in to the player who just signed in. */
  signIn(identity: Identity): void {
    for (const item of this.items()) {
      if (item.identity === null && item.status === 'waiting') this.save({ ...item, identity });
    }
    this.emit();
    if (this.started) void this.flush();
  }

  /** Every item this version of the game can read, newest first. */
  items(): OutboxItem[] {
    const check = transcriptCheck();
    return this.stored()
      .map(({ item }) => refuseUnreadable(item, check))
      .sort((a, b) => b.playedAt.localeCompare(a.playedAt));
  }

  snapshot(): OutboxSnapshot {
    const items = this.items();
    const count = (s: OutboxStatus) => items.filter((i) => i.status === s).length;
    return {
      items,
      waiting: count('waiting') + count('sending'),
      sent: count('sent'),
      refused: count('refused'),
      reachable: this.reachable,
      nextAttemptAt: this.nextAttemptAt,
    };
  }

  /** Calls `listener` now and on every change (also changes made by other tabs). */
  subscribe(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => this.listeners.delete(listener);
  }

  /** Forgets a sent or refused item (the player dismissed it). */
  dismiss(key: string): void {
    const item = this.read(key);
    if (item && (item.status === 'sent' || item.status === 'refused')) this.storage.removeItem(this.prefix + key);
    this.emit();
  }

  /** Starts sending: now, when the browser comes back online, and on a backoff timer while items wait. */
  start(): void {
    if (this.started) return;
    this.started = true;
    // Items whose transcript cannot be sent show as refused once the check has loaded. Loaded
    // here, not on construction: the engine it comes with is no part of the first screen.
    void loadTranscriptCheck().then(() => this.emit());
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.addEventListener?.('storage', this.onStorage);
    void this.flush();
  }

  stop(): void {
    this.started = false;
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('storage', this.onStorage);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
  }

  /** Tries to send every waiting item now; resolves when this round is over. Never rejects. */
  flush(): Promise<void> {
    // One round at a time in this tab; across tabs a Web Lock when there is one (the server's
    // idempotency makes a double send harmless anyway, the lock just spares the request).
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.withLock(() => this.sendWaiting()).finally(() => {
      this.flushing = null;
      if (this.again && this.failures === 0) {
        this.again = false;
        void this.flush();
        return;
      }
      this.again = false;
      this.schedule();
      this.emit();
    });
    return this.flushing;
  }

  private async withLock(fn: () => Promise<void>): Promise<void> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (locks?.request) await locks.request(`${this.prefix}flush`, fn);
    else await fn();
  }

  private async sendWaiting(): Promise<void> {
    await loadTranscriptCheck(); // if it cannot load, the server's own check refuses a bad transcript
    const waiting = this.items()
      .filter((i) => i.status === 'waiting' && i.identity !== null)
      .reverse(); // oldest first
    for (const queued of waiting) {
      const item = this.read(queued.key);
      if (!item || item.status !== 'waiting' || !item.identity) continue; // another tab sent it meanwhile
      this.save({ ...item, status: 'sending', attempts: item.attempts + 1 });
      this.emit();
      try {
        const result = await this.send(item.identity, {
          idempotencyKey: item.key,
          transcript: item.transcript,
          ...(item.claimed ? { claimed: item.claimed } : {}),
          playedAt: item.playedAt,
          ...(item.ticket ? { ticket: item.ticket } : {}),
        });
        this.reachable = true;
        this.failures = 0;
        this.save({ ...item, status: 'sent', attempts: item.attempts + 1, error: null, sentAt: new Date().toISOString(), result: { id: result.id, overall: result.overall, grade: result.grade } });
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, 'unreachable', String(e));
        const error = { code: err.code, message: err.message };
        if (err.retryable) {
          this.reachable = err.status !== 0;
          this.failures++;
          this.save({ ...item, status: 'waiting', attempts: item.attempts + 1, error });
          return; // the server is down or busy: the rest wait for the next round
        }
        this.reachable = true;
        this.save({ ...item, status: 'refused', attempts: item.attempts + 1, error });
      }
      this.emit();
    }
    this.pruneSent();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
    if (!this.started) return;
    const waiting = this.items().some((i) => i.status === 'waiting' && i.identity !== null);
    if (!waiting) return;
    const delay = Math.min(this.maxRetryMs, this.retryMs * 2 ** Math.max(0, this.failures - 1));
    this.nextAttemptAt = new Date(Date.now() + delay);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private pruneSent(): void {
    const sent = this.items().filter((i) => i.status === 'sent');
    for (const old of sent.slice(this.keepSent)) this.storage.removeItem(this.prefix + old.key);
  }

  /**
   * Repairs on load, once, in storage: an item left "sending" by a closed page was maybe stored by
   * the server, maybe not (its key settles that), so it waits again; an item of an older version,
   * or one that needed repair, is written back as this version reads it, so a repaired end time
   * stays the same from now on. Entries that cannot be read, or are from a newer version, are left
   * exactly as they are.
   */
  private repairStored(): void {
    for (const { item, text } of this.stored()) {
      const repaired = item.status === 'sending' ? { ...item, status: 'waiting' as const } : item;
      if (JSON.stringify(storedOutboxItem(repaired)) === text) continue;
      try {
        this.save(repaired);
      } catch {
        // storage full: repaired again on the next load
      }
    }
  }

  /** Every entry this version can read, with its stored text; the rest are reported and skipped. */
  private stored(): { item: OutboxItem; text: string }[] {
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k?.startsWith(this.prefix)) keys.push(k);
    }
    return keys.flatMap((k) => {
      const text = readText(this.storage, k, outboxItemFormat, this.report);
      const r = restoreText(outboxItemFormat, text, k, this.report);
      return r.kind === 'restored' && text !== null ? [{ item: outboxItemOf(r.value, k.slice(this.prefix.length)), text }] : [];
    });
  }

  private read(key: string): OutboxItem | null {
    const k = this.prefix + key;
    const r = restoreText(outboxItemFormat, readText(this.storage, k, outboxItemFormat, this.report), k, this.report);
    return r.kind === 'restored' ? refuseUnreadable(outboxItemOf(r.value, key), transcriptCheck()) : null;
  }

  private save(item: OutboxItem): void {
    this.storage.setItem(this.prefix + item.key, JSON.stringify(storedOutboxItem(item)));
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }
}
