// The team page's members: everyone in the team (those who never played too) with what they did
// in the period, and one member's progress week by week. Readable with the team's codes.
import type { FastifyPluginAsync } from 'fastify';
import type { Member, MembersPage, Progress, ProgressWeek } from '../../client/teamTypes.js';
import { notFound } from '../httpError.js';
import type { Store } from '../store/store.js';
import { playerWeeks, teamMembers, WEEK_MS, type TeamScope } from '../store/teamQueries.js';
import { teamOf } from './auth.js';
import { periodFilter, periodQuerySchema, type PeriodQuery } from './period.js';
import { codeAndIdParams, codeParams } from './schemas.js';

const DAY = 86_400_000;
/** "Practised this week": a result in the last seven days. */
export const PRACTISE_WINDOW_MS = 7 * DAY;
/** The progress chart shows at most this many weeks (the latest). */
export const MAX_WEEKS = 104;
/** Weeks start on Monday 00:00 UTC unless the viewer sends their own week start (1970-01-05 was a Monday). */
const UTC_MONDAY = 4 * DAY;

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const iso = (ms: number) => new Date(ms).toISOString();

/** The period's results as the team page counts them (the boards' one period rule, period.ts). */
export function scopeOf(team: Parameters<typeof periodFilter>[0], q: PeriodQuery): TeamScope & { sinceIso: string | null } {
  const f = periodFilter(team, q) as { teamId: number; season: number | null; since: number };
  return { teamId: f.teamId, season: f.season ?? null, since: f.since, sinceIso: f.since > 0 ? iso(f.since) : null };
}

const progressQuery = {
  type: 'object',
  properties: { ...periodQuerySchema.properties, weekStart: { type: 'string', format: 'date-time' } },
} as const;

export const memberRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Params: { code: string }; Querystring: PeriodQuery }>('/teams/:code/members', { schema: { params: codeParams, querystring: periodQuerySchema } }, async (req): Promise<MembersPage> => {
    const team = await teamOf(store, req.params.code);
    const scope = scopeOf(team, req.query);
    const rows = await teamMembers(store.db, scope, Date.now() - PRACTISE_WINDOW_MS);
    const members = rows.map(
      (r): Member => ({
        player: { id: r.id, name: r.name },
        joinedAt: iso(r.joinedAt),
        lastPlayedAt: r.lastPlayedAt === null ? null : iso(r.lastPlayedAt),
        resultsInPeriod: r.results,
        callsInPeriod: r.calls,
        politeness: round1(r.politeness),
        accuracy: round1(r.accuracy),
        judgment: round1(r.judgment),
        overall: round1(r.overall),
        practisedThisWeek: r.recent > 0,
      }),
    );
    return { team: { name: team.name, season: team.season }, since: scope.sinceIso, members };
  });

  app.get<{ Params: { code: string; id: number }; Querystring: PeriodQuery & { weekStart?: string } }>(
    '/teams/:code/members/:id/progress',
    { schema: { params: codeAndIdParams, querystring: progressQuery } },
    async (req): Promise<Progress> => {
      const team = await teamOf(store, req.params.code);
      const player = await store.player(team.id, req.params.id);
      if (!player || player.removed_at !== null) throw notFound(`player ${req.params.id} of this team`);
      // Weeks are counted from any week start the viewer sends (their Monday 00:00), so they follow the viewer's time zone.
      const given = req.query.weekStart ? Date.parse(req.query.weekStart) : UTC_MONDAY;
      const origin = (((Number.isFinite(given) ? given : UTC_MONDAY) % WEEK_MS) + WEEK_MS) % WEEK_MS;
      const rows = await playerWeeks(store.db, scopeOf(team, req.query), player.id, origin);
      const weeks: ProgressWeek[] = [];
      if (rows.length > 0) {
        const now = Math.floor((Date.now() - origin) / WEEK_MS);
        const last = Math.max(now, rows[rows.length - 1]!.week);
        const first = Math.max(rows[0]!.week, last - MAX_WEEKS + 1);
        const by = new Map(rows.map((r) => [r.week, r]));
        for (let w = first; w <= last; w++) {
          const r = by.get(w);
          weeks.push({
            start: iso(origin + w * WEEK_MS),
            results: r?.results ?? 0,
            politeness: round1(r?.politeness ?? null),
            accuracy: round1(r?.accuracy ?? null),
            judgment: round1(r?.judgment ?? null),
            overall: round1(r?.overall ?? null),
          });
        }
      }
      return { player: { id: player.id, name: player.name }, weeks };
    },
  );
};
