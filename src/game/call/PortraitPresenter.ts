// The customer's portrait on the canvas: the expression follows the line's emotion (blending when
// it changes — the face reacts as the reply lands), the mouth moves while they speak, the eyes
// blink, a furious customer shakes. With reduced motion, expressions change at once and nothing
// moves by itself.
import type Phaser from 'phaser';
import type { Emotion, MoodBand, SessionView } from '../../engine/index.js';
import { COLOURS } from '../ui/palette.js';
import { followSlot, type FrameSource, type Rect } from '../ui/slot.js';
import { drawBody, drawHead } from './drawFace.js';
import { blend, EXPRESSIONS, lookFor, type Features, type Look } from './face.js';
import type { CallPresenter, ViewChange } from './types.js';

const BLEND_MS = 350;
/** The drawn figure's width (its shoulders) and how far they reach below the head's centre, in its own units. */
const FIGURE_WIDTH = 270;
const FIGURE_BELOW = 195;
const EMOTION_OF_BAND: Record<MoodBand, Emotion> = { calm: 'calm', annoyed: 'annoyed', angry: 'angry', furious: 'furious' };

export class PortraitPresenter implements CallPresenter {
  private readonly card: Phaser.GameObjects.Graphics;
  private readonly body: Phaser.GameObjects.Graphics;
  private readonly face: Phaser.GameObjects.Graphics;
  private readonly look: Look;
  private from: Features = EXPRESSIONS.calm;
  private to: Features = EXPRESSIONS.calm;
  private emotion: Emotion = 'calm';
  private blendMs = BLEND_MS;
  private talkMs = 0;
  private clock = 0;
  private nextBlink = 2500;
  private ringing = true;
  private dirty = true;

  private area: Rect = { x: 0, y: 0, width: 0, height: 0 };
  /** The figure's scale in its card: the shoulders end on the card's bottom edge. */
  private figure = 0.85;
  private readonly stopFollowing: () => void;

  constructor(
    scene: Phaser.Scene,
    parent: Phaser.GameObjects.Container,
    /** The DOM element the card is drawn over (the CSS places it: a column on the left, or the top of a phone). */
    slot: HTMLElement,
    viewport: FrameSource,
    customerName: string,
    private readonly motion: () => boolean,
  ) {
    this.look = lookFor(customerName);
    this.card = scene.add.graphics();
    this.body = scene.add.graphics();
    this.face = scene.add.graphics();
    drawBody(this.body, this.look);
    parent.add([this.card, this.body, this.face]);
    this.stopFollowing = followSlot(viewport, slot, (r) => this.place(r));
  }

  /** Draws the card over its slot and fits the head and shoulders in it. */
  private place(r: Rect): void {
    this.area = r;
    const visible = r.width > 0 && r.height > 0;
    for (const g of [this.card, this.body, this.face]) g.setVisible(visible);
    if (!visible) return;
    const radius = Math.min(16, r.width / 8);
    this.card.clear();
    this.card.fillStyle(COLOURS.panel, 1).fillRoundedRect(r.x, r.y, r.width, r.height, radius);
    this.card.lineStyle(2, COLOURS.panelEdge, 1).strokeRoundedRect(r.x, r.y, r.width, r.height, radius);
    // 0.85 in the 360×292 card of the landscape layout; never wider than the card.
    this.figure = Math.min((r.height * 0.85) / 292, (r.width * 0.92) / FIGURE_WIDTH);
    const y = r.y + r.height - FIGURE_BELOW * this.figure;
    this.body.setPosition(r.x + r.width / 2, y).setScale(this.figure);
    this.face.setPosition(r.x + r.width / 2, y).setScale(this.figure);
    this.dirty = true;
  }

  /** Where a handset drawn over the card goes (the centre of the card), and how big. */
  get centre(): { x: number; y: number; size: number } {
    const r = this.area;
    return { x: r.x + r.width / 2, y: r.y + r.height / 2, size: Math.min(r.width, r.height) * 0.42 };
  }

  /** Shows talking for this long (about the time it takes to say the caption). */
  talk(ms: number): void {
    this.talkMs = Math.max(this.talkMs, ms);
  }

  /** Shows talking until a voice line ends. */
  talkUntil(done: Promise<void>): void {
    this.talkMs = 60_000;
    void done.then(() => (this.talkMs = Math.min(this.talkMs, 1)));
  }

  show(view: SessionView, change: ViewChange): void {
    this.ringing = view.phase === 'ringing';
    this.face.setAlpha(this.ringing ? 0.25 : 1);
    this.body.setAlpha(this.ringing ? 0.25 : 1);
    const emotion = view.line?.emotion ?? EMOTION_OF_BAND[view.moodBand];
    if (emotion !== this.emotion || change.first) {
      this.from = this.current();
      this.to = EXPRESSIONS[emotion];
      this.emotion = emotion;
      this.blendMs = change.first || !this.motion() ? BLEND_MS : 0;
      this.dirty = true;
    }
    if (change.spoke && view.line) this.talk(Math.min(6000, 400 + view.line.say.length * 45));
    if (view.phase === 'ended') this.talkMs = Math.min(this.talkMs, 2500);
  }

  frame(deltaMs: number): void {
    const moving = this.motion();
    this.clock += deltaMs;
    let blink = 0;
    let talk = 0;
    if (this.blendMs < BLEND_MS) {
      this.blendMs = Math.min(BLEND_MS, this.blendMs + deltaMs);
      this.dirty = true;
    }
    if (this.talkMs > 0) {
      this.talkMs = Math.max(0, this.talkMs - deltaMs);
      talk = moving ? 0.35 * Math.abs(Math.sin(this.clock / 90)) : 0.2;
      if (this.talkMs === 0) talk = 0;
      this.dirty = true;
    }
    if (moving && !this.ringing && this.clock >= this.nextBlink) {
      blink = 1;
      if (this.clock >= this.nextBlink + 130) this.nextBlink = this.clock + 2500 + ((this.clock * 7) % 2500);
      this.dirty = true;
    }
    const shake = moving && this.emotion === 'furious' ? Math.sin(this.clock / 30) * 2 : 0;
    const f = this.current();
    this.face.setAngle(f.tilt).setX(this.area.x + this.area.width / 2 + shake * (this.figure / 0.85));
    if (this.dirty) {
      drawHead(this.face, this.look, f, blink, talk);
      this.dirty = talk > 0 || blink > 0 || this.blendMs < BLEND_MS;
    }
  }

  private current(): Features {
    const t = this.blendMs / BLEND_MS;
    return blend(this.from, this.to, t * (2 - t));
  }

  destroy(): void {
    this.stopFollowing();
    this.card.destroy();
    this.body.destroy();
    this.face.destroy();
  }
}
