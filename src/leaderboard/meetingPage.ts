// The projector page: large type, high contrast, one slide per board — the team overall with its
// champions and trend, then each call's board — advancing on its own. Space pauses, arrow keys
// step, a click on a call's row opens that best call's replay for discussion (and pauses).
import type { Board, Trend } from '../client/index.js';
import { boardTable, champions } from './boardTable.js';
import { fill, h } from './dom.js';
import { localeOf, translator } from './i18n.js';
import type { MeetingViewOptions, MountedView } from './index.js';
import { openReplay } from './replayView.js';
import { injectStyles } from './styles.js';
import { trendChart } from './trendChart.js';

const TICK_MS = 250;

export function mountMeeting(container: HTMLElement, opts: MeetingViewOptions): MountedView {
  injectStyles();
  const t = translator(opts);
  const locale = localeOf(opts);
  const period = opts.period ?? 'week';
  const advanceMs = opts.advanceMs ?? 20_000;
  const root = h('main', { class: 'htl-lb htl-meeting', 'aria-label': t('meetingTitle') });
  const slideEl = h('div', { 'aria-live': 'polite' }, h('p', {}, t('loading')));
  const progress = h('div', { class: 'htl-progress', 'aria-hidden': 'true' });
  const counter = h('span', { class: 'htl-muted' });
  const playBtn = h('button', { type: 'button', onclick: () => setPaused(!paused) }, t('meeting.pause'));
  const controls = h(
    'div',
    { class: 'htl-controls' },
    counter,
    h('button', { type: 'button', onclick: () => go(index - 1) }, t('meeting.previous')),
    playBtn,
    h('button', { type: 'button', onclick: () => go(index + 1) }, t('meeting.next')),
  );
  root.append(slideEl, controls, progress);
  container.append(root);

  let overall: { board: Board; trend: Trend } | null = null;
  const callBoards = new Map<string, Board>();
  let index = 0;
  let elapsed = 0;
  let paused = false;
  let replayOpen: (() => void) | null = null;
  let destroyed = false;

  const slideCount = () => 1 + (overall?.board.calls.length ?? 0);

  function setPaused(p: boolean): void {
    paused = p;
    playBtn.textContent = t(p ? 'meeting.play' : 'meeting.pause');
    playBtn.setAttribute('aria-pressed', String(p));
  }

  async function load(): Promise<void> {
    if (!opts.code) {
      fill(slideEl, h('p', { class: 'htl-error', role: 'alert' }, t('meeting.noTeam')));
      return;
    }
    try {
      const [board, trend] = await Promise.all([opts.client.board(opts.code, { period }), opts.client.trend(opts.code, { period })]);
      const perCall = await Promise.all(board.calls.map((c) => opts.client.board(opts.code, { period, scenario: c.scenario })));
      overall = { board, trend };
      callBoards.clear();
      for (const b of perCall) if (b.scenario) callBoards.set(b.scenario, b);
      render();
    } catch (e) {
      fill(slideEl, h('p', { class: 'htl-error', role: 'alert' }, t('loadFailed', { message: e instanceof Error ? e.message : String(e) })));
    }
  }

  function render(): void {
    if (!overall) return;
    const { board, trend } = overall;
    index = ((index % slideCount()) + slideCount()) % slideCount();
    counter.textContent = t('meeting.slide', { n: index + 1, total: slideCount() });
    const title = (sub: string) =>
      h('header', { class: 'htl-head' }, h('h1', { class: 'htl-slide-title' }, sub), h('span', { class: 'htl-muted' }, `${board.team.name} · ${t(`period.${period}`)} · ${t('season', { season: board.team.season })}`));
    if (index === 0) {
      fill(
        slideEl,
        title(t('allCalls')),
        champions(board, t, locale),
        h('div', { class: 'htl-grid', style: 'margin-top:1em' }, boardTable(board, { t, locale, limit: 8 }), h('div', {}, h('h2', {}, t('trend')), trendChart(trend, t, locale))),
      );
      return;
    }
    const call = board.calls[index - 1]!;
    const cb = callBoards.get(call.scenario);
    fill(
      slideEl,
      title(call.title),
      h('p', { class: 'htl-muted' }, t('meeting.bestOnCall'), ' · ', t('results', { count: call.results })),
      cb ? boardTable(cb, { t, locale, limit: 10, onOpen: openBest }) : h('p', {}, t('loading')),
    );
  }

  function openBest(resultId: number): void {
    setPaused(true);
    replayOpen = openReplay(resultId, { client: opts.client, code: opts.code, t, locale, className: 'htl-meeting-replay', onClose: () => (replayOpen = null) });
  }

  function go(to: number): void {
    index = to;
    elapsed = 0;
    progress.style.width = '0';
    // Back at the start: fetch again, so results played during the meeting appear.
    if (((to % slideCount()) + slideCount()) % slideCount() === 0) void load();
    else render();
  }

  const timer = setInterval(() => {
    if (paused || replayOpen || !overall) return;
    elapsed += TICK_MS;
    progress.style.width = `${Math.min(100, (100 * elapsed) / advanceMs)}%`;
    if (elapsed >= advanceMs) go(index + 1);
  }, TICK_MS);

  const onKey = (e: KeyboardEvent) => {
    if (replayOpen || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(index + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(index - 1);
    else if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) setPaused(!paused);
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  document.title = t('meetingTitle');
  void load();

  return {
    refresh: load,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      clearInterval(timer);
      document.removeEventListener('keydown', onKey);
      replayOpen?.();
      root.remove();
    },
  };
}
