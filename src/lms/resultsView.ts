// After a call: passed or not (once every call has ended), the overall against the pass mark,
// each skill against its gate, the tries, and the way on (the next call, or another try).
import type { TFunction } from 'i18next';
import type { PackageOutcome } from '../engine/assignment/packageOutcome.js';
import type { GatedScores, PassGates } from '../engine/assignment/passGates.js';
import { button, h } from '../game/ui/dom.js';

export interface ResultsActions {
  readonly next: (() => void) | null;
  readonly retry: (() => void) | null;
  /** False in a launch the LMS records nothing of (cmi5 Browse): no "Passed" as a result, and "nothing was sent". */
  readonly recorded?: boolean;
}

/**
 * `call`: the scores of the call just ended, shown until every call has ended (the package's
 * mean would count the calls to come as 0); then the package's.
 */
export function showResults(root: HTMLElement, t: TFunction, o: PackageOutcome, call: GatedScores | null, gates: PassGates, tries: number, actions: ResultsActions): () => void {
  const recorded = actions.recorded !== false;
  const verdict = !recorded ? (o.complete ? 'browsed' : 'incomplete') : o.complete ? (o.passed ? 'passed' : 'failed') : 'incomplete';
  const shown = o.complete || !call ? { overall: o.scores.overall, skills: o.objectives.map((x) => ({ skill: x.skill, score: x.score })) } : { overall: call.overall, skills: o.objectives.map((x) => ({ skill: x.skill, score: call[x.skill] })) };
  const skillName = (g: string) => t(g === 'overall' ? 'debrief.overall' : `skill.${g}`);
  const missed = o.missed.flatMap((m) => m ?? []);
  const rows = o.objectives.map((x, i) =>
    h('li', { 'data-skill': x.skill }, h('span', {}, t(`skill.${x.skill}`)), h('strong', {}, String(shown.skills[i]!.score)), x.gate !== null ? h('span', { class: 'htl-muted' }, t('lms:gate', { gate: x.gate })) : null),
  );
  const first = actions.next ? button(t('lms:next'), actions.next, { class: 'htl-btn htl-btn-primary htl-btn-big' }) : actions.retry ? button(t('lms:retry'), actions.retry, { class: 'htl-btn htl-btn-primary htl-btn-big' }) : null;
  const panel = h(
    'main',
    { class: 'htl-screen htl-lms-results', 'data-lms-result': verdict },
    h(
      'section',
      { class: 'htl-panel htl-centre-box', 'aria-labelledby': 'htl-lms-verdict' },
      h('h1', { id: 'htl-lms-verdict' }, t(`lms:result.${verdict}`)),
      h('p', { class: 'htl-lms-overall', 'data-score': 'overall' }, t('lms:overall', { score: shown.overall, mark: gates.overall })),
      h('ul', { class: 'htl-lms-skills' }, ...rows),
      missed.length ? h('p', {}, t('lms:missed', { list: [...new Set(missed.map((m) => skillName(m.gate)))].join(', ') })) : null,
      h('p', { class: 'htl-muted' }, t('lms:tries', { count: tries })),
      first,
      actions.next && actions.retry ? button(t('lms:retry'), actions.retry, { class: 'htl-btn' }) : null,
      !recorded ? h('p', { class: 'htl-muted', role: 'status' }, t('lms:notSent')) : o.complete ? h('p', { class: 'htl-muted', role: 'status' }, t('lms:sent')) : null,
    ),
  );
  root.append(panel);
  queueMicrotask(() => (first ?? panel.querySelector('h1'))?.focus());
  return () => panel.remove();
}
