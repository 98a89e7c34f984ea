// The team's boards and trend (readable by anyone holding the team's join code or board code),
// and the meeting view's marks.
import type { FastifyPluginAsync } from 'fastify';
import type { Board, MeetingMark, Trend } from '../../client/types.js';
import { shapeBoard } from '../board.js';
import { markMeeting, sinceMeeting } from '../meetings.js';
import { chooseUnit, trendOrigin, trendPoints, type TrendUnit } from '../trend.js';
import type { ScenarioLibrary } from '../scenarios.js';
import type { Store, Team } from '../store/store.js';
import { teamOf } from './auth.js';
import { periodFilter, periodQuerySchema, type PeriodQuery } from './period.js';
import { codeParams } from './schemas.js';
import { teamInfo } from './teams.js';

const DAY = 86_400_000;

/** A call's title: the English version's when there is one, else any. */
async function titles(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const v of await store.scenarioIndex()) if (!out.has(v.id) || v.locale === 'en') out.set(v.id, v.title);
  return out;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const boardRoutes: FastifyPluginAsync<{ store: Store; library: ScenarioLibrary; now?: () => number }> = async (app, { store, library, now = Date.now }) => {
  app.get<{ Params: { code: string }; Querystring: PeriodQuery }>('/teams/:code/board', { schema: { params: codeParams, querystring: periodQuerySchema } }, async (req): Promise<Board> => {
    const team = await teamOf(store, req.params.code);
    const f = periodFilter(team, req.query, now());
    const [bests, names] = await Promise.all([store.playerCallBests({ ...f, scenario: null }), titles(store)]);
    return shapeBoard(bests, {
      base: { team: teamInfo(team), period: f.period, since: f.since ? iso(f.since) : null, season: f.season, scenario: f.scenario },
      titles: names,
      minAttempts: team.min_attempts,
      callIds: library.callIds,
    });
  });

  // The team's average overall over the period: days for a short one, weeks up to about a year,
  // months beyond (trend.ts); a period without a start (season, all) from its first result.
  app.get<{ Params: { code: string }; Querystring: PeriodQuery & { bucket?: TrendUnit } }>(
    '/teams/:code/trend',
    { schema: { params: codeParams, querystring: { type: 'object', properties: { ...periodQuerySchema.properties, bucket: { type: 'string', enum: ['day', 'week', 'month'] } } } } },
    async (req): Promise<Trend> => {
      const team = await teamOf(store, req.params.code);
      const at = now();
      const f = periodFilter(team, req.query, at);
      const firstDay = f.since > 0 ? f.since : await store.firstDay(f);
      if (firstDay === null) return { bucket: req.query.bucket ?? 'week', points: [] };
      const unit = req.query.bucket ?? chooseUnit(firstDay, at);
      const origin = trendOrigin(unit, f.since, firstDay);
      if (unit === 'day') {
        // Days exactly as the viewer's (from their own midnight), straight from the results.
        const rows = await store.trend({ ...f, since: Math.max(f.since, origin) }, DAY);
        const base = Math.max(f.since, origin);
        return { bucket: unit, points: trendPoints(unit, origin, at, rows.map((r) => ({ at: base + r.bucket * DAY, results: r.results, sum: r.average * r.results }))) };
      }
      const days = await store.teamDays(f);
      // A whole UTC day counts where its midday falls; the partial first day (at `since`) in the first bucket.
      const parts = days.map((d) => ({ at: d.day % DAY === 0 ? d.day + DAY / 2 : d.day, results: d.results, sum: d.overall_sum }));
      return { bucket: unit, points: trendPoints(unit, origin, at, parts) };
    },
  );

  // The meeting view shows itself: a new meeting unless one started within the last 6 hours.
  app.post<{ Params: { code: string } }>('/teams/:code/meetings', { schema: { params: codeParams } }, async (req): Promise<MeetingMark> => {
    const at = now();
    let team: Team = await teamOf(store, req.params.code);
    const marks = markMeeting(team, at);
    const started = marks !== team;
    // Another instance marking the same meeting at the same moment: the first one's marks stand.
    if (started) team = await store.setMeetingMarks(team.id, team.last_meeting_at, marks);
    return { meetingAt: iso(team.last_meeting_at!)!, previousAt: iso(team.previous_meeting_at), started: started && team.last_meeting_at === at, since: iso(sinceMeeting(team, at)) };
  });
};
