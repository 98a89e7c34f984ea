// Fast-forward: how many ticks can pass in which nothing happens but the clock and the patience
// bar. Those ticks can be applied as one — exactly the same state, far fewer steps — which keeps
// replaying a long call cheap on the server.
import type { Scenario } from '../format/model.js';
import type { SessionContext } from './state.js';
import { RING_MS } from './ringing.js';
import { speakingLeft } from './delivery.js';

/**
 * The number of consecutive ticks of `ms` that change nothing but time and patience: none of
 * them reaches a timeout, finishes an action, rings out or empties the customer's patience. The tick after
 * them might, so it must be sent on its own.
 */
export function quietTicks(s: Scenario, ctx: SessionContext, ms: number): number {
  let quiet = Infinity;
  if (ctx.phase === 'ended') return 0;
  if (ctx.phase === 'ringing') quiet = Math.ceil((RING_MS - ctx.waitMs) / ms) - 1;
  if (ctx.phase === 'working' && ctx.work) quiet = Math.ceil((ctx.work.totalMs - ctx.waitMs) / ms) - 1;
  // While an exam's line is still being delivered, its timer and patience wait (rules/delivery.ts).
  const speaking = speakingLeft(ctx);
  if (ctx.phase === 'listening' && ctx.mode === 'exam') {
    const t = s.nodes.get(ctx.node)?.timeout;
    if (t) quiet = Math.ceil((t.afterMs - ctx.waitMs + speaking) / ms) - 1;
  }
  const drains = ctx.phase === 'working' || ctx.mode === 'exam';
  const rate = ctx.drain * (200 - ctx.mood); // drainCost(x) = floor(x * rate / 1e6)
  if (drains && rate > 0) {
    // The first wait that costs all the patience left: x * rate >= patience * 1e6.
    const emptyAt = Math.ceil((ctx.phaseStartPatience * 1_000_000) / rate);
    quiet = Math.min(quiet, Math.max(1, Math.ceil((emptyAt - ctx.waitMs + speaking) / ms)) - 1);
  }
  return Math.max(0, quiet);
}
