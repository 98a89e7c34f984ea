// The one hand-written setup() of the dialogue: every guard and action the compiled machines
// may name. Each is a thin call into rules/, where the rules themselves live. Scenario files
// never contain code; the compiler (compileScenario.ts) only refers to these names.
import { assign, setup } from 'xstate';
import type { Branch, DialogueNode, Reply, Timeout } from '../format/model.js';
import type { Mode, SessionContext, SessionEvent } from '../rules/state.js';
import {
  answer,
  applyReply,
  applyTimeout,
  customerGivesUp,
  enterNode,
  finish,
  finishWork,
  hangUpByTrainee,
  patienceAfterWaiting,
  pickBranch,
  shownReply,
  subjectAfter,
  wait,
} from '../rules/transitions.js';

export interface SessionInput {
  readonly seed: number;
  readonly mode: Mode;
}

const NO_EFFECT = { mood: 0, patience: 0, reveals: [] as readonly string[] };

/** Which branch `next` takes once the effects land; -1 stands for "no branches" (stay). */
const takesBranch = (branches: readonly Branch[], chosen: number, subject: Parameters<typeof pickBranch>[1]) =>
  branches.length === 0 ? chosen === -1 : pickBranch(branches, subject) === chosen;

export const dialogueSetup = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
  },
  guards: {
    /** The trainee picked this reply, and its effects send the call down this branch (-1: an action). */
    chose: ({ context, event }, p: { reply: Reply; branch: number }) =>
      event.type === 'CHOOSE' &&
      shownReply(context, event.n) === p.reply.index &&
      (p.branch === -1 || takesBranch(p.reply.next, p.branch, subjectAfter(context, p.reply))),
    /**
     * In an exam, this tick reaches the node's time limit, the customer is still on the line by
     * then, and the timeout goes down this branch. (If patience runs out first, the customer
     * hangs up instead — whatever the size of the ticks.)
     */
    timesOut: ({ context, event }, p: { timeout: Timeout; branch: number }) =>
      event.type === 'TICK' &&
      context.mode === 'exam' &&
      context.waitMs + event.ms >= p.timeout.afterMs &&
      patienceAfterWaiting(context, p.timeout.afterMs) > 0 &&
      takesBranch(p.timeout.next, p.branch, subjectAfter(context, p.timeout, patienceAfterWaiting(context, p.timeout.afterMs))),
    /**
     * This tick finishes the running action with the customer still on the line, and its result
     * sends the call down this branch. (Patience running out during the wait hangs up first.)
     */
    finishesWork: ({ context, event }, p: { reply: Reply; branch: number }) =>
      event.type === 'TICK' &&
      context.waitMs + event.ms >= p.reply.takesMs &&
      patienceAfterWaiting(context, p.reply.takesMs) > 0 &&
      takesBranch(p.reply.next, p.branch, subjectAfter(context, { ...NO_EFFECT, reveals: p.reply.reveals }, patienceAfterWaiting(context, p.reply.takesMs))),
    givesUp: ({ context }) => customerGivesUp(context),
  },
  actions: {
    answer: assign(({ context }) => answer(context)),
    enterNode: assign(({ context }, p: { node: DialogueNode }) => enterNode(context, p.node)),
    /** Time passes; a wait counts at most up to the timeout given, or the end of the running action. */
    wait: assign(({ context, event }, p?: { limitMs: number }) =>
      event.type === 'TICK' ? wait(context, event.ms, p?.limitMs ?? context.work?.totalMs ?? null) : context,
    ),
    applyReply: assign(({ context }, p: { node: DialogueNode; reply: Reply }) => applyReply(context, p.node, p.reply)),
    finishWork: assign(({ context }, p: { reply: Reply }) => finishWork(context, p.reply)),
    applyTimeout: assign(({ context }, p: { node: DialogueNode; timeout: Timeout }) => applyTimeout(context, p.node, p.timeout)),
    /** The trainee hangs up, wherever the call is: the node is the one whose line was last spoken. */
    hangUp: assign(({ context }, p: { nodes: ReadonlyMap<string, DialogueNode>; cost: number }) =>
      hangUpByTrainee(context, p.nodes.get(context.node)!, p.cost),
    ),
    finish: assign(({ context }, p: { node: DialogueNode }) => finish(context, p.node)),
  },
});
