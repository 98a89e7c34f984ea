// The tables, as Kysely sees them. Times are milliseconds since the epoch (integers), the same
// on SQLite and PostgreSQL; booleans are 0/1.
import type { Generated } from 'kysely';

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  code: string;
  season: number;
  created_at: number;
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
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  teams: TeamsTable;
  players: PlayersTable;
  scenario_versions: ScenarioVersionsTable;
  results: ResultsTable;
  settings: SettingsTable;
}
