// Who may do what: a team's join code opens its boards and lets people join and post; its board
// code (for meeting displays) opens the same boards and nothing else; a player's token sends
// results as that player; the trainer token opens the trainer's actions.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../httpError.js';
import type { Player, Store, Team } from '../store/store.js';
import { teamByAnyCode } from '../store/trainerQueries.js';
import { HASH_PREFIX } from '../trainerToken.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** A team as reached by a code: `readOnly` when the code was its board code. */
export type TeamAccess = Team & { readonly readOnly: boolean };

/**
 * `trainer` is the trainer token (TRAINER_TOKEN), or its hash as the store keeps it
 * ("sha256:<hex>", src/server/trainerToken.ts): the given token's SHA-256 is compared with it.
 */
export function requireTrainer(req: FastifyRequest, trainer: string): void {
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  if (!given) throw new HttpError(401, 'trainer-token-required', 'this needs the trainer token (Authorization: Bearer <token>)');
  const expected = trainer.startsWith(HASH_PREFIX) ? Buffer.from(trainer.slice(HASH_PREFIX.length), 'hex') : digest(trainer);
  const actual = digest(given);
  if (expected.length !== actual.length || !timingSafeEqual(actual, expected)) throw new HttpError(403, 'wrong-trainer-token', 'the trainer token is not right');
}

/** The one home for resolving a code: the join code or the read-only board code. */
export async function teamOf(store: Store, code: string): Promise<TeamAccess> {
  const found = await teamByAnyCode(store.db, code);
  if (!found) throw new HttpError(404, 'unknown-team', 'no team has this code; check it with your trainer');
  return { ...found.team, readOnly: found.readOnly };
}

/** For joining and posting: the board code is refused. */
export async function writableTeamOf(store: Store, code: string): Promise<TeamAccess> {
  const team = await teamOf(store, code);
  refuseReadOnly(team);
  return team;
}

export function refuseReadOnly(team: Team | TeamAccess): void {
  if ('readOnly' in team && team.readOnly) {
    throw new HttpError(403, 'read-only-code', "this is the team's board code for displays: it shows the boards but cannot join or send results; use the team's join code");
  }
}

export async function playerOf(store: Store, team: Team | TeamAccess, req: FastifyRequest): Promise<Player> {
  refuseReadOnly(team);
  const token = req.headers['x-player-token'];
  if (typeof token !== 'string' || token.length === 0) throw new HttpError(401, 'player-token-required', 'join the team first: the x-player-token header is missing');
  const player = await store.playerByToken(team.id, token);
  if (!player) throw new HttpError(401, 'unknown-player', 'this player token does not belong to the team; join the team again');
  refuseRemoved(player);
  return player;
}

export function refuseRemoved(player: Player): void {
  if (player.removed_at !== null) throw new HttpError(403, 'player-removed', 'the trainer has removed this player from the team; ask your trainer to restore you');
}
