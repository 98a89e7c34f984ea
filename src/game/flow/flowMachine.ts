// The game's own flow — title, sign-in, picker, call, debrief, leaderboard, settings — as a small
// machine, so scenes never start each other: they send events here, and the director starts
// whichever scene the new state names.
import { assign, setup } from 'xstate';
import type { CallResult, Mode } from '../../engine/index.js';

/** A call as the library knows it: a scenario id in one of its languages. */
export interface CallRef {
  readonly id: string;
  readonly locale: string;
}

export interface Selection extends CallRef {
  readonly mode: Mode;
}

/** A call that has ended, for the debrief: a plain, frozen value (no session travels on). */
export interface FinishedCall {
  readonly selection: Selection;
  readonly result: CallResult;
  /** The guided first call (guide/): its debrief explains the scores. */
  readonly guided?: boolean;
  /** "Try another reply": the run this one branched from, and the turn it was tried again from. */
  readonly branchOf?: Branch;
}

/** A finished call to play again from one of its turns, in practice. */
export interface Branch {
  readonly of: FinishedCall;
  readonly turn: number;
}

export interface Player {
  readonly name: string;
  readonly team: string;
}

export interface FlowContext {
  /** Every playable call, in the picker's order (one entry per scenario id, in its chosen language). */
  readonly calls: readonly CallRef[];
  readonly selection: Selection | null;
  readonly finished: FinishedCall | null;
  /** Set while a call is a branch of `finished` ("Try another reply"); null for a whole call. */
  readonly branch: Branch | null;
  readonly player: Player | null;
  /** The player chose to play without a team. */
  readonly offline: boolean;
  /** Where "My history" was opened from: BACK returns there. */
  readonly historyFrom?: 'title' | 'picker';
  /** A call reopened from "My history": while it is the debrief's, BACK returns to the history. */
  readonly reopened?: FinishedCall | null;
  /** The guided first call is still to come in this browser (guide/guideStore.ts). */
  readonly guideDue: boolean;
}

export type FlowEvent =
  | { type: 'LOADED'; calls: readonly CallRef[]; launch: Selection | null; player: Player | null; offline: boolean; guideDue?: boolean }
  | { type: 'CALLS_CHANGED'; calls: readonly CallRef[] }
  | { type: 'PLAY' }
  | { type: 'GUIDE' }
  | { type: 'SIGN_IN' }
  /** `returning`: signed in again with a personal code — someone who has played before. */
  | { type: 'SIGNED_IN'; player: Player; returning?: boolean }
  | { type: 'SIGNED_OUT' }
  | { type: 'OFFLINE' }
  | { type: 'PICK'; selection: Selection }
  | { type: 'ENDED'; finished: FinishedCall }
  | { type: 'QUIT' }
  | { type: 'RETRY' }
  | { type: 'TRY'; turn: number }
  /** "Try another reply" on a turn of the player's own result, replayed from the leaderboard. */
  | { type: 'TRY_RESULT'; finished: FinishedCall; turn: number }
  | { type: 'ORIGINAL' }
  | { type: 'NEXT' }
  | { type: 'PICKER' }
  | { type: 'LEADERBOARD' }
  | { type: 'SETTINGS' }
  | { type: 'HISTORY' }
  /** Reopens a call of "My history" in the debrief, exactly as it was. */
  | { type: 'OPEN_ENTRY'; finished: FinishedCall }
  | { type: 'BACK' }
  | { type: 'HOME' };

/** The call after `current` in the list (wrapping), in the same mode; the first call if none. */
export function nextSelection(calls: readonly CallRef[], current: Selection | null): Selection | null {
  if (calls.length === 0) return null;
  const i = current ? calls.findIndex((c) => c.id === current.id) : -1;
  const next = calls[(i + 1) % calls.length]!;
  return { id: next.id, locale: next.locale, mode: current?.mode ?? 'practice' };
}

/** Screens opened on the side (never during a call); BACK returns to where they were opened. */
const ASIDE = { LEADERBOARD: '#flow.leaderboard', SETTINGS: '#flow.settings' } as const;

export const flowMachine = setup({
  types: { context: {} as FlowContext, events: {} as FlowEvent },
  guards: {
    hasLaunch: ({ event }) => event.type === 'LOADED' && event.launch !== null,
    mayPlay: ({ context }) => context.player !== null || context.offline,
    hasCalls: ({ context }) => context.calls.length > 0,
    guideDue: ({ context, event }) => context.guideDue && !(event.type === 'SIGNED_IN' && event.returning),
    /** The first time a player goes to play: the guided call comes before the picker. */
    firstPlay: ({ context }) => context.guideDue && (context.player !== null || context.offline),
    hasFinished: ({ context, event }) => context.finished !== null && event.type === 'TRY' && Number.isInteger(event.turn) && event.turn >= 1,
    validTurn: ({ event }) => event.type === 'TRY_RESULT' && Number.isInteger(event.turn) && event.turn >= 1,
    inBranch: ({ context }) => context.branch !== null,
    historyFromPicker: ({ context }) => context.historyFrom === 'picker',
    showsReopened: ({ context }) => context.reopened != null && context.reopened === context.finished,
  },
  actions: {
    takeLoaded: assign(({ event }) => {
      if (event.type !== 'LOADED') return {};
      return { calls: event.calls, selection: event.launch, player: event.player, offline: event.offline, guideDue: event.guideDue ?? false };
    }),
    takeCalls: assign({ calls: ({ event, context }) => (event.type === 'CALLS_CHANGED' ? event.calls : context.calls) }),
    takePlayer: assign({
      player: ({ event, context }) => (event.type === 'SIGNED_IN' ? event.player : context.player),
      offline: false,
      guideDue: ({ event, context }) => context.guideDue && !(event.type === 'SIGNED_IN' && event.returning),
    }),
    forgetPlayer: assign({ player: null, offline: false }),
    goOffline: assign({ offline: true }),
    startGuide: assign({ guideDue: false }),
    keepGuided: assign({ finished: ({ event, context }) => (event.type === 'ENDED' ? { ...event.finished, guided: true } : context.finished) }),
    // The guided call's debrief retries (and moves on from) the call it played.
    selectFinished: assign({ selection: ({ event, context }) => (event.type === 'ENDED' ? event.finished.selection : context.selection) }),
    select: assign({ selection: ({ event, context }) => (event.type === 'PICK' ? event.selection : context.selection), branch: null }),
    keepFinished: assign({ finished: ({ event, context }) => (event.type === 'ENDED' ? event.finished : context.finished) }),
    selectNext: assign({ selection: ({ context }) => nextSelection(context.calls, context.selection), branch: null }),
    // A branch plays the same call in practice; the original (and its mode) comes back after.
    startBranch: assign(({ event, context }) => {
      if (event.type !== 'TRY' || !context.finished) return {};
      return { branch: { of: context.finished, turn: event.turn }, selection: { ...context.finished.selection, mode: 'practice' as const } };
    }),
    startResultBranch: assign(({ event }) => {
      if (event.type !== 'TRY_RESULT') return {};
      return { finished: event.finished, branch: { of: event.finished, turn: event.turn }, selection: { ...event.finished.selection, mode: 'practice' as const } };
    }),
    endBranch: assign(({ context }) => {
      const of = context.branch?.of ?? context.finished?.branchOf?.of;
      return { branch: null, selection: of ? of.selection : context.selection };
    }),
    historyFromTitle: assign({ historyFrom: 'title' as const }),
    historyFromPicker: assign({ historyFrom: 'picker' as const }),
    openEntry: assign(({ event }) => (event.type === 'OPEN_ENTRY' ? { finished: event.finished, selection: event.finished.selection, branch: null, reopened: event.finished } : {})),
    showOriginal: assign(({ context }) => {
      const of = context.finished?.branchOf?.of;
      return of ? { finished: of, selection: of.selection, branch: null } : {};
    }),
  },
}).createMachine({
  id: 'flow',
  context: { calls: [], selection: null, finished: null, branch: null, player: null, offline: false, guideDue: false },
  initial: 'loading',
  on: { CALLS_CHANGED: { actions: 'takeCalls' } },
  states: {
    loading: {
      on: {
        LOADED: [
          { guard: 'hasLaunch', target: 'main.call', actions: 'takeLoaded' },
          { target: 'main.title', actions: 'takeLoaded' },
        ],
      },
    },
    main: {
      initial: 'title',
      states: {
        title: {
          on: {
            PLAY: [{ guard: 'firstPlay', target: 'guide' }, { guard: 'mayPlay', target: 'picker' }, { target: 'signIn' }],
            GUIDE: 'guide',
            SIGN_IN: 'signIn',
            HISTORY: { target: 'myHistory', actions: 'historyFromTitle' },
            SIGNED_OUT: { actions: 'forgetPlayer' },
            ...ASIDE,
          },
        },
        signIn: {
          on: {
            SIGNED_IN: [{ guard: 'guideDue', target: 'guide', actions: 'takePlayer' }, { target: 'picker', actions: 'takePlayer' }],
            OFFLINE: [{ guard: 'guideDue', target: 'guide', actions: 'goOffline' }, { target: 'picker', actions: 'goOffline' }],
            BACK: 'title',
          },
        },
        picker: {
          on: {
            PICK: { target: 'call', actions: 'select' },
            HISTORY: { target: 'myHistory', actions: 'historyFromPicker' },
            BACK: 'title',
            HOME: 'title',
            SIGN_IN: 'signIn',
            ...ASIDE,
          },
        },
        call: {
          on: {
            ENDED: { target: 'debrief', actions: 'keepFinished' },
            // Leaving a branch goes back to the run it was tried from.
            QUIT: [{ guard: 'inBranch', target: 'debrief', actions: 'endBranch' }, { target: 'picker' }],
          },
        },
        // The guided first call: the warm-up call in practice, with notes on the call screen (guide/).
        guide: {
          entry: 'startGuide',
          on: {
            ENDED: { target: 'debrief', actions: ['keepGuided', 'selectFinished'] },
            QUIT: 'picker',
          },
        },
        debrief: {
          on: {
            RETRY: { target: 'call', actions: 'endBranch' },
            TRY: { guard: 'hasFinished', target: 'call', actions: 'startBranch' },
            ORIGINAL: { actions: 'showOriginal', target: 'debrief', reenter: true },
            NEXT: { guard: 'hasCalls', target: 'call', actions: 'selectNext' },
            PICKER: 'picker',
            // A call reopened from "My history" goes back there.
            BACK: { guard: 'showsReopened', target: 'myHistory' },
            HOME: 'title',
            ...ASIDE,
          },
        },
        // "My history": every call played, each reopening its debrief (scenes/HistoryScene.ts).
        myHistory: {
          on: {
            BACK: [{ guard: 'historyFromPicker', target: 'picker' }, { target: 'title' }],
            HOME: 'title',
            PICKER: 'picker',
            OPEN_ENTRY: { target: 'debrief', actions: 'openEntry' },
            ...ASIDE,
          },
        },
        history: { type: 'history' },
      },
    },
    leaderboard: { on: { BACK: 'main.history', SIGN_IN: 'main.signIn', TRY_RESULT: { guard: 'validTurn', target: 'main.call', actions: 'startResultBranch' } } },
    settings: { on: { BACK: 'main.history' } },
  },
});

export type FlowMachine = typeof flowMachine;
