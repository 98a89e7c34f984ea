// Captions: every customer line as text. The bubble types the line out at the player's text speed
// (at once with reduced motion); a visually hidden live region holds the whole line at once, so
// screen readers announce it exactly once.
import type { SessionView } from '../../engine/index.js';
import { h } from '../ui/dom.js';
import type { CallPresenter, ViewChange } from './types.js';

export class CaptionPresenter implements CallPresenter {
  private readonly bubble: HTMLElement;
  private readonly visible: HTMLElement;
  private readonly live: HTMLElement;
  private readonly typedSpan = h('span', {});
  /** The rest of the line, laid out but not shown, so the bubble keeps its size while typing. */
  private readonly restSpan = h('span', { class: 'htl-untyped' });
  private text = '';
  private typed = 0;

  constructor(
    dom: HTMLElement,
    private readonly speaker: string,
    lang: string,
    private readonly charsPerSecond: () => number,
  ) {
    this.visible = h('p', { class: 'htl-caption-text', lang, 'aria-hidden': 'true' }, this.typedSpan, this.restSpan);
    this.bubble = h('div', { class: 'htl-caption', hidden: true }, h('span', { class: 'htl-caption-who' }, speaker), this.visible);
    this.live = h('p', { class: 'htl-sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', lang, id: 'htl-caption-live', 'data-caption': '' });
    dom.append(this.bubble, this.live);
  }

  show(view: SessionView, change: ViewChange): void {
    if (!change.spoke || !view.line) return;
    this.text = view.line.say;
    this.bubble.hidden = false;
    // Long lines in a smaller size, so the whole line fits the bubble.
    this.visible.classList.toggle('htl-long', this.text.length > 170);
    this.live.textContent = `${this.speaker}: ${this.text}`;
    this.typed = Number.isFinite(this.charsPerSecond()) ? 0 : this.text.length;
    this.render();
  }

  private render(): void {
    const n = Math.floor(this.typed);
    this.typedSpan.textContent = this.text.slice(0, n);
    this.restSpan.textContent = this.text.slice(n);
  }

  frame(deltaMs: number): void {
    if (this.typed >= this.text.length) return;
    const before = Math.floor(this.typed);
    this.typed = Math.min(this.text.length, this.typed + (this.charsPerSecond() * deltaMs) / 1000);
    if (Math.floor(this.typed) !== before) this.render();
  }

  /** Whether the whole line is shown (typed out, or shown at once). */
  get done(): boolean {
    return this.typed >= this.text.length;
  }

  /** Shows the rest of the line at once (the player pressed a key to skip). */
  finish(): void {
    this.typed = this.text.length;
    this.render();
  }

  destroy(): void {
    this.bubble.remove();
    this.live.remove();
  }
}
