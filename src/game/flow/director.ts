// Starts the scene the flow's state names, and stops the one before. The only place that knows
// which scene shows which state.
import type Phaser from 'phaser';
import type { Actor, SnapshotFrom } from 'xstate';
import { SCENES, type SceneKey } from '../config.js';
import type { FlowMachine } from './flowMachine.js';

export type FlowActor = Actor<FlowMachine>;

export function sceneFor(snapshot: SnapshotFrom<FlowMachine>): SceneKey {
  const v = snapshot.value;
  if (typeof v === 'string') {
    switch (v) {
      case 'loading':
        return SCENES.preloader;
      case 'leaderboard':
        return SCENES.leaderboard;
      case 'settings':
        return SCENES.settings;
    }
  } else {
    switch (v.main) {
      case 'title':
        return SCENES.title;
      case 'signIn':
        return SCENES.signIn;
      case 'picker':
        return SCENES.picker;
      case 'call':
      case 'guide':
        return SCENES.call;
      case 'debrief':
        return SCENES.debrief;
      case 'myHistory':
        return SCENES.history;
    }
  }
  return SCENES.title;
}

/** What the director needs of the scenes: whether one is in the game, and to add it (scenes/sceneLoader.ts). */
export interface Scenes {
  ready(key: SceneKey): boolean;
  load(key: SceneKey): Promise<void>;
  preloadAll(): Promise<void>;
}

/**
 * Follows the flow: each change of state starts its scene (the same scene again when re-entered).
 * A scene not yet in the game is fetched first; if the flow has moved on meanwhile, the later
 * state wins. `onLoadError` hears of a scene that could not be fetched (the screen before stays),
 * and how many times in a row it failed.
 */
export function direct(game: Phaser.Game, flow: FlowActor, scenes: Scenes, onLoadError: (retry: () => void, failures: number) => void): () => void {
  let shown: string | null = null;
  let latest = 0;
  let preloaded = false;
  const follow = (snapshot: SnapshotFrom<FlowMachine>) => {
    const key = sceneFor(snapshot);
    const state = JSON.stringify(snapshot.value);
    if (state === shown) return;
    shown = state;
    const turn = ++latest;
    const show = () => {
      if (turn !== latest) return;
      for (const s of game.scene.getScenes(true)) if (s.scene.key !== key) game.scene.stop(s.scene.key);
      game.scene.start(key);
      // Once the first screen is up, the later ones are fetched in the background.
      if (!preloaded && key !== SCENES.preloader) {
        preloaded = true;
        setTimeout(() => void scenes.preloadAll(), 0);
      }
    };
    if (scenes.ready(key)) return show();
    let failures = 0;
    const tryLoad = () =>
      void scenes.load(key).then(show, () => {
        if (turn === latest) onLoadError(tryLoad, ++failures);
      });
    tryLoad();
  };
  // xstate tells subscribers about later snapshots only: show the current one first.
  follow(flow.getSnapshot());
  const sub = flow.subscribe(follow);
  return () => sub.unsubscribe();
}
