// The guided first call's notes on the real call screen (see Coach): what each part means, at the
// moment it first matters — the mood and the patience when the customer first speaks, the hint,
// the exam's timer (this is practice, so what would happen in an exam), a reply that takes time,
// and, once one runs, the wait and its fast-forward. A bar under the replies says this is the
// guided call and offers "Skip the guide" all the way through. It reads the engine's snapshots
// and the screen's DOM and changes nothing in the call: its scores are the engine's, as in any
// practice call.
import type { TFunction } from 'i18next';
import type { SessionView } from '../../engine/index.js';
import type { CallPresenter, ViewChange } from '../call/types.js';
import { button, h } from '../ui/dom.js';
import { Coach, screenBox, type Note } from './Coach.js';
import type { Side } from './place.js';

export type CallNoteId = 'wait' | 'mood' | 'patience' | 'hint' | 'timer' | 'takesTime';

/** Best first when several apply: a wait cannot wait; the rest in the order the screen reads. */
export const CALL_NOTES: readonly CallNoteId[] = ['wait', 'mood', 'patience', 'hint', 'timer', 'takesTime'];

/** The element each note explains, in the call's panel. */
export const CALL_NOTE_TARGETS: Record<CallNoteId, string> = {
  wait: '.htl-status',
  mood: '.htl-gauge',
  patience: '.htl-patience',
  hint: '.htl-hint',
  timer: '.htl-call-bar .htl-badge',
  takesTime: '.htl-reply-action',
};

const PREFER: Partial<Record<CallNoteId, readonly Side[]>> = {
  mood: ['right', 'above', 'below'],
  patience: ['right', 'above', 'below'],
  timer: ['below', 'left'],
};

/** Whether a note has its moment in this snapshot. */
export function noteApplies(id: CallNoteId, v: SessionView, spoken: boolean): boolean {
  switch (id) {
    case 'wait':
      return v.phase === 'working' && v.work !== null;
    case 'mood':
    case 'patience':
      return spoken && (v.phase === 'listening' || v.phase === 'working');
    case 'hint':
      return v.phase === 'listening' && v.hint !== null;
    case 'timer':
      return v.phase === 'listening';
    case 'takesTime':
      return v.phase === 'listening' && v.replies.some((r) => r.isAction);
  }
}

export class CallGuidePresenter implements CallPresenter {
  private readonly coach: Coach;
  private readonly bar: HTMLElement;
  private readonly done = new Set<CallNoteId>();
  private current: CallNoteId | null = null;
  private spoken = false;
  private view: SessionView | null = null;

  constructor(
    private readonly panel: HTMLElement,
    ui: HTMLElement,
    private readonly t: TFunction,
    onSkip: () => void,
  ) {
    this.coach = new Coach(ui, {
      t,
      onNext: (id) => this.dismiss(id as CallNoteId),
      avoid: () => [panel.querySelector('.htl-replies'), panel.querySelector('.htl-caption'), panel.querySelector('.htl-status'), this.bar],
      fallbackFocus: () => panel.querySelector<HTMLElement>('.htl-replies button, .htl-fast-forward, .htl-ended:not([hidden]) .htl-btn'),
    });
    this.bar = h(
      'aside',
      { class: 'htl-guide-bar', 'aria-labelledby': 'htl-guide-bar-h' },
      // On a phone held upright the words are read but not shown: the button needs the row.
      h('p', { id: 'htl-guide-bar-h' }, h('span', {}, t('guide.kicker')), h('span', { class: 'htl-guide-more' }, ` — ${t('guide.bar')}`)),
      button(t('guide.skip'), onSkip, { class: 'htl-btn htl-guide-skip' }),
    );
    panel.classList.add('htl-guided');
    panel.append(this.bar);
    ui.append(this.coach.layer);
  }

  show(view: SessionView, change: ViewChange): void {
    this.view = view;
    if (change.spoke) this.spoken = true;
    this.update();
  }

  private update(): void {
    const v = this.view;
    if (!v) return;
    // A note whose moment has passed (the reply was chosen, the wait is over) has been seen.
    if (this.current && !noteApplies(this.current, v, this.spoken)) this.done.add(this.current);
    const due = CALL_NOTES.filter((id) => !this.done.has(id) && noteApplies(id, v, this.spoken) && this.target(id) !== null);
    const next = due[0] ?? null;
    this.current = next;
    if (next === null) return this.coach.hide();
    this.coach.show(this.note(next), due.length === 1);
  }

  private dismiss(id: CallNoteId): void {
    this.done.add(id);
    this.update();
  }

  private target(id: CallNoteId): HTMLElement | null {
    const el = this.panel.querySelector<HTMLElement>(CALL_NOTE_TARGETS[id]);
    return el && screenBox(el) !== null ? el : null;
  }

  private note(id: CallNoteId): Note {
    return { id, title: this.t(`guide.call.${id}.title`), text: this.t(`guide.call.${id}.text`), target: () => this.target(id), prefer: PREFER[id] };
  }

  destroy(): void {
    this.coach.destroy();
    this.bar.remove();
    this.panel.classList.remove('htl-guided');
  }
}
