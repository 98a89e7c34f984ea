// The time window of a board, trend or result list: the one home of the periods.
//   last7          the last 7 days (the meeting's default)
//   since-meeting  since the last meeting (src/server/meetings.ts); no meeting yet: last7
//   week, month    from `since` (the client's own start of the week or month, so "this week"
//                  follows the viewer's time zone); without it Monday 00:00 / the 1st, UTC
//   season         the team's current season (the default)
//   all            every season
// Every period but `all` is within one season: the current one, or `season=<n>` for a past one.
// `since` (ISO) overrides the start of any period.
import type { Period } from '../../client/types.js';
import { HttpError } from '../httpError.js';
import { sinceMeeting } from '../meetings.js';
import type { BoardFilter, Team } from '../store/store.js';
import { scenarioIdSchema, smallCountSchema } from './schemas.js';

export const DAY_MS = 86_400_000;
export const PERIODS = ['last7', 'since-meeting', 'week', 'month', 'season', 'all'] as const satisfies readonly Period[];
/** What a board shows without a `period`. */
export const DEFAULT_PERIOD: Period = 'season';

export interface PeriodQuery {
  period?: Period;
  since?: string;
  /** A past (or the current) season of the team, 1 and up. */
  season?: number;
  scenario?: string;
}

export const periodQuerySchema = {
  type: 'object',
  properties: {
    period: { type: 'string', enum: PERIODS },
    since: { type: 'string', format: 'date-time' },
    season: smallCountSchema,
    scenario: scenarioIdSchema,
  },
} as const;

/** The window a query asked for, resolved against the team and the clock. */
export interface ResolvedPeriod extends BoardFilter {
  readonly period: Period;
}

/** Start (ms) of a period that does not depend on the season: null for the whole season. */
function start(team: Team, period: Period, now: number): number | null {
  const d = new Date(now);
  switch (period) {
    case 'last7':
      return now - 7 * DAY_MS;
    case 'since-meeting':
      return sinceMeeting(team, now) ?? start(team, 'last7', now);
    case 'week':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'season':
    case 'all':
      return null;
  }
}

/**
 * The filter for a board, trend or result list. `fallback` is the period when none is given.
 * Throws a 404 for a season the team has not reached.
 */
export function periodFilter(team: Team, q: PeriodQuery, now: number = Date.now(), fallback: Period = DEFAULT_PERIOD): ResolvedPeriod {
  const period = q.period ?? fallback;
  if (q.season !== undefined && q.season > team.season) throw new HttpError(404, 'unknown-season', `the team is in season ${team.season}; season ${q.season} has not started`);
  const season = q.season ?? (period === 'all' ? null : team.season);
  const given = q.since === undefined ? NaN : Date.parse(q.since);
  const since = Number.isFinite(given) ? Math.max(0, given) : (start(team, period, now) ?? 0);
  return { teamId: team.id, season, since: Math.max(0, since), scenario: q.scenario ?? null, period };
}
