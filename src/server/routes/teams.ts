// Teams: a trainer creates a team and gets its join code; a trainee joins with a name and the
// code and gets a token that proves who they are on later requests. The trainer also renames the
// team, sets its minimum of attempts, starts a season, and makes new codes: a join code (the old
// one stops working) and a read-only board code for meeting displays.
import type { FastifyPluginAsync } from 'fastify';
import type { Identity, TeamInfo, TrainerTeamInfo } from '../../client/types.js';
import { HttpError } from '../httpError.js';
import { NameTakenError, type Store, type Team } from '../store/store.js';
import { playerByName, reclaimRevoked, rotateBoardCode, rotateJoinCode, updateTeam } from '../store/trainerQueries.js';
import { refuseRemoved, requireTrainer, teamOf, writableTeamOf, type TeamAccess } from './auth.js';
import { cleanName, codeAndIdParams, codeParams, nameSchema } from './schemas.js';

/** What anyone holding a code sees of the team: the code they came with, never the other one. */
export const teamInfo = (t: Team | TeamAccess): TeamInfo => ({
  name: t.name,
  code: 'readOnly' in t && t.readOnly && t.board_code ? t.board_code : t.code,
  season: t.season,
});

export const trainerTeamInfo = (t: Team): TrainerTeamInfo => ({ name: t.name, code: t.code, season: t.season, boardCode: t.board_code, minAttempts: t.min_attempts });

export const MIN_ATTEMPTS_MAX = 50;

const nameBody = { type: 'object', required: ['name'], additionalProperties: false, properties: { name: nameSchema } } as const;
const teamChangeBody = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { name: nameSchema, minAttempts: { type: 'integer', minimum: 1, maximum: MIN_ATTEMPTS_MAX } },
} as const;

export const teamRoutes: FastifyPluginAsync<{ store: Store; trainerToken: string; joinRateLimit: number }> = async (app, { store, trainerToken, joinRateLimit }) => {
  app.post<{ Body: { code: string; name: string; token?: string } }>(
    '/join',
    {
      config: { rateLimit: { max: joinRateLimit, timeWindow: 60_000 } },
      schema: {
        body: {
          type: 'object',
          required: ['code', 'name'],
          additionalProperties: false,
          properties: { code: { type: 'string', minLength: 4, maxLength: 20 }, name: nameSchema, token: { type: 'string', minLength: 10, maxLength: 100 } },
        },
      },
    },
    async (req): Promise<Identity> => {
      const team = await writableTeamOf(store, req.body.code);
      const name = cleanName(req.body.name);
      if (req.body.token) {
        // Signing in again on a known device keeps the player (and their results).
        const known = await store.playerByToken(team.id, req.body.token);
        if (known) {
          refuseRemoved(known);
          return { team: teamInfo(team), player: { id: known.id, name: known.name }, token: req.body.token };
        }
      }
      try {
        const { player, token } = await store.addPlayer(team.id, name);
        return { team: teamInfo(team), player: { id: player.id, name: player.name }, token };
      } catch (e) {
        if (!(e instanceof NameTakenError)) throw e;
        // The name is someone's: a player whose token the trainer revoked takes it back by joining.
        const holder = await playerByName(store.db, team.id, name);
        if (holder) refuseRemoved(holder);
        const back = holder && (await reclaimRevoked(store.db, team.id, holder.id));
        if (back) return { team: teamInfo(team), player: { id: back.player.id, name: back.player.name }, token: back.token };
        throw new HttpError(409, 'name-taken', `someone in this team is already called "${name}"; pick another name`);
      }
    },
  );

  app.post<{ Body: { name: string } }>('/teams', { schema: { body: nameBody } }, async (req, reply) => {
    requireTrainer(req, trainerToken);
    const team = await store.createTeam(cleanName(req.body.name));
    return reply.code(201).send(trainerTeamInfo(team));
  });

  app.get('/teams', async (req) => {
    requireTrainer(req, trainerToken);
    return (await store.listTeams()).map(trainerTeamInfo);
  });

  app.patch<{ Params: { code: string }; Body: { name?: string; minAttempts?: number } }>('/teams/:code', { schema: { params: codeParams, body: teamChangeBody } }, async (req) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    const change = { ...(req.body.name !== undefined ? { name: cleanName(req.body.name) } : {}), ...(req.body.minAttempts !== undefined ? { minAttempts: req.body.minAttempts } : {}) };
    return trainerTeamInfo(await updateTeam(store.db, team.id, change));
  });

  app.post<{ Params: { code: string } }>('/teams/:code/seasons', { schema: { params: codeParams } }, async (req) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    return trainerTeamInfo(await store.newSeason(team.id));
  });

  app.post<{ Params: { code: string } }>('/teams/:code/join-code', { schema: { params: codeParams } }, async (req) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    return trainerTeamInfo(await rotateJoinCode(store.db, team.id));
  });

  app.post<{ Params: { code: string } }>('/teams/:code/board-code', { schema: { params: codeParams } }, async (req) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    return trainerTeamInfo(await rotateBoardCode(store.db, team.id));
  });

  app.patch<{ Params: { code: string; id: number }; Body: { name: string } }>('/teams/:code/players/:id', { schema: { params: codeAndIdParams, body: nameBody } }, async (req) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    const name = cleanName(req.body.name);
    try {
      const player = await store.renamePlayer(team.id, req.params.id, name);
      if (!player) throw new HttpError(404, 'not-found', `the team has no player ${req.params.id}`);
      return { id: player.id, name: player.name };
    } catch (e) {
      if (e instanceof NameTakenError) throw new HttpError(409, 'name-taken', `someone in this team is already called "${name}"`);
      throw e;
    }
  });
};
