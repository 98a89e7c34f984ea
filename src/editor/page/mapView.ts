// The map: each line a button placed where the layout put it, the replies as lines drawn under
// them (actions dashed, the ideal path thick), endings coloured and named by outcome, problems
// counted on the node. Drag or the arrow buttons pan, the wheel or +/− zoom; the arrow keys move
// from a node to the nearest one in that direction (one node is in the tab order at a time).
import { fill, h, svg } from '../../leaderboard/dom.js';
import type { Diagnostic } from '../../engine/index.js';
import type { CallMap } from '../callMap.js';
import type { IdealStep } from '../checks.js';
import type { MapLayout } from '../layout.js';
import type { Translate } from './i18n.js';

export interface MapViewState {
  zoom: number;
  x: number;
  y: number;
}

export interface MapView {
  readonly root: HTMLElement;
  draw(map: CallMap, layout: MapLayout): void;
  /** The same shape with other words: the nodes' texts, in place. */
  update(map: CallMap): void;
  mark(byNode: ReadonlyMap<string, readonly Diagnostic[]>, ideal: readonly IdealStep[]): void;
  select(id: string | null, focus?: boolean): void;
  view(): MapViewState;
  setView(v: MapViewState): void;
  fit(): void;
}

const MIN_ZOOM = 0.15;
const MAX_ZOOM = 2.5;

export function mapView(t: Translate, onSelect: (id: string) => void, initial: MapViewState | null, onReply: (node: string, reply: number) => void = onSelect): MapView {
  const plane = h('div', { class: 'htl-ed-plane' });
  const edgesSvg = svg('svg', { 'aria-hidden': 'true', width: 1, height: 1 });
  const nodesLayer = h('div');
  plane.append(edgesSvg, nodesLayer);
  const zoomIn = h('button', { type: 'button', 'aria-label': t('map.zoomIn') }, '+');
  const zoomOut = h('button', { type: 'button', 'aria-label': t('map.zoomOut') }, '−');
  const fitButton = h('button', { type: 'button' }, t('map.fit'));
  const legend = h('p', { class: 'htl-ed-legend' }, t('map.legend'));
  const help = h('p', { class: 'htl-visually-hidden', id: 'htl-ed-map-help' }, t('map.help'));
  const root = h('section', { class: 'htl-ed-map', 'aria-label': t('map.label'), 'aria-describedby': 'htl-ed-map-help' }, help, plane, legend, h('div', { class: 'htl-ed-zoom' }, zoomOut, zoomIn, fitButton));
  const buttons = new Map<string, HTMLButtonElement>();
  let layout: MapLayout | null = null;
  let map: CallMap | null = null;
  let current: string | null = null;
  let state: MapViewState = initial ?? { zoom: 1, x: 20, y: 20 };
  let drawnOnce = false;

  const apply = () => {
    plane.style.transform = `translate(${state.x}px, ${state.y}px) scale(${state.zoom})`;
  };
  const zoomAt = (factor: number, cx: number, cy: number) => {
    const z = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, state.zoom * factor));
    state = { zoom: z, x: cx - ((cx - state.x) * z) / state.zoom, y: cy - ((cy - state.y) * z) / state.zoom };
    apply();
  };
  const centre = () => ({ cx: root.clientWidth / 2, cy: root.clientHeight / 2 });
  zoomIn.addEventListener('click', () => zoomAt(1.25, centre().cx, centre().cy));
  zoomOut.addEventListener('click', () => zoomAt(0.8, centre().cx, centre().cy));
  fitButton.addEventListener('click', () => fit());
  root.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const r = root.getBoundingClientRect();
      zoomAt(e.deltaY < 0 ? 1.1 : 0.9, e.clientX - r.left, e.clientY - r.top);
    },
    { passive: false },
  );
  // Focusing a node (a click, Tab) would scroll the map's box to it, moving the legend and the
  // buttons with it: the box never scrolls, the plane pans instead (reveal).
  root.addEventListener('scroll', () => {
    if (root.scrollLeft === 0 && root.scrollTop === 0) return;
    state = { ...state, x: state.x - root.scrollLeft, y: state.y - root.scrollTop };
    root.scrollLeft = 0;
    root.scrollTop = 0;
    apply();
  });
  // Dragging the background pans.
  let drag: { x: number; y: number; sx: number; sy: number } | null = null;
  root.addEventListener('pointerdown', (e) => {
    if ((e.target as Element).closest('button, polyline')) return;
    drag = { x: e.clientX, y: e.clientY, sx: state.x, sy: state.y };
    root.classList.add('htl-ed-dragging');
    root.setPointerCapture(e.pointerId);
  });
  root.addEventListener('pointermove', (e) => {
    if (!drag) return;
    state = { ...state, x: drag.sx + e.clientX - drag.x, y: drag.sy + e.clientY - drag.y };
    apply();
  });
  const endDrag = () => {
    drag = null;
    root.classList.remove('htl-ed-dragging');
  };
  root.addEventListener('pointerup', endDrag);
  root.addEventListener('pointercancel', endDrag);

  function fit(): void {
    if (!layout) return;
    const w = root.clientWidth || 800;
    const hgt = root.clientHeight || 600;
    const z = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min((w - 40) / Math.max(1, layout.width), (hgt - 60) / Math.max(1, layout.height))));
    // Centred in the box.
    state = { zoom: z, x: Math.max(20, (w - layout.width * z) / 2), y: Math.max(20, (hgt - layout.height * z) / 2) };
    apply();
  }

  /** Pans so the node is in view (leaving the zoom). */
  function reveal(id: string): void {
    const p = layout?.nodes.get(id);
    if (!p) return;
    const w = root.clientWidth;
    const hgt = root.clientHeight;
    const left = state.x + p.x * state.zoom;
    const top = state.y + p.y * state.zoom;
    const right = left + p.width * state.zoom;
    const bottom = top + p.height * state.zoom;
    if (left >= 0 && top >= 0 && right <= w && bottom <= hgt) return;
    state = { ...state, x: w / 2 - (p.x + p.width / 2) * state.zoom, y: hgt / 2 - (p.y + p.height / 2) * state.zoom };
    apply();
  }

  /** The nearest node from `id` in a direction (the arrow keys). */
  function neighbour(id: string, dx: number, dy: number): string | null {
    const from = layout?.nodes.get(id);
    if (!from || !layout) return null;
    let best: string | null = null;
    let bestScore = Infinity;
    for (const [other, p] of layout.nodes) {
      if (other === id) continue;
      const vx = p.x - from.x;
      const vy = p.y - from.y;
      const along = vx * dx + vy * dy;
      if (along <= 0) continue;
      const across = Math.abs(vx * dy - vy * dx);
      const score = along + 2 * across;
      if (score < bestScore) [best, bestScore] = [other, score];
    }
    return best;
  }

  function onKey(e: KeyboardEvent, id: string): void {
    const dirs: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    const d = dirs[e.key];
    if (d) {
      e.preventDefault();
      const next = neighbour(id, d[0], d[1]);
      if (next) {
        select(next, true);
        onSelect(next);
      }
    } else if (e.key === '+' || e.key === '=') {
      zoomAt(1.25, centre().cx, centre().cy);
    } else if (e.key === '-') {
      zoomAt(0.8, centre().cx, centre().cy);
    }
  }

  function draw(m: CallMap, l: MapLayout): void {
    map = m;
    layout = l;
    buttons.clear();
    const wrap = (id: string, node: CallMap['nodes'][number]) => {
      const p = l.nodes.get(id)!;
      const outcome = node.end ? t(`outcome.${node.end}`) : null;
      const b = h(
        'button',
        { type: 'button', class: 'htl-ed-node', 'data-node': id, tabindex: -1, ...(node.end ? { 'data-end': node.end } : {}) },
        h('b', {}, node.start ? `▶ ${id}` : outcome ? `${id} · ${outcome}` : id),
        h('i', { class: 'htl-visually-hidden', 'data-notes': '' }),
        h('span', {}, node.say),
      );
      b.style.left = `${p.x}px`;
      b.style.top = `${p.y}px`;
      b.addEventListener('click', () => {
        select(id, true);
        onSelect(id);
      });
      b.addEventListener('keydown', (e) => onKey(e, id));
      buttons.set(id, b);
      return b;
    };
    fill(nodesLayer, ...m.nodes.filter((n) => l.nodes.has(n.id)).map((n) => wrap(n.id, n)));
    const byId = new Map(m.edges.map((e) => [e.id, e]));
    fill(
      edgesSvg,
      svg('defs', {}, svg('marker', { id: 'htl-ed-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#8296ad' }))),
      ...l.edges
        .filter((r) => r.points.length > 1)
        .map((r) => {
          const e = byId.get(r.id);
          const line = svg('polyline', { class: `htl-ed-edge${e?.action ? ' htl-ed-action' : ''}`, 'data-edge': r.id, points: r.points.map((p) => `${p.x},${p.y}`).join(' '), 'marker-end': 'url(#htl-ed-arrow)' });
          // A click on a reply's arrow opens that reply in the panel (the panel and the list reach it by keyboard).
          if (e) line.addEventListener('click', () => onReply(e.from, e.reply));
          return line;
        }),
    );
    edgesSvg.setAttribute('width', String(Math.ceil(l.width)));
    edgesSvg.setAttribute('height', String(Math.ceil(l.height)));
    // The first time: readable at once (a large call fitted whole would be too small to read),
    // the selected line in view; Fit shows the whole call.
    if (!drawnOnce && !initial) state = { zoom: 0.8, x: 20, y: 20 };
    drawnOnce = true;
    apply();
  }

  function update(m: CallMap): void {
    map = m;
    for (const n of m.nodes) {
      const b = buttons.get(n.id);
      const say = b?.querySelector('span');
      if (say && say.textContent !== n.say) say.textContent = n.say;
      const head = b?.querySelector('b');
      const outcome = n.end ? t(`outcome.${n.end}`) : null;
      const text = n.start ? `▶ ${n.id}` : outcome ? `${n.id} · ${outcome}` : n.id;
      if (head && head.textContent !== text) head.textContent = text;
      if (b) {
        if (n.end) b.setAttribute('data-end', n.end);
        else b.removeAttribute('data-end');
      }
    }
  }

  function mark(byNode: ReadonlyMap<string, readonly Diagnostic[]>, ideal: readonly IdealStep[]): void {
    const onIdeal = new Set(ideal.map((s) => s.node));
    const idealEdges = new Set(ideal.map((s) => `${s.node}#${s.reply}#`));
    const byId = new Map((map?.nodes ?? []).map((n) => [n.id, n]));
    for (const [id, b] of buttons) {
      const ds = byNode.get(id) ?? [];
      const errors = ds.filter((d) => d.severity === 'error').length;
      b.toggleAttribute('data-problems', ds.length > 0);
      if (ds.length > 0) b.setAttribute('data-problems', String(ds.length));
      b.toggleAttribute('data-errors', errors > 0);
      const node = byId.get(id);
      const notes = [node?.start ? t('map.start') : null, onIdeal.has(id) ? t('map.onIdeal') : null, ds.length > 0 ? t('map.problems', { count: ds.length }) : null].filter(Boolean).join(', ');
      const slot = b.querySelector<HTMLElement>('[data-notes]');
      if (slot) slot.textContent = notes ? ` (${notes}) ` : ' ';
    }
    for (const el of edgesSvg.querySelectorAll<SVGPolylineElement>('polyline')) {
      const id = el.dataset.edge ?? '';
      const ideal = idealEdges.has(id.slice(0, id.lastIndexOf('#') + 1));
      el.classList.toggle('htl-ed-ideal', ideal);
    }
    // The ideal path's last step arrives at an ending: mark the node it reaches too.
    const last = ideal.at(-1);
    const reached = last && map ? map.edges.find((e) => e.from === last.node && e.reply === last.reply)?.to : undefined;
    for (const [id, b] of buttons) b.classList.toggle('htl-ed-on-ideal', onIdeal.has(id) || id === reached);
  }

  function select(id: string | null, focus = false): void {
    if (current && current !== id) {
      buttons.get(current)?.setAttribute('tabindex', '-1');
      buttons.get(current)?.removeAttribute('aria-current');
    }
    current = id;
    const b = id ? buttons.get(id) : undefined;
    if (!b) return;
    b.setAttribute('tabindex', '0');
    b.setAttribute('aria-current', 'true');
    reveal(id!);
    if (focus) b.focus({ preventScroll: true });
    for (const el of edgesSvg.querySelectorAll<SVGPolylineElement>('polyline')) el.classList.toggle('htl-ed-chosen', (el.dataset.edge ?? '').startsWith(`${id}#`));
  }

  apply();
  return { root, draw, update, mark, select, view: () => ({ ...state }), setView: (v) => ((state = { ...v }), apply()), fit };
}
