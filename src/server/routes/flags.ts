// The trainer's check of results that came faster than a person reads (src/server/plausibility.ts):
// the list of flagged results with the reason, and clearing one (it counts for champions again).
// Removing one is the results' own DELETE.
import type { FastifyPluginAsync } from 'fastify';
import type { FlaggedResult } from '../../client/types.js';
import { notFound } from '../httpError.js';
import { parseFlag } from '../plausibility.js';
import type { Store } from '../store/store.js';
import { clearFlag, flaggedResults } from '../store/flagQueries.js';
import { requireTrainer, teamOf } from './auth.js';
import { summary } from './results.js';
import { codeAndIdParams, codeParams } from './schemas.js';

export const flagRoutes: FastifyPluginAsync<{ store: Store; trainerToken: string }> = async (app, { store, trainerToken }) => {
  app.get<{ Params: { code: string } }>('/teams/:code/flagged', { schema: { params: codeParams } }, async (req): Promise<{ results: FlaggedResult[] }> => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    const rows = await flaggedResults(store.db, team.id);
    return { results: rows.flatMap((r) => { const flag = parseFlag(r.flag); return flag ? [{ ...summary(r), flag }] : []; }) };
  });

  app.post<{ Params: { code: string; id: number } }>('/teams/:code/results/:id/clear', { schema: { params: codeAndIdParams } }, async (req, reply) => {
    requireTrainer(req, trainerToken);
    const team = await teamOf(store, req.params.code);
    if (!(await clearFlag(store.db, team.id, req.params.id))) throw notFound(`result ${req.params.id} of this team`);
    return reply.code(204).send();
  });
};
