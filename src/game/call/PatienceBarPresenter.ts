// The patience bar: drains while the customer waits (in an exam, while the trainee thinks; always
// while an action runs) and turns orange, then vermillion, as it runs low — with the number and
// the word "low" beside it, so colour is never the only clue.
import type Phaser from 'phaser';
import type { TFunction } from 'i18next';
import type { SessionView } from '../../engine/index.js';
import { h } from '../ui/dom.js';
import { COLOURS } from '../ui/palette.js';
import { followSlot, type FrameSource, type Rect } from '../ui/slot.js';
import { labelledMeter } from './meter.js';
import type { CallPresenter, ViewChange } from './types.js';

export class PatienceBarPresenter implements CallPresenter {
  private readonly bar: Phaser.GameObjects.Graphics;
  private readonly meter: HTMLElement;
  private readonly value: HTMLElement;
  private readonly box: HTMLElement;
  private readonly stopFollowing: () => void;
  private area: Rect = { x: 0, y: 0, width: 0, height: 0 };
  private shown = -1;
  private target = 0;

  constructor(
    scene: Phaser.Scene,
    parent: Phaser.GameObjects.Container,
    dom: HTMLElement,
    viewport: FrameSource,
    private readonly t: TFunction,
    private readonly motion: () => boolean,
  ) {
    this.bar = scene.add.graphics();
    parent.add(this.bar);
    this.value = h('span', {});
    this.meter = labelledMeter('htl-patience-label', t('call.patience'), this.value);
    // The bar is drawn on the canvas over this empty element, wherever the layout puts it.
    const slot = h('div', { class: 'htl-patience-bar' });
    this.box = h('div', { class: 'htl-patience' }, this.meter, slot);
    dom.append(this.box);
    this.stopFollowing = followSlot(viewport, slot, (r) => {
      this.area = r;
      this.draw();
    });
  }

  show(view: SessionView, change: ViewChange): void {
    this.target = view.patience;
    if (change.first || !this.motion()) this.shown = view.patience;
    this.meter.setAttribute('aria-valuenow', String(view.patience));
    const low = view.patience < 15 ? ` · ${this.t('call.low')}` : '';
    const text = `${view.patience}${low}`;
    if (this.value.textContent !== text) this.value.textContent = text;
    this.draw();
  }

  frame(deltaMs: number): void {
    if (this.shown === this.target) return;
    // Eases toward the engine's value, so a drain in whole points still looks smooth.
    const step = Math.max(0.5, Math.abs(this.target - this.shown)) * Math.min(1, deltaMs / 120);
    this.shown = this.shown < this.target ? Math.min(this.target, this.shown + step) : Math.max(this.target, this.shown - step);
    this.draw();
  }

  private draw(): void {
    const p = Math.max(0, Math.min(100, this.shown)) / 100;
    const colour = this.shown < 15 ? COLOURS.vermillion : this.shown < 35 ? COLOURS.orange : COLOURS.sky;
    const { x, y, width: w, height: hgt } = this.area;
    this.bar.clear();
    if (w <= 0 || hgt <= 0) return;
    this.bar.fillStyle(COLOURS.panel, 1).fillRoundedRect(x, y, w, hgt, hgt / 2);
    if (p > 0) this.bar.fillStyle(colour, 1).fillRoundedRect(x, y, Math.max(hgt, w * p), hgt, hgt / 2);
  }

  destroy(): void {
    this.stopFollowing();
    this.bar.destroy();
    this.box.remove();
  }
}
