// The wire format of a player's own history: their practice calls and "Try another reply" runs,
// kept on the server apart from the team's results (no board counts them), listed together with
// their exam results.
import type { Transcript } from '../engine/index.js';
import type { StoredCallScores } from './types.js';

/**
 * One call in a player's own history (GET /api/teams/:code/me/history): an exam result (it is on
 * the boards) or a practice run (never on any board), with the scores the server's replay gave.
 */
export interface HistoryRun extends StoredCallScores {
  /** Where the server keeps it: the team's results (exams) or the player's practice runs. */
  readonly source: 'result' | 'practice';
  /** Its id in that source. */
  readonly id: number;
  /** The transcript's mode: a branch of an exam call says "exam" and has `branch`. */
  readonly mode: 'exam' | 'practice';
  /** A "Try another reply" run: the turn (from 1) it tried again; null for a call played through. */
  readonly branch: { readonly turn: number } | null;
  readonly playedAt: string;
  readonly transcript: Transcript;
}

/** GET /api/teams/:code/me/history (player token): newest played first, a page at a time. */
export interface HistoryPage {
  readonly runs: readonly HistoryRun[];
  /** Pass as `before` for the next page; null on the last page. */
  readonly next: string | null;
}

export interface HistoryQuery {
  /** Page size, 1–200 (default 50). */
  readonly limit?: number;
  /** The previous page's `next`. */
  readonly before?: string;
}

/** POST /api/teams/:code/history (player token): the body is a SubmitRequest of a practice call or a branch. */
export interface HistoryPostResponse {
  readonly run: Omit<HistoryRun, 'transcript'>;
  /** True when this idempotency key had already been stored: nothing new was written. */
  readonly duplicate: boolean;
}
