// The replies on offer, as real buttons named "1. …", "2. …" in the order shown (so Tab order is
// reply order and keys 1–9 match the numbers). Actions are marked: they take time, and patience
// drains while they run. Each button's `data-reply` is the reply's id, which no shuffle changes
// (tests pick replies by it).
import type { TFunction } from 'i18next';
import type { SessionView } from '../../engine/index.js';
import { fill, h } from '../ui/dom.js';
import type { CallPresenter } from './types.js';

export class RepliesPresenter implements CallPresenter {
  private readonly list: HTMLOListElement;
  private shownKey = '';

  constructor(
    dom: HTMLElement,
    private readonly lang: string,
    private readonly t: TFunction,
    private readonly onChoose: (n: number) => void,
  ) {
    this.list = h('ol', { class: 'htl-replies', 'aria-label': t('call.replies') });
    dom.append(this.list);
  }

  show(view: SessionView): void {
    const key = view.phase === 'listening' ? `${view.turn}:${view.replies.map((r) => r.id).join(',')}` : '';
    if (key === this.shownKey) return;
    // Keep focus with the replies when they change under it (or when nothing had focus).
    const active = document.activeElement;
    const refocus = active === null || active === document.body || this.list.contains(active) || (active as HTMLElement).dataset?.refocus === 'replies';
    this.shownKey = key;
    fill(
      this.list,
      ...view.replies.map((r) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: `htl-reply${r.isAction ? ' htl-reply-action' : ''}`, 'data-n': r.n, 'data-reply': r.id, onclick: () => this.onChoose(r.n) },
            h('span', { class: 'htl-reply-n' }, `${r.n}.`),
            ' ',
            h('span', { class: 'htl-reply-say', lang: this.lang }, r.say),
            r.isAction && h('span', { class: 'htl-reply-tag' }, ` ${this.t('call.takesTime')}`),
          ),
        ),
      ),
    );
    if (refocus) this.list.querySelector('button')?.focus({ preventScroll: true });
  }

  /** The button for reply n, if on offer (keys 1–9 press it, so it shows as pressed). */
  button(n: number): HTMLButtonElement | null {
    return this.list.querySelector(`button[data-n="${n}"]`);
  }

  destroy(): void {
    this.list.remove();
  }
}
