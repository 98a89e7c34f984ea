// The trainer's roster: every player of a team (removed ones flagged), removing a player (soft:
// their token stops working and their results leave the boards until restored), restoring one,
// revoking a player's token, making a player a new personal code (the old one stops working; the
// new one is answered once, for the trainer to hand over), and bringing back a result removed a
// moment ago (the undo).
import type { FastifyPluginAsync } from 'fastify';
import type { PersonalCodeIssued, Roster, RosterPlayer } from '../../client/types.js';
import { notFound } from '../httpError.js';
import { issuePersonalCode } from '../store/personalCodes.js';
import type { Player, Store } from '../store/store.js';
import { isRevoked, removePlayer, restorePlayer, revokePlayer, roster } from '../store/trainerQueries.js';
import { requireTrainer, teamOf } from './auth.js';
import { codeAndIdParams, codeParams } from './schemas.js';

const iso = (ms: number) => new Date(ms).toISOString();

export const rosterPlayer = (p: Player, lastPlayedAt: number | null, results: number): RosterPlayer => ({
  id: p.id,
  name: p.name,
  joinedAt: iso(p.created_at),
  lastPlayedAt: lastPlayedAt === null ? null : iso(lastPlayedAt),
  results,
  removedAt: p.removed_at === null ? null : iso(p.removed_at),
  revoked: isRevoked(p),
  hasPersonalCode: p.code_hash !== null,
});

type Params = { Params: { code: string; id: number } };

export const rosterRoutes: FastifyPluginAsync<{ store: Store; trainerToken: string }> = async (app, { store, trainerToken }) => {
  app.get<{ Params: { code: string } }>('/teams/:code/players', { schema: { params: codeParams } }, async (req): Promise<Roster> => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    return { players: (await roster(store.db, team.id)).map((r) => rosterPlayer(r.player, r.lastPlayedAt, r.results)) };
  });

  /** 204 when done (doing it twice is harmless), 404 when the team has no such player. */
  const playerAction = (path: string, method: 'POST' | 'DELETE', act: (teamId: number, id: number) => Promise<Player | null>) =>
    app.route<Params>({
      method,
      url: path,
      schema: { params: codeAndIdParams },
      handler: async (req, reply) => {
        requireTrainer(req, trainerToken);
        const team = await teamOf(store, req.params.code);
        if (!(await act(team.id, req.params.id))) throw notFound(`player ${req.params.id} of this team`);
        return reply.code(204).send();
      },
    });

  playerAction('/teams/:code/players/:id', 'DELETE', (team, id) => removePlayer(store.db, team, id));
  playerAction('/teams/:code/players/:id/restore', 'POST', (team, id) => restorePlayer(store.db, team, id));
  playerAction('/teams/:code/players/:id/revoke', 'POST', (team, id) => revokePlayer(store.db, team, id));

  app.post<Params>('/teams/:code/players/:id/personal-code', { schema: { params: codeAndIdParams } }, async (req): Promise<PersonalCodeIssued> => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    const personalCode = await issuePersonalCode(store.db, team.id, req.params.id);
    if (!personalCode) throw notFound(`player ${req.params.id} of this team`);
    return { personalCode };
  });

  app.post<Params>('/teams/:code/results/:id/restore', { schema: { params: codeAndIdParams } }, async (req, reply) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    if (!(await store.restoreResult(team.id, req.params.id))) throw notFound(`result ${req.params.id} of this team`);
    return reply.code(204).send();
  });
};
