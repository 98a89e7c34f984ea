// The one hand-written setup() of the dialogue: the guards and the action the compiled machines
// name. Every rule lives in rules/step.ts; the machine only records where each event leads, so
// the game, the server and the analyses all run the same transition function.
import { assign, setup } from 'xstate';
import type { Scenario } from '../format/model.js';
import type { Mode, SessionContext, SessionEvent } from '../rules/state.js';
import { initialContext } from '../rules/transitions.js';
import { machineStateOf, step } from '../rules/step.js';

export interface SessionInput {
  readonly seed: number;
  readonly mode: Mode;
}

// xstate asks every candidate transition's guard, then runs the chosen one's action, all with
// the same event object: remember the last step per event so each event is computed once.
const lastStep = new WeakMap<object, { readonly from: SessionContext; readonly to: SessionContext | null }>();
function stepOnce(s: Scenario, from: SessionContext, event: SessionEvent): SessionContext | null {
  const seen = lastStep.get(event);
  if (seen && seen.from === from) return seen.to;
  const to = step(s, from, event);
  lastStep.set(event, { from, to });
  return to;
}

export const dialogueSetup = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
  },
  guards: {
    /** The event is possible and the call ends up in the machine state `target`. */
    leadsTo: ({ context, event }, p: { s: Scenario; target: string }) => {
      const next = stepOnce(p.s, context, event);
      return next !== null && machineStateOf(next) === p.target;
    },
    /** The event is possible and the call stays in the state it is in (time passing, a repeated line). */
    staysPut: ({ context, event }, p: { s: Scenario }) => {
      const next = stepOnce(p.s, context, event);
      return next !== null && machineStateOf(next) === machineStateOf(context);
    },
  },
  actions: {
    step: assign(({ context, event }, p: { s: Scenario }) => stepOnce(p.s, context, event) ?? context),
  },
});

export const startContext = (s: Scenario, input: SessionInput) => initialContext(s, input.seed, input.mode);
