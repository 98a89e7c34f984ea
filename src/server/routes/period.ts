// The time window of a board, trend or result list: from `since` (the client's own start of the
// week or month, so "this week" follows the viewer's time zone) within the team's current season.
import type { BoardFilter, Team } from '../store/store.js';

export interface PeriodQuery {
  period?: 'week' | 'month' | 'all';
  since?: string;
  scenario?: string;
}

export const periodQuerySchema = {
  type: 'object',
  properties: {
    period: { type: 'string', enum: ['week', 'month', 'all'] },
    since: { type: 'string', format: 'date-time' },
    scenario: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

/** Without `since`, a week or month starts in UTC (Monday 00:00, the 1st 00:00). */
function utcStart(period: PeriodQuery['period'], now = new Date()): number {
  switch (period) {
    case 'week':
      return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7));
    case 'month':
      return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    case 'all':
    case undefined:
      return 0;
  }
}

export function periodFilter(team: Team, q: PeriodQuery): BoardFilter {
  const since = q.since ? Math.max(0, Date.parse(q.since)) : utcStart(q.period);
  return { teamId: team.id, season: team.season, since: Number.isFinite(since) ? since : 0, scenario: q.scenario ?? null };
}
