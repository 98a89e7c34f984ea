// The wire format between the browser and the server: what each endpoint takes and returns.
// The server's routes and the browser client are both typed by this one file.
import type { Grade, Outcome, Transcript } from '../engine/index.js';

/** Scores a client may claim for a transcript; the server refuses the submission if its replay disagrees. */
export interface ClaimedScores {
  readonly politeness: number;
  readonly accuracy: number;
  readonly judgment: number;
  readonly overall: number;
}

/** GET /api/health */
export interface Health {
  readonly ok: true;
  /** Scenario versions the server can verify (every version it has seen). */
  readonly scenarios: number;
  readonly storage: 'sqlite' | 'postgres';
}

export interface TeamInfo {
  readonly name: string;
  /** The join code: the shared secret that lets a trainee join and see the board. */
  readonly code: string;
  readonly season: number;
}

/** Who is playing: what `join` returns and what a submission is sent as. Keep it in the browser. */
export interface Identity {
  readonly team: TeamInfo;
  readonly player: { readonly id: number; readonly name: string };
  /** Proves the player on later requests; sent as the `x-player-token` header. */
  readonly token: string;
  /**
   * The player's personal code ("K7MP2-XQ4RT"): typed at sign-in on another device to come back as
   * this player. The server answers it when it makes one (joining as a new player) and echoes it on
   * signing in with it; the browser keeps it to show it again. Absent when this browser never knew it.
   */
  readonly personalCode?: string;
}

/** POST /api/join: a new player, or the same one again on this device (`token`). */
export interface JoinRequest {
  readonly code: string;
  readonly name: string;
  readonly token?: string;
  /** The name is someone else's and this is a different person: join as "Anna (2)". */
  readonly asNew?: boolean;
}

/** POST /api/sign-in: come back as a player on any device with the team's code and the personal code. */
export interface SignInRequest {
  readonly code: string;
  readonly personalCode: string;
}

/** A personal code just made (the old one stopped working): shown once. */
export interface PersonalCodeIssued {
  readonly personalCode: string;
}

/** POST /api/teams/:code/results (player token required). */
export interface SubmitRequest {
  /** Random, made once per finished call and kept with it: the same key twice is stored once. */
  readonly idempotencyKey: string;
  readonly transcript: Transcript;
  /** Optional: what the game showed. Refused if it differs from the server's replay. */
  readonly claimed?: ClaimedScores;
  /** When the call ended (ISO 8601, the player's clock); the server keeps it within the last 14 days. */
  readonly playedAt?: string;
  /** The ticket the exam was started with (its seed is the transcript's); absent when it was played offline. */
  readonly ticket?: string;
}

/** What an online exam starts with: the seed the server chose for this player and call, used once. */
export interface ExamTicket {
  readonly ticket: string;
  readonly scenario: string;
  readonly seed: number;
  /** A result sent after this is refused (ISO). */
  readonly expiresAt: string;
  /** The team's exams take typed replies only: the game hides the reply buttons (issue 13). */
  readonly typedOnly: boolean;
}

/** Why a result was flagged for the trainer: most of its replies came faster than the line can be read. */
export interface FlagReason {
  readonly code: 'too-fast';
  /** Replies faster than reading, of all the replies. */
  readonly tooFast: number;
  readonly replies: number;
  /** The fastest reply (ms) and what reading its line needs (ms), with the line's words. */
  readonly fastestMs: number;
  readonly neededMs: number;
  readonly words: number;
}

/** A result awaiting the trainer's check. */
export interface FlaggedResult extends ResultSummary {
  readonly flag: FlagReason;
}

/** A call the server stored (a result, or a practice run): its version and the scores of the server's own replay. */
export interface StoredCallScores {
  readonly scenario: string;
  readonly locale: string;
  readonly hash: string;
  /** The call's title in its own language. */
  readonly title: string;
  readonly politeness: number;
  readonly accuracy: number;
  readonly judgment: number;
  readonly overall: number;
  readonly grade: Grade;
  readonly outcome: Outcome;
  /** Reached the ideal ending with every required fact. */
  readonly ideal: boolean;
  readonly turns: number;
  readonly elapsedMs: number;
}

/** A verified result as stored: every score computed by the server's own replay. */
export interface ResultSummary extends StoredCallScores {
  readonly id: number;
  readonly player: { readonly id: number; readonly name: string };
  readonly season: number;
  readonly playedAt: string;
  readonly receivedAt: string;
  /** Played without the server's ticket (the game was offline). */
  readonly offline: boolean;
  /** Came faster than a person reads and awaits a trainer's check (kept off champions until cleared). */
  readonly flagged: boolean;
}

export interface SubmitResponse {
  readonly result: ResultSummary;
  /** True when this idempotency key had already been stored: nothing new was written. */
  readonly duplicate: boolean;
  /** What this exam did for each of the player's open assignments that has its call (none: absent). */
  readonly assignments?: readonly import('./assignmentTypes.js').AssignmentOutcome[];
}

/** With its transcript, for replaying the call turn by turn. */
export interface ResultDetail extends ResultSummary {
  readonly transcript: Transcript;
}

/**
 * last7: the last 7 days (the meeting's default); since-meeting: since the last meeting (during a
 * meeting, the one before it; last7 when there was none); week and month: from the viewer's own
 * Monday or 1st; season: the team's current season (the board's default); all: every season.
 */
export type Period = 'last7' | 'since-meeting' | 'week' | 'month' | 'season' | 'all';

export interface BoardQuery {
  readonly period?: Period;
  /** A past season of the team (1 and up) instead of the current one. */
  readonly season?: number;
  /** One call's board (by scenario id, every language together); all calls when absent. */
  readonly scenario?: string;
}

/**
 * One player on a board. Ranked by `standing`, the mean overall of their best attempt on each
 * call they played in the period; only players with the team's minimum of attempts are ranked.
 */
export interface BoardRow {
  /** Null when the player is not ranked (fewer attempts than the board's `minAttempts`). */
  readonly rank: number | null;
  readonly player: { readonly id: number; readonly name: string };
  /** Mean overall of the best attempt on each call played (one call: the best overall). */
  readonly standing: number;
  /** Mean overall of every attempt in the period. */
  readonly average: number;
  /** Distinct calls played (coverage: `calls` of `callsAvailable`). */
  readonly calls: number;
  readonly callsAvailable: number;
  /** Attempts on this board (one call's board: on that call). */
  readonly attempts: number;
  /** Attempts in the period on every call: what the minimum counts. */
  readonly periodAttempts: number;
  /** `periodAttempts` ≥ the board's `minAttempts`: ranked and able to be champion. */
  readonly ranked: boolean;
  /** Means over the best attempts (one per call). */
  readonly politeness: number;
  readonly accuracy: number;
  readonly judgment: number;
  /** The player's best result in the period (on a one-call board: on that call), to open its replay. */
  readonly bestResult: number | null;
  /** How many of the best results counted here were played offline (without the server's ticket). */
  readonly offline: number;
  /** A best result counted here came faster than a person reads: not champion until a trainer clears it. */
  readonly checking: boolean;
}

export interface Champion {
  readonly player: { readonly id: number; readonly name: string };
  /** The player's mean in that skill over their best attempts (one per call) in the period. */
  readonly average: number;
  readonly results: number;
  /** Other ranked players on the same mean: a tie, shown beside the champion. */
  readonly tied: readonly { readonly id: number; readonly name: string }[];
}

/** A call that appears on the team's board, for the per-call tabs. */
export interface CallSummary {
  readonly scenario: string;
  readonly title: string;
  readonly results: number;
  readonly average: number;
}

/** GET /api/teams/:code/board */
export interface Board {
  readonly team: TeamInfo;
  readonly period: Period;
  /** Start of the period that was used (ISO), null for a whole season or all time. */
  readonly since: string | null;
  /** The season shown; null for every season (period all). */
  readonly season: number | null;
  readonly scenario: string | null;
  /** Attempts in the period a player needs to be ranked or champion (the trainer sets it). */
  readonly minAttempts: number;
  /** Calls a player can play (1 on a one-call board). */
  readonly callsAvailable: number;
  /** How the board is ranked: a key of the leaderboard's strings under "ranking" ("mean-best-per-call"). */
  readonly ranking: string;
  /** Ranked rows by rank, then the players not ranked yet. */
  readonly rows: readonly BoardRow[];
  /** Among ranked players only. */
  readonly champions: { readonly politeness: Champion | null; readonly accuracy: Champion | null; readonly judgment: Champion | null };
  readonly calls: readonly CallSummary[];
}

export interface TrendPoint {
  /** Start of the bucket (ISO). */
  readonly start: string;
  readonly results: number;
  /** Average overall in the bucket; null when nobody played. */
  readonly average: number | null;
}

/** POST /api/teams/:code/meetings: the meeting view marked itself shown. */
export interface MeetingMark {
  /** Start of the current meeting (ISO): a mark within 6 hours of it is the same meeting. */
  readonly meetingAt: string;
  /** Start of the meeting before (ISO), null when this is the first. */
  readonly previousAt: string | null;
  /** True when this mark started a new meeting. */
  readonly started: boolean;
  /** Where "since the last meeting" starts now (ISO); null: no earlier meeting, so the last 7 days. */
  readonly since: string | null;
}

/** GET /api/teams/:code/trend */
export interface Trend {
  /** Days for a period up to a month, weeks up to about a year, months beyond (at most 400 points). */
  readonly bucket: 'day' | 'week' | 'month';
  readonly points: readonly TrendPoint[];
}

export interface ResultsQuery {
  readonly period?: Period;
  /** A past season of the team instead of the current one. */
  readonly season?: number;
  readonly scenario?: string;
  readonly player?: number;
  /** Page size, 1–200 (default 50). */
  readonly limit?: number;
  /** Results after this one in the list's order, newest played first (the previous page's `next`). */
  readonly before?: number;
  /** The viewer's language: each call's title in it where the server has that version, else English. */
  readonly lang?: string;
}

export interface ResultsPage {
  readonly results: readonly ResultSummary[];
  /** Pass as `before` for the next page; null on the last page. */
  readonly next: number | null;
}

/** GET /api/scenarios/:hash: the exact scenario text a result was played on, for replays. */
export interface ScenarioVersion {
  readonly id: string;
  readonly locale: string;
  readonly hash: string;
  readonly title: string;
  readonly text: string;
}

/** Every error the API returns has this body. */
export interface ErrorBody {
  readonly error: {
    /** Stable and machine-readable: "not-found", "wrong-version", "scores-differ", … */
    readonly code: string;
    /** A sentence for whoever can fix it. */
    readonly message: string;
    /** name-taken, name-confusable: the name of the member the given name is (or looks like). */
    readonly existing?: string;
  };
}

/** A team as the trainer sees it (POST/GET/PATCH /api/teams…): its codes and settings too. */
export interface TrainerTeamInfo extends TeamInfo {
  /** The read-only code for meeting displays (opens the boards, cannot join or post); null until made. */
  readonly boardCode: string | null;
  /** Attempts a player needs in the period to be ranked or champion (1–50). */
  readonly minAttempts: number;
  /** Exams take typed replies only (the reply buttons hidden); practice always has both. */
  readonly typedOnly: boolean;
}

/** One player on the trainer's roster (GET /api/teams/:code/players). */
export interface RosterPlayer {
  readonly id: number;
  readonly name: string;
  readonly joinedAt: string;
  /** The last result not removed (any season), or null if they never played. */
  readonly lastPlayedAt: string | null;
  readonly results: number;
  /** When the trainer removed them (their results leave the boards), or null. */
  readonly removedAt: string | null;
  /** Their token was revoked: they sign in again with their personal code or by joining with their name. */
  readonly revoked: boolean;
  /** They have a personal code (the trainer can make a new one; players from before codes have none). */
  readonly hasPersonalCode: boolean;
}

export interface Roster {
  readonly players: readonly RosterPlayer[];
}
