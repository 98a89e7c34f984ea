// What each move leads to when the trainee answers at once: the view of the dialogue machine
// that the analyses (lint, simulate, the scenario tests) walk. It follows the compiled machine
// step for step — same rule functions, same order — and tests/engine/moves.test.ts checks on
// random walks that a live Session agrees.
import type { DialogueNode, Reply, Scenario } from '../format/model.js';
import { BUILT_IN } from '../format/model.js';
import type { SessionContext } from './state.js';
import {
  answer,
  applyReply,
  applyTimeout,
  availableReplies,
  customerGivesUp,
  enterNode,
  finish,
  finishWork,
  hangUpByTrainee,
  initialContext,
  patienceAfterWaiting,
  pickBranch,
  wait,
} from './transitions.js';

export type Move = { readonly kind: 'reply'; readonly reply: Reply } | { readonly kind: 'timeout' } | { readonly kind: 'hang-up' };

export interface MoveOptions {
  /** Count letting the timer run out as a move (exam mode). Default true. */
  readonly timeouts?: boolean;
  /** Count hanging up on the customer as a move. Default true. */
  readonly hangUp?: boolean;
}

/** The state right after answering the phone, in an exam. */
export function answeredContext(s: Scenario, seed = 0): SessionContext {
  return enter(s, answer(initialContext(s, seed, 'exam')), s.start);
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

/** Speaking a node: an ending finishes the call; otherwise the customer hangs up if they give up. */
function enter(s: Scenario, ctx: SessionContext, id: string): SessionContext {
  const node = s.nodes.get(id)!;
  if (node.end) return finish(ctx, node);
  const entered = enterNode(ctx, node);
  return customerGivesUp(entered) ? finish(entered, s.nodes.get(s.hangUpNode)!) : entered;
}

function afterAction(s: Scenario, ctx: SessionContext, reply: Reply): SessionContext {
  if (customerGivesUp(ctx)) return finish(ctx, s.nodes.get(s.hangUpNode)!);
  if (patienceAfterWaiting(ctx, reply.takesMs) <= 0) return finish(wait(ctx, reply.takesMs, null), s.nodes.get(s.hangUpNode)!);
  const done = finishWork(wait(ctx, reply.takesMs, reply.takesMs), reply);
  return enter(s, done, reply.next[pickBranch(reply.next, done)]!.to);
}

/** The state after a move, with no time passing before it. */
export function afterMove(s: Scenario, ctx: SessionContext, move: Move): SessionContext {
  const node: DialogueNode = s.nodes.get(ctx.node)!;
  switch (move.kind) {
    case 'reply': {
      const next = applyReply(ctx, node, move.reply);
      if (move.reply.takesMs > 0) return afterAction(s, next, move.reply);
      return enter(s, next, move.reply.next[pickBranch(move.reply.next, next)]!.to);
    }
    case 'timeout': {
      const t = node.timeout!;
      if (patienceAfterWaiting(ctx, t.afterMs) <= 0) return finish(wait(ctx, t.afterMs, null), s.nodes.get(s.hangUpNode)!);
      const next = applyTimeout(wait(ctx, t.afterMs, t.afterMs), node, t);
      return enter(s, next, t.next.length === 0 ? node.id : t.next[pickBranch(t.next, next)]!.to);
    }
    case 'hang-up':
      return finish(hangUpByTrainee(ctx, node, s.scoring.hangUp), s.nodes.get(BUILT_IN.abandoned)!);
  }
}
