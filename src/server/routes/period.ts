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

export function periodFilter(team: Team, q: PeriodQuery): BoardFilter {
  const since = q.since ? Math.max(0, Date.parse(q.since)) : 0;
  return { teamId: team.id, season: team.season, since: Number.isFinite(since) ? since : 0, scenario: q.scenario ?? null };
}
