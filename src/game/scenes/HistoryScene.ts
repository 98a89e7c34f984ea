// "My history": every call the player has played — kept on this device, and on the server when
// signed in — newest first, a chart of each skill week by week, and each call reopening its
// debrief exactly as it was. The personal code is here too, to sign in on another device.
import { ApiError, type HistoryRun } from '../../client/index.js';
import { loadNamespace } from '../../i18n/index.js';
import { SCENES } from '../config.js';
import type { FinishedCall } from '../flow/flowMachine.js';
import { historyList, type HistoryList } from '../history/historyList.js';
import { callKey, KEEP, type HistoryEntry } from '../history/History.js';
import { historyRows, type HistoryRow } from '../history/rows.js';
import { weeklyProgress } from '../history/weeks.js';
import type { Services } from '../services.js';
import { button, fill, h } from '../ui/dom.js';
import { personalCodeDetails } from '../ui/personalCode.js';
import { BaseScene } from './BaseScene.js';

export class HistoryScene extends BaseScene {
  private rows: HistoryRow[] = [];

  constructor(services: Services) {
    super(SCENES.history, services);
  }

  protected build(): void {
    const t = this.t;
    const { services } = this;
    services.audio.loop('hold', true);
    const identity = services.identity.get();
    const list = historyList(t, () => services.settings.get().language, (row) => void this.open(row, list));
    const status = h('p', { class: 'htl-history-status', role: 'status' });
    const count = h('span', { class: 'htl-muted' });
    const chart = h('div', { class: 'htl-history-chart', 'aria-busy': 'true' });
    const back = button(t('common.back'), () => this.send({ type: 'BACK' }), { class: 'htl-btn htl-btn-ghost' });
    const panel = this.mount(
      h(
        'main',
        { class: 'htl-screen htl-history', 'aria-labelledby': 'htl-history-h' },
        h(
          'header',
          { class: 'htl-bar' },
          back,
          h('h1', { id: 'htl-history-h' }, t('history.heading')),
          h('div', { class: 'htl-row' }, button(t('debrief.pick'), () => this.send({ type: 'PICKER' }), { class: 'htl-btn' })),
        ),
        h(
          'div',
          { class: 'htl-history-side' },
          h('section', { class: 'htl-history-progress', 'aria-labelledby': 'htl-history-chart-h' }, h('h2', { id: 'htl-history-chart-h' }, t('history.chart')), chart, h('p', { class: 'htl-help' }, t('history.chartNote'))),
          status,
          identity && personalCodeDetails(services, t),
        ),
        h('section', { class: 'htl-history-calls', 'aria-labelledby': 'htl-history-list-h' }, h('h2', { id: 'htl-history-list-h' }, t('history.list'), ' ', count), list.el),
      ),
    );
    const mine = services.history.entries().filter((e) => !identity || !e.player || (e.player.team === identity.team.code && e.player.id === identity.player.id));
    const show = (runs: readonly HistoryRun[]) => {
      this.rows = historyRows(mine, runs, this.sentKeys());
      list.show(this.rows, identity !== null);
      count.textContent = `(${t('history.count', { count: this.rows.length })})`;
      void this.drawChart(chart);
    };
    show([]);
    const reopened = services.flow.getSnapshot().context.reopened;
    if (!list.focus(reopened ? callKey(reopened.result.transcript) : undefined)) back.focus();
    if (!identity) {
      status.textContent = t('history.signedOut');
    } else {
      status.textContent = t('history.loading');
      void this.serverRuns(identity).then(
        (runs) => {
          if (!this.scene.isActive()) return;
          show(runs);
          const waiting = this.rows.filter((r) => !r.uploaded).length;
          status.textContent = waiting > 0 ? t('history.waiting', { count: waiting }) : t('history.allUploaded');
        },
        (e: unknown) => {
          if (!this.scene.isActive()) return;
          status.textContent = e instanceof ApiError && e.status === 0 ? t('history.unreachable') : t('history.failed', { message: e instanceof Error ? e.message : String(e) });
        },
      );
    }
    panel.dataset.ready = 'true';
  }

  /** The player's calls on the server, every page up to as many as this device keeps. */
  private async serverRuns(identity: NonNullable<ReturnType<Services['identity']['get']>>): Promise<HistoryRun[]> {
    const runs: HistoryRun[] = [];
    let before: string | undefined;
    do {
      const page = await this.services.client.myHistory(identity, { limit: 200, ...(before ? { before } : {}) });
      runs.push(...page.runs);
      before = page.next ?? undefined;
    } while (before && runs.length < KEEP);
    return runs;
  }

  /** Calls an outbox has sent: uploaded, whatever the server's list says (or if it could not be read). */
  private sentKeys(): Set<string> {
    const items = [...this.services.outbox.snapshot().items, ...this.services.historyOutbox.snapshot().items];
    return new Set(items.filter((i) => i.status === 'sent' && i.transcript).map((i) => callKey(i.transcript)));
  }

  /** Each skill week by week (tried-again runs left out): the team page's chart, with its table. */
  private async drawChart(slot: HTMLElement): Promise<void> {
    const [{ progressChart }, lt] = await Promise.all([import('../../leaderboard/progressChart.js'), loadNamespace(this.services.i18n, 'leaderboard')]);
    if (!this.scene.isActive()) return;
    const identity = this.services.identity.get();
    const progress = weeklyProgress(
      this.rows.filter((r) => r.kind !== 'branch'),
      { id: identity?.player.id ?? 0, name: identity?.player.name ?? '' },
    );
    fill(slot, progressChart(progress, lt, this.services.settings.get().language, this.t('history.chartTitle')));
    slot.setAttribute('aria-busy', 'false');
  }

  /** Reopens a call's debrief: as it was kept, or rebuilt by the engine while the call is unchanged. */
  private async open(row: HistoryRow, list: HistoryList): Promise<void> {
    list.note(row.key, this.t('history.opening'));
    const lib = await this.services.library();
    if (!this.scene.isActive()) return;
    const finished = this.finishedOf(row.entry, row.run, lib.rebuild.bind(lib));
    if (!finished) return list.note(row.key, this.t('history.changed'));
    list.note(row.key, '');
    this.services.audio.play('click');
    this.send({ type: 'OPEN_ENTRY', finished });
  }

  private finishedOf(entry: HistoryEntry | null, run: HistoryRun | null, rebuild: (t: unknown) => FinishedCall['result'] | null): FinishedCall | null {
    const result = entry?.result ?? rebuild(entry?.transcript ?? run?.transcript);
    if (!result) return null;
    const t = result.transcript;
    const selection = entry?.selection ?? { id: t.scenario, locale: t.locale, mode: run?.branch ? 'practice' : t.mode };
    // A branch kept on this device opens beside the run it was tried from, when that is here too.
    const of = entry?.branch?.of ? this.services.history.entries().find((e) => e.id === entry.branch!.of) : undefined;
    const original = of ? this.finishedOf(of, null, rebuild) : null;
    return original && entry?.branch ? { selection, result, branchOf: { of: original, turn: entry.branch.turn } } : { selection, result };
  }
}
