// The trainer's debug overlay (toggled with the ` key): where the call is in the scenario, what
// is known, mood and patience as numbers, and the scores so far — all read from the session.
import type { Session, SessionView } from '../../engine/index.js';
import { fill, h } from '../ui/dom.js';
import type { CallPresenter } from './types.js';

export class DebugOverlay implements CallPresenter {
  private readonly panel: HTMLElement;
  private open = false;
  private lastKey = '';

  constructor(
    dom: HTMLElement,
    private readonly session: () => Session,
  ) {
    this.panel = h('aside', { class: 'htl-debug', hidden: true, 'aria-label': 'Debug', 'data-debug': '' });
    dom.append(this.panel);
  }

  toggle(): void {
    this.open = !this.open;
    this.panel.hidden = !this.open;
    this.lastKey = '';
    if (this.open) this.render(this.session().view);
  }

  get isOpen(): boolean {
    return this.open;
  }

  show(view: SessionView): void {
    if (this.open) this.render(view);
  }

  private render(view: SessionView): void {
    const s = this.session();
    const ctx = s.context;
    const key = `${ctx.node}|${view.phase}|${view.mood}|${view.patience}|${view.turn}|${view.facts.length}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    const score = s.score();
    const row = (k: string, v: string | number) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', { 'data-key': k }, String(v)));
    fill(
      this.panel,
      h('h2', {}, 'Debug'),
      h(
        'table',
        {},
        row('scenario', `${s.scenario.id} (${s.scenario.locale}) ${s.scenario.hash.slice(0, 10)}`),
        row('node', ctx.node),
        row('phase', view.phase),
        row('turn', view.turn),
        row('mood', `${view.mood} (${view.moodBand})`),
        row('patience', view.patience),
        row('facts', view.facts.map((f) => f.id).join(', ') || '—'),
        row('politeness', score.politeness),
        row('accuracy', score.accuracy),
        row('judgment', score.judgment),
        row('overall', `${score.overall} (${score.grade})${score.final ? '' : ' so far'}`),
      ),
    );
  }

  destroy(): void {
    this.panel.remove();
  }
}
