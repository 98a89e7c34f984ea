// The trainer's reads and writes: the codes of a team (the join code that lets people post, the
// read-only board code for displays), the minimum of attempts, and the roster (players removed,
// restored, their tokens revoked; personal codes are in personalCodes.ts). Plain functions over
// the store's database, the same on SQLite and PostgreSQL.
import { randomBytes, randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { dropDeviceTokens } from './personalCodes.js';
import type { Database } from './schema.js';
import { nameSkeleton } from '../names.js';
import { nameKey, newJoinCode, newToken, normalizeCode, sha256, type Player, type Team } from './store.js';

type Db = Kysely<Database>;

/** Longer than a join code, so the two kinds can never be the same text. */
export const BOARD_CODE_LENGTH = 10;
const BOARD_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newBoardCode(): string {
  let s = '';
  for (let i = 0; i < BOARD_CODE_LENGTH; i++) s += BOARD_ALPHABET[randomInt(BOARD_ALPHABET.length)];
  return s;
}

/** A revoked token's hash is replaced by this mark (plus noise, to keep the column unique): no token hashes to it. */
const REVOKED = 'revoked:';

export const isRevoked = (p: Pick<Player, 'token_hash'>) => p.token_hash.startsWith(REVOKED);

/** A team by its join code or its board code, and which of the two it was. */
export async function teamByAnyCode(db: Db, input: string): Promise<{ team: Team; readOnly: boolean } | null> {
  const code = normalizeCode(input);
  if (code.length === 0) return null;
  const rows = await db.selectFrom('teams').selectAll().where((eb) => eb.or([eb('code', '=', code), eb('board_code', '=', code)])).execute();
  const team = rows.find((t) => t.code === code) ?? rows[0];
  return team ? { team, readOnly: team.code !== code } : null;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

async function withFreshCode(make: () => string, write: (code: string) => Promise<Team>): Promise<Team> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(make());
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 5) throw e;
    }
  }
}

/** A new join code; the old one stops working at once (the board code is untouched). */
export function rotateJoinCode(db: Db, teamId: number): Promise<Team> {
  return withFreshCode(newJoinCode, (code) => db.updateTable('teams').set({ code }).where('id', '=', teamId).returningAll().executeTakeFirstOrThrow());
}

/** Makes the team's read-only board code, or replaces it (the old one stops working). */
export function rotateBoardCode(db: Db, teamId: number): Promise<Team> {
  return withFreshCode(newBoardCode, (board_code) => db.updateTable('teams').set({ board_code }).where('id', '=', teamId).returningAll().executeTakeFirstOrThrow());
}

export function updateTeam(db: Db, teamId: number, change: { name?: string; minAttempts?: number; typedOnly?: boolean }): Promise<Team> {
  return db
    .updateTable('teams')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.minAttempts !== undefined ? { min_attempts: change.minAttempts } : {}),
      ...(change.typedOnly !== undefined ? { typed_only: change.typedOnly ? 1 : 0 } : {}),
    })
    .where('id', '=', teamId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface RosterRow {
  player: Player;
  lastPlayedAt: number | null;
  results: number;
}

/**
 * Every player of the team, removed ones too, with when they last played and how many results
 * they have (not removed ones, every season). One grouped pass over the team's results.
 */
export async function roster(db: Db, teamId: number): Promise<RosterRow[]> {
  const played = db
    .selectFrom('results')
    .where('team_id', '=', teamId)
    .where('removed_at', 'is', null)
    .select((eb) => ['player_id', eb.fn.max('played_at').as('last'), eb.fn.countAll().as('n')])
    .groupBy('player_id')
    .as('r');
  const rows = await db
    .selectFrom('players')
    .leftJoin(played, 'r.player_id', 'players.id')
    .where('players.team_id', '=', teamId)
    .selectAll('players')
    .select(['r.last', 'r.n'])
    .orderBy(sql`lower(players.name)`)
    .orderBy('players.id')
    .execute();
  return rows.map(({ last, n, ...player }) => ({ player: player as Player, lastPlayedAt: last === null || last === undefined ? null : Number(last), results: Number(n ?? 0) }));
}

/** Soft removal: the player stays (with their results) so it can be undone. Null when there is no such player. */
export async function removePlayer(db: Db, teamId: number, playerId: number, now = Date.now()): Promise<Player | null> {
  await db.updateTable('players').set({ removed_at: now }).where('team_id', '=', teamId).where('id', '=', playerId).where('removed_at', 'is', null).execute();
  return (await db.selectFrom('players').selectAll().where('team_id', '=', teamId).where('id', '=', playerId).executeTakeFirst()) ?? null;
}

export async function restorePlayer(db: Db, teamId: number, playerId: number): Promise<Player | null> {
  return (await db.updateTable('players').set({ removed_at: null }).where('team_id', '=', teamId).where('id', '=', playerId).returningAll().executeTakeFirst()) ?? null;
}

/**
 * The player's tokens stop working on every device (the one they joined on and those signed in
 * with their personal code); they sign in again with their personal code or by joining with their name.
 */
export async function revokePlayer(db: Db, teamId: number, playerId: number): Promise<Player | null> {
  const mark = `${REVOKED}${randomBytes(16).toString('hex')}`;
  const player = (await db.updateTable('players').set({ token_hash: mark }).where('team_id', '=', teamId).where('id', '=', playerId).returningAll().executeTakeFirst()) ?? null;
  if (player) await dropDeviceTokens(db, player.id);
  return player;
}

/** The player of this team with this name (any case and spacing), or null. */
export async function playerByName(db: Db, teamId: number, name: string): Promise<Player | null> {
  return (await db.selectFrom('players').selectAll().where('team_id', '=', teamId).where('name_key', '=', nameKey(name)).executeTakeFirst()) ?? null;
}

/**
 * The player whose name this one would be taken for: the same name (any case and spacing), else
 * one that looks the same on a board (src/server/names.ts: "Vіctor" with a Cyrillic і for "Victor").
 */
export async function playerLookingLike(db: Db, teamId: number, name: string): Promise<Player | null> {
  return (
    (await playerByName(db, teamId, name)) ??
    (await db.selectFrom('players').selectAll().where('team_id', '=', teamId).where('name_skeleton', '=', nameSkeleton(name)).orderBy('id').executeTakeFirst()) ??
    null
  );
}

/**
 * The name a second person with a taken name joins under: "Anna (2)", or the next number free in
 * the team (neither taken nor looking like a name taken), the name shortened so the whole fits in
 * `max` characters.
 */
export async function numberedName(db: Db, teamId: number, name: string, max: number): Promise<string> {
  for (let n = 2; ; n++) {
    const tail = ` (${n})`;
    const candidate = `${[...name].slice(0, max - tail.length).join('').trimEnd()}${tail}`;
    if (!(await playerLookingLike(db, teamId, candidate))) return candidate;
  }
}

/**
 * Joining with the name of a player whose token was revoked takes that player back with a new
 * token (and keeps their results). Null when the player is not (or no longer) waiting for one.
 */
export async function reclaimRevoked(db: Db, teamId: number, playerId: number): Promise<{ player: Player; token: string } | null> {
  const token = newToken();
  const player = await db
    .updateTable('players')
    .set({ token_hash: sha256(token) })
    .where('team_id', '=', teamId)
    .where('id', '=', playerId)
    .where('removed_at', 'is', null)
    .where('token_hash', 'like', `${REVOKED}%`)
    .returningAll()
    .executeTakeFirst();
  return player ? { player, token } : null;
}

/** Brings a removed result back (the undo of a removal; a result not removed stays as it is). False when the team has no such result. */
export async function restoreResult(db: Db, teamId: number, resultId: number): Promise<boolean> {
  const r = await db.updateTable('results').set({ removed_at: null }).where('team_id', '=', teamId).where('id', '=', resultId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
