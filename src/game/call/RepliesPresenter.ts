// The replies on offer, as real buttons named "1. …", "2. …" in the order shown (so Tab order is
// reply order and keys 1–9 match the numbers). Actions are marked: they take time, and patience
// drains while they run. Each button's `data-reply` is the reply's id, which no shuffle changes
// (tests pick replies by it).
//
// Every reply should be in view at once: when they do not fit the space the layout leaves them,
// the type of the replies, the caption and the hint steps down a little and the spacing tightens
// (`data-fit` 1, 2, … on the area that holds them). Only when even the smallest step does not fit
// does anything scroll — the list itself in landscape, the whole column on a phone held upright —
// and then it says so: the edge fades, a "more below" mark counts the replies out of sight, and a
// live region tells screen readers. Keys 1–9 choose any reply, in sight or not.
import type { TFunction } from 'i18next';
import type { SessionView } from '../../engine/index.js';
import { fill, h } from '../ui/dom.js';
import type { CallPresenter } from './types.js';

/** The smallest step of type and spacing (see `.htl-mid[data-fit]` in ui/styles.css). */
export const MAX_FIT = 3;

const scrolls = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowY);

export class RepliesPresenter implements CallPresenter {
  private readonly list: HTMLOListElement;
  private readonly box: HTMLElement;
  private readonly more: HTMLElement;
  private readonly moreText = h('span', { class: 'htl-more-pill' });
  private readonly status: HTMLElement;
  private readonly observer: ResizeObserver | null;
  private shownKey = '';
  private count = 0;
  private refit = 0;

  constructor(
    /** The area that holds the caption, the hint and the replies: its type steps down with theirs. */
    private readonly area: HTMLElement,
    private readonly lang: string,
    private readonly t: TFunction,
    private readonly onChoose: (n: number) => void,
  ) {
    this.list = h('ol', { class: 'htl-replies', 'aria-label': t('call.replies') });
    this.more = h('div', { class: 'htl-more', 'aria-hidden': 'true', hidden: true }, this.moreText);
    // Scrolls on by most of a screenful when the mark is clicked (it is not a control of its own).
    this.more.addEventListener('click', () => this.scroller().scrollBy({ top: this.scroller().clientHeight * 0.8 }));
    this.status = h('p', { class: 'htl-sr-only', role: 'status', 'aria-live': 'polite' });
    this.box = h('div', { class: 'htl-replies-box' }, this.list, this.more);
    area.dataset.fit = '0';
    area.append(this.box, this.status);
    for (const el of [this.list, area]) el.addEventListener('scroll', () => this.showCue(), { passive: true });
    // The space for the replies changes with the caption, the hint and the window: fit again.
    this.observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.fitSoon());
    this.observer?.observe(this.list);
    this.observer?.observe(area);
  }

  show(view: SessionView): void {
    const key = view.phase === 'listening' ? `${view.turn}:${view.replies.map((r) => r.id).join(',')}` : '';
    if (key === this.shownKey) return;
    // Keep focus with the replies when they change under it (or when nothing had focus).
    const active = document.activeElement;
    const refocus = active === null || active === document.body || this.list.contains(active) || (active as HTMLElement).dataset?.refocus === 'replies';
    this.shownKey = key;
    this.count = view.replies.length;
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
    this.list.scrollTop = 0;
    this.area.scrollTop = 0;
    this.fit(true);
    if (refocus) this.list.querySelector('button')?.focus({ preventScroll: true });
  }

  /** What scrolls when the replies do not fit: the list (landscape), or the whole area (a phone). */
  private scroller(): HTMLElement {
    return scrolls(this.list) ? this.list : this.area;
  }

  /** Finds the largest type that shows every reply; if none does, marks the area as one that scrolls. */
  private fit(announce: boolean): void {
    cancelAnimationFrame(this.refit);
    const scroller = this.scroller();
    let level = 0;
    for (; level <= MAX_FIT; level++) {
      this.area.dataset.fit = String(level);
      if (!this.overflows(scroller)) break;
    }
    const scrolling = level > MAX_FIT;
    if (scrolling) this.area.dataset.fit = String(MAX_FIT);
    const was = this.area.classList.contains('htl-scrolls');
    this.area.classList.toggle('htl-scrolls', scrolling);
    this.showCue();
    if (scrolling && (announce || !was)) this.status.textContent = this.t('call.repliesScroll', { count: this.count });
    else if (!scrolling) this.status.textContent = '';
  }

  private fitSoon(): void {
    cancelAnimationFrame(this.refit);
    this.refit = requestAnimationFrame(() => this.fit(false));
  }

  /**
   * Whether the replies need more room than the scroller shows: the list's whole content (with
   * its padding) when the list scrolls; when the whole area does, down to the last reply only
   * (an unfolded transcript after it is no reason to shrink them).
   */
  private overflows(scroller: HTMLElement): boolean {
    const last = this.list.lastElementChild;
    if (this.count === 0 || !last) return false;
    if (scroller === this.list) return this.list.scrollHeight > this.list.clientHeight;
    const top = scroller.getBoundingClientRect().top + scroller.clientTop;
    return last.getBoundingClientRect().bottom - top + scroller.scrollTop > scroller.clientHeight - 0.5;
  }

  /** "↓ 2 more below" while replies are out of sight below; the fades go with it. */
  private showCue(): void {
    const s = this.scroller();
    const scrolling = this.area.classList.contains('htl-scrolls');
    const bottom = s.getBoundingClientRect().top + s.clientTop + s.clientHeight;
    const hidden = scrolling ? [...this.list.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().bottom > bottom + 1).length : 0;
    const below = hidden > 0;
    this.area.classList.toggle('htl-more-below', below);
    this.area.classList.toggle('htl-more-above', scrolling && s.scrollTop > 2);
    this.more.hidden = !below;
    const text = below ? `↓ ${this.t('call.moreBelow', { count: hidden })}` : '';
    if (this.moreText.textContent !== text) this.moreText.textContent = text;
  }

  /** The button for reply n, if on offer (keys 1–9 press it, so it shows as pressed). */
  button(n: number): HTMLButtonElement | null {
    return this.list.querySelector(`button[data-n="${n}"]`);
  }

  destroy(): void {
    cancelAnimationFrame(this.refit);
    this.observer?.disconnect();
    this.box.remove();
    this.status.remove();
  }
}
