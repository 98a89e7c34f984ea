// The phone ringing: a handset shaking over the portrait, the call's brief, and an "Answer"
// button (Space or Enter work too). Gone once the call is answered.
import type Phaser from 'phaser';
import type { TFunction } from 'i18next';
import type { SessionView } from '../../engine/index.js';
import { button, h } from '../ui/dom.js';
import { COLOURS } from '../ui/palette.js';
import { drawHandset } from '../ui/phoneIcon.js';
import { followSlot, type FrameSource } from '../ui/slot.js';
import type { CallPresenter } from './types.js';

const HANDSET = 120;

export class RingPresenter implements CallPresenter {
  private readonly panel: HTMLElement;
  private readonly handset: Phaser.GameObjects.Graphics;
  private readonly stopFollowing: () => void;
  private clock = 0;
  /** Null until the first snapshot (a call resumed after a hot reload starts answered). */
  private ringing: boolean | null = null;
  private readonly t: TFunction;
  private readonly left = h('p', { class: 'htl-help htl-ring-left' });

  constructor(
    scene: Phaser.Scene,
    parent: Phaser.GameObjects.Container,
    dom: HTMLElement,
    /** The portrait's slot: the handset shakes over the middle of the customer's card. */
    portraitSlot: HTMLElement,
    viewport: FrameSource,
    call: { readonly caller: string; readonly brief: string; readonly locale: string; readonly typedOnly?: boolean },
    t: TFunction,
    private readonly motion: () => boolean,
    onAnswer: () => void,
  ) {
    this.t = t;
    this.handset = scene.add.graphics();
    drawHandset(this.handset, HANDSET, COLOURS.sky);
    parent.add(this.handset);
    // 120 units wide over the 360×292 card of the landscape layout; in proportion elsewhere.
    this.stopFollowing = followSlot(viewport, portraitSlot, (r) => {
      this.handset.setPosition(r.x + r.width / 2, r.y + r.height / 2).setScale(Math.min(r.width / 360, r.height / 292) || 0);
    });
    const answer = button(t('call.answer'), onAnswer, { class: 'htl-btn htl-btn-primary htl-btn-big htl-answer', 'data-refocus': 'replies' });
    this.panel = h(
      'section',
      { class: 'htl-ringing', 'aria-labelledby': 'htl-ringing-h' },
      h('p', { class: 'htl-muted' }, t('call.incoming')),
      h('h2', { id: 'htl-ringing-h', lang: call.locale }, call.caller),
      // What the trainee is told before the call: read it while the phone rings.
      h('p', { class: 'htl-brief', lang: call.locale }, call.brief),
      // A typed-only exam says so before the clock starts (issue 13).
      call.typedOnly === true && h('p', { class: 'htl-ring-typed-only', role: 'note' }, t('typed.onlyNote')),
      answer,
      // How long the caller will wait (rules/ringing.ts); not live: a second-by-second count is noise.
      this.left,
      // Keyboard hints are hidden on a touch phone (styles.css: .htl-keys-hint).
      h('p', { class: 'htl-help htl-keys-hint' }, t('call.answerKeys')),
    );
    dom.append(this.panel);
  }

  show(view: SessionView): void {
    const ringing = view.phase === 'ringing';
    if (view.ringLeftMs !== null) {
      const text = this.t('call.ringLeft', { count: Math.ceil(view.ringLeftMs / 1000) });
      if (this.left.textContent !== text) this.left.textContent = text;
    }
    if (ringing === this.ringing) return;
    this.ringing = ringing;
    this.panel.hidden = !ringing;
    this.handset.setVisible(ringing);
    if (ringing) this.panel.querySelector('button')?.focus();
  }

  frame(deltaMs: number): void {
    if (!this.ringing) return;
    this.clock += deltaMs;
    // Two short bursts of shaking per second and a half, like a ring cadence.
    const phase = this.clock % 1500;
    const shaking = this.motion() && (phase < 400 || (phase > 600 && phase < 1000));
    this.handset.setAngle(shaking ? Math.sin(this.clock / 25) * 12 : 0);
  }

  destroy(): void {
    this.stopFollowing();
    this.handset.destroy();
    this.panel.remove();
  }
}
