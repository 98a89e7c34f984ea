// The flow's list of calls: one per scenario id, in the language the player reads if the call
// has it, in the picker's order.
import type { CallRef, Selection } from '../flow/flowMachine.js';
import type { Launch } from '../flow/launch.js';
import type { ScenarioLibrary } from './ScenarioLibrary.js';

export function callRefs(library: ScenarioLibrary, language: string): CallRef[] {
  return library.calls().map((c) => library.refFor(c, language));
}

/** The call the address asks for, if the library has it. */
export function launchSelection(library: ScenarioLibrary, launch: Launch, language: string): Selection | null {
  const want = launch.scenario;
  if (!want) return null;
  const call = library.calls().find((c) => c.id === want.id);
  if (!call) return null;
  const ref = want.locale && call.versions.has(want.locale) ? { id: call.id, locale: want.locale } : library.refFor(call, language);
  return { ...ref, mode: want.mode };
}
