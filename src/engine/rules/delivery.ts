// Fair exam time: the customer's line is first delivered — its caption shown in full and its
// voice finished — and only then do the trainee's reply timer and the customer's patience run,
// the same in every language (a longer voice costs the trainee nothing). The game says when a
// line starts being delivered (SPEAKING, as it arrives) and when it has been (DELIVERED); the
// transcript keeps both, so a replay is exact. A line never reported delivered counts as
// delivered after its cap, so holding the event back buys no more than that. A call whose game
// sends neither (older transcripts, tools) is timed from the line's start, as before.
import type { SessionContext } from './state.js';

/** Time allowed per character of the line before it counts as delivered anyway: a slow caption, or a slow voice. */
export const DELIVERY_MS_PER_CHAR = 90;
/** …plus this, for the voice to start and the eye to reach the line. */
export const DELIVERY_BASE_MS = 1500;
/** No line takes longer than this to deliver. */
export const DELIVERY_MAX_MS = 30_000;

/** The longest a line of `say` may take to be delivered, in whole tenths of a second. */
export const deliveryCapMs = (say: string): number => Math.min(DELIVERY_MAX_MS, Math.ceil((DELIVERY_BASE_MS + [...say].length * DELIVERY_MS_PER_CHAR) / 100) * 100);

/** Ms the line may still take to be delivered (0 when it has been, or was never said to be under way). */
export const speakingLeft = (ctx: SessionContext): number => (ctx.phase === 'listening' ? (ctx.speakingMs ?? 0) : 0);
