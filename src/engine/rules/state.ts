// The state of one call, as plain data. It is the dialogue machine's context, and it is
// what snapshots, saves and transcripts are made of.
import type { Outcome } from '../format/model.js';

export type Mode = 'exam' | 'practice';
/** How a typed reply was taken: matched confidently, or picked among the matcher's suggestions. */
export type TypedTook = 'match' | 'suggestion';
export type Phase = 'ringing' | 'listening' | 'working' | 'ended';

export interface Deductions {
  readonly politeness: number;
  readonly accuracy: number;
  readonly judgment: number;
}

export type TurnChoice =
  | { readonly kind: 'reply'; readonly reply: string; readonly index: number; readonly shownAs: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'hang-up' };

/** One decision of the trainee (or their silence): what was on offer, what they did, what it cost. */
export interface TurnRecord {
  /** From 1. */
  readonly turn: number;
  readonly node: string;
  /** Reply ids in the order they were shown. */
  readonly shown: readonly string[];
  readonly choice: TurnChoice;
  /** Call time (ms since answering) when the choice was made. */
  readonly atMs: number;
  readonly moodBefore: number;
  readonly moodAfter: number;
  readonly patienceBefore: number;
  readonly patienceAfter: number;
  /** Facts this choice revealed that were not known before (actions: when they finish), and those the line it led to told on arrival. */
  readonly revealed: readonly string[];
  /**
   * What the line this choice led to did to mood and patience as it was spoken (format 2's
   * "enter"); absent when it did nothing. moodAfter and patienceAfter are the choice's own.
   */
  readonly arrival?: { readonly mood: number; readonly patience: number };
  readonly deductions: Deductions;
}

export interface SessionContext {
  readonly mode: Mode;
  /** Shuffles the replies (see enterNode). */
  readonly seed: number;
  readonly phase: Phase;
  /** The node whose line was last spoken (the ending, once the call is over). */
  readonly node: string;
  readonly mood: number;
  readonly patience: number;
  /** Patience lost per 10 s of waiting at mood 100 (the customer's "drain"). */
  readonly drain: number;
  /** Known facts, in the order they were found. */
  readonly facts: readonly string[];
  /** Hidden flags set (format 2), in the order they were set. */
  readonly flags: readonly string[];
  /** Hidden counters (format 2), by the counter's index. */
  readonly counters: readonly number[];
  /** The node the call came to the current one from, for "$return" (null: none, or the call never returns). */
  readonly cameFrom: string | null;
  /** Ms since the call was answered. */
  readonly elapsedMs: number;
  /** Ms waited in the current phase (ringing, listening or working); in an exam, counted once the line was delivered. */
  readonly waitMs: number;
  /**
   * The delivery of the customer's line (rules/delivery.ts): null until the game says it is under
   * way; then the ms it may still take — the exam's reply timer and patience wait for it — and 0
   * once delivered.
   */
  readonly speakingMs: number | null;
  /** Patience when the current phase began: waiting drains from here, so it never accumulates rounding. */
  readonly phaseStartPatience: number;
  /** Reply indices of the current node, in the order shown. */
  readonly order: readonly number[];
  /** The action under way while working. */
  readonly work: { readonly node: string; readonly reply: number; readonly totalMs: number } | null;
  readonly history: readonly TurnRecord[];
  /** How the call ended; `unanswered` when it ended before the trainee answered the phone (see rules/ringing.ts). */
  readonly ending: { readonly node: string; readonly outcome: Outcome; readonly unanswered?: true } | null;
}

export type SessionEvent =
  | { readonly type: 'ANSWER' }
  /**
   * A reply, by its shown position. `typed` (with `took`) records a typed reply: the text the
   * trainee wrote, and whether the matcher took it as this reply itself ('match') or the trainee
   * picked it among the matcher's "Did you mean…" ('suggestion'). The rules ignore both; the
   * server re-runs the matcher on them (engine/match).
   */
  | { readonly type: 'CHOOSE'; readonly n: number; readonly typed?: string; readonly took?: TypedTook }
  | { readonly type: 'TICK'; readonly ms: number }
  | { readonly type: 'HANG_UP' }
  /**
   * From here on the call is practice ("Try another reply" restores an exam as it stood, then
   * plays on in practice). A run with this event never counts for the leaderboard.
   */
  | { readonly type: 'PRACTISE' }
  /** The customer's line has started to be delivered (sent as it arrives): an exam's timer waits for it (rules/delivery.ts). */
  | { readonly type: 'SPEAKING' }
  /** The line has been delivered (caption shown in full, voice finished): the trainee's time starts. */
  | { readonly type: 'DELIVERED' };
