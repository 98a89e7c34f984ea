// The tables, as Kysely sees them. Times are milliseconds since the epoch (integers), the same
// on SQLite and PostgreSQL; booleans are 0/1.
import type { Generated } from 'kysely';

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  code: string;
  season: number;
  created_at: number;
  /** A read-only code for meeting displays: opens the boards, cannot join or post. */
  board_code: string | null;
  /** Attempts a player needs in the period to be ranked or champion (the trainer sets it). */
  min_attempts: Generated<number>;
  /** When the meeting view was last shown for the team: the start of "since the last meeting". */
  last_meeting_at: number | null;
  /** When the meeting before that one started: where "since the last meeting" starts during a meeting. */
  previous_meeting_at: number | null;
  /** 1: the team's online exams take typed replies only, no reply buttons (typedOnlyMigrations.ts). */
  typed_only: Generated<number>;
}

export interface PlayersTable {
  id: Generated<number>;
  team_id: number;
  name: string;
  /** The name folded for uniqueness within a team. */
  name_key: string;
  /** SHA-256 of the player's token; the token itself is never stored. */
  token_hash: string;
  created_at: number;
  /** Set when the trainer removes the player (undone by clearing it); their results stay. */
  removed_at: number | null;
  /** scrypt of the player's personal code (src/server/store/personalCodes.ts); null until one is made. */
  code_hash: string | null;
  /** What the name looks like (src/server/names.ts), unique in a team; null for a look-alike stored before it was kept. */
  name_skeleton: string | null;
}

/** Tokens of the devices a player signed in on with their personal code (beside players.token_hash). */
export interface PlayerTokensTable {
  token_hash: string;
  player_id: number;
  created_at: number;
}

/** Every scenario version the server has seen, so a result can be replayed after its file changed. */
export interface ScenarioVersionsTable {
  hash: string;
  id: string;
  locale: string;
  title: string;
  text: string;
  seen_at: number;
}

export interface ResultsTable {
  id: Generated<number>;
  team_id: number;
  player_id: number;
  season: number;
  idem_key: string;
  /** SHA-256 of the submitted transcript: the same key with another transcript is a conflict. */
  body_hash: string;
  scenario: string;
  locale: string;
  hash: string;
  title: string;
  politeness: number;
  accuracy: number;
  judgment: number;
  overall: number;
  grade: string;
  outcome: string;
  ideal: number;
  turns: number;
  elapsed_ms: number;
  played_at: number;
  received_at: number;
  transcript: string;
  removed_at: number | null;
  /** JSON from the engine's review of the transcript (facts missed, weaker replies); null until computed. */
  review: string | null;
  /** SHA-256 of what the call did (src/server/playedOnce.ts), unique in the team; null for copies stored before it was kept. */
  content_hash: string | null;
  /** 1 when played without a ticket (the game was offline): shown as "played offline". */
  offline: Generated<number>;
  /** JSON: the engine's think-time profile of the call (src/server/plausibility.ts); null before it was kept. */
  think: string | null;
  /** JSON: why the result came faster than a person reads (a trainer's check); null when it did not. */
  flag: string | null;
  /** When a trainer cleared the flag: the result counts for champions again. */
  flag_cleared_at: number | null;
}

/** A ticket for an online exam: the seed the server chose, for one player and one call, used once. */
export interface TicketsTable {
  id: string;
  team_id: number;
  player_id: number;
  scenario: string;
  seed: number;
  issued_at: number;
  expires_at: number;
  used_at: number | null;
  /** The result the ticket was used for. */
  result_id: number | null;
  /** 1: issued while the team's exams were "typed replies only": every reply of its call must be typed. */
  typed_only: Generated<number>;
}

/** Bests kept on write (src/server/store/bests.ts): one player's results on one call in one bucket. */
export interface BestsTable {
  team_id: number;
  season: number;
  /** 'd' a UTC day, 'm' a UTC month, 't' the whole season (start 0). */
  grain: 'd' | 'm' | 't';
  start: number;
  player_id: number;
  scenario: string;
  results: number;
  overall_sum: number;
  /** The best result: highest overall, the earliest of equals, then the lowest id. */
  best_id: number;
  best_overall: number;
  best_politeness: number;
  best_accuracy: number;
  best_judgment: number;
  best_played_at: number;
}

/** The team's results on one call in one UTC day, for trends. */
export interface TeamDaysTable {
  team_id: number;
  season: number;
  day: number;
  scenario: string;
  results: number;
  overall_sum: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/**
 * A signed-in player's practice call or "Try another reply" run, verified by replay like a result
 * but never on a board (src/server/store/historyQueries.ts).
 */
export interface PracticeRunsTable {
  id: Generated<number>;
  team_id: number;
  player_id: number;
  idem_key: string;
  /** SHA-256 of the submitted transcript: the same key with another transcript is a conflict. */
  body_hash: string;
  scenario: string;
  locale: string;
  hash: string;
  title: string;
  /** The transcript's mode: 'practice', or 'exam' for a branch of an exam call. */
  mode: string;
  /** The turn (from 1) a branch tried again; null for a call played through. */
  branch_turn: number | null;
  politeness: number;
  accuracy: number;
  judgment: number;
  overall: number;
  grade: string;
  outcome: string;
  ideal: number;
  turns: number;
  elapsed_ms: number;
  played_at: number;
  received_at: number;
  transcript: string;
}

/** Requests counted per limit and key in the current window (src/server/rateLimitStore.ts), for every instance on one database. */
export interface RateLimitsTable {
  key: string;
  hits: number;
  /** When the window ends (ms since the epoch, the database's clock). */
  reset_at: number;
}

/** A set of calls given to a team or chosen members, with pass gates (assignmentMigrations.ts). */
export interface AssignmentsTable {
  id: Generated<number>;
  team_id: number;
  title: string;
  /** JSON: the calls' scenario ids. */
  calls: string;
  /** JSON: the chosen members' player ids; null: everyone in the team. */
  members: string | null;
  due_at: number;
  /** Exams per call that count for the assignment. */
  attempt_cap: number;
  /** JSON: the pass gates (src/engine/assignment/passGates.ts). */
  gates: string;
  /** Days a certificate stays valid; null: it does not expire. */
  certificate_days: number | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

/** Issued when a member passes every call of an assignment in a round (src/server/assignments.ts). */
export interface CertificatesTable {
  /** 32 hex digits (128 random bits): what the public page is found by. */
  code: string;
  assignment_id: number;
  player_id: number;
  /** Where the member's round began: the assignment's creation, or the expiry of their previous certificate. */
  round_start: number;
  issued_at: number;
  expires_at: number | null;
  player_name: string;
  title: string;
  /** JSON: CertificateScore[] (src/client/assignmentTypes.ts). */
  scores: string;
}

/** A round a trainer gave a member of an assignment, starting at `started_at` (src/server/assignments.ts). */
export interface AssignmentRoundsTable {
  assignment_id: number;
  player_id: number;
  started_at: number;
}

export interface Database {
  teams: TeamsTable;
  players: PlayersTable;
  player_tokens: PlayerTokensTable;
  scenario_versions: ScenarioVersionsTable;
  results: ResultsTable;
  practice_runs: PracticeRunsTable;
  bests: BestsTable;
  team_days: TeamDaysTable;
  settings: SettingsTable;
  rate_limits: RateLimitsTable;
  tickets: TicketsTable;
  assignments: AssignmentsTable;
  certificates: CertificatesTable;
  assignment_rounds: AssignmentRoundsTable;
}
