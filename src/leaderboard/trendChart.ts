// The team's average overall over time as a hand-made SVG line chart: a fixed 0–100 scale needs
// no tick algorithm, and a few hundred points need no charting library. Dates along the bottom
// are thinned until they cannot touch; buckets where nobody played break the line (a dashed
// bridge shows the gap), and a bucket alone between gaps is a ringed dot with its value.
// The chart can be saved as SVG or PNG (the PNG drawn from the same SVG on a canvas).
import type { Trend } from '../client/index.js';
import { h, svg } from './dom.js';
import { formatDate } from './format.js';
import type { Translate } from './index.js';

export interface ChartSize {
  /** The drawing's size in its own units; on a page that scales it, CSS pixels at 100 %. */
  readonly width: number;
  readonly height: number;
  /** The labels' size in the same units. */
  readonly font: number;
}

const DEFAULT: ChartSize = { width: 640, height: 220, font: 12 };
/** A date label's width is at most this many times its font size per character (system sans). */
const CHAR_EM = 0.62;

/** Every `every`-th label, the first and last kept, so that no two labels are closer than `gap`. */
export function thinLabels(xs: readonly number[], widths: readonly number[], gap: number): number[] {
  const n = xs.length;
  if (n === 0) return [];
  for (let every = 1; every <= n; every++) {
    const keep: number[] = [];
    for (let i = 0; i < n; i += every) keep.push(i);
    // The last one always: it replaces the one before it when they would touch.
    if (keep[keep.length - 1] !== n - 1) {
      const prev = keep[keep.length - 1]!;
      if (keep.length > 1 && xs[n - 1]! - xs[prev]! < (widths[n - 1]! + widths[prev]!) / 2 + gap) keep.pop();
      keep.push(n - 1);
    }
    let ok = true;
    for (let k = 1; k < keep.length && ok; k++) {
      const a = keep[k - 1]!;
      const b = keep[k]!;
      ok = xs[b]! - xs[a]! >= (widths[a]! + widths[b]!) / 2 + gap;
    }
    if (ok) return keep;
  }
  return [n - 1];
}

export function trendChart(trend: Trend, t: Translate, locale: string, size: ChartSize = DEFAULT): Element {
  const played = trend.points.filter((p) => p.average !== null);
  if (played.length === 0) return h('p', { class: 'htl-muted' }, t('trendEmpty'));
  const { width: W, height: H, font: F } = size;
  const label = (start: string) => formatDate(start, locale, false);
  const labels = trend.points.map((p) => label(p.start));
  const widths = labels.map((l) => l.length * F * CHAR_EM);
  const yLabelWidth = 3 * F * CHAR_EM;
  const pad = { left: yLabelWidth + F * 0.6, right: Math.max(F, (widths[widths.length - 1] ?? 0) / 2) + 2, top: F * 1.6, bottom: F * 2 };
  const n = trend.points.length;
  const innerW = W - pad.left - pad.right;
  const x = (i: number) => pad.left + (n === 1 ? innerW / 2 : (i * innerW) / (n - 1));
  const y = (v: number) => pad.top + ((100 - v) * (H - pad.top - pad.bottom)) / 100;

  const grid = [0, 25, 50, 75, 100].flatMap((v) => [
    svg('line', { class: 'axis', x1: pad.left, x2: W - pad.right, y1: y(v), y2: y(v) }),
    svg('text', { x: pad.left - F * 0.4, y: y(v) + F * 0.35, 'text-anchor': 'end' }, v),
  ]);
  const xs = trend.points.map((_, i) => x(i));
  // The first label may not start left of the chart's edge: shift its centre in.
  const ticks = thinLabels(xs, widths, F).map((i) =>
    svg('text', { class: 'tick', x: Math.max(xs[i]!, widths[i]! / 2 + 1), y: H - F * 0.5, 'text-anchor': 'middle' }, labels[i]!),
  );

  // Runs of played buckets are drawn as lines; a gap between two runs as a dashed bridge.
  const runs: number[][] = [];
  trend.points.forEach((p, i) => {
    if (p.average === null) return;
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  });
  const at = (i: number) => `${x(i).toFixed(1)},${y(trend.points[i]!.average!).toFixed(1)}`;
  const lines = runs.filter((r) => r.length > 1).map((r) => svg('path', { class: 'trend', d: `M${r.map(at).join('L')}` }));
  const bridges = runs.slice(1).map((r, k) => svg('path', { class: 'gap', d: `M${at(runs[k]![runs[k]!.length - 1]!)}L${at(r[0]!)}` }));
  const tip = (i: number) => t('trendPoint', { start: labels[i], average: trend.points[i]!.average, count: trend.points[i]!.results });
  const dots = runs.flatMap((r) =>
    r.length === 1
      ? [
          svg('circle', { class: 'alone', cx: x(r[0]!), cy: y(trend.points[r[0]!]!.average!), r: Math.max(5, F * 0.4) }, svg('title', {}, tip(r[0]!))),
          svg('text', { class: 'value', x: x(r[0]!), y: y(trend.points[r[0]!]!.average!) - F * 0.7, 'text-anchor': 'middle' }, trend.points[r[0]!]!.average!),
        ]
      : r.map((i) => svg('circle', { class: 'dot', cx: x(i), cy: y(trend.points[i]!.average!), r: Math.max(3.5, F * 0.25) }, svg('title', {}, tip(i)))),
  );
  const summary = played.map((p) => t('trendPoint', { start: label(p.start), average: p.average, count: p.results })).join('; ');
  return svg(
    'svg',
    { class: 'htl-chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H, 'font-size': F, role: 'img', 'aria-label': `${t('trend')}: ${summary}` },
    ...grid,
    ...ticks,
    ...bridges,
    ...lines,
    ...dots,
  );
}

// The exported file stands alone: its own colours (dark on white), since the page's stylesheet
// does not travel with it.
const EXPORT_STYLE = `
text { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; fill: #333; }
text.value { fill: #000; font-weight: 650; }
.axis { stroke: #ccc; }
.trend { fill: none; stroke: #0072b2; stroke-width: 2.5; }
.gap { fill: none; stroke: #777; stroke-width: 1.5; stroke-dasharray: 4 5; }
.dot { fill: #e69f00; }
.alone { fill: #fff; stroke: #e69f00; stroke-width: 3; }
`;

/** The chart as a standalone SVG document's text. */
export function chartSvgText(chart: SVGSVGElement): string {
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.removeAttribute('class');
  const box = copy.viewBox.baseVal;
  const bg = svg('rect', { x: 0, y: 0, width: box.width, height: box.height, fill: '#fff' });
  copy.prepend(svg('style', {}, EXPORT_STYLE), bg);
  return new XMLSerializer().serializeToString(copy);
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, style: 'display:none' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart drawn on a canvas at `scale` times its size, as a PNG. */
export async function chartPng(chart: SVGSVGElement, scale = 2): Promise<Blob> {
  const box = chart.viewBox.baseVal;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([chartSvgText(chart)], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((res, rej) => {
      img.onload = () => res();
      img.onerror = () => rej(new Error('the chart could not be drawn'));
      img.src = url;
    });
    const canvas = h('canvas', { width: Math.round(box.width * scale), height: Math.round(box.height * scale) });
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((res, rej) => canvas.toBlob((b) => (b ? res(b) : rej(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The chart with "Save as SVG" and "Save as PNG" under it; files named `<name>.svg` / `.png`. */
export function trendFigure(trend: Trend, t: Translate, locale: string, name: string): Element {
  const chart = trendChart(trend, t, locale);
  if (!(chart instanceof SVGSVGElement)) return chart;
  const status = h('span', { class: 'htl-muted', role: 'status' });
  const save = async (kind: 'svg' | 'png') => {
    status.textContent = '';
    try {
      const blob = kind === 'svg' ? new Blob([chartSvgText(chart)], { type: 'image/svg+xml' }) : await chartPng(chart);
      download(blob, `${name}.${kind}`);
    } catch (e) {
      status.textContent = t('chart.saveFailed', { message: e instanceof Error ? e.message : String(e) });
    }
  };
  return h(
    'figure',
    { style: 'margin:0' },
    chart,
    h(
      'div',
      { class: 'htl-chart-tools' },
      status,
      h('button', { type: 'button', onclick: () => void save('svg') }, t('chart.saveSvg')),
      h('button', { type: 'button', onclick: () => void save('png') }, t('chart.savePng')),
    ),
  );
}

/** A file name from the team's name: letters and digits, dashes between. */
export function fileName(...parts: string[]): string {
  return parts.join(' ').normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'chart';
}
