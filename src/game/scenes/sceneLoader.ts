// The screens after the first one are chunks of their own, added to the game when first needed.
// Phaser builds the systems of every scene it is given when it boots, and the game's first
// chunk carried every screen's code (the call, the debrief, the guide, the history…); giving it
// only the boot, the preloader and the title brings the title up sooner (npm run bench -- game).
// The rest are fetched as soon as the first screen shows (preloadAll), so moving between
// screens does not wait for the network, and the game goes on if the server goes away.
import type Phaser from 'phaser';
import { SCENES, type SceneKey } from '../config.js';
import type { Services } from '../services.js';

type SceneClass = new (services: Services) => Phaser.Scene;

const LATER: Partial<Record<SceneKey, () => Promise<SceneClass>>> = {
  [SCENES.signIn]: () => import('./SignInScene.js').then((m) => m.SignInScene),
  [SCENES.picker]: () => import('./PickerScene.js').then((m) => m.PickerScene),
  [SCENES.call]: () => import('./CallScene.js').then((m) => m.CallScene),
  [SCENES.debrief]: () => import('./DebriefScene.js').then((m) => m.DebriefScene),
  [SCENES.leaderboard]: () => import('./LeaderboardScene.js').then((m) => m.LeaderboardScene),
  [SCENES.settings]: () => import('./SettingsScene.js').then((m) => m.SettingsScene),
  [SCENES.history]: () => import('./HistoryScene.js').then((m) => m.HistoryScene),
};

export class SceneLoader {
  private readonly loading = new Map<SceneKey, Promise<void>>();

  constructor(
    private readonly game: Phaser.Game,
    private readonly services: Services,
  ) {}

  /** Whether the scene can start now (it is in the game already). */
  ready(key: SceneKey): boolean {
    return key in this.game.scene.keys;
  }

  /** Adds the scene to the game, fetching its chunk first if need be. A failed fetch can be tried again. */
  load(key: SceneKey): Promise<void> {
    if (this.ready(key)) return Promise.resolve();
    const chunk = LATER[key];
    if (!chunk) return Promise.reject(new Error(`No scene "${key}"`));
    let p = this.loading.get(key);
    if (!p) {
      p = chunk().then((Scene) => {
        if (!this.ready(key)) this.game.scene.add(key, new Scene(this.services), false);
      });
      p.catch(() => this.loading.delete(key));
      this.loading.set(key, p);
    }
    return p;
  }

  /** Fetches every later screen, so none waits for the network when it is first shown. */
  preloadAll(): Promise<void> {
    return Promise.all((Object.keys(LATER) as SceneKey[]).map((k) => this.load(k).catch(() => undefined))).then(() => undefined);
  }
}
