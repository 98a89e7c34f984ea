// Scenario → xstate machine configuration. One state per node, one per action that takes time,
// and the call's ringing start; each state lists the states its events can lead to, so the
// machine is the call's map (the Stately inspector draws it). What an event does is decided by
// rules/step.ts alone: every transition is guarded by "step leads there" and runs step.
import type { DialogueNode, Scenario } from '../format/model.js';
import { BUILT_IN } from '../format/model.js';
import { returnTargets, targetsOf as targets } from '../analysis/returnTargets.js';
import { RINGING, workState } from '../rules/step.js';
import { dialogueSetup, startContext, type SessionInput } from './dialogueSetup.js';

export { RINGING, workState };

type Transition = { target?: string; reenter?: boolean; guard?: unknown; actions?: unknown };
type StateConfig = { type?: 'final'; on?: Record<string, Transition[]> };

/**
 * A transition to `target`. xstate copies every transition config and adds `source`, `eventType`
 * and `toJSON` to the copy; V8 builds such copies several times faster when those keys already
 * exist on the original (xstate overwrites them). For a call of 10,000 nodes that halves the
 * compile time — see `npm run bench -- engine`.
 */
const to = (s: Scenario, target: string, actions: unknown[]): Transition =>
  ({ target, guard: { type: 'leadsTo', params: { s, target } }, actions, source: undefined, eventType: undefined, toJSON: undefined }) as Transition;

const unique = (ids: readonly string[]) => [...new Set(ids)];

// Only where a state's events can lead differs from state to state. Time passing in place,
// hanging up and the customer giving up are on the root, for every state (xstate tries a
// state's own transitions first, then its parent's).
function nodeStates(s: Scenario, node: DialogueNode, back: Map<string, Set<string>>): Record<string, StateConfig> {
  if (node.end) return { [node.id]: { type: 'final' } };
  const act = [{ type: 'step', params: { s } }];
  const choices = unique(node.replies.flatMap((r) => (r.takesMs > 0 ? [workState(node.id, r.index)] : targets(r.next, node.id, back))));
  const on: Record<string, Transition[]> = { CHOOSE: choices.map((target) => to(s, target, act)) };
  if (node.timeout) on.TICK = unique(targets(node.timeout.next, node.id, back)).map((target) => to(s, target, act));
  const out: Record<string, StateConfig> = { [node.id]: { on } };
  for (const reply of node.replies) {
    if (reply.takesMs === 0) continue;
    out[workState(node.id, reply.index)] = { on: { TICK: unique(targets(reply.next, node.id, back)).map((target) => to(s, target, act)) } };
  }
  return out;
}

export function compileScenario(s: Scenario) {
  const act = [{ type: 'step', params: { s } }];
  const states: Record<string, StateConfig> = { [RINGING]: { on: { ANSWER: [s.start, s.hangUpNode].map((target) => to(s, target, act)) } } };
  const back = returnTargets(s);
  for (const node of s.nodes.values()) Object.assign(states, nodeStates(s, node, back));
  const anywhere = [s.hangUpNode, BUILT_IN.abandoned].map((target) => to(s, `.${target}`, act));
  // The guard compares with the state's own name, not the root-relative target.
  for (const t of anywhere) (t.guard as { params: { target: string } }).params.target = String(t.target).slice(1);
  return dialogueSetup.createMachine({
    id: `scenario:${s.id}:${s.locale}`,
    context: ({ input }: { input: SessionInput }) => startContext(s, input),
    initial: RINGING,
    on: {
      '*': [...anywhere, { guard: { type: 'staysPut', params: { s } }, actions: act }] as never,
    },
    // The configuration is built from data; its shape is checked by the tests, not by inference.
    states: states as never,
  });
}

export type DialogueMachine = ReturnType<typeof compileScenario>;
