// Canvas drawings that follow the DOM's layout. A screen's CSS decides where everything goes (one
// arrangement for a landscape window, another for a phone held upright); a drawing on the canvas
// (the customer's portrait, the mood dial, the patience bar, the title's handset) has an empty
// DOM element of its own — its slot — and is drawn over that slot's rectangle, again whenever the
// slot moves or changes size.
import type { Frame } from './viewport.js';

/** A rectangle in design units (the frame's coordinates, which the scenes' root container uses). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface FrameSource {
  readonly current: Frame;
  subscribe(fn: (f: Frame) => void): () => void;
}

/** The slot's rectangle in design units; empty when it is not shown. */
export function slotRect(slot: HTMLElement, f: Frame): Rect {
  const b = slot.getBoundingClientRect();
  if (!slot.isConnected || (b.width === 0 && b.height === 0)) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: (b.left - f.x) / f.scale, y: (b.top - f.y) / f.scale, width: b.width / f.scale, height: b.height / f.scale };
}

/**
 * Calls `place` with the slot's rectangle now (or as soon as it is laid out) and whenever it
 * changes: the window is resized or turned, or the slot's size changes. Returns what stops it.
 */
export function followSlot(viewport: FrameSource, slot: HTMLElement, place: (r: Rect) => void): () => void {
  let last = '';
  let frame = 0;
  const measure = () => {
    const r = slotRect(slot, viewport.current);
    const key = [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 4)).join(',');
    if (key === last) return;
    last = key;
    place(r);
  };
  const later = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(measure);
  };
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
  observer?.observe(slot);
  const unsubscribe = viewport.subscribe(() => {
    measure();
    later();
  });
  measure();
  later();
  return () => {
    cancelAnimationFrame(frame);
    observer?.disconnect();
    unsubscribe();
  };
}
