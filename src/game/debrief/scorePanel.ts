// The left side of the debrief: the grade and overall, the three skills (labelled exactly
// "Politeness", "Accuracy", "Judgment" in English), the outcome against the ideal, the facts found
// and missed, and the call's length.
import type { TFunction } from 'i18next';
import { DIMENSIONS_SHOWN, type Dimension } from './dimensions.js';
import { clock } from '../call/TopBarPresenter.js';
import { h } from '../ui/dom.js';
import { closingText } from './timeline.js';
import type { CallReview, Gender } from '../../engine/index.js';
import { aboutCustomer } from '../../i18n/index.js';

export interface ScorePanel {
  readonly el: HTMLElement;
  /** Elements whose text counts up to the engine's number, with that number. */
  readonly counters: readonly { readonly el: HTMLElement; readonly value: number; readonly bar: HTMLElement | null }[];
  /** Fills the ring around the grade to `overall` (0–100). */
  readonly ring: (overall: number) => void;
  /** Stops watching the panel's size and scrolling. */
  readonly destroy: () => void;
}

/**
 * Marks a box that scrolls with where there is more to see (`data-more` = "above", "below", both or
 * empty), for the stylesheet's soft edges: the panel's own boxes are opaque and would cover a
 * background shade, so the edges are drawn over the content.
 */
function watchOverflow(el: HTMLElement): () => void {
  const update = () => {
    const above = el.scrollTop > 1;
    const below = el.scrollTop + el.clientHeight < el.scrollHeight - 1;
    const more = [above && 'above', below && 'below'].filter(Boolean).join(' ');
    if (el.dataset.more !== more) el.dataset.more = more;
  };
  el.addEventListener('scroll', update, { passive: true });
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
  observer?.observe(el);
  for (const child of el.children) observer?.observe(child);
  update();
  return () => {
    el.removeEventListener('scroll', update);
    observer?.disconnect();
  };
}

const SVG = 'http://www.w3.org/2000/svg';
const RING_R = 50;
const RING_LENGTH = 2 * Math.PI * RING_R;

/**
 * The ring around the grade, filled to the overall score. Part of the panel's own DOM (not the
 * game canvas), so it scrolls with the panel and stays around its grade.
 */
function gradeRing(): { el: SVGSVGElement; fill: (overall: number) => void } {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'htl-ring');
  svg.setAttribute('viewBox', '0 0 120 120');
  svg.setAttribute('aria-hidden', 'true');
  const circle = (cls: string) => {
    const c = document.createElementNS(SVG, 'circle');
    for (const [k, v] of Object.entries({ class: cls, cx: '60', cy: '60', r: String(RING_R) })) c.setAttribute(k, v);
    svg.append(c);
    return c;
  };
  circle('htl-ring-track');
  const fill = circle('htl-ring-fill');
  fill.setAttribute('stroke-dasharray', String(RING_LENGTH));
  return { el: svg, fill: (overall) => fill.setAttribute('stroke-dashoffset', String(RING_LENGTH * (1 - Math.max(0, Math.min(100, overall)) / 100))) };
}

/** `gender`: the customer's, so the outcome's name agrees with it ("The customer hung up"). */
export function scorePanel(m: CallReview, t: TFunction, gender: Gender | null = null): ScorePanel {
  const { locale } = m.scenario;
  const about = aboutCustomer(gender);
  const outcome = m.score.outcome;
  const counters: { el: HTMLElement; value: number; bar: HTMLElement | null }[] = [];
  const ring = gradeRing();
  ring.fill(m.score.overall);
  const overall = h('span', { class: 'htl-overall-n', 'data-score': 'overall' }, String(m.score.overall));
  counters.push({ el: overall, value: m.score.overall, bar: null });
  const skill = (d: Dimension) => {
    const n = h('span', { class: 'htl-skill-n', 'data-score': d }, String(m.score[d]));
    const bar = h('span', { class: `htl-skill-fill htl-${d}`, style: `width:${m.score[d]}%` });
    counters.push({ el: n, value: m.score[d], bar });
    return h('li', { class: 'htl-skill' }, h('span', { class: 'htl-skill-name' }, t(`skill.${d}`)), n, h('span', { class: 'htl-skill-bar', 'aria-hidden': 'true' }, bar));
  };
  const ideal = m.ideals.map((i) => t(`outcome.${i.outcome}`, about)).join(' / ');
  const why = m.ideals.find((i) => i.outcome === outcome)?.why ?? m.ideals[0]?.why ?? null;
  const notIdealBecause = m.ideal ? [] : m.closing.filter((e) => e.cause.kind === 'unmet' || e.cause.kind === 'forbidden');
  const el = h(
    'section',
    // A scroll region when the facts run past the screen: a tab stop, named, so a keyboard scrolls it.
    { class: 'htl-score-panel', 'aria-labelledby': 'htl-score-h', tabindex: 0 },
    h('h2', { id: 'htl-score-h', class: 'htl-sr-only' }, t('debrief.scores')),
    h(
      'div',
      { class: 'htl-grade-row' },
      h('div', { class: `htl-grade htl-grade-${m.score.grade}` }, ring.el, h('span', { class: 'htl-sr-only' }, `${t('debrief.grade')} `), h('span', { 'data-score': 'grade' }, m.score.grade)),
      h('p', { class: 'htl-overall' }, h('span', { class: 'htl-muted' }, t('debrief.overall')), ' ', overall),
    ),
    h('ul', { class: 'htl-skills' }, ...DIMENSIONS_SHOWN.map(skill)),
    h(
      'div',
      { class: `htl-verdict ${m.ideal ? 'htl-good' : 'htl-miss'}` },
      h('p', {}, h('strong', {}, `${t('debrief.outcome')}: `), m.ending?.unanswered ? t('call.unanswered', about) : m.ending?.label ? h('span', { lang: locale }, m.ending.label) : outcome ? t(`outcome.${outcome}`, about) : '—', ' ', h('span', { class: 'htl-mark' }, m.ideal ? `✓ ${t('debrief.idealReached')}` : `✗ ${t('debrief.idealMissed')}`)),
      h('p', {}, h('strong', {}, `${t('debrief.ideal')}: `), ideal),
      // Why an ideal outcome was still not the ideal ending: what it needed, or what it rules out.
      notIdealBecause.length > 0 && h('ul', { class: 'htl-why' }, ...notIdealBecause.map((e) => h('li', { lang: locale }, closingText(e, m, t, gender)))),
      // The ideal's why, unless a reason above already quotes it.
      why && !notIdealBecause.some((e) => e.note === why) && h('p', { class: 'htl-why', lang: locale }, why),
      m.ending?.feedback && h('p', { class: 'htl-why', lang: locale }, m.ending.feedback),
    ),
    h(
      'div',
      { class: 'htl-facts' },
      h('h3', {}, t('debrief.factsFound', { count: m.found.length })),
      m.found.length ? h('ul', { lang: locale }, ...m.found.map((f) => h('li', { class: 'htl-found' }, `✓ ${f.text}`))) : h('p', { class: 'htl-muted' }, t('debrief.none')),
      m.missed.length > 0 && h('h3', {}, t('debrief.factsMissed', { count: m.missed.length })),
      m.missed.length > 0 && h('ul', { lang: locale }, ...m.missed.map((f) => h('li', { class: 'htl-missed' }, `✗ ${f.text}`))),
    ),
    h('p', { class: 'htl-muted' }, t('debrief.length', { time: clock(m.score.elapsedMs), count: m.score.turns })),
  );
  return { el, counters, ring: ring.fill, destroy: watchOverflow(el) };
}
