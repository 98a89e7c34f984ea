// The transcript panel: every line of the call so far, newest at the bottom, scrolled into view.
import type { TFunction } from 'i18next';
import type { Scenario, SessionContext, SessionView } from '../../engine/index.js';
import { fill, h } from '../ui/dom.js';
import { transcriptLines, type TranscriptLabels, type TranscriptLine } from './transcriptModel.js';
import type { CallPresenter } from './types.js';

export class TranscriptPresenter implements CallPresenter {
  private readonly list: HTMLOListElement;
  private readonly panel: HTMLElement;
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
    this.panel = h('section', { class: 'htl-transcript', 'aria-labelledby': 'htl-transcript-h' }, h('h2', { id: 'htl-transcript-h' }, t('transcript.heading')), this.list);
    dom.append(this.panel);
  }

  show(view: SessionView): void {
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

  private item(line: TranscriptLine): HTMLLIElement {
    const who = line.who === 'customer' ? this.scenario.customer.name : line.who === 'you' ? this.t('transcript.you') : null;
    const lang = line.who === 'customer' || line.who === 'you' || line.who === 'fact' ? this.scenario.locale : null;
    return h('li', { class: `htl-line htl-${line.who}` }, who && h('span', { class: 'htl-who' }, who), h('span', { lang }, line.who === 'fact' ? `✓ ${line.text}` : line.text));
  }

  destroy(): void {
    this.panel.remove();
  }
}
