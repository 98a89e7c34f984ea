// What every scene shares: a root container placed on the design frame, DOM panels that leave
// with the scene, the translator, and the flow to send events to. Scenes stay small: they build
// their view from presenters and send the flow events; they hold no rules.
import Phaser from 'phaser';
import type { TFunction } from 'i18next';
import type { SceneKey } from '../config.js';
import type { FlowEvent } from '../flow/flowMachine.js';
import type { Services } from '../services.js';
import { drawBackdrop } from '../ui/backdrop.js';
import { placeOnFrame } from '../ui/viewport.js';

export abstract class BaseScene extends Phaser.Scene {
  /** Everything drawn on the design frame goes in here. */
  protected frameRoot!: Phaser.GameObjects.Container;
  private cleanups: (() => void)[] = [];

  constructor(
    key: SceneKey,
    protected readonly services: Services,
  ) {
    super({ key });
  }

  create(): void {
    this.cleanups = [];
    const backdrop = this.add.graphics();
    this.frameRoot = this.add.container(0, 0);
    const place = () => {
      const f = this.services.viewport.current;
      drawBackdrop(backdrop, f);
      placeOnFrame(this.frameRoot, f);
    };
    place();
    this.onCleanup(this.services.viewport.subscribe(place));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      for (const fn of this.cleanups.splice(0).reverse()) fn();
    });
    this.build();
  }

  protected abstract build(): void;

  protected get t(): TFunction {
    return this.services.i18n.t;
  }

  protected send(event: FlowEvent): void {
    this.services.flow.send(event);
  }

  /** Mounts a DOM panel for as long as the scene runs. */
  protected mount<E extends HTMLElement>(el: E): E {
    this.onCleanup(this.services.ui.mount(el));
    return el;
  }

  protected onCleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }

  /** Whether to animate: the player's setting, or the system's when they left it to it. */
  protected get motion(): boolean {
    return !this.services.settings.reducedMotion;
  }
}
