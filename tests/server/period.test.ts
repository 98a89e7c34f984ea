// The periods of a board and the meeting marks, on a fixed clock: each period's start and season,
// "since the last meeting" before, during and after a meeting, the 6-hour rule, and bad input.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/server/httpError.js';
import { markMeeting, SAME_MEETING_MS, sinceMeeting, type MeetingMarks } from '../../src/server/meetings.js';
import { DAY_MS, periodFilter } from '../../src/server/routes/period.js';
import type { Team } from '../../src/server/store/store.js';

const HOUR = 3_600_000;
// Wednesday 2025-03-12 15:30 UTC.
const NOW = Date.UTC(2025, 2, 12, 15, 30);
const team = (over: Partial<Team> = {}): Team => ({
  id: 7,
  name: 'T',
  code: 'ABCDEFGH',
  season: 3,
  created_at: 0,
  board_code: null,
  min_attempts: 3,
  last_meeting_at: null,
  previous_meeting_at: null,
  typed_only: 0,
  ...over,
});

describe('periods', () => {
  it('starts each period where it says, within the current season', () => {
    const t = team();
    expect(periodFilter(t, { period: 'last7' }, NOW)).toEqual({ teamId: 7, season: 3, since: NOW - 7 * DAY_MS, scenario: null, period: 'last7' });
    expect(periodFilter(t, { period: 'week' }, NOW).since).toBe(Date.UTC(2025, 2, 10));
    expect(periodFilter(t, { period: 'month' }, NOW).since).toBe(Date.UTC(2025, 2, 1));
    expect(periodFilter(t, { period: 'season' }, NOW)).toMatchObject({ season: 3, since: 0 });
    expect(periodFilter(t, { period: 'all' }, NOW)).toMatchObject({ season: null, since: 0, period: 'all' });
    // No period: the current season.
    expect(periodFilter(t, {}, NOW)).toMatchObject({ season: 3, since: 0, period: 'season' });
    // A Sunday is still in the week that began on Monday.
    expect(periodFilter(t, { period: 'week' }, Date.UTC(2025, 2, 16, 23, 59)).since).toBe(Date.UTC(2025, 2, 10));
  });

  it("takes the viewer's own start and a past season", () => {
    const t = team();
    const localMonday = '2025-03-09T22:00:00.000Z'; // Monday 00:00 in UTC+2
    expect(periodFilter(t, { period: 'week', since: localMonday }, NOW).since).toBe(Date.parse(localMonday));
    expect(periodFilter(t, { since: '1960-01-01T00:00:00Z' }, NOW).since).toBe(0);
    expect(periodFilter(t, { season: 2 }, NOW)).toMatchObject({ season: 2, since: 0 });
    expect(periodFilter(t, { season: 1, period: 'month' }, NOW)).toMatchObject({ season: 1, since: Date.UTC(2025, 2, 1) });
    expect(periodFilter(t, { season: 1, period: 'all' }, NOW).season).toBe(1);
    expect(() => periodFilter(t, { season: 4 }, NOW)).toThrow(HttpError);
    try {
      periodFilter(t, { season: 4 }, NOW);
    } catch (e) {
      expect([(e as HttpError).statusCode, (e as HttpError).code]).toEqual([404, 'unknown-season']);
    }
  });

  it('starts "since the last meeting" at the meeting before the current one, or the last 7 days', () => {
    expect(periodFilter(team(), { period: 'since-meeting' }, NOW).since).toBe(NOW - 7 * DAY_MS);
    const lastWeek = NOW - 7 * DAY_MS - 2 * HOUR;
    // Between meetings: since the last one.
    expect(periodFilter(team({ last_meeting_at: lastWeek }), { period: 'since-meeting' }, NOW).since).toBe(lastWeek);
    // During a meeting (started an hour ago): since the one before it.
    const during = team({ last_meeting_at: NOW - HOUR, previous_meeting_at: lastWeek });
    expect(periodFilter(during, { period: 'since-meeting' }, NOW).since).toBe(lastWeek);
    // During the first meeting ever: nothing before it, so the last 7 days.
    expect(periodFilter(team({ last_meeting_at: NOW - HOUR }), { period: 'since-meeting' }, NOW).since).toBe(NOW - 7 * DAY_MS);
  });
});

describe('meeting marks', () => {
  const none: MeetingMarks = { last_meeting_at: null, previous_meeting_at: null };

  it('starts a meeting, keeps it within 6 hours, starts the next one after', () => {
    const monday = Date.UTC(2025, 2, 10, 9, 0);
    const first = markMeeting(none, monday);
    expect(first).toEqual({ last_meeting_at: monday, previous_meeting_at: null });
    // Refreshing the projector during the meeting moves nothing.
    expect(markMeeting(first, monday + 2 * HOUR)).toBe(first);
    expect(markMeeting(first, monday + SAME_MEETING_MS - 1)).toBe(first);
    const later = markMeeting(first, monday + SAME_MEETING_MS);
    expect(later).toEqual({ last_meeting_at: monday + SAME_MEETING_MS, previous_meeting_at: monday });

    const next = markMeeting(first, monday + 7 * DAY_MS);
    expect(next).toEqual({ last_meeting_at: monday + 7 * DAY_MS, previous_meeting_at: monday });
    // In next Monday's meeting, after a refresh: still since last Monday's.
    const refreshed = markMeeting(next, monday + 7 * DAY_MS + 3 * HOUR);
    expect(sinceMeeting(refreshed, monday + 7 * DAY_MS + 3 * HOUR)).toBe(monday);
    // On Wednesday, between meetings: since this Monday's.
    expect(sinceMeeting(refreshed, monday + 9 * DAY_MS)).toBe(monday + 7 * DAY_MS);
    expect(sinceMeeting(none, monday)).toBeNull();
  });
});
