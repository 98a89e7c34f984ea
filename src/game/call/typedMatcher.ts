// The matcher of typed replies (engine/match: stemmers for four languages) is the largest part of
// the engine a call may not need: it loads the first time the text box is focused or typed in,
// never before (tests/game/boundaries.test.ts), and once. A load that fails (the network dropped)
// is asked for again on the next use; Chromium remembers a failed module, so the box then says to
// reload the page.
import type * as MatchModule from '../../engine/match/index.js';

export type Matcher = typeof MatchModule;
/** One typed turn as the engine explains it: the text, how it was taken, the reply, the words that matched. */
export type TypedTurn = ReturnType<Matcher['explainTyped']>[number];

let loading: Promise<Matcher> | null = null;

export function loadMatcher(): Promise<Matcher> {
  loading ??= import('../../engine/match/index.js').catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
