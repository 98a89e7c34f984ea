// When the team's meetings were, and where "since the last meeting" starts: the one home of the
// rule. The meeting view marks itself shown (POST /api/teams/:code/meetings); a mark within
// SAME_MEETING_MS of the current meeting's start is the same meeting (a projector refreshed, a
// second screen opened), so it moves nothing. During a meeting, "since the last meeting" starts
// at the meeting before it; between meetings, at the last one.

/** Marks closer than this to the current meeting's start belong to that meeting. */
export const SAME_MEETING_MS = 6 * 3_600_000;

export interface MeetingMarks {
  /** Start of the latest meeting (ms), null before the first. */
  readonly last_meeting_at: number | null;
  /** Start of the meeting before it (ms), null until there were two. */
  readonly previous_meeting_at: number | null;
}

/** Whether a meeting that started at `last` is still going on at `now`. */
function inMeeting(last: number | null, now: number): last is number {
  return last !== null && now - last < SAME_MEETING_MS;
}

/** The marks after the meeting view is shown at `now`: a new meeting, or unchanged. */
export function markMeeting(m: MeetingMarks, now: number): MeetingMarks {
  if (inMeeting(m.last_meeting_at, now)) return m;
  return { last_meeting_at: now, previous_meeting_at: m.last_meeting_at };
}

/** Where "since the last meeting" starts at `now` (ms), or null when there is no meeting to start from. */
export function sinceMeeting(m: MeetingMarks, now: number): number | null {
  return inMeeting(m.last_meeting_at, now) ? m.previous_meeting_at : m.last_meeting_at;
}
