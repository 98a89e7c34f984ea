// Teams: a trainer creates a team and gets its join code; a trainee joins with a name and the
// code and gets a token that proves who they are on later requests, and a personal code to come
// back as themself on another device (POST /sign-in). A taken name is someone else's: that person
// signs in with their code, or a different person joins as "Anna (2)" by choosing to. The trainer also renames the
// team, sets its minimum of attempts and whether its exams take typed replies only, starts a season,
// and makes new codes: a join code (the old one stops working) and a read-only board code for
// meeting displays.
import type { FastifyPluginAsync } from 'fastify';
import type { Identity, JoinRequest, PersonalCodeIssued, SignInRequest, TeamInfo, TrainerTeamInfo } from '../../client/types.js';
import { HttpError } from '../httpError.js';
import { addDeviceToken, formatPersonalCode, issuePersonalCode, playerByPersonalCode } from '../store/personalCodes.js';
import { nameKey, NameTakenError, type Player, type Store, type Team } from '../store/store.js';
import { isRevoked, numberedName, playerLookingLike, reclaimRevoked, rotateBoardCode, rotateJoinCode, updateTeam } from '../store/trainerQueries.js';
import { playerOf, refuseRemoved, requireTrainer, teamOf, writableTeamOf, type TeamAccess } from './auth.js';
import { cleanName, codeAndIdParams, codeParams, codeSchema, NAME_MAX, nameSchema } from './schemas.js';

/** What anyone holding a code sees of the team: the code they came with, never the other one. */
export const teamInfo = (t: Team | TeamAccess): TeamInfo => ({
  name: t.name,
  code: 'readOnly' in t && t.readOnly && t.board_code ? t.board_code : t.code,
  season: t.season,
});

export const trainerTeamInfo = (t: Team): TrainerTeamInfo => ({ name: t.name, code: t.code, season: t.season, boardCode: t.board_code, minAttempts: t.min_attempts, typedOnly: Number(t.typed_only) === 1 });

export const MIN_ATTEMPTS_MAX = 50;

const nameBody = { type: 'object', required: ['name'], additionalProperties: false, properties: { name: nameSchema } } as const;
const teamChangeBody = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { name: nameSchema, minAttempts: { type: 'integer', minimum: 1, maximum: MIN_ATTEMPTS_MAX }, typedOnly: { type: 'boolean' } },
} as const;

/**
 * 409 for a name the team has (name-taken) or one that reads the same as a member's
 * (name-confusable, src/server/names.ts): the sentence and `existing` name that member.
 */
function nameTaken(name: string, holder: Player | null, advice: string): HttpError {
  if (holder === null || holder.name_key === nameKey(name)) {
    return new HttpError(409, 'name-taken', `someone in this team is already called "${holder?.name ?? name}": ${advice}`, { existing: holder?.name ?? name });
  }
  return new HttpError(409, 'name-confusable', `"${name}" looks the same as "${holder.name}", who is already in this team: ${advice}`, { existing: holder.name });
}

const wrongPersonalCode = () =>
  new HttpError(401, 'wrong-personal-code', 'nobody in this team has this personal code; check it (ten letters and digits, without 0, 1, I, L or O), or ask your trainer for a new one');

export const teamRoutes: FastifyPluginAsync<{ store: Store; trainerToken: string; joinRateLimit: number }> = async (app, { store, trainerToken, joinRateLimit }) => {
  /** Joining and signing in with a personal code: the same limit, so codes cannot be guessed quickly. */
  const limited = { rateLimit: { max: joinRateLimit, timeWindow: 60_000 } };

  /** A new player: their token, and their personal code shown once. */
  const newPlayer = async (team: Team, name: string): Promise<Identity> => {
    const { player, token } = await store.addPlayer(team.id, name);
    const personalCode = await issuePersonalCode(store.db, team.id, player.id);
    return { team: teamInfo(team), player: { id: player.id, name: player.name }, token, ...(personalCode ? { personalCode } : {}) };
  };

  app.post<{ Body: JoinRequest }>(
    '/join',
    {
      config: limited,
      schema: {
        body: {
          type: 'object',
          required: ['code', 'name'],
          additionalProperties: false,
          properties: { code: codeSchema, name: nameSchema, token: { type: 'string', minLength: 10, maxLength: 100 }, asNew: { type: 'boolean' } },
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
        return await newPlayer(team, name);
      } catch (e) {
        if (!(e instanceof NameTakenError)) throw e;
        // The name is someone's. A player from before personal codes comes back by their name
        // (refused while removed; taken back when the trainer revoked their token). One with a
        // code comes back with it (else anyone could), so the name alone is only "taken".
        // A name that only looks like someone's ("Vіctor" for "Victor") is asked about the same way.
        const holder = await playerLookingLike(store.db, team.id, name);
        const legacy = holder !== null && holder.code_hash === null && holder.name_key === nameKey(name);
        if (legacy && !req.body.asNew) refuseRemoved(holder);
        const back = legacy && !req.body.asNew && (await reclaimRevoked(store.db, team.id, holder.id));
        if (back) return { team: teamInfo(team), player: { id: back.player.id, name: back.player.name }, token: back.token };
        if (!req.body.asNew) throw nameTaken(name, holder, 'if that is you, sign in with your personal code; if not, join as a different person');
        // A different person with the same name, by their own choice: "Anna (2)", so boards tell them apart.
        for (let attempt = 0; ; attempt++) {
          try {
            return await newPlayer(team, await numberedName(store.db, team.id, name, NAME_MAX));
          } catch (again) {
            if (!(again instanceof NameTakenError) || attempt >= 5) throw again;
          }
        }
      }
    },
  );

  app.post<{ Body: SignInRequest }>(
    '/sign-in',
    {
      config: limited,
      schema: {
        body: { type: 'object', required: ['code', 'personalCode'], additionalProperties: false, properties: { code: codeSchema, personalCode: { type: 'string', minLength: 1, maxLength: 40 } } },
      },
    },
    async (req): Promise<Identity> => {
      const team = await writableTeamOf(store, req.body.code);
      const player = await playerByPersonalCode(store.db, team.id, req.body.personalCode);
      if (!player) throw wrongPersonalCode();
      refuseRemoved(player);
      // Signed out everywhere by the trainer: this device becomes the player's one token again;
      // otherwise one more device, the others staying signed in.
      const back = isRevoked(player) ? await reclaimRevoked(store.db, team.id, player.id) : null;
      const token = back?.token ?? (await addDeviceToken(store.db, player.id));
      return { team: teamInfo(team), player: { id: player.id, name: player.name }, token, personalCode: formatPersonalCode(req.body.personalCode) };
    },
  );

  // The player makes themself a new personal code (lost, or joined before codes): shown once.
  app.post<{ Params: { code: string } }>('/teams/:code/personal-code', { config: limited, schema: { params: codeParams } }, async (req): Promise<PersonalCodeIssued> => {
    const team = await teamOf(store, req.params.code);
    const player = await playerOf(store, team, req);
    const personalCode = await issuePersonalCode(store.db, team.id, player.id);
    if (!personalCode) throw new HttpError(404, 'unknown-player', 'this player is no longer in the team; join the team again');
    return { personalCode };
  });

  app.post<{ Body: { name: string } }>('/teams', { schema: { body: nameBody } }, async (req, reply) => {
    requireTrainer(req, trainerToken);
    const team = await store.createTeam(cleanName(req.body.name));
    return reply.code(201).send(trainerTeamInfo(team));
  });

  app.get('/teams', async (req) => {
    requireTrainer(req, trainerToken);
    return (await store.listTeams()).map(trainerTeamInfo);
  });

  app.patch<{ Params: { code: string }; Body: { name?: string; minAttempts?: number; typedOnly?: boolean } }>('/teams/:code', { schema: { params: codeParams, body: teamChangeBody } }, async (req) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    const { name, minAttempts, typedOnly } = req.body;
    const change = { ...(name !== undefined ? { name: cleanName(name) } : {}), ...(minAttempts !== undefined ? { minAttempts } : {}), ...(typedOnly !== undefined ? { typedOnly } : {}) };
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
      if (e instanceof NameTakenError) throw nameTaken(name, await playerLookingLike(store.db, team.id, name), 'choose a name that reads differently');
      throw e;
    }
  });
};
