// The phone ringing: how long a caller waits for an answer, and what a call that ends before it
// is answered is. One home for both, read by step.ts (the rule), quietTime.ts (fast replay) and
// the scoring (an unanswered call scores nothing: see scoring/score.ts).
import type { SessionContext } from './state.js';

/** A caller left ringing this long gives up: the call ends unanswered. */
export const RING_MS = 30_000;

/** The ring has lasted its full length. */
export const rangOut = (ctx: SessionContext): boolean => ctx.phase === 'ringing' && ctx.waitMs >= RING_MS;

/** The call ended before the trainee answered: the caller gave up, or the trainee declined it. */
export const unanswered = (ctx: { readonly ending: SessionContext['ending'] }): boolean => ctx.ending?.unanswered === true;

/** Ms of ringing left before the caller gives up (0 once answered or ended). */
export const ringLeftMs = (ctx: SessionContext): number => (ctx.phase === 'ringing' ? Math.max(0, RING_MS - ctx.waitMs) : 0);
