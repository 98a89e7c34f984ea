// A guide's notes on a screen, one at a time: a callout beside the element it explains, with an
// arrow to it and an outline around it, placed so it never covers it (guide/place.ts) and kept
// there as the layout moves. A callout is a non-modal dialog: it takes focus when it appears (so
// a screen reader reads its title and text), Tab leaves it freely, and the call's own keys (1–9,
// F) still work. Escape inside it closes it, like its button, and goes no further — so it never
// asks to end the call; Escape anywhere else keeps its usual meaning.
import type { TFunction } from 'i18next';
import { button, h } from '../ui/dom.js';
import { placeNote, visiblePart, type Box, type Side } from './place.js';
import './guide.css';

export interface Note {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** The element explained; null while it is not on screen. */
  readonly target: () => HTMLElement | null;
  /** The sides of the target to try first. */
  readonly prefer?: readonly Side[];
}

export interface CoachOptions {
  readonly t: TFunction;
  /** The note's button ("Next", or "Got it" on the last one for now), or Escape in it. */
  readonly onNext: (id: string) => void;
  /** When given, each note also offers "Skip the guide". */
  readonly onSkip?: () => void;
  /** What notes should rather not cover (the replies, the caption), when a side without them has room. */
  readonly avoid?: () => readonly (Element | null)[];
  /** Where focus goes when a note closes and what had focus before it is gone. */
  readonly fallbackFocus?: () => HTMLElement | null;
}

/** Between the target and the note: the outline (6) and the arrow (10) fit in it. */
const GAP = 18;
const MARGIN = 8;
const OUTLINE = 6;
/** How often the note checks whether its target moved (a resize, a scroll, a longer caption). */
const REFRESH_MS = 150;

/**
 * Where an element is on screen, in CSS pixels; null when it shows nowhere. An element laid out
 * as `display: contents` (the mood gauge on a phone, whose dial and label sit in the grid apart)
 * counts as the box round its children.
 */
export function screenBox(el: Element): { left: number; top: number; width: number; height: number } | null {
  if (!el.isConnected) return null;
  if (el.getClientRects().length > 0) {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  }
  const boxes = [...el.children].map(screenBox).filter((b) => b !== null && b.width > 0 && b.height > 0);
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b!.left));
  const top = Math.min(...boxes.map((b) => b!.top));
  return { left, top, width: Math.max(...boxes.map((b) => b!.left + b!.width)) - left, height: Math.max(...boxes.map((b) => b!.top + b!.height)) - top };
}

const shows = (el: HTMLElement) => screenBox(el) !== null;

export class Coach {
  /** The layer the notes are drawn in: mount it over the screen. */
  readonly layer: HTMLElement;
  private readonly box: HTMLElement;
  private readonly title = h('h2', { id: 'htl-coach-h', class: 'htl-coach-title' });
  private readonly text = h('p', { id: 'htl-coach-p' });
  private readonly next: HTMLButtonElement;
  private readonly ring = h('div', { class: 'htl-coach-ring', 'aria-hidden': 'true', hidden: true });
  private note: Note | null = null;
  private returnFocus: HTMLElement | null = null;
  private raf = 0;
  private checked = 0;
  private placedAt = '';
  /** How the target has been scrolled to make room beside it, for the note shown. */
  private scrolls: ScrollLogicalPosition[] = [];
  private readonly onScroll = () => this.place(false);

  constructor(
    /** The game's DOM frame (ui/UiLayer.ts): notes are placed in its design units. */
    private readonly ui: HTMLElement,
    private readonly o: CoachOptions,
  ) {
    this.next = button('', () => this.advance(), { class: 'htl-btn htl-btn-primary htl-coach-next' });
    const skip = o.onSkip ? button(o.t('guide.skip'), o.onSkip, { class: 'htl-btn htl-btn-ghost htl-coach-skip' }) : null;
    this.box = h(
      'section',
      { class: 'htl-coach', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'htl-coach-h', 'aria-describedby': 'htl-coach-p', hidden: true },
      h('p', { class: 'htl-coach-kicker' }, o.t('guide.kicker')),
      this.title,
      this.text,
      h('div', { class: 'htl-coach-row' }, this.next, skip),
      h('span', { class: 'htl-coach-arrow', 'aria-hidden': 'true' }),
    );
    this.box.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      if (!e.repeat) this.advance();
    });
    this.layer = h('div', { class: 'htl-screen htl-coach-layer' }, this.ring, this.box);
    ui.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
  }

  /** The note shown now, if any. */
  get shown(): string | null {
    return this.note?.id ?? null;
  }

  /** Shows `note` (or keeps it, with a new label); `last`: nothing follows at once, so "Got it". */
  show(note: Note, last: boolean): void {
    const label = this.o.t(last ? 'guide.gotIt' : 'guide.next');
    if (this.next.textContent !== label) this.next.textContent = label;
    if (this.note?.id === note.id) return;
    this.note = note;
    this.scrolls = [];
    this.box.dataset.note = note.id;
    this.title.textContent = note.title;
    this.text.textContent = note.text;
    this.box.hidden = false;
    this.ring.hidden = false;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !this.box.contains(active)) this.returnFocus = active;
    const target = note.target();
    // In the middle of what scrolls it, clear of the edges' cues ("more below"), when it can move at all.
    (target && target.getClientRects().length === 0 ? target.firstElementChild : target)?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.place(true);
    this.next.focus({ preventScroll: true });
    cancelAnimationFrame(this.raf);
    this.raf = requestAnimationFrame(this.watch);
  }

  /** No note for now; focus goes back where it was (or to the fallback) if the note had it. */
  hide(): void {
    if (!this.note) return;
    const hadFocus = this.box.contains(document.activeElement);
    this.note = null;
    this.placedAt = '';
    this.box.hidden = true;
    this.ring.hidden = true;
    delete this.box.dataset.note;
    cancelAnimationFrame(this.raf);
    if (hadFocus) {
      const back = this.returnFocus && shows(this.returnFocus) ? this.returnFocus : this.o.fallbackFocus?.();
      back?.focus({ preventScroll: true });
    }
    this.returnFocus = null;
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.ui.removeEventListener('scroll', this.onScroll, { capture: true });
    this.note = null;
    this.layer.remove();
  }

  private advance(): void {
    if (this.note) this.o.onNext(this.note.id);
  }

  private readonly watch = (now: number) => {
    if (!this.note) return;
    if (now - this.checked >= REFRESH_MS) {
      this.checked = now;
      this.place(false);
    }
    this.raf = requestAnimationFrame(this.watch);
  };

  /** Puts the note beside its target (again, when `force` or when the target or the frame moved). */
  private place(force: boolean): void {
    const note = this.note;
    const target = note?.target();
    if (!note || !target) return;
    const frame = { width: this.ui.offsetWidth, height: this.ui.offsetHeight };
    const root = this.ui.getBoundingClientRect();
    // Design units per CSS pixel: the frame is scaled to the window (ui/viewport.ts).
    const k = root.width / frame.width || 1;
    const toFrame = (r: { left: number; top: number; width: number; height: number }): Box => ({ x: (r.left - root.left) / k, y: (r.top - root.top) / k, width: r.width / k, height: r.height / k });
    const box = screenBox(target);
    if (!box) return;
    const t = visiblePart(toFrame(box), frame);
    const key = [t.x, t.y, t.width, t.height, frame.width, frame.height].map(Math.round).join(',');
    if (!force && key === this.placedAt) return;
    this.placedAt = key;
    const avoid = (this.o.avoid?.() ?? [])
      .filter((e): e is Element => e !== null && e !== target && !e.contains(target) && !target.contains(e))
      .flatMap((e) => {
        const b = screenBox(e);
        return b ? [visiblePart(toFrame(b), frame)] : [];
      });
    const size = { width: this.box.offsetWidth, height: this.box.offsetHeight };
    const p = placeNote(t, size, frame, { gap: GAP, margin: MARGIN, prefer: note.prefer, avoid });
    // No room beside it where it is (a long note on a small phone): scroll what holds it so the
    // target sits at the top, or else the bottom, of the screen, and try again.
    const scroll = (['start', 'end'] as const).find((b) => !this.scrolls.includes(b));
    if (!p.clear && scroll) {
      this.scrolls.push(scroll);
      (target.getClientRects().length === 0 ? target.firstElementChild : target)?.scrollIntoView({ block: scroll, inline: 'nearest' });
      return this.place(true);
    }
    Object.assign(this.box.style, { left: `${p.x}px`, top: `${p.y}px` });
    this.box.style.setProperty('--arrow', `${p.arrow}px`);
    this.box.dataset.side = p.side;
    Object.assign(this.ring.style, { left: `${t.x - OUTLINE}px`, top: `${t.y - OUTLINE}px`, width: `${t.width + 2 * OUTLINE}px`, height: `${t.height + 2 * OUTLINE}px` });
  }
}
