// The team's boards and trend (readable by anyone holding the team's join code or board code),
// and the meeting view's marks.
import type { FastifyPluginAsync } from 'fastify';
import type { Board, MeetingMark, Trend, TrendPoint } from '../../client/types.js';
import { shapeBoard } from '../board.js';
import { markMeeting, sinceMeeting } from '../meetings.js';
import type { ScenarioLibrary } from '../scenarios.js';
import type { Store, Team } from '../store/store.js';
import { teamOf } from './auth.js';
import { periodFilter, periodQuerySchema, type PeriodQuery } from './period.js';
import { codeParams } from './schemas.js';
import { teamInfo } from './teams.js';

const DAY = 86_400_000;
const MAX_BUCKETS = 400;

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

  app.get<{ Params: { code: string }; Querystring: PeriodQuery & { bucket?: 'day' | 'week' } }>(
    '/teams/:code/trend',
    { schema: { params: codeParams, querystring: { type: 'object', properties: { ...periodQuerySchema.properties, bucket: { type: 'string', enum: ['day', 'week'] } } } } },
    async (req): Promise<Trend> => {
      const team = await teamOf(store, req.params.code);
      const bucket = req.query.bucket ?? 'week';
      const size = bucket === 'day' ? DAY : 7 * DAY;
      const at = now();
      // Without a start: the last twelve weeks.
      const f = periodFilter(team, { since: new Date(at - 12 * 7 * DAY).toISOString(), ...req.query }, at);
      const rows = await store.trend(f, size);
      const count = Math.max(rows.length ? rows[rows.length - 1]!.bucket + 1 : 0, Math.floor((at - f.since) / size) + 1);
      const first = f.since;
      const by = new Map(rows.map((r) => [r.bucket, r]));
      const points: TrendPoint[] = [];
      for (let b = Math.max(0, count - MAX_BUCKETS); b < count; b++) {
        const r = by.get(b);
        points.push({ start: new Date(first + b * size).toISOString(), results: r?.results ?? 0, average: r ? Math.round(r.average * 10) / 10 : null });
      }
      return { bucket, points };
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
