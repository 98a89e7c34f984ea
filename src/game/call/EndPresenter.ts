// The end of the call: who hung up, how it ended, and the way to the debrief.
import type { TFunction } from 'i18next';
import type { Gender, SessionView } from '../../engine/index.js';
import { aboutCustomer } from '../../i18n/index.js';
import { button, h } from '../ui/dom.js';
import type { CallPresenter } from './types.js';

export class EndPresenter implements CallPresenter {
  private readonly panel: HTMLElement;
  private readonly outcome = h('p', { class: 'htl-outcome' });
  private readonly toDebrief: HTMLButtonElement;
  private shown = false;

  constructor(
    dom: HTMLElement,
    private readonly t: TFunction,
    /** The outcome's name ("The customer hung up") agrees with the customer's gender. */
    private readonly gender: Gender | null,
    onDebrief: () => void,
  ) {
    this.toDebrief = button(t('call.toDebrief'), onDebrief, { class: 'htl-btn htl-btn-primary htl-btn-big' });
    this.panel = h('section', { class: 'htl-ended', hidden: true, 'aria-labelledby': 'htl-ended-h' }, h('h2', { id: 'htl-ended-h' }, t('call.ended')), this.outcome, this.toDebrief);
    dom.append(this.panel);
  }

  show(view: SessionView): void {
    if (view.phase !== 'ended' || !view.ending || this.shown) return;
    this.shown = true;
    // The trainer's name for this ending (in the call's language), else the outcome's.
    this.outcome.textContent = view.ending.unanswered
      ? this.t('call.unanswered', aboutCustomer(this.gender))
      : (view.ending.label ?? this.t(`outcome.${view.ending.outcome}`, aboutCustomer(this.gender)));
    this.panel.hidden = false;
    this.toDebrief.focus();
  }

  destroy(): void {
    this.panel.remove();
  }
}
