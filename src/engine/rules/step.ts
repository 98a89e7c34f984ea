// The one transition function of a call: from a state and an event to the next state, or null
// when the event is impossible there. The dialogue machine's actions call it (machine/), and so
// does every analysis (analysis/), so what a trainee plays and what the tools prove can never
// drift apart. Pure: time is the TICK's `ms`, and the only randomness is the seed in the state.
import type { DialogueNode, Reply, Scenario } from '../format/model.js';
import { BUILT_IN } from '../format/model.js';
import type { SessionContext, SessionEvent } from './state.js';
import { RING_MS, rangOut } from './ringing.js';
import { deliveryCapMs, speakingLeft } from './delivery.js';
import { spokenLine } from './spokenLine.js';
import { draftOf } from './contextDraft.js';
import {
  answer,
  applyReply,
  arriveAt,
  enterEffects,
  applyTimeout,
  customerGivesUp,
  enterNode,
  finish,
  finishUnanswered,
  finishWork,
  hangUpByTrainee,
  patienceAfterWaiting,
  pickBranch,
  shownReply,
  targetOf,
  wait,
} from './transitions.js';

const nodeOf = (s: Scenario, id: string): DialogueNode => s.nodes.get(id)!;

/** After every event: a customer out of patience (or worn out by an endless call) hangs up. */
function settle(s: Scenario, ctx: SessionContext): SessionContext {
  return ctx.phase !== 'ended' && customerGivesUp(ctx) ? finish(ctx, nodeOf(s, s.hangUpNode)) : ctx;
}

/**
 * The customer speaks a node's line (`to` as a branch names it: a node, or "$return"): what
 * the line does on entering happens, then an ending finishes the call and any other node
 * waits for a reply.
 */
function speak(s: Scenario, ctx: SessionContext, to: string): SessionContext {
  const id = targetOf(ctx, to);
  const node = nodeOf(s, id);
  const arrived = arriveAt(s, ctx, id);
  const entered = node.enter ? enterEffects(arrived, node.enter) : arrived;
  return node.end ? finish(entered, node) : enterNode(entered, node);
}

function choose(s: Scenario, ctx: SessionContext, n: number): SessionContext | null {
  const index = shownReply(ctx, n);
  if (index < 0) return null;
  const node = nodeOf(s, ctx.node);
  const reply = node.replies[index]!;
  const next = applyReply(ctx, node, reply);
  // An action starts working; where it leads is decided when it finishes.
  if (reply.takesMs > 0) return next;
  return speak(s, next, reply.next[pickBranch(reply.next, next)]!.to);
}

function withSpeaking(ctx: SessionContext, speakingMs: number): SessionContext {
  const next = draftOf(ctx);
  next.speakingMs = speakingMs;
  return next;
}

/** Time passes while the customer waits for a reply; in an exam, the node's timer may run out. */
function listen(s: Scenario, before: SessionContext, ms: number): SessionContext {
  let ctx = before;
  // While the line is still being delivered only the clock moves (rules/delivery.ts).
  const speaking = Math.min(ms, speakingLeft(ctx));
  if (speaking > 0) {
    const spoken = draftOf(ctx);
    spoken.speakingMs = ctx.speakingMs! - speaking;
    spoken.elapsedMs = ctx.elapsedMs + speaking;
    ctx = spoken;
    ms -= speaking;
    if (ms === 0) return ctx;
  }
  const node = nodeOf(s, ctx.node);
  const t = node.timeout;
  // If patience runs out before the timer does, the customer hangs up instead (settle).
  if (t && ctx.mode === 'exam' && ctx.waitMs + ms >= t.afterMs && patienceAfterWaiting(ctx, t.afterMs) > 0) {
    const next = applyTimeout(wait(ctx, ms, t.afterMs), node, t);
    return speak(s, next, t.next.length === 0 ? node.id : t.next[pickBranch(t.next, next)]!.to);
  }
  return wait(ctx, ms, null);
}

/** Time passes while an action runs; when it finishes, its facts are known and the call goes on. */
function work(s: Scenario, ctx: SessionContext, ms: number): SessionContext {
  const w = ctx.work!;
  const reply: Reply = nodeOf(s, w.node).replies[w.reply]!;
  const waited = wait(ctx, ms, w.totalMs);
  if (ctx.waitMs + ms < w.totalMs || patienceAfterWaiting(ctx, w.totalMs) <= 0) return waited;
  const done = finishWork(waited, reply);
  return speak(s, done, reply.next[pickBranch(reply.next, done)]!.to);
}

function tick(s: Scenario, ctx: SessionContext, ms: number): SessionContext {
  switch (ctx.phase) {
    case 'ringing': {
      // Left ringing for RING_MS, the caller gives up; in an exam the ring costs patience up to then.
      const rung = wait(ctx, ms, RING_MS);
      return rangOut(rung) ? finish(rung, nodeOf(s, s.hangUpNode)) : rung;
    }
    case 'ended': // never reached: step refuses every event after the end
      return wait(ctx, ms, null);
    case 'listening':
      return listen(s, ctx, ms);
    case 'working':
      return work(s, ctx, ms);
  }
}

/**
 * The next state of a call after `event`, or null if the event is impossible in `ctx` (a reply
 * not on offer, answering twice, anything after the end, a tick of no time).
 */
export function step(s: Scenario, ctx: SessionContext, event: SessionEvent): SessionContext | null {
  if (ctx.phase === 'ended') return null;
  switch (event.type) {
    case 'ANSWER':
      return ctx.phase === 'ringing' ? settle(s, speak(s, answer(ctx), s.start)) : null;
    case 'CHOOSE': {
      if (ctx.phase !== 'listening') return null;
      const next = choose(s, ctx, event.n);
      return next && settle(s, next);
    }
    case 'TICK': {
      if (!(Number.isInteger(event.ms) && event.ms >= 1)) return null;
      const next = settle(s, tick(s, ctx, event.ms));
      // However it ends while the phone still rings (rang out, or out of patience in an exam), it ends unanswered.
      return ctx.phase === 'ringing' && next.phase === 'ended' ? finishUnanswered(next) : next;
    }
    case 'HANG_UP':
      // Declining a ringing call is not answering it: no turn was taken.
      if (ctx.phase === 'ringing') return finishUnanswered(finish(ctx, nodeOf(s, BUILT_IN.abandoned)));
      // Wherever the call is, the turn belongs to the node whose line was last spoken.
      return finish(hangUpByTrainee(ctx, nodeOf(s, ctx.node), s.scoring.hangUp), nodeOf(s, BUILT_IN.abandoned));
    case 'SPEAKING':
      // Once per line, as it arrives (no time waited yet), in an exam: the timer then waits for its delivery.
      if (ctx.phase !== 'listening' || ctx.mode !== 'exam' || ctx.speakingMs !== null || ctx.waitMs !== 0) return null;
      return withSpeaking(ctx, deliveryCapMs(spokenLine(nodeOf(s, ctx.node), ctx.history).say));
    case 'DELIVERED':
      return speakingLeft(ctx) > 0 ? withSpeaking(ctx, 0) : null;
    case 'PRACTISE': {
      // Nothing else changes: the same seed, mood, patience, facts and clock, now in practice.
      const next = draftOf(ctx);
      next.mode = 'practice';
      return next;
    }
  }
}

/** The machine's state while the phone rings. */
export const RINGING = '$ringing';
/** The machine's state of an action under way: one per reply that takes time. */
export const workState = (node: string, reply: number) => `$work:${node}:${reply}`;

/** The machine state a context is in: ringing, a node's state, or an action's working state. */
export function machineStateOf(ctx: SessionContext): string {
  if (ctx.phase === 'ringing') return RINGING;
  if (ctx.phase === 'working' && ctx.work) return workState(ctx.work.node, ctx.work.reply);
  return ctx.node;
}
