// The bar above the call: which call, practice or exam, the call's clock, and "End call" (pressed
// twice, so a slip of the finger does not hang up on a customer). Escape asks the same question
// in words ("End the call? Press Escape again"); a second Escape within a few seconds ends the
// call, anything else takes the question back.
import type { TFunction } from 'i18next';
import type { Mode, SessionView } from '../../engine/index.js';
import { button, h } from '../ui/dom.js';
import type { CallPresenter } from './types.js';

const CONFIRM_MS = 4000;

export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export class TopBarPresenter implements CallPresenter {
  private readonly bar: HTMLElement;
  private readonly time = h('span', {});
  private readonly end: HTMLButtonElement;
  private armedUntil = 0;
  /** Until when a second Escape ends the call (0: not asked). */
  private askedUntil = 0;
  private readonly ask = h('p', { class: 'htl-end-ask', role: 'alert', hidden: true });
  private canEnd = false;
  private now = 0;

  constructor(
    dom: HTMLElement,
    title: string,
    lang: string,
    mode: Mode,
    private readonly t: TFunction,
    private readonly onHangUp: () => void,
  ) {
    this.end = button(t('call.hangUp'), () => this.press(onHangUp), { class: 'htl-btn htl-btn-danger', hidden: true });
    this.bar = h(
      'header',
      { class: 'htl-bar htl-call-bar' },
      h('h1', { lang }, title),
      h('span', { class: `htl-badge htl-badge-${mode}` }, t(`mode.${mode}`)),
      h('span', { class: 'htl-clock' }, h('span', { class: 'htl-sr-only' }, `${t('call.elapsed')} `), this.time),
      this.end,
      this.ask,
    );
    dom.append(this.bar);
  }

  private press(onHangUp: () => void): void {
    if (this.now < this.armedUntil) return onHangUp();
    this.armedUntil = this.now + CONFIRM_MS;
    this.end.textContent = this.t('call.hangUpConfirm');
    this.end.classList.add('htl-armed');
  }

  /** Escape: the first asks, a second within CONFIRM_MS ends the call. Nothing while there is no call to end. */
  escape(): void {
    if (!this.canEnd) return;
    if (this.now < this.askedUntil) {
      this.cancelEscape();
      return this.onHangUp();
    }
    this.askedUntil = this.now + CONFIRM_MS;
    this.ask.textContent = this.t('call.endAsk');
    this.ask.hidden = false;
  }

  /** Anything but a second Escape: the question is taken back. */
  cancelEscape(): void {
    if (this.askedUntil === 0) return;
    this.askedUntil = 0;
    this.ask.hidden = true;
    this.ask.textContent = '';
  }

  show(view: SessionView): void {
    this.canEnd = view.phase === 'listening' || view.phase === 'working';
    if (!this.canEnd) this.cancelEscape();
    this.end.hidden = view.phase === 'ringing' || view.phase === 'ended';
    const text = clock(view.elapsedMs);
    if (this.time.textContent !== text) this.time.textContent = text;
  }

  frame(deltaMs: number): void {
    this.now += deltaMs;
    if (this.askedUntil > 0 && this.now >= this.askedUntil) this.cancelEscape();
    if (this.armedUntil > 0 && this.now >= this.armedUntil) {
      this.armedUntil = 0;
      this.end.textContent = this.t('call.hangUp');
      this.end.classList.remove('htl-armed');
    }
  }

  destroy(): void {
    this.bar.remove();
  }
}
