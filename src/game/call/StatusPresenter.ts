// Under the caption: what is happening besides talking — an action's progress ("Looking up the
// order…", with the seconds left, and in practice "Skip the wait"), the practice hint, or the
// exam's reply timer.
import type { TFunction } from 'i18next';
import type { SessionView } from '../../engine/index.js';
import { button, fill, h } from '../ui/dom.js';
import type { CallPresenter } from './types.js';

export class StatusPresenter implements CallPresenter {
  private readonly box: HTMLElement;
  private readonly bar = h('div', { class: 'htl-progress-fill' });
  private readonly progress: HTMLElement;
  private readonly label = h('span', {});
  private mode: 'work' | 'hint' | 'timer' | 'none' | '' = '';
  private hintText = '';

  constructor(
    dom: HTMLElement,
    private readonly lang: string,
    private readonly t: TFunction,
    private readonly showTimer: () => boolean,
    /** Skips the rest of the action (practice: the engine moves time on as if waited). */
    private readonly onFastForward: () => void,
  ) {
    this.progress = h('div', { class: 'htl-progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 }, this.bar);
    this.box = h('div', { class: 'htl-status' });
    dom.append(this.box);
  }

  show(view: SessionView): void {
    if (view.work) {
      const skip = view.canFastForward ? [this.skipButton()] : [];
      this.become('work', () => [h('p', { class: 'htl-working', role: 'status' }, h('span', { lang: this.lang }, view.work!.label ?? this.t('call.working'))), this.progress, h('div', { class: 'htl-work-row' }, this.label, ...skip)]);
      this.setProgress(view.work.progress, this.t('call.secondsLeft', { count: Math.ceil(view.work.leftMs / 1000) }), view.work.label ?? this.t('call.working'));
    } else if (view.timer && this.showTimer()) {
      this.become('timer', () => [this.progress, this.label]);
      this.setProgress(view.timer.leftMs / view.timer.totalMs, this.t('call.replyWithin', { count: Math.ceil(view.timer.leftMs / 1000) }), this.t('call.replyTimer'));
      this.box.classList.toggle('htl-hurry', view.timer.leftMs < 4000);
    } else if (view.hint && view.hint !== this.hintText) {
      this.hintText = view.hint;
      this.mode = 'hint';
      fill(this.box, h('p', { class: 'htl-hint' }, h('strong', {}, `${this.t('call.hint')}: `), h('span', { lang: this.lang }, view.hint)));
    } else if (!view.hint) {
      this.become('none', () => []);
    }
  }

  /** "Skip the wait (F)": when it goes, focus goes on to the replies the action leads to. */
  private skipButton(): HTMLButtonElement {
    return button([this.t('call.fastForward'), ' ', h('kbd', { 'aria-hidden': 'true' }, 'F')], this.onFastForward, {
      class: 'htl-btn htl-fast-forward',
      'aria-keyshortcuts': 'F',
      'data-refocus': 'replies',
      title: this.t('call.fastForwardHelp'),
    });
  }

  private become(mode: 'work' | 'timer' | 'none', children: () => (Node | string)[]): void {
    if (this.mode === mode) return;
    this.mode = mode;
    this.hintText = '';
    this.box.classList.remove('htl-hurry');
    fill(this.box, ...children());
  }

  private setProgress(p: number, text: string, name: string): void {
    const pct = Math.round(Math.max(0, Math.min(1, p)) * 100);
    this.bar.style.width = `${pct}%`;
    if (this.progress.getAttribute('aria-valuenow') !== String(pct)) this.progress.setAttribute('aria-valuenow', String(pct));
    this.progress.setAttribute('aria-label', name);
    if (this.label.textContent !== text) this.label.textContent = text;
  }

  destroy(): void {
    this.box.remove();
  }
}
