// The mood meter: a dial from furious to calm with a needle. When a reply lands the needle swings
// to the new mood and the change floats up beside it (+10 / −15), so the trainee sees what their
// words did. The DOM twin is a real meter for screen readers, with the band named in words.
import type Phaser from 'phaser';
import type { TFunction } from 'i18next';
import type { SessionView } from '../../engine/index.js';
import { h } from '../ui/dom.js';
import { BAND_START, COLOURS, MOOD_BANDS, MOOD_COLOURS, css } from '../ui/palette.js';
import { labelledMeter } from './meter.js';
import type { CallPresenter, ViewChange } from './types.js';

const CX = 204;
const CY = 585;
const R = 100;
const SWING_MS = 600;

const angleOf = (mood: number) => Math.PI + (Math.max(0, Math.min(100, mood)) / 100) * Math.PI;

export class MoodGaugePresenter implements CallPresenter {
  private readonly dial: Phaser.GameObjects.Graphics;
  private readonly needle: Phaser.GameObjects.Graphics;
  private readonly meter: HTMLElement;
  private readonly band: HTMLElement;
  private readonly deltas: HTMLElement;
  private shown = 0;
  private from = 0;
  private target = 0;
  private swingMs = SWING_MS;

  constructor(
    scene: Phaser.Scene,
    parent: Phaser.GameObjects.Container,
    dom: HTMLElement,
    private readonly t: TFunction,
    private readonly motion: () => boolean,
  ) {
    this.dial = scene.add.graphics();
    this.needle = scene.add.graphics({ x: CX, y: CY });
    parent.add([this.dial, this.needle]);
    this.drawDial();
    this.band = h('span', { class: 'htl-band' });
    this.meter = labelledMeter('htl-gauge-label', t('call.mood'), this.band);
    this.deltas = h('div', { class: 'htl-deltas', 'aria-hidden': 'true' });
    dom.append(this.meter, this.deltas, ...MOOD_BANDS.map((b) => this.bandLabel(b)));
  }

  private bandLabel(b: (typeof MOOD_BANDS)[number]): HTMLElement {
    // Band names sit around the dial, so the colours are never the only clue.
    const mid = (BAND_START[b] + (MOOD_BANDS[MOOD_BANDS.indexOf(b) + 1] ? BAND_START[MOOD_BANDS[MOOD_BANDS.indexOf(b) + 1]!] : 100)) / 2;
    const a = angleOf(mid);
    const x = CX + Math.cos(a) * (R + 24);
    const y = CY + Math.sin(a) * (R + 24);
    return h('span', { class: 'htl-dial-label', style: `left:${x}px;top:${y}px` }, this.t(`mood.${b}`));
  }

  private drawDial(): void {
    const g = this.dial;
    MOOD_BANDS.forEach((b, i) => {
      const start = angleOf(BAND_START[b]);
      const next = MOOD_BANDS[i + 1];
      const end = angleOf(next ? BAND_START[next] : 100);
      g.lineStyle(22, MOOD_COLOURS[b], 1).beginPath().arc(CX, CY, R, start + 0.012, end - 0.012).strokePath();
    });
    g.fillStyle(COLOURS.panelEdge, 1).fillCircle(CX, CY, 12);
  }

  show(view: SessionView, change: ViewChange): void {
    this.meter.setAttribute('aria-valuenow', String(view.mood));
    this.meter.setAttribute('aria-valuetext', `${this.t(`mood.${view.moodBand}`)} (${view.mood})`);
    this.band.textContent = this.t(`mood.${view.moodBand}`);
    this.band.style.color = css(MOOD_COLOURS[view.moodBand]);
    if (change.first) {
      this.shown = this.from = this.target = view.mood;
      this.swingMs = SWING_MS;
    } else if (view.mood !== this.target) {
      this.from = this.shown;
      this.target = view.mood;
      this.swingMs = this.motion() ? 0 : SWING_MS;
      if (this.swingMs === SWING_MS) this.shown = this.target;
    }
    const delta = change.landed ? change.landed.moodAfter - change.landed.moodBefore : 0;
    if (delta !== 0) this.floatDelta(delta);
    this.drawNeedle();
  }

  private floatDelta(delta: number): void {
    const el = h('span', { class: `htl-delta ${delta > 0 ? 'htl-up' : 'htl-down'}` }, `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`);
    this.deltas.append(el);
    setTimeout(() => el.remove(), 1800);
  }

  frame(deltaMs: number): void {
    if (this.swingMs >= SWING_MS) return;
    this.swingMs = Math.min(SWING_MS, this.swingMs + deltaMs);
    const t = this.swingMs / SWING_MS;
    // Overshoots a little and settles, like a real needle.
    const s = 1 + 2.2 * Math.pow(t - 1, 3) + 1.2 * Math.pow(t - 1, 2);
    this.shown = this.from + (this.target - this.from) * s;
    this.drawNeedle();
  }

  private drawNeedle(): void {
    const a = angleOf(this.shown);
    const g = this.needle.clear();
    g.fillStyle(COLOURS.text, 1).fillTriangle(Math.cos(a) * (R - 6), Math.sin(a) * (R - 6), Math.cos(a + Math.PI / 2) * 7, Math.sin(a + Math.PI / 2) * 7, Math.cos(a - Math.PI / 2) * 7, Math.sin(a - Math.PI / 2) * 7);
    g.fillStyle(COLOURS.text, 1).fillCircle(0, 0, 8);
  }

  destroy(): void {
    this.dial.destroy();
    this.needle.destroy();
    this.meter.remove();
    this.deltas.remove();
  }
}
