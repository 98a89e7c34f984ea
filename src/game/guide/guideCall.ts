// Which call the guide plays: the warm-up call, in practice, in the language the player reads
// (or the call's own when it has no version in it). A folder of calls without it has no guide.
import type { Selection } from '../flow/flowMachine.js';
import type { ScenarioLibrary } from '../library/ScenarioLibrary.js';

export const GUIDE_CALL = 'first-call';

export function guideSelection(library: ScenarioLibrary, language: string): Selection | null {
  const call = library.calls().find((c) => c.id === GUIDE_CALL);
  return call ? { ...library.refFor(call, language), mode: 'practice' } : null;
}
