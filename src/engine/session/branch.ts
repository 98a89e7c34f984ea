// "Try another reply": a finished call restored exactly as it stood before one of its turns —
// the same seed, mood, patience, facts and clock — then played on in practice. The branch's
// transcript is the original's up to that turn, a PRACTISE event, and what was played after;
// so it replays exactly, and never counts for the leaderboard (the server refuses it).
import type { Scenario } from '../format/model.js';
import type { SessionContext } from '../rules/state.js';
import { reachableFrom, type Reachable } from '../analysis/reachable.js';
import { walkTranscript } from '../review/decisions.js';
import { replay } from './replay.js';
import type { Session } from './session.js';
import type { Transcript, TranscriptEvent } from './transcript.js';

/** Whether a transcript is a branch: part of it was played in practice after the fact. */
export const isBranch = (t: Pick<Transcript, 'events'>): boolean => t.events.some((e) => e.type === 'PRACTISE');

/** The turn (from 1) a branch tried again — the turns taken before its PRACTISE event, plus one; null for a call played through. */
export function branchTurn(scenario: Scenario, transcript: Transcript): number | null {
  const at = transcript.events.findIndex((e) => e.type === 'PRACTISE');
  if (at < 0) return null;
  return walkTranscript(scenario, transcript).at.filter((turn) => turn.event < at).length + 1;
}

/** A turn of a finished call that can be tried again, and what could still be scored from it. */
export interface BranchPoint {
  readonly turn: number;
  /** The best and worst overall still reachable in practice from just before the turn; null where the call was not waiting for a reply. */
  readonly reachable: Reachable | null;
}

/** The events that restore the call to just before `turn` (from 1), or null if it has no such turn. */
function eventsBefore(scenario: Scenario, transcript: Transcript, turn: number): TranscriptEvent[] | null {
  const at = walkTranscript(scenario, transcript).at[turn - 1];
  if (!at) return null;
  const events = transcript.events.slice(0, at.event).map((e) => ({ ...e }));
  const e = transcript.events[at.event]!;
  // The turn came part way through a run of ticks (an exam's timer ran out): the ticks before it.
  if (e.type === 'TICK' && at.ticks > 0) events.push(at.ticks === 1 ? { type: 'TICK', ms: e.ms } : { type: 'TICK', ms: e.ms, repeat: at.ticks });
  return events;
}

/**
 * A new session of `transcript`'s call as it stood just before `turn`, switched to practice.
 * Throws RangeError when the call has no such turn; the transcript must fit the scenario (see replay()).
 */
export function tryAnotherReply(scenario: Scenario, transcript: Transcript, turn: number): Session {
  const events = eventsBefore(scenario, transcript, turn);
  if (!events) throw new RangeError(`the call has no turn ${turn}`);
  const { session } = replay(scenario, { ...transcript, events });
  session.practise();
  return session;
}

/** Every turn of a finished call, with the best and worst overall still reachable from it in practice. */
export function branchPoints(scenario: Scenario, transcript: Transcript): BranchPoint[] {
  return walkTranscript(scenario, transcript).before.map((ctx, i) => ({ turn: i + 1, reachable: reachableInPractice(scenario, ctx) }));
}

/**
 * One turn's branch point (a screen that fills them in one at a time keeps each step short);
 * null when the call has no such turn.
 */
export function branchPoint(scenario: Scenario, transcript: Transcript, turn: number): BranchPoint | null {
  const ctx = walkTranscript(scenario, transcript).before[turn - 1];
  return ctx ? { turn, reachable: reachableInPractice(scenario, ctx) } : null;
}

// A branch plays on in practice, so what it can reach is counted in practice (no exam timer).
const reachableInPractice = (scenario: Scenario, ctx: SessionContext) => reachableFrom(scenario, { ...ctx, mode: 'practice' });
