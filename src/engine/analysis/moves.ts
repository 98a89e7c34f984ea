// The trainee's moves as the analyses see them: a reply, letting the timer run out, or hanging
// up — each answered at once, with no time to think. A move is a few events for the one
// transition function (rules/step.ts): the reply, then the time the action or the timer takes.
import type { Reply, Scenario } from '../format/model.js';
import type { SessionContext, SessionEvent } from '../rules/state.js';
import { step } from '../rules/step.js';
import { speakingLeft } from '../rules/delivery.js';
import { availableReplies, initialContext } from '../rules/transitions.js';

export type Move = { readonly kind: 'reply'; readonly reply: Reply } | { readonly kind: 'timeout' } | { readonly kind: 'hang-up' };

export interface MoveOptions {
  /** Count letting the timer run out as a move (exam mode). Default true. */
  readonly timeouts?: boolean;
  /** Count hanging up on the customer as a move. Default true. */
  readonly hangUp?: boolean;
}

/** The state right after answering the phone, in an exam. */
export function answeredContext(s: Scenario, seed = 0): SessionContext {
  return step(s, initialContext(s, seed, 'exam'), { type: 'ANSWER' })!;
}

/** The moves open to the trainee in a listening state. */
export function movesAt(s: Scenario, ctx: SessionContext, options: MoveOptions = {}): Move[] {
  if (ctx.phase !== 'listening') return [];
  const node = s.nodes.get(ctx.node)!;
  const moves: Move[] = availableReplies(node, ctx).map((reply) => ({ kind: 'reply', reply }));
  if ((options.timeouts ?? true) && node.timeout && ctx.mode === 'exam') moves.push({ kind: 'timeout' });
  if (options.hangUp ?? true) moves.push({ kind: 'hang-up' });
  return moves;
}

/** Choosing the reply shown n-th (from 1), and hanging up: the same events every time, made once. */
const CHOOSE: readonly SessionEvent[] = Array.from({ length: 10 }, (_, n) => Object.freeze({ type: 'CHOOSE', n }));
const HANG_UP: SessionEvent = Object.freeze({ type: 'HANG_UP' });

/** The event that makes a move in a listening state. */
export function eventOf(ctx: SessionContext, s: Scenario, move: Move): SessionEvent {
  switch (move.kind) {
    case 'reply': {
      const n = ctx.order.indexOf(move.reply.index) + 1;
      return CHOOSE[n] ?? { type: 'CHOOSE', n };
    }
    case 'timeout':
      // The timer runs once the line is delivered (rules/delivery.ts): the rest of the line, then the wait.
      return { type: 'TICK', ms: Math.max(1, s.nodes.get(ctx.node)!.timeout!.afterMs - ctx.waitMs + speakingLeft(ctx)) };
    case 'hang-up':
      return HANG_UP;
  }
}

/** The state after a move, with no time passing before it (an action then runs to its end). */
export function afterMove(s: Scenario, ctx: SessionContext, move: Move): SessionContext {
  const next = step(s, ctx, eventOf(ctx, s, move));
  if (!next) throw new Error(`internal: move ${move.kind} is not possible at node "${ctx.node}"`);
  if (next.phase !== 'working') return next;
  return step(s, next, { type: 'TICK', ms: next.work!.totalMs - next.waitMs })!;
}
