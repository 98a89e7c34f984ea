// The engine, the scenarios and zod are the heaviest part of the game after Phaser, and the title
// screen needs none of them: they load in the background once the title shows.
import type { ScenarioLibrary } from './ScenarioLibrary.js';

let library: Promise<ScenarioLibrary> | null = null;

export function loadLibrary(): Promise<ScenarioLibrary> {
  library ??= Promise.all([import('./ScenarioLibrary.js'), import('./editorTest.js')]).then(([m, test]) => {
    const lib = m.createLibrary();
    // The call editor's "Test from here" (`&test=editor`): its texts and its start, for this visit.
    test.applyEditorTest(lib);
    return lib;
  });
  return library;
}
