// The customer's portrait on the canvas: the expression follows the line's emotion (blending when
// it changes — the face reacts as the reply lands), the mouth moves while they speak, the eyes
// blink, a furious customer shakes. With reduced motion, expressions change at once and nothing
// moves by itself.
import type Phaser from 'phaser';
import type { Emotion, MoodBand, SessionView } from '../../engine/index.js';
import { COLOURS } from '../ui/palette.js';
import { drawBody, drawHead } from './drawFace.js';
import { blend, EXPRESSIONS, lookFor, type Features, type Look } from './face.js';
import type { CallPresenter, ViewChange } from './types.js';

const BLEND_MS = 350;
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

  constructor(
    scene: Phaser.Scene,
    parent: Phaser.GameObjects.Container,
    customerName: string,
    private readonly motion: () => boolean,
    private readonly area = { x: 24, y: 88, width: 360, height: 292 },
  ) {
    this.look = lookFor(customerName);
    this.card = scene.add.graphics();
    this.card.fillStyle(COLOURS.panel, 1).fillRoundedRect(area.x, area.y, area.width, area.height, 16);
    this.card.lineStyle(2, COLOURS.panelEdge, 1).strokeRoundedRect(area.x, area.y, area.width, area.height, 16);
    // Head and shoulders at 0.85 scale: the shoulders end on the card's bottom edge.
    this.body = scene.add.graphics({ x: area.x + area.width / 2, y: area.y + 125 }).setScale(0.85);
    this.face = scene.add.graphics({ x: area.x + area.width / 2, y: area.y + 125 }).setScale(0.85);
    drawBody(this.body, this.look);
    parent.add([this.card, this.body, this.face]);
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
    this.face.setAngle(f.tilt).setX(this.area.x + this.area.width / 2 + shake);
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
    this.card.destroy();
    this.body.destroy();
    this.face.destroy();
  }
}
