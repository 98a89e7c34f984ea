// Who may do what: a team's code opens its board; a player's token sends results as that player;
// the trainer token opens the trainer's actions.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../httpError.js';
import type { Player, Store, Team } from '../store/store.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function requireTrainer(req: FastifyRequest, token: string): void {
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  if (!given) throw new HttpError(401, 'trainer-token-required', 'this needs the trainer token (Authorization: Bearer <token>)');
  if (!timingSafeEqual(digest(given), digest(token))) throw new HttpError(403, 'wrong-trainer-token', 'the trainer token is not right');
}

export async function teamOf(store: Store, code: string): Promise<Team> {
  const team = await store.teamByCode(code);
  if (!team) throw new HttpError(404, 'unknown-team', 'no team has this join code; check it with your trainer');
  return team;
}

export async function playerOf(store: Store, team: Team, req: FastifyRequest): Promise<Player> {
  const token = req.headers['x-player-token'];
  if (typeof token !== 'string' || token.length === 0) throw new HttpError(401, 'player-token-required', 'join the team first: the x-player-token header is missing');
  const player = await store.playerByToken(team.id, token);
  if (!player) throw new HttpError(401, 'unknown-player', 'this player token does not belong to the team; join the team again');
  return player;
}
