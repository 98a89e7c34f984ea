// Boot: the first scene Phaser runs. Fits the canvas to the window and hands control to the flow,
// whose first state shows the title (or the preloader, for a call opened by its address). The later screens join the game as they are fetched
// (sceneLoader.ts).
import Phaser from 'phaser';
import { SCENES } from '../config.js';
import { direct } from '../flow/director.js';
import type { Services } from '../services.js';
import { showLoadFailed } from '../ui/loadFailedNotice.js';
import { loadedEvent } from './loadedEvent.js';
import { SceneLoader } from './sceneLoader.js';

export class BootScene extends Phaser.Scene {
  constructor(private readonly services: Services) {
    super({ key: SCENES.boot });
  }

  create(): void {
    const { services } = this;
    services.viewport.attach(this.game);
    // Nothing to load before the title unless a call was asked for: no preloader, no frame spent on it.
    if (services.launch.scenario === null) services.flow.send(loadedEvent(services));
    direct(this.game, services.flow, new SceneLoader(this.game, services), (retry, failures) => showLoadFailed(services.ui, services.i18n.t, retry, failures));
  }
}
