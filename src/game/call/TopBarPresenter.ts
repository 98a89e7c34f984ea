// The bar above the call: which call, practice or exam, the call's clock, and "End call" (pressed
// twice, so a slip of the finger does not hang up on a customer).
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
  private now = 0;

  constructor(
    dom: HTMLElement,
    title: string,
    lang: string,
    mode: Mode,
    private readonly t: TFunction,
    onHangUp: () => void,
  ) {
    this.end = button(t('call.hangUp'), () => this.press(onHangUp), { class: 'htl-btn htl-btn-danger', hidden: true });
    this.bar = h(
      'header',
      { class: 'htl-bar htl-call-bar' },
      h('h1', { lang }, title),
      h('span', { class: `htl-badge htl-badge-${mode}` }, t(`mode.${mode}`)),
      h('span', { class: 'htl-clock' }, h('span', { class: 'htl-sr-only' }, `${t('call.elapsed')} `), this.time),
      this.end,
    );
    dom.append(this.bar);
  }

  private press(onHangUp: () => void): void {
    if (this.now < this.armedUntil) return onHangUp();
    this.armedUntil = this.now + CONFIRM_MS;
    this.end.textContent = this.t('call.hangUpConfirm');
    this.end.classList.add('htl-armed');
  }

  show(view: SessionView): void {
    this.end.hidden = view.phase === 'ringing' || view.phase === 'ended';
    const text = clock(view.elapsedMs);
    if (this.time.textContent !== text) this.time.textContent = text;
  }

  frame(deltaMs: number): void {
    this.now += deltaMs;
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
