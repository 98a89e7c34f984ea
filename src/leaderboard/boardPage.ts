// The in-game leaderboard: period and call tabs, champions, the ranked table, the trend chart,
// recent results (each opens its replay) and, for a trainer, the trainer's tools.
import type { Board, Period, ResultsPage, ResultsQuery, Trend } from '../client/index.js';
import { boardTable, champions } from './boardTable.js';
import { fill, h } from './dom.js';
import { localeOf, translator } from './i18n.js';
import type { LeaderboardOptions, MountedView } from './index.js';
import { mountOutbox } from './outboxStatus.js';
import { recentCalls, PAGE_SIZE } from './recentCalls.js';
import { openReplay } from './replayView.js';
import { injectStyles } from './styles.js';
import { teamButton } from './teamPage.js';
import { removeResultWithUndo, trainerTools } from './trainerTools.js';
import { fileName, trendFigure } from './trendChart.js';

/** The board's periods: the same "last 7 days" as the team page and the meeting (not "since Monday"). */
export const PERIODS = ['last7', 'month', 'season', 'all'] as const satisfies readonly Period[];
export type BoardPeriod = (typeof PERIODS)[number];

export function mountBoard(container: HTMLElement, opts: LeaderboardOptions): MountedView {
  injectStyles();
  const t = translator(opts);
  const locale = localeOf(opts);
  const { client, code } = opts;
  let period: BoardPeriod = opts.period ?? 'last7';
  let scenario: string | null = null;
  /** A past season, picked in the trainer's tools; null for the current one. */
  let season: number | null = null;
  let closeReplay: (() => void) | null = null;
  let loadId = 0;

  const root = h('section', { class: 'htl-lb htl-lb-board', 'aria-label': t('title') });
  const outboxSlot = h('div');
  const content = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', {}, t('loading')));
  container.append(root);
  const outboxView = opts.outbox ? mountOutbox(outboxSlot, { outbox: opts.outbox, ...(opts.t ? { t: opts.t } : {}), lang: locale }) : null;

  const open = (id: number) => {
    closeReplay = openReplay(id, {
      client,
      code,
      t,
      locale,
      onClose: () => (closeReplay = null),
      ...(opts.turnActions ? { turnActions: opts.turnActions } : {}),
      ...(opts.trainerToken ? { onRemove: removeResultWithUndo({ client, code, token: opts.trainerToken, t, host: root, reload: load }) } : {}),
    });
  };

  function tabs(board: Board): Element {
    const tab = (label: string, value: string | null) =>
      h('button', { type: 'button', role: 'tab', 'aria-selected': String(scenario === value), onclick: () => ((scenario = value), void load()) }, label);
    return h('div', { class: 'htl-group', role: 'tablist', 'aria-label': t('calls') }, tab(t('allCalls'), null), ...board.calls.map((c) => tab(c.title, c.scenario)));
  }

  function render(board: Board, trend: Trend, page: ResultsPage, q: ResultsQuery): void {
    fill(
      content,
      tabs(board),
      h('div', { class: 'htl-panel' }, h('h3', {}, t('champions')), champions(board, t, locale)),
      h('div', { class: 'htl-panel' }, boardTable(board, { t, locale, ...(opts.playerId !== undefined ? { playerId: opts.playerId } : {}), onOpen: open })),
      h('div', { class: 'htl-grid' }, h('div', { class: 'htl-panel' }, h('h3', {}, t('trend')), trendFigure(trend, t, locale, fileName(board.team.name, 'trend'))), h('div', { class: 'htl-panel' }, h('h3', {}, t('recent')), recentCalls({ client, code, t, locale, query: q, first: page, ...(opts.playerId !== undefined ? { playerId: opts.playerId } : {}), onOpen: open }))),
      opts.trainerToken ? trainerTools({ client, code, token: opts.trainerToken, t, team: board.team, reload: load, season, onSeason: (s) => ((season = s), void load()) }) : null,
    );
  }

  // One Team button for the life of the board: the header is redrawn when the board loads, and the
  // team page gives focus back to the button that opened it, which must still be in the document.
  const team = teamButton(root, { client, code, lang: locale, ...(opts.t ? { t: opts.t } : {}), ...(opts.playerId !== undefined ? { playerId: opts.playerId } : {}) });

  function header(board: Board | null): void {
    fill(
      head,
      h('div', {}, h('h2', {}, t('title'), board ? ` · ${board.team.name}` : ''), board && h('span', { class: 'htl-muted' }, t('season', { season: board.team.season }))),
      h(
        'div',
        { class: 'htl-group', role: 'group', 'aria-label': t('periodLabel') },
        ...PERIODS.map((p) => h('button', { type: 'button', 'aria-pressed': String(p === period), onclick: () => ((period = p), void load()) }, t(`period.${p}`))),
        team,
        opts.onClose && h('button', { type: 'button', onclick: opts.onClose }, t('back')),
      ),
    );
  }

  const head = h('div', { class: 'htl-head' });
  root.append(head, outboxSlot, content);
  header(null);

  async function load(): Promise<void> {
    const id = ++loadId;
    content.setAttribute('aria-busy', 'true');
    try {
      const q = { period, ...(scenario ? { scenario } : {}), ...(season ? { season } : {}) };
      const [board, trend, page] = await Promise.all([client.board(code, q), client.trend(code, q), client.results(code, { ...q, limit: PAGE_SIZE, lang: locale })]);
      if (id !== loadId) return;
      header(board);
      render(board, trend, page, q);
    } catch (e) {
      if (id !== loadId) return;
      header(null);
      fill(content, h('p', { class: 'htl-error', role: 'alert' }, t('loadFailed', { message: e instanceof Error ? e.message : String(e) })), h('button', { type: 'button', onclick: () => void load() }, t('retry')));
    } finally {
      if (id === loadId) content.setAttribute('aria-busy', 'false');
    }
  }

  void load();
  return {
    refresh: load,
    destroy: () => {
      loadId++;
      closeReplay?.();
      outboxView?.destroy();
      root.remove();
    },
  };
}
