// One member's weekly averages per skill as a hand-made SVG line chart (a fixed 0–100 scale, a
// line per skill told apart by colour, dash and marker, not by colour alone), with a title and a
// description for screen readers and the same numbers as a table beside it.
import type { Progress, ProgressWeek } from '../client/teamTypes.js';
import { h, svg } from './dom.js';
import { formatDate, formatNumber, SKILLS, skillLabel, type Skill } from './format.js';
import type { Translate } from './index.js';

const W = 640;
const H = 260;
const PAD = { left: 40, right: 16, top: 14, bottom: 34 };
/** Dates under the axis at most (each about 70 units wide at this size). */
const MAX_LABELS = 7;
const STYLE: Record<Skill, { cls: string; dash: string | null; marker: 'circle' | 'square' | 'diamond' }> = {
  politeness: { cls: 'htl-s1', dash: null, marker: 'circle' },
  accuracy: { cls: 'htl-s2', dash: '8 5', marker: 'square' },
  judgment: { cls: 'htl-s3', dash: '2 4', marker: 'diamond' },
};

let seq = 0;

function marker(kind: 'circle' | 'square' | 'diamond', x: number, y: number, cls: string, label: string): SVGElement {
  const title = svg('title', {}, label);
  if (kind === 'circle') return svg('circle', { class: `dot ${cls}`, cx: x, cy: y, r: 4.5 }, title);
  if (kind === 'square') return svg('rect', { class: `dot ${cls}`, x: x - 4, y: y - 4, width: 8, height: 8 }, title);
  return svg('path', { class: `dot ${cls}`, d: `M${x},${y - 5.5}L${x + 5.5},${y}L${x},${y + 5.5}L${x - 5.5},${y}Z` }, title);
}

/** The weeks as a table: what the chart shows, for anyone who cannot see it. */
function weeksTable(weeks: readonly ProgressWeek[], t: Translate, locale: string): HTMLElement {
  const num = (v: number | null) => (v === null ? '–' : formatNumber(v, locale));
  return h(
    'table',
    { class: 'htl-progress-table' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, t('team.col.week')), h('th', { scope: 'col', class: 'num' }, t('team.col.results')), ...[...SKILLS, 'overall' as const].map((s) => h('th', { scope: 'col', class: 'num' }, skillLabel(t, s)))),
    ),
    h(
      'tbody',
      {},
      ...weeks.map((w) =>
        h('tr', {}, h('th', { scope: 'row' }, formatDate(w.start, locale, false)), h('td', { class: 'num' }, w.results), ...[...SKILLS, 'overall' as const].map((s) => h('td', { class: 'num' }, num(w[s])))),
      ),
    ),
  );
}

/** `title` names the chart for screen readers; by default "Weekly averages of <player> per skill". */
export function progressChart(progress: Progress, t: Translate, locale: string, title: string = t('team.chartTitle', { name: progress.player.name })): HTMLElement {
  const weeks = progress.weeks;
  const played = weeks.filter((w) => w.results > 0);
  if (played.length === 0) return h('p', { class: 'htl-muted' }, t('team.progressEmpty'));
  const n = weeks.length;
  const x = (i: number) => (n === 1 ? (PAD.left + W - PAD.right) / 2 : PAD.left + (i * (W - PAD.left - PAD.right)) / (n - 1));
  const y = (v: number) => PAD.top + ((100 - v) * (H - PAD.top - PAD.bottom)) / 100;
  const date = (iso: string) => formatDate(iso, locale, false);
  const id = `htl-progress-${++seq}`;

  const grid = [0, 25, 50, 75, 100].flatMap((v) => [
    svg('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }),
    svg('text', { x: PAD.left - 8, y: y(v) + 4, 'text-anchor': 'end' }, v),
  ]);
  // Evenly spaced dates, never more than fit; the first and the last always.
  const every = Math.max(1, Math.ceil((n - 1) / (MAX_LABELS - 1)));
  const ticks = weeks.flatMap((w, i) =>
    (i % every === 0 && (i === 0 || n - 1 - i >= every / 2)) || i === n - 1
      ? [svg('text', { x: x(i), y: H - 10, 'text-anchor': n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle' }, date(w.start))]
      : [],
  );
  const lines = SKILLS.flatMap((skill) => {
    const st = STYLE[skill];
    // A week without results breaks the line; every week with results has its marker, so a lone week still shows.
    const segments: string[] = [];
    let d = '';
    weeks.forEach((w, i) => {
      const v = w[skill];
      if (v === null) {
        if (d) segments.push(d);
        d = '';
        return;
      }
      d += `${d ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    });
    if (d) segments.push(d);
    const marks = weeks.flatMap((w, i) => (w[skill] === null ? [] : [marker(st.marker, x(i), y(w[skill]!), st.cls, `${t('team.weekOf', { date: date(w.start) })}: ${t('team.chartSkill', { skill: skillLabel(t, skill), value: formatNumber(w[skill]!, locale) })}`)]));
    return [svg('g', { class: `htl-series ${st.cls}`, 'data-skill': skill }, ...segments.map((p) => svg('path', { class: 'line', d: p, 'stroke-dasharray': st.dash })), ...marks)];
  });

  const last = played[played.length - 1]!;
  const latest = SKILLS.map((s) => t('team.chartSkill', { skill: skillLabel(t, s), value: last[s] === null ? '–' : formatNumber(last[s]!, locale) })).join(', ');
  const chart = svg(
    'svg',
    { class: 'htl-chart htl-progress-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` },
    svg('title', { id: `${id}-title` }, title),
    svg('desc', { id: `${id}-desc` }, t('team.chartDesc', { weeks: n, from: date(weeks[0]!.start), to: date(weeks[n - 1]!.start), latest: `${date(last.start)} — ${latest}` })),
    ...grid,
    ...ticks,
    ...lines,
  );
  const legend = h(
    'ul',
    { class: 'htl-legend', 'aria-hidden': 'true' },
    ...SKILLS.map((s) =>
      h(
        'li',
        {},
        svg('svg', { viewBox: '0 0 28 12', width: 28, height: 12, class: `htl-series ${STYLE[s].cls}` }, svg('path', { class: 'line', d: 'M1,6L27,6', 'stroke-dasharray': STYLE[s].dash }), marker(STYLE[s].marker, 14, 6, STYLE[s].cls, skillLabel(t, s))),
        skillLabel(t, s),
      ),
    ),
  );
  return h('figure', { class: 'htl-progress' }, chart, legend, h('details', {}, h('summary', {}, t('team.showTable')), weeksTable(weeks, t, locale)));
}
