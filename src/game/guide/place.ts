// Where a guide's note goes: beside the element it explains, never over it, inside the frame,
// and over as little of what else matters as it can. Pure geometry in design units, so it can be
// tested without a browser.

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Side = 'right' | 'left' | 'below' | 'above';

export interface Placement {
  readonly x: number;
  readonly y: number;
  /** The side of the target the note is on (its arrow points back across it). */
  readonly side: Side;
  /** Where the arrow sits along the note's edge that faces the target, from its start. */
  readonly arrow: number;
  /** False when no side had room: the note is kept in the frame and may cover part of the target. */
  readonly clear: boolean;
}

export interface PlaceOptions {
  /** Space between the target and the note (room for the arrow and the target's outline). */
  readonly gap: number;
  /** Space kept free at the frame's edges. */
  readonly margin: number;
  /** The sides to try, best first. */
  readonly prefer?: readonly Side[];
  /** What the note should rather not cover (the replies, the caption): the least covered wins. */
  readonly avoid?: readonly Box[];
}

const SIDES: readonly Side[] = ['right', 'left', 'below', 'above'];

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The part of `box` inside the frame (a target scrolled half out of sight counts by what shows). */
export function visiblePart(box: Box, frame: { width: number; height: number }): Box {
  const x = clamp(box.x, 0, frame.width);
  const y = clamp(box.y, 0, frame.height);
  return { x, y, width: clamp(box.x + box.width, 0, frame.width) - x, height: clamp(box.y + box.height, 0, frame.height) - y };
}

/** Where the note goes on `side`: centred on the target, then lined up with its start, then its end. */
function onSide(side: Side, t: Box, size: { width: number; height: number }, frame: { width: number; height: number }, o: PlaceOptions): { x: number; y: number }[] {
  const { width: w, height: h } = size;
  const along = (start: number, length: number, note: number, room: number) =>
    [start + length / 2 - note / 2, start, start + length - note].map((v) => clamp(v, o.margin, room - note - o.margin));
  switch (side) {
    case 'right':
      return along(t.y, t.height, h, frame.height).map((y) => ({ x: t.x + t.width + o.gap, y }));
    case 'left':
      return along(t.y, t.height, h, frame.height).map((y) => ({ x: t.x - o.gap - w, y }));
    case 'below':
      return along(t.x, t.width, w, frame.width).map((x) => ({ x, y: t.y + t.height + o.gap }));
    case 'above':
      return along(t.x, t.width, w, frame.width).map((x) => ({ x, y: t.y - o.gap - h }));
  }
}

const inside = (b: Box, frame: { width: number; height: number }, margin: number) =>
  b.x >= margin - 0.5 && b.y >= margin - 0.5 && b.x + b.width <= frame.width - margin + 0.5 && b.y + b.height <= frame.height - margin + 0.5;

function arrowAt(side: Side, t: Box, at: { x: number; y: number }, size: { width: number; height: number }): number {
  const inset = 18;
  return side === 'right' || side === 'left'
    ? clamp(t.y + t.height / 2 - at.y, inset, size.height - inset)
    : clamp(t.x + t.width / 2 - at.x, inset, size.width - inset);
}

/** Places a note of `size` beside `target` in `frame` (all in the same units). */
export function placeNote(target: Box, size: { width: number; height: number }, frame: { width: number; height: number }, o: PlaceOptions): Placement {
  let best: { side: Side; at: { x: number; y: number }; cost: number } | null = null;
  for (const side of o.prefer ?? SIDES) {
    for (const at of onSide(side, target, size, frame, o)) {
      const box = { ...at, ...size };
      if (!inside(box, frame, o.margin)) continue;
      const cost = (o.avoid ?? []).reduce((sum, a) => sum + overlap(box, a), 0);
      if (!best || cost < best.cost) best = { side, at, cost };
    }
  }
  if (best) return { ...best.at, side: best.side, arrow: arrowAt(best.side, target, best.at, size), clear: true };
  // No side has room: the side with the most space, pulled back into the frame.
  const room: Record<Side, number> = {
    right: frame.width - (target.x + target.width),
    left: target.x,
    below: frame.height - (target.y + target.height),
    above: target.y,
  };
  const side = [...SIDES].sort((a, b) => room[b] - room[a])[0]!;
  const raw = onSide(side, target, size, frame, o)[0]!;
  const at = { x: clamp(raw.x, o.margin, Math.max(o.margin, frame.width - size.width - o.margin)), y: clamp(raw.y, o.margin, Math.max(o.margin, frame.height - size.height - o.margin)) };
  return { ...at, side, arrow: arrowAt(side, target, at, size), clear: overlap({ ...at, ...size }, target) === 0 };
}
