// The patience bar: drains while the customer waits (in an exam, while the trainee thinks; always
// while an action runs) and turns orange, then vermillion, as it runs low — with the number and
// the word "low" beside it, so colour is never the only clue.
import type Phaser from 'phaser';
import type { TFunction } from 'i18next';
import type { SessionView } from '../../engine/index.js';
import { h } from '../ui/dom.js';
import { COLOURS } from '../ui/palette.js';
import { labelledMeter } from './meter.js';
import type { CallPresenter, ViewChange } from './types.js';

const X = 34;
const Y = 664;
const W = 340;
const H = 16;

export class PatienceBarPresenter implements CallPresenter {
  private readonly bar: Phaser.GameObjects.Graphics;
  private readonly meter: HTMLElement;
  private readonly value: HTMLElement;
  private shown = -1;
  private target = 0;

  constructor(
    scene: Phaser.Scene,
    parent: Phaser.GameObjects.Container,
    dom: HTMLElement,
    private readonly t: TFunction,
    private readonly motion: () => boolean,
  ) {
    this.bar = scene.add.graphics();
    parent.add(this.bar);
    this.value = h('span', {});
    this.meter = labelledMeter('htl-patience-label', t('call.patience'), this.value);
    dom.append(this.meter);
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
    this.bar.clear();
    this.bar.fillStyle(COLOURS.panel, 1).fillRoundedRect(X, Y, W, H, H / 2);
    if (p > 0) this.bar.fillStyle(colour, 1).fillRoundedRect(X, Y, Math.max(H, W * p), H, H / 2);
  }

  destroy(): void {
    this.bar.destroy();
  }
}
