// Fast-forward: in practice, the trainee need not sit through an action that takes time (a
// 60-second remote check). Skipping it is not a new kind of move: it is the rest of the action's
// time passing at once, as the same ticks waiting would have sent, so the clock, the patience
// and every score come out exactly as if the trainee had waited — and a transcript of it is a
// transcript of waiting.
import type { SessionContext } from './state.js';

/** Whether the rest of the current wait can be skipped: an action under way, in practice. */
export const canFastForward = (ctx: SessionContext): boolean => ctx.mode === 'practice' && ctx.phase === 'working' && ctx.work !== null;

/** The ms of the action still to run, or 0 when there is nothing to skip. */
export function fastForwardMs(ctx: SessionContext): number {
  return canFastForward(ctx) ? Math.max(0, ctx.work!.totalMs - ctx.waitMs) : 0;
}
