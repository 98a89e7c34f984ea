// A player's personal code: ten characters of the join code's alphabet, shown once (after joining,
// or when the trainer or the player makes a new one), written down, and typed on another device to
// come back as the same player. Only a slow hash is stored; signing in with it adds a device token
// (player_tokens), so the devices already signed in keep working.
import { randomInt, scrypt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { CODE_ALPHABET, newToken, normalizeCode, sha256, type Player } from './store.js';

type Db = Kysely<Database>;

export const PERSONAL_CODE_LENGTH = 10;
const GROUP = 5;

export function newPersonalCode(): string {
  let s = '';
  for (let i = 0; i < PERSONAL_CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** As shown and printed: groups of five joined by a dash ("K7MP2-XQ4RT"). */
export function formatPersonalCode(code: string): string {
  const c = normalizeCode(code);
  const groups: string[] = [];
  for (let i = 0; i < c.length; i += GROUP) groups.push(c.slice(i, i + GROUP));
  return groups.join('-');
}

/** What was typed, tidied (any case, spaces or dashes), or null when it cannot be a personal code. */
export function parsePersonalCode(input: string): string | null {
  const c = normalizeCode(input);
  if (c.length !== PERSONAL_CODE_LENGTH) return null;
  for (const ch of c) if (!CODE_ALPHABET.includes(ch)) return null;
  return c;
}

/**
 * The stored form: scrypt, salted with the team (the same code in two teams hashes apart), so a
 * copy of the database does not give the codes away cheaply. Deterministic, so it can be looked up.
 */
export function hashPersonalCode(teamId: number, code: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(code, `holdtheline:personal-code:${teamId}`, 32, { N: 16384, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key.toString('hex')))),
  );
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

/**
 * Gives the player a new personal code (the old one, if any, stops working) and returns it as
 * shown, or null when the team has no such player.
 */
export async function issuePersonalCode(db: Db, teamId: number, playerId: number): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    const code = newPersonalCode();
    try {
      const r = await db.updateTable('players').set({ code_hash: await hashPersonalCode(teamId, code) }).where('team_id', '=', teamId).where('id', '=', playerId).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0 ? formatPersonalCode(code) : null;
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 5) throw e;
    }
  }
}

/** The team's player whose personal code this is (removed players too: the caller refuses them), or null. */
export async function playerByPersonalCode(db: Db, teamId: number, input: string): Promise<Player | null> {
  const code = parsePersonalCode(input);
  if (!code) return null;
  const hash = await hashPersonalCode(teamId, code);
  return (await db.selectFrom('players').selectAll().where('team_id', '=', teamId).where('code_hash', '=', hash).executeTakeFirst()) ?? null;
}

/** A new token for one more device of the player; the player's other devices stay signed in. */
export async function addDeviceToken(db: Db, playerId: number, now = Date.now()): Promise<string> {
  const token = newToken();
  await db.insertInto('player_tokens').values({ token_hash: sha256(token), player_id: playerId, created_at: now }).execute();
  return token;
}

/** Signs the player out on every device added with the personal code (the trainer's "sign out"). */
export async function dropDeviceTokens(db: Db, playerId: number): Promise<void> {
  await db.deleteFrom('player_tokens').where('player_id', '=', playerId).execute();
}
