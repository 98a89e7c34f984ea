// The team's average overall over time as a hand-made SVG line chart: a fixed 0–100 scale needs
// no tick algorithm, and a few dozen points need no charting library.
import type { Trend } from '../client/index.js';
import { h, svg } from './dom.js';
import { formatDate } from './format.js';
import type { Translate } from './index.js';

const W = 640;
const H = 220;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

export function trendChart(trend: Trend, t: Translate, locale: string): Element {
  const played = trend.points.filter((p) => p.average !== null);
  if (played.length < 2) return h('p', { class: 'htl-muted' }, t('trendEmpty'));
  const n = trend.points.length;
  const x = (i: number) => PAD.left + (n === 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (n - 1));
  const y = (v: number) => PAD.top + ((100 - v) * (H - PAD.top - PAD.bottom)) / 100;
  const label = (start: string) => formatDate(start, locale, false);

  const grid = [0, 25, 50, 75, 100].flatMap((v) => [
    svg('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }),
    svg('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, v),
  ]);
  const every = Math.max(1, Math.ceil(n / 8));
  // Every few buckets a date; the last one always, kept inside the chart.
  const ticks = trend.points.flatMap((p, i) =>
    (i % every === 0 && n - 1 - i >= every / 2) || i === n - 1 ? [svg('text', { x: x(i), y: H - 8, 'text-anchor': i === n - 1 ? 'end' : i === 0 ? 'start' : 'middle' }, label(p.start))] : [],
  );
  // Buckets where nobody played break the line rather than pretend a value.
  const segments: string[] = [];
  let current = '';
  trend.points.forEach((p, i) => {
    if (p.average === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.average).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const dots = trend.points.flatMap((p, i) =>
    p.average === null
      ? []
      : [svg('circle', { class: 'dot', cx: x(i), cy: y(p.average), r: 4 }, svg('title', {}, t('trendPoint', { start: label(p.start), average: p.average, count: p.results })))],
  );
  const summary = played.map((p) => t('trendPoint', { start: label(p.start), average: p.average, count: p.results })).join('; ');
  return svg(
    'svg',
    { class: 'htl-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${t('trend')}: ${summary}` },
    ...grid,
    ...ticks,
    ...segments.map((d) => svg('path', { class: 'trend', d })),
    ...dots,
  );
}
