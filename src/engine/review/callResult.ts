// What a finished call hands on: its transcript, its score card and its review, as one plain,
// frozen value. The game's flow, the debrief, the outbox and the bests read this; nothing after
// the call needs the session, or scores it again.
import type { Scenario } from '../format/model.js';
import type { ScoreCard } from '../scoring/score.js';
import type { Transcript } from '../session/transcript.js';
import { reviewCall, type CallReview } from './reviewCall.js';

export interface CallResult {
  readonly transcript: Transcript;
  readonly score: ScoreCard;
  readonly review: CallReview;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The result of the call `transcript` records on `scenario` (which it must fit: see replay()). */
export function callResult(scenario: Scenario, transcript: Transcript): CallResult {
  const review = reviewCall(scenario, transcript);
  const copy: Transcript = { ...transcript, events: transcript.events.map((e) => ({ ...e })) };
  return deepFreeze({ transcript: copy, score: review.score, review });
}
