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

/**
 * A transition to `target`. xstate copies every transition config and adds `source`, `eventType`
 * and `toJSON` to the copy; V8 builds such copies several times faster when those keys already
 * exist on the original (xstate overwrites them). For a call of 10,000 nodes that halves the
 * compile time — see `npm run bench -- engine`.
 */
const to = (target: string, guard: unknown, actions: unknown[]): Transition =>
  ({ target, reenter: true, guard, actions, source: undefined, eventType: undefined, toJSON: undefined }) as Transition;

function replyTransitions(node: DialogueNode, reply: Reply): Transition[] {
  const act = { type: 'applyReply', params: { node, reply } };
  if (reply.takesMs > 0) return [to(workState(node.id, reply.index), { type: 'chose', params: { reply, branch: -1 } }, [act])];
  return reply.next.map((b: Branch, i) => to(b.to, { type: 'chose', params: { reply, branch: i } }, [act]));
}

// Only what differs from node to node is compiled into each state: the replies, the timeout,
// the end of an action. Time passing, hanging up and the customer giving up are handled once,
// on the root, for every state (xstate tries a state's own transitions first, then its parent's).
function nodeStates(node: DialogueNode): Record<string, StateConfig> {
  if (node.end) return { [node.id]: { type: 'final', entry: { type: 'finish', params: { node } } } };
  const out: Record<string, StateConfig> = {};
  const on: Record<string, Transition[]> = { CHOOSE: node.replies.flatMap((r) => replyTransitions(node, r)) };
  const t = node.timeout;
  if (t) {
    const timesOut = (target: string, branch: number) =>
      to(target, { type: 'timesOut', params: { timeout: t, branch } }, [
        { type: 'wait', params: { limitMs: t.afterMs } },
        { type: 'applyTimeout', params: { node, timeout: t } },
      ]);
    on.TICK = t.next.length === 0 ? [timesOut(node.id, -1)] : t.next.map((b, i) => timesOut(b.to, i));
  }
  out[node.id] = { entry: { type: 'enterNode', params: { node } }, on };
  for (const reply of node.replies) {
    if (reply.takesMs === 0) continue;
    out[workState(node.id, reply.index)] = {
      on: {
        TICK: reply.next.map((b, i) => to(b.to, { type: 'finishesWork', params: { reply, branch: i } }, ['wait', { type: 'finishWork', params: { reply } }])),
      },
    };
  }
  return out;
}

export function compileScenario(s: Scenario) {
  const states: Record<string, StateConfig> = { [RINGING]: { on: { ANSWER: { target: s.start, actions: ['answer'] } } } };
  for (const node of s.nodes.values()) Object.assign(states, nodeStates(node));
  return dialogueSetup.createMachine({
    id: `scenario:${s.id}:${s.locale}`,
    context: ({ input }: { input: SessionInput }) => initialContext(s, input.seed, input.mode),
    initial: RINGING,
    on: {
      TICK: { actions: 'wait' },
      HANG_UP: { target: `.${BUILT_IN.abandoned}`, actions: [{ type: 'hangUp', params: { nodes: s.nodes, cost: s.scoring.hangUp } }] },
    },
    always: { guard: 'givesUp', target: `.${s.hangUpNode}` },
    // The configuration is built from data; its shape is checked by the tests, not by inference.
    states: states as never,
  });
}

export type DialogueMachine = ReturnType<typeof compileScenario>;
