// The mood meter: a dial from furious to calm with a needle, drawn over its slot in the layout.
// When a reply lands the needle swings to the new mood and the change floats up beside it
// (+10 / −15), so the trainee sees what their words did. The DOM twin is a real meter for screen readers, with the band named in words —
// a name that agrees with the customer's gender in the languages that mark it.
import type Phaser from 'phaser';
import type { TFunction } from 'i18next';
import type { Gender, MoodBand, SessionView } from '../../engine/index.js';
import { aboutCustomer } from '../../i18n/index.js';
import { h } from '../ui/dom.js';
import { BAND_START, COLOURS, MOOD_BANDS, MOOD_COLOURS, css } from '../ui/palette.js';
import { followSlot, type FrameSource, type Rect } from '../ui/slot.js';
import { labelledMeter } from './meter.js';
import type { CallPresenter, ViewChange } from './types.js';

const SWING_MS = 600;
/** The band's width, as a share of the dial's radius. */
const LINE = 0.22;
/** Below this width (design units) the dial has no room for the band names around it. */
const LABELLED_WIDTH = 240;

const angleOf = (mood: number) => Math.PI + (Math.max(0, Math.min(100, mood)) / 100) * Math.PI;

export class MoodGaugePresenter implements CallPresenter {
  private readonly dial: Phaser.GameObjects.Graphics;
  private readonly needle: Phaser.GameObjects.Graphics;
  private readonly slot: HTMLElement;
  private readonly meter: HTMLElement;
  private readonly band: HTMLElement;
  private readonly deltas: HTMLElement;
  private readonly labels: HTMLElement[];
  private readonly stopFollowing: () => void;
  /** The dial's radius, in design units (100 in the landscape layout). */
  private radius = 0;
  private shown = 0;
  private from = 0;
  private target = 0;
  private swingMs = SWING_MS;
  /** Band names agree with the customer's grammatical gender where the language marks it. */
  private readonly about: { context?: string };

  constructor(
    scene: Phaser.Scene,
    parent: Phaser.GameObjects.Container,
    dom: HTMLElement,
    viewport: FrameSource,
    private readonly t: TFunction,
    private readonly motion: () => boolean,
    gender: Gender | null = null,
  ) {
    this.about = aboutCustomer(gender);
    this.dial = scene.add.graphics();
    this.needle = scene.add.graphics();
    parent.add([this.dial, this.needle]);
    this.band = h('span', { class: 'htl-band' });
    this.meter = labelledMeter('htl-gauge-label', t('call.mood'), this.band);
    this.deltas = h('div', { class: 'htl-deltas', 'aria-hidden': 'true' });
    // Band names sit around the dial, so the colours are never the only clue.
    this.labels = MOOD_BANDS.map((b) => h('span', { class: 'htl-dial-label', 'aria-hidden': 'true' }, this.bandName(b)));
    this.slot = h('div', { class: 'htl-dial' }, ...this.labels);
    dom.append(h('div', { class: 'htl-gauge' }, this.slot, this.meter, this.deltas));
    this.stopFollowing = followSlot(viewport, this.slot, (r) => this.place(r));
  }

  private bandName(b: MoodBand): string {
    return this.t(`mood.${b}`, this.about);
  }

  /** The dial sits at the bottom centre of its slot, as large as the slot (and its band names) allow. */
  private place(r: Rect): void {
    const visible = r.width > 0 && r.height > 0;
    this.dial.setVisible(visible);
    this.needle.setVisible(visible);
    if (!visible) return;
    const labelled = r.width >= LABELLED_WIDTH;
    const hub = 12;
    this.radius = Math.max(10, labelled ? Math.min(r.height - hub - 30, (r.width - 180) / 2) : Math.min(r.height - hub / 2, r.width / 2 - 4));
    const cx = r.width / 2;
    const cy = r.height - (labelled ? hub : hub / 2);
    this.dial.setPosition(r.x + cx, r.y + cy);
    this.needle.setPosition(r.x + cx, r.y + cy);
    MOOD_BANDS.forEach((b, i) => {
      const label = this.labels[i]!;
      label.hidden = !labelled;
      const next = MOOD_BANDS[i + 1];
      const a = angleOf((BAND_START[b] + (next ? BAND_START[next] : 100)) / 2);
      // Just outside the band, on the side facing away from the dial, so no name covers a colour.
      const dx = Math.cos(a);
      const out = this.radius * (1 + LINE / 2) + 6;
      label.style.left = `${cx + dx * out}px`;
      label.style.top = `${cy + Math.sin(a) * out}px`;
      label.style.transform = `translate(${dx < -0.35 ? -100 : dx > 0.35 ? 0 : -50}%, ${Math.abs(dx) > 0.35 ? -50 : -100}%)`;
    });
    this.drawDial();
    this.drawNeedle();
  }

  private drawDial(): void {
    const g = this.dial.clear();
    const k = this.radius / 100;
    MOOD_BANDS.forEach((b, i) => {
      const start = angleOf(BAND_START[b]);
      const next = MOOD_BANDS[i + 1];
      const end = angleOf(next ? BAND_START[next] : 100);
      g.lineStyle(LINE * this.radius, MOOD_COLOURS[b], 1).beginPath().arc(0, 0, this.radius, start + 0.012, end - 0.012).strokePath();
    });
    g.fillStyle(COLOURS.panelEdge, 1).fillCircle(0, 0, Math.max(5, 12 * k));
  }

  show(view: SessionView, change: ViewChange): void {
    this.meter.setAttribute('aria-valuenow', String(view.mood));
    const name = this.bandName(view.moodBand);
    this.meter.setAttribute('aria-valuetext', `${name} (${view.mood})`);
    this.band.textContent = name;
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
    if (this.radius <= 0) return;
    const k = this.radius / 100;
    const r = this.radius - 6 * k;
    const w = Math.max(3, 7 * k);
    g.fillStyle(COLOURS.text, 1).fillTriangle(Math.cos(a) * r, Math.sin(a) * r, Math.cos(a + Math.PI / 2) * w, Math.sin(a + Math.PI / 2) * w, Math.cos(a - Math.PI / 2) * w, Math.sin(a - Math.PI / 2) * w);
    g.fillStyle(COLOURS.text, 1).fillCircle(0, 0, Math.max(4, 8 * k));
  }

  destroy(): void {
    this.stopFollowing();
    this.dial.destroy();
    this.needle.destroy();
    this.slot.parentElement?.remove();
  }
}
