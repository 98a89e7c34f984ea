// The guided first call's debrief: notes on the three scores and the overall, one after another,
// each beside the score it explains (see Coach). The numbers are the engine's, as in any debrief.
import type { TFunction } from 'i18next';
import { DIMENSIONS_SHOWN } from '../debrief/dimensions.js';
import { Coach, type Note } from './Coach.js';

/** The notes in order: each skill, then the overall and grade. */
export const DEBRIEF_NOTES = [...DIMENSIONS_SHOWN, 'overall'] as const;

/** Shows the notes over the debrief in `ui`; returns what removes them. */
export function guideDebrief(ui: HTMLElement, t: TFunction): () => void {
  const target = (id: string) => () =>
    id === 'overall' ? ui.querySelector<HTMLElement>('.htl-grade-row') : (ui.querySelector(`[data-score="${id}"]`)?.closest<HTMLElement>('.htl-skill') ?? null);
  const notes: Note[] = DEBRIEF_NOTES.map((id) => ({
    id,
    title: id === 'overall' ? t('guide.debrief.overallTitle') : t(`skill.${id}`),
    text: t(`guide.debrief.${id}`),
    target: target(id),
    prefer: ['right', 'below', 'above'],
  }));
  let i = 0;
  const coach = new Coach(ui, {
    t,
    onNext: () => showAt(i + 1),
    onSkip: () => showAt(notes.length),
    // The way on (Try again, Next call…) and the scores not being explained stay in sight where they can.
    avoid: () => [ui.querySelector('.htl-debrief > .htl-bar'), ui.querySelector('.htl-grade-row'), ...ui.querySelectorAll('.htl-skill')],
    fallbackFocus: () => ui.querySelector<HTMLElement>('.htl-debrief .htl-btn-primary'),
  });
  // The next note whose score is on screen; none left: the notes are done.
  const showAt = (n: number) => {
    i = n;
    while (i < notes.length && !notes[i]!.target()) i++;
    const note = notes[i];
    if (note) coach.show(note, i === notes.length - 1);
    else coach.hide();
  };
  ui.append(coach.layer);
  showAt(0);
  return () => coach.destroy();
}
