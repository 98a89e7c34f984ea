// The transcript panel: every line of the call so far, newest at the bottom, scrolled into view.
// Beside the caption in landscape; on a phone held upright it is folded away under the replies
// behind a button (the toggle shows only there).
import type { TFunction } from 'i18next';
import type { Scenario, SessionContext, SessionView } from '../../engine/index.js';
import { button, fill, h } from '../ui/dom.js';
import { transcriptLines, type TranscriptLabels, type TranscriptLine } from './transcriptModel.js';
import type { CallPresenter } from './types.js';

export class TranscriptPresenter implements CallPresenter {
  private readonly list: HTMLOListElement;
  private readonly panel: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private shown: string[] = [];
  private lastKey = '';
  private readonly labels: TranscriptLabels;

  constructor(
    dom: HTMLElement,
    private readonly scenario: Scenario,
    private readonly context: () => SessionContext,
    private readonly t: TFunction,
    private readonly motion: () => boolean,
  ) {
    this.labels = { silence: t('transcript.silence'), hungUp: t('transcript.hungUp'), working: t('call.working') };
    // The list is what scrolls, so it is what takes focus: keyboard users can scroll it.
    this.list = h('ol', { class: 'htl-transcript-list', tabindex: 0, 'aria-labelledby': 'htl-transcript-h' });
    this.panel = h('section', { class: 'htl-transcript', id: 'htl-transcript', 'aria-labelledby': 'htl-transcript-h' }, h('h2', { id: 'htl-transcript-h' }, t('transcript.heading')), this.list);
    this.toggle = button(t('transcript.show'), () => this.open(!this.panel.classList.contains('htl-open')), {
      class: 'htl-btn htl-btn-ghost htl-transcript-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'htl-transcript',
    });
    dom.append(this.toggle, this.panel);
  }

  show(view: SessionView): void {
    // Nothing to unfold while the phone rings.
    this.toggle.hidden = view.phase === 'ringing';
    // Most snapshots are only time passing: look again only when something was said or found.
    const key = `${view.turn}|${view.phase}|${view.facts.length}|${view.line?.id ?? ''}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    const lines = transcriptLines(this.scenario, this.context(), this.labels);
    const same = this.shown.every((k, i) => lines[i]?.key === k);
    if (same && lines.length === this.shown.length) return;
    if (!same) {
      fill(this.list);
      this.shown = [];
    }
    for (const line of lines.slice(this.shown.length)) this.list.append(this.item(line));
    this.shown = lines.map((l) => l.key);
    this.list.scrollTo({ top: this.list.scrollHeight, behavior: this.motion() ? 'smooth' : 'auto' });
  }

  /** Unfolds the transcript under the replies (a phone held upright), or folds it away. */
  private open(open: boolean): void {
    this.panel.classList.toggle('htl-open', open);
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.textContent = this.t(open ? 'transcript.hide' : 'transcript.show');
    if (open) {
      this.list.scrollTo({ top: this.list.scrollHeight });
      this.panel.scrollIntoView({ block: 'nearest', behavior: this.motion() ? 'smooth' : 'auto' });
    }
  }

  private item(line: TranscriptLine): HTMLLIElement {
    const who = line.who === 'customer' ? this.scenario.customer.name : line.who === 'you' ? this.t('transcript.you') : null;
    const lang = line.who === 'customer' || line.who === 'you' || line.who === 'fact' ? this.scenario.locale : null;
    return h('li', { class: `htl-line htl-${line.who}` }, who && h('span', { class: 'htl-who' }, who), h('span', { lang }, line.who === 'fact' ? `✓ ${line.text}` : line.text));
  }

  destroy(): void {
    this.toggle.remove();
    this.panel.remove();
  }
}
