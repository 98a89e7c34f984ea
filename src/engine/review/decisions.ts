// A finished call's decisions: its transcript walked with the one transition function, keeping
// the state the trainee was in just before each turn (a reply, the timer running out, hanging
// up) — what the review asks "what was still possible here?" of.
import { TranscriptError } from '../errors.js';
import type { Scenario } from '../format/model.js';
import { quietTicks } from '../rules/quietTime.js';
import type { SessionContext, SessionEvent } from '../rules/state.js';
import { step } from '../rules/step.js';
import { initialContext } from '../rules/transitions.js';
import type { Transcript } from '../session/transcript.js';

/** Where in a transcript a turn was taken: its event, and for a run of ticks, how many of the run went before. */
export interface TurnAt {
  readonly event: number;
  readonly ticks: number;
}

export interface Walked {
  /** The state before each turn, by turn (index 0 is turn 1). */
  readonly before: readonly SessionContext[];
  /** Where each turn was taken in the transcript, by turn: the transcript up to there restores `before`. */
  readonly at: readonly TurnAt[];
  /** The state after the last event. */
  readonly final: SessionContext;
}

export function walkTranscript(s: Scenario, t: Transcript): Walked {
  let ctx = initialContext(s, t.seed, t.mode);
  const before: SessionContext[] = [];
  const at: TurnAt[] = [];
  const take = (e: SessionEvent, index: number, ticks = 0) => {
    const next = step(s, ctx, e);
    if (!next) throw new TranscriptError(ctx.phase === 'ended' ? 'after-end' : 'impossible-event', `event ${index + 1} (${e.type}) cannot be taken at node "${ctx.node}"`, index);
    if (next.history.length > ctx.history.length) {
      before.push(ctx);
      at.push({ event: index, ticks });
    }
    ctx = next;
  };
  t.events.forEach((e, index) => {
    if (e.type !== 'TICK') return take(e, index);
    // Ticks in which nothing but time passes go as one (rules/quietTime.ts); no turn happens in them.
    const run = e.repeat ?? 1;
    let left = run;
    while (left > 0) {
      const quiet = Math.min(left, quietTicks(s, ctx, e.ms));
      if (quiet > 0) {
        take({ type: 'TICK', ms: quiet * e.ms }, index);
        left -= quiet;
      }
      if (left > 0) {
        take({ type: 'TICK', ms: e.ms }, index, run - left);
        left--;
      }
    }
  });
  return { before, at, final: ctx };
}
