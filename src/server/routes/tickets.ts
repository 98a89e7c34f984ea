// An online exam starts with a ticket: the server chooses the seed for this player and this call,
// and the result it ends with must carry the ticket (routes/results.ts). Single use, expiring. It
// says whether the team's exams take typed replies only (the trainer's setting when it is issued).
import type { FastifyPluginAsync } from 'fastify';
import type { ExamTicket } from '../../client/types.js';
import { ID_PATTERN } from '../../engine/format/schema.js';
import { HttpError } from '../httpError.js';
import type { ScenarioLibrary } from '../scenarios.js';
import type { Store } from '../store/store.js';
import { issueTicket } from '../store/tickets.js';
import { playerOf, teamOf } from './auth.js';
import { codeParams } from './schemas.js';

const ticketBody = {
  type: 'object',
  required: ['scenario'],
  additionalProperties: false,
  properties: { scenario: { type: 'string', minLength: 1, maxLength: 100, pattern: ID_PATTERN.source } },
} as const;

export const ticketRoutes: FastifyPluginAsync<{ store: Store; library: ScenarioLibrary; now?: () => number }> = async (app, { store, library, now = Date.now }) => {
  app.post<{ Params: { code: string }; Body: { scenario: string } }>('/teams/:code/tickets', { schema: { params: codeParams, body: ticketBody } }, async (req, reply) => {
    const team = await teamOf(store, req.params.code);
    const player = await playerOf(store, team, req);
    if (!library.callIds.has(req.body.scenario)) throw new HttpError(404, 'unknown-scenario', `this server does not know the call "${req.body.scenario}"`);
    const typedOnly = Number(team.typed_only) === 1;
    const t = await issueTicket(store.db, { teamId: team.id, playerId: player.id, scenario: req.body.scenario, typedOnly }, now());
    const body: ExamTicket = { ticket: t.id, scenario: t.scenario, seed: t.seed, expiresAt: new Date(t.expires_at).toISOString(), typedOnly };
    return reply.code(201).send(body);
  });
};
