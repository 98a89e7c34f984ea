// The bound on time in a transcript: what keeps replaying any transcript a few steps a turn.
// The game sends time as TICK_MS ticks and a session records equal ticks in a row as one run
// ({ type: 'TICK', ms, repeat }), so between two other events a real call has one run of ticks
// (a few when a call sends other sizes, as tools do). A run replays in a handful of steps however
// long it is (rules/quietTime.ts); what costs is many short runs in a row — thousands of 1 ms and
// 2 ms ticks in turn — each of which is a step of its own. Those are refused, not replayed.
import { TranscriptError } from '../errors.js';
import type { TranscriptEvent } from './transcript.js';

/** The most TICK events a transcript may have in a row, between two events of another kind. */
export const MAX_TICK_RUNS_IN_A_ROW = 8;

/** Throws TranscriptError 'too-many-ticks' at the first stretch of more than MAX_TICK_RUNS_IN_A_ROW TICK events in a row. */
export function checkTickRuns(events: readonly Pick<TranscriptEvent, 'type'>[]): void {
  let inARow = 0;
  for (let i = 0; i < events.length; i++) {
    inARow = events[i]!.type === 'TICK' ? inARow + 1 : 0;
    if (inARow > MAX_TICK_RUNS_IN_A_ROW) {
      const first = i - MAX_TICK_RUNS_IN_A_ROW;
      throw new TranscriptError(
        'too-many-ticks',
        `events ${first + 1}–${i + 1} are ${MAX_TICK_RUNS_IN_A_ROW + 1} TICK events in a row; a call records at most ${MAX_TICK_RUNS_IN_A_ROW} between two other events ` +
          '(equal ticks in a row are one event with "repeat") — send time as the game does, in runs of equal ticks',
        i,
      );
    }
  }
}
