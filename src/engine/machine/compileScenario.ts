// Scenario → xstate machine configuration. One state per node, one per action that takes
// time, and the call's ringing start. No timers inside: time arrives as TICK events, so every
// path can be replayed and explored.
import type { Branch, DialogueNode, Reply, Scenario } from '../format/model.js';
import { BUILT_IN } from '../format/model.js';
import { initialContext } from '../rules/transitions.js';
import { dialogueSetup, type SessionInput } from './dialogueSetup.js';

export const RINGING = '$ringing';
/** The state of an action under way: one per reply that takes time. */
export const workState = (node: string, reply: number) => `$work:${node}:${reply}`;

type Transition = { target?: string; reenter?: boolean; guard?: unknown; actions?: unknown };
type StateConfig = { type?: 'final'; entry?: unknown; on?: Record<string, Transition[] | Transition>; always?: Transition };

const to = (target: string, guard: unknown, actions: unknown[]): Transition => ({ target, reenter: true, guard, actions });

function hangUpHandlers(s: Scenario, node: DialogueNode) {
  return {
    HANG_UP: { target: BUILT_IN.abandoned, actions: [{ type: 'hangUp', params: { node, cost: s.scoring.hangUp } }] },
  };
}

function replyTransitions(node: DialogueNode, reply: Reply): Transition[] {
  const act = { type: 'applyReply', params: { node, reply } };
  if (reply.takesMs > 0) return [to(workState(node.id, reply.index), { type: 'chose', params: { reply, branch: -1 } }, [act])];
  return reply.next.map((b: Branch, i) => to(b.to, { type: 'chose', params: { reply, branch: i } }, [act]));
}

function nodeStates(s: Scenario, node: DialogueNode): Record<string, StateConfig> {
  if (node.end) return { [node.id]: { type: 'final', entry: { type: 'finish', params: { node } } } };
  const out: Record<string, StateConfig> = {};
  const tick: Transition[] = [];
  const t = node.timeout;
  if (t) {
    const acts = (target: string, branch: number) =>
      to(target, { type: 'timesOut', params: { timeout: t, branch } }, [
        { type: 'wait', params: { limitMs: t.afterMs } },
        { type: 'applyTimeout', params: { node, timeout: t } },
      ]);
    if (t.next.length === 0) tick.push(acts(node.id, -1));
    else t.next.forEach((b, i) => tick.push(acts(b.to, i)));
  }
  tick.push({ actions: [{ type: 'wait', params: { limitMs: null } }] });
  out[node.id] = {
    entry: { type: 'enterNode', params: { node } },
    always: { guard: 'outOfPatience', target: s.hangUpNode },
    on: { CHOOSE: node.replies.flatMap((r) => replyTransitions(node, r)), TICK: tick, ...hangUpHandlers(s, node) },
  };
  for (const reply of node.replies) {
    if (reply.takesMs === 0) continue;
    const waitWork = { type: 'wait', params: { limitMs: reply.takesMs } };
    out[workState(node.id, reply.index)] = {
      always: { guard: 'outOfPatience', target: s.hangUpNode },
      on: {
        TICK: [
          ...reply.next.map((b, i) =>
            to(b.to, { type: 'finishesWork', params: { reply, branch: i } }, [waitWork, { type: 'finishWork', params: { reply } }]),
          ),
          { actions: [waitWork] },
        ],
        ...hangUpHandlers(s, node),
      },
    };
  }
  return out;
}

export function compileScenario(s: Scenario) {
  const states: Record<string, StateConfig> = {
    [RINGING]: {
      always: { guard: 'outOfPatience', target: s.hangUpNode },
      on: {
        ANSWER: { target: s.start, actions: ['answer'] },
        TICK: { actions: [{ type: 'wait', params: { limitMs: null } }] },
        ...hangUpHandlers(s, s.nodes.get(s.start)!),
      },
    },
  };
  for (const node of s.nodes.values()) Object.assign(states, nodeStates(s, node));
  return dialogueSetup.createMachine({
    id: `scenario:${s.id}:${s.locale}`,
    context: ({ input }: { input: SessionInput }) => initialContext(s, input.seed, input.mode),
    initial: RINGING,
    // The configuration is built from data; its shape is checked by the tests, not by inference.
    states: states as never,
  });
}

export type DialogueMachine = ReturnType<typeof compileScenario>;
