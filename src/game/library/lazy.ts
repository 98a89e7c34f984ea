// The engine, the scenarios and zod are the heaviest part of the game after Phaser, and the title
// screen needs none of them: they load in the background once the title shows.
import type { ScenarioLibrary } from './ScenarioLibrary.js';

let library: Promise<ScenarioLibrary> | null = null;

export function loadLibrary(): Promise<ScenarioLibrary> {
  library ??= import('./ScenarioLibrary.js').then((m) => m.createLibrary());
  return library;
}
