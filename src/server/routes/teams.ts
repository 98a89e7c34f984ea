// Teams and players: a trainer creates a team and gets its join code; a trainee joins with a
// name and the code and gets a token that proves who they are on later requests.
import type { FastifyPluginAsync } from 'fastify';
import type { Identity, TeamInfo } from '../../client/types.js';
import { HttpError } from '../httpError.js';
import { NameTakenError, type Store, type Team } from '../store/store.js';
import { requireTrainer, teamOf } from './auth.js';
import { cleanName, codeAndIdParams, codeParams, nameSchema } from './schemas.js';

export const teamInfo = (t: Team): TeamInfo => ({ name: t.name, code: t.code, season: t.season });

const nameBody = { type: 'object', required: ['name'], additionalProperties: false, properties: { name: nameSchema } } as const;

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
      const team = await teamOf(store, req.body.code);
      const name = cleanName(req.body.name);
      if (req.body.token) {
        // Signing in again on a known device keeps the player (and their results).
        const known = await store.playerByToken(team.id, req.body.token);
        if (known) return { team: teamInfo(team), player: { id: known.id, name: known.name }, token: req.body.token };
      }
      try {
        const { player, token } = await store.addPlayer(team.id, name);
        return { team: teamInfo(team), player: { id: player.id, name: player.name }, token };
      } catch (e) {
        if (e instanceof NameTakenError) throw new HttpError(409, 'name-taken', `someone in this team is already called "${name}"; pick another name`);
        throw e;
      }
    },
  );

  app.post<{ Body: { name: string } }>('/teams', { schema: { body: nameBody } }, async (req, reply) => {
    requireTrainer(req, trainerToken);
    const team = await store.createTeam(cleanName(req.body.name));
    return reply.code(201).send(teamInfo(team));
  });

  app.get('/teams', async (req) => {
    requireTrainer(req, trainerToken);
    return (await store.listTeams()).map(teamInfo);
  });

  app.patch<{ Params: { code: string }; Body: { name: string } }>('/teams/:code', { schema: { params: codeParams, body: nameBody } }, async (req) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    return teamInfo(await store.renameTeam(team.id, cleanName(req.body.name)));
  });

  app.post<{ Params: { code: string } }>('/teams/:code/seasons', { schema: { params: codeParams } }, async (req) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    return teamInfo(await store.newSeason(team.id));
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
