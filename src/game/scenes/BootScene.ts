// Boot: the first scene Phaser runs. Fits the canvas to the window and hands control to the flow,
// whose first state shows the preloader.
import Phaser from 'phaser';
import { SCENES } from '../config.js';
import { direct } from '../flow/director.js';
import type { Services } from '../services.js';

export class BootScene extends Phaser.Scene {
  constructor(private readonly services: Services) {
    super({ key: SCENES.boot });
  }

  create(): void {
    this.services.viewport.attach(this.game);
    direct(this.game, this.services.flow);
  }
}
