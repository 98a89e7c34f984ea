// "Try another reply" on each turn of the debrief: a button that plays the call on from just
// before that turn, in practice, and beside it the best and worst overall still reachable from
// there. The bounds are the engine's exact analysis; they are filled in one turn at a time after
// the debrief shows, so a long call never holds the screen up.
import type { TFunction } from 'i18next';
import type { BranchPoint } from '../../engine/index.js';
import { button, h } from '../ui/dom.js';

export interface TryControls {
  /** The control for one turn, to sit in its timeline entry. */
  readonly forTurn: (turn: number) => HTMLElement;
  /** Works out the bounds, a turn per step; stops when the debrief goes. */
  readonly start: () => () => void;
}

/**
 * `pointOf` gives a turn's bounds (the library's branchPoint for this run); null when the call
 * has changed since this run (another version of its file): the run can no longer be restored,
 * and each turn says so instead of offering the button.
 */
export function tryControls(pointOf: ((turn: number) => BranchPoint | null) | null, t: TFunction, onTry: (turn: number) => void): TryControls {
  const notes = new Map<number, HTMLElement>();
  const forTurn = (turn: number): HTMLElement => {
    if (!pointOf) return h('p', { class: 'htl-try htl-muted' }, t('debrief.try.changed'));
    const note = h('span', { class: 'htl-reach htl-muted', 'data-reach': turn }, t('debrief.try.working'));
    notes.set(turn, note);
    return h(
      'p',
      { class: 'htl-try' },
      button(t('debrief.try.button'), () => onTry(turn), { class: 'htl-btn htl-btn-small', 'data-try': turn, 'aria-label': t('debrief.try.label', { n: turn }) }),
      ' ',
      note,
    );
  };
  const start = () => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const turns = [...notes.keys()].sort((a, b) => a - b);
    const next = () => {
      const turn = turns.shift();
      if (stopped || turn === undefined || !pointOf) return;
      const note = notes.get(turn)!;
      const point = pointOf(turn);
      const r = point?.reachable ?? null;
      note.textContent = r ? t('debrief.try.reach', { best: r.best, worst: r.worst }) : t('debrief.try.noReach');
      if (r) {
        note.dataset.best = String(r.best);
        note.dataset.worst = String(r.worst);
      }
      timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, 0);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  };
  return { forTurn, start };
}
