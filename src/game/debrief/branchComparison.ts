// The debrief of a "Try another reply" run: both runs side by side — each skill's score in the
// original and in this try, and the change — then the turns from where they part, the original's
// on the left and this try's on the right. All of it is the engine's compareRuns, rendered.
import type { TFunction } from 'i18next';
import type { ComparedSkill, ComparedTurn, Gender, RunComparison } from '../../engine/index.js';
import { aboutCustomer } from '../../i18n/index.js';
import { button, h } from '../ui/dom.js';

const signed = (d: number) => (d > 0 ? `+${d}` : d < 0 ? `−${Math.abs(d)}` : '±0');
const skillName = (k: string, t: TFunction) => (k === 'overall' ? t('debrief.overall') : t(`skill.${k}`));

function turnCell(x: ComparedTurn | null, locale: string, customer: string, t: TFunction): HTMLElement {
  if (!x) return h('div', { class: 'htl-branch-cell htl-muted' }, t('debrief.branch.ended'));
  const choice = x.choice.kind === 'reply' ? h('q', { lang: locale }, x.choice.say ?? '') : h('span', { class: 'htl-note' }, x.choice.kind === 'timeout' ? t('transcript.silence') : t('transcript.hungUp'));
  const lost = Object.entries(x.cost).filter(([, p]) => p < 0);
  return h(
    'div',
    { class: 'htl-branch-cell' },
    h('p', { class: 'htl-said' }, h('span', { class: 'htl-who' }, customer), h('q', { lang: locale }, x.line)),
    h('p', { class: 'htl-said htl-you' }, h('span', { class: 'htl-who' }, t('transcript.you')), choice),
    lost.length > 0 && h('p', { class: 'htl-lost' }, ...lost.map(([d, p]) => h('span', { class: `htl-chip htl-lost-${d}` }, `${signed(p)} ${t(`skill.${d}`)}`))),
  );
}

export function branchComparison(c: RunComparison, turn: number, t: TFunction, gender: Gender | null, onBack: () => void): HTMLElement {
  const { locale, customer } = c.b.scenario;
  const parts = c.partsAt;
  const rows = parts === null ? [] : c.rows.slice(parts);
  const endLabel = (r: RunComparison['a']) => r.ending?.label ?? (r.outcome ? t(`outcome.${r.outcome}`, aboutCustomer(gender)) : '—');
  return h(
    'section',
    { class: 'htl-branch', 'aria-labelledby': 'htl-branch-h', tabindex: 0 },
    h('h2', { id: 'htl-branch-h' }, t('debrief.branch.heading', { n: turn })),
    h('p', { class: 'htl-muted' }, t('debrief.branch.practice', { n: turn })),
    h(
      'table',
      { class: 'htl-branch-scores' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('debrief.branch.skill')), h('th', { scope: 'col' }, t('debrief.branch.yours')), h('th', { scope: 'col' }, t('debrief.branch.this')), h('th', { scope: 'col' }, t('debrief.branch.change')))),
      h(
        'tbody',
        {},
        // The skills in the engine's order (each skill, then overall).
        ...(Object.keys(c.difference) as ComparedSkill[]).map((k) => {
          const d = c.difference[k];
          return h(
            'tr',
            { 'data-skill': k },
            h('th', { scope: 'row' }, skillName(k, t)),
            h('td', {}, String(c.a.scores[k])),
            h('td', {}, String(c.b.scores[k])),
            h('td', { class: d > 0 ? 'htl-up' : d < 0 ? 'htl-down' : '', 'data-change': d }, signed(d)),
          );
        }),
        h('tr', { 'data-skill': 'ending' }, h('th', { scope: 'row' }, t('debrief.branch.ending')), h('td', { lang: locale }, endLabel(c.a)), h('td', { lang: locale }, endLabel(c.b)), h('td', {}, '')),
      ),
    ),
    h('p', { class: 'htl-branch-parts', 'data-parts-at': parts === null ? 'none' : c.rows[parts]?.turn ?? 'end' }, parts === null ? t('debrief.branch.same') : parts >= c.rows.length ? t('debrief.branch.endedOtherwise') : t('debrief.branch.partsAt', { n: c.rows[parts]!.turn })),
    parts !== null && parts > 0 && h('p', { class: 'htl-muted' }, t('debrief.branch.sameUntil', { count: parts })),
    rows.length > 0 &&
      h(
        'ol',
        { class: 'htl-branch-rows' },
        ...rows.map((r, i) =>
          h(
            'li',
            { class: `htl-branch-row${i === 0 ? ' htl-branch-first' : ''}`, 'data-turn': r.turn },
            h('h3', {}, t('debrief.turn', { n: r.turn })),
            h('div', { class: 'htl-branch-pair' }, h('div', {}, h('p', { class: 'htl-branch-who' }, t('debrief.branch.yours')), turnCell(r.a, locale, customer, t)), h('div', {}, h('p', { class: 'htl-branch-who' }, t('debrief.branch.this')), turnCell(r.b, locale, customer, t))),
          ),
        ),
      ),
    button(t('debrief.branch.back'), onBack, { class: 'htl-btn', 'data-action': 'original' }),
  );
}
