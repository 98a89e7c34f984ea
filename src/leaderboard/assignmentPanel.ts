// The team page's assignments (issue 15): each open assignment's progress at a glance — a bar and
// counts per status, then who is where: each member's status, exams used per call, best overall,
// and the certificate of a member who passed. Statuses are the server's (src/server/assignments.ts).
import { certificateUrl, longDate } from './certificatePage.js';
import { type AssignmentBoard, ASSIGNMENT_STATUSES, type AssignmentStatus, type CallProgress } from '../client/assignmentTypes.js';
import { missedGates } from '../engine/assignment/passGates.js';
import { h, playerName } from './dom.js';
import { SKILLS, skillLabel } from './format.js';
import type { Translate } from './index.js';

type Item = AssignmentBoard['assignments'][number];

export function gatesText(a: Pick<Item, 'gates'>, t: Translate): string {
  const skills = SKILLS.flatMap((s) => (a.gates.skills[s] !== undefined ? [t('assignments.gate', { skill: skillLabel(t, s), value: a.gates.skills[s] })] : []));
  return [t('assignments.gate', { skill: skillLabel(t, 'overall'), value: a.gates.overall }), ...skills].join(', ');
}

/** A call not passed: the first gate its best exam missed ("Judgment 60 < 70"), so 85 overall does not read as a pass. */
function missedNote(c: CallProgress, a: Pick<Item, 'gates'>, t: Translate): string {
  if (c.passed || !c.best) return '';
  const m = missedGates(c.best, a.gates)[0];
  return m ? `${t('assignments.missedGate', { skill: skillLabel(t, m.gate), scored: m.scored, needed: m.needed })} · ` : '';
}

const statusBadge = (s: AssignmentStatus, t: Translate) => h('span', { class: 'htl-status', 'data-status': s }, t(`assignments.status.${s}`));

function one(a: Item, t: Translate, locale: string): HTMLElement {
  const total = a.progress.length;
  const bar = h(
    'div',
    { class: 'htl-status-bar', 'aria-hidden': 'true' },
    ...ASSIGNMENT_STATUSES.filter((s) => a.counts[s] > 0).map((s) => h('span', { 'data-status': s, style: `flex: ${a.counts[s]} 1 0` })),
  );
  const legend = h('ul', { class: 'htl-legend', 'aria-label': t('assignments.byStatus') }, ...ASSIGNMENT_STATUSES.map((s) => h('li', { 'data-status': s, 'data-count': a.counts[s] }, t('assignments.countOf', { status: t(`assignments.status.${s}`), count: a.counts[s] }))));
  const titleOf = (id: string) => a.progress[0]?.calls.find((c) => c.scenario === id)?.title ?? id;
  return h(
    'section',
    { class: 'htl-assignment', 'data-assignment': a.id, 'aria-labelledby': `htl-assignment-${a.id}` },
    h('h4', { id: `htl-assignment-${a.id}` }, a.title),
    h(
      'p',
      { class: 'htl-assignment-meta' },
      [t('assignments.due', { date: longDate(a.dueAt, locale) }), a.calls.map(titleOf).join(' · '), t('assignments.cap', { count: a.attemptCap }), t('assignments.gates', { gates: gatesText(a, t) })].join(' — '),
    ),
    bar,
    legend,
    total === 0
      ? h('p', { class: 'htl-muted' }, t('assignments.nobody'))
      : h(
          'div',
          { class: 'htl-table-scroll', tabindex: 0, role: 'region', 'aria-label': t('assignments.whoIsWhere', { title: a.title }) },
          h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t('col.player')),
                h('th', { scope: 'col' }, t('assignments.col.status')),
                ...a.calls.map((c) => h('th', { scope: 'col', class: 'num' }, t('assignments.col.call', { title: titleOf(c) }))),
                h('th', { scope: 'col' }, t('assignments.col.certificate')),
              ),
            ),
            h(
              'tbody',
              {},
              ...a.progress.map((m) =>
                h(
                  'tr',
                  { 'data-member': m.player.id, 'data-status': m.status },
                  h('th', { scope: 'row', class: 'htl-name' }, playerName(m.player.name), m.retakes > 0 && h('span', { class: 'htl-mark' }, t('assignments.retake', { count: m.retakes }))),
                  h('td', {}, statusBadge(m.status, t), m.status === 'overdue' || m.retakes > 0 ? h('span', { class: 'htl-muted' }, ` ${t('assignments.due', { date: longDate(m.dueAt, locale) })}`) : null),
                  ...m.calls.map((c) =>
                    h('td', { class: 'num', 'data-call': c.scenario }, c.best ? `${c.best.overall} · ` : '', missedNote(c, a, t), t('assignments.attempts', { used: c.attempts, cap: a.attemptCap })),
                  ),
                  h('td', {}, m.certificate ? h('a', { href: certificateUrl('', m.certificate.code), target: '_blank', rel: 'noopener' }, t('assignments.open')) : h('span', { class: 'htl-muted' }, '–')),
                ),
              ),
            ),
          ),
        ),
  );
}

/** Nothing when the team has no open assignment. */
export function assignmentsPanel(board: AssignmentBoard | null, t: Translate, locale: string): HTMLElement | null {
  if (!board || board.assignments.length === 0) return null;
  return h('div', { class: 'htl-panel htl-assignments' }, h('h3', {}, t('assignments.heading')), ...board.assignments.map((a) => one(a, t, locale)));
}
