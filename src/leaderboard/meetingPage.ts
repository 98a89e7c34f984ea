// The projector page: large type, high contrast, one slide per board — the team overall with its
// champions and trend, then each call's board — advancing on its own. Each slide is fitted to the
// screen (rows that would not fit become "and N more"), so nothing ever scrolls; the controls sit
// in their own row under the slide. Space pauses and resumes whatever has focus, arrow keys step,
// a click on a call's row opens that best call's replay (the show waits, and goes on when it closes
// if it was running). Opening the page marks a meeting, which "since the last meeting" counts from.
// For paper, every slide is also laid out on its own page (styles.ts @media print).
import type { Board, Period, Trend } from '../client/index.js';
import { boardTable, champions } from './boardTable.js';
import { fill, h } from './dom.js';
import { formatDate } from './format.js';
import { localeOf, translator } from './i18n.js';
import type { MeetingViewOptions, MountedView } from './index.js';
import { openReplay } from './replayView.js';
import { injectStyles } from './styles.js';
import { trendChart } from './trendChart.js';

const TICK_MS = 250;

/** The periods a meeting offers, in the order of its buttons; the first is the default. */
export const MEETING_PERIODS = ['last7', 'since-meeting', 'month', 'season', 'all'] as const satisfies readonly Period[];
export type MeetingPeriod = (typeof MEETING_PERIODS)[number];

export function isMeetingPeriod(p: unknown): p is MeetingPeriod {
  return (MEETING_PERIODS as readonly unknown[]).includes(p);
}

/** Rows on paper: a slide is one page. */
const PRINT_ROWS = { overall: 15, call: 25 };

export function mountMeeting(container: HTMLElement, opts: MeetingViewOptions): MountedView {
  injectStyles();
  const t = translator(opts);
  const locale = localeOf(opts);
  let period: MeetingPeriod = opts.period ?? 'last7';
  const advanceMs = opts.advanceMs ?? 20_000;
  const root = h('main', { class: 'htl-lb htl-meeting', 'aria-label': t('meetingTitle') });
  const slideEl = h('div', { class: 'htl-slide', 'aria-live': 'polite' }, h('p', {}, t('loading')));
  const printEl = h('div', { class: 'htl-print' });
  const progress = h('div', { class: 'htl-progress', 'aria-hidden': 'true' });
  const counter = h('span', { class: 'htl-muted' });
  const playBtn = h('button', { type: 'button', 'aria-pressed': 'false', onclick: () => setPaused(!paused) }, t('meeting.pause'));
  const periodBtns = MEETING_PERIODS.map((p) =>
    h('button', { type: 'button', 'aria-pressed': String(p === period), 'data-period': p, onclick: () => setPeriod(p) }, t(`meeting.periods.${p}`)),
  );
  const controls = h(
    'div',
    { class: 'htl-controls' },
    h('div', { class: 'htl-group', role: 'group', 'aria-label': t('periodLabel') }, ...periodBtns),
    h(
      'div',
      { class: 'htl-group', role: 'group', 'aria-label': t('meeting.show') },
      counter,
      h('button', { type: 'button', onclick: () => go(index - 1) }, t('meeting.previous')),
      playBtn,
      h('button', { type: 'button', onclick: () => go(index + 1) }, t('meeting.next')),
    ),
  );
  root.append(slideEl, controls, progress, printEl);
  container.append(root);

  let overall: { board: Board; trend: Trend } | null = null;
  const callBoards = new Map<string, Board>();
  let index = 0;
  let elapsed = 0;
  let paused = false;
  let replayOpen: (() => void) | null = null;
  let destroyed = false;
  let loadId = 0;
  let marked: Promise<void> | null = null;

  const slideCount = () => 1 + (overall?.board.calls.length ?? 0);

  function setPaused(p: boolean): void {
    paused = p;
    playBtn.textContent = t(p ? 'meeting.play' : 'meeting.pause');
    playBtn.setAttribute('aria-pressed', String(p));
  }

  function setPeriod(p: MeetingPeriod): void {
    period = p;
    for (const b of periodBtns) b.setAttribute('aria-pressed', String(b.dataset.period === p));
    index = 0;
    elapsed = 0;
    // The last period's board is not shown under the new period's name while this one loads.
    overall = null;
    fill(slideEl, h('p', {}, t('loading')));
    void load();
  }

  /** Tells the server the meeting view is up, once; a failure only means "since" falls back. */
  function mark(): Promise<void> {
    marked ??= opts.client.markMeeting(opts.code).then(
      () => undefined,
      () => undefined,
    );
    return marked;
  }

  async function load(): Promise<void> {
    if (!opts.code) {
      fill(slideEl, h('p', { class: 'htl-error', role: 'alert' }, t('meeting.noTeam')));
      return;
    }
    const id = ++loadId;
    try {
      await mark();
      const q = { period };
      const [board, trend] = await Promise.all([opts.client.board(opts.code, q), opts.client.trend(opts.code, q)]);
      const perCall = await Promise.all(board.calls.map((c) => opts.client.board(opts.code, { ...q, scenario: c.scenario })));
      if (id !== loadId || destroyed) return;
      overall = { board, trend };
      callBoards.clear();
      for (const b of perCall) if (b.scenario) callBoards.set(b.scenario, b);
      render();
      renderPrint();
    } catch (e) {
      if (id !== loadId || destroyed) return;
      fill(slideEl, h('p', { class: 'htl-error', role: 'alert' }, t('loadFailed', { message: e instanceof Error ? e.message : String(e) })));
    }
  }

  /** "Team · Last 7 days (from 3 Mar) · Season 2" */
  function subtitle(board: Board): string {
    const from = board.since ? ` ${t('meeting.from', { date: formatDate(board.since, locale, false) })}` : '';
    const season = board.season === null ? '' : ` · ${t('season', { season: board.season })}`;
    return `${board.team.name} · ${t(`meeting.periods.${period}`)}${from}${season}`;
  }

  function head(board: Board, title: string, level: 'h1' | 'h2' = 'h1'): HTMLElement {
    return h('header', { class: 'htl-slide-head' }, h(level, { class: 'htl-slide-title', title }, title), h('p', { class: 'htl-muted htl-slide-sub' }, subtitle(board)));
  }

  /** A table of at most `limit` rows, and how many more there are. */
  function table(board: Board, limit: number, onOpen?: (id: number) => void): HTMLElement {
    const rest = board.rows.length - limit;
    return h(
      'div',
      {},
      boardTable(board, { t, locale, limit, ...(onOpen ? { onOpen, openOverall: true } : {}) }),
      rest > 0 && h('p', { class: 'htl-muted htl-more-rows' }, t('meeting.moreRows', { count: rest })),
    );
  }

  const overflows = () => slideEl.scrollHeight > slideEl.clientHeight + 1 || slideEl.scrollWidth > slideEl.clientWidth + 1;

  function render(): void {
    if (!overall) return;
    const { board, trend } = overall;
    index = ((index % slideCount()) + slideCount()) % slideCount();
    counter.textContent = t('meeting.slide', { n: index + 1, total: slideCount() });
    if (index === 0) {
      const tableSlot = h('div', { class: 'htl-board-slot' });
      const chartSlot = h('div', { class: 'htl-chart-slot' });
      fill(
        slideEl,
        head(board, t('allCalls')),
        champions(board, t, locale),
        h('div', { class: 'htl-slide-body' }, tableSlot, h('div', { class: 'htl-chart-box' }, h('h2', {}, t('trend')), chartSlot)),
      );
      // As on each call's slide, a row opens a replay: here the player's best result of the period.
      fit(tableSlot, (n) => table(board, n, openBest), board.rows.length);
      // Drawn at the size it is shown, so its labels are the page's type size and are thinned to fit.
      const em = parseFloat(getComputedStyle(root).fontSize) || 16;
      const { width, height } = chartSlot.getBoundingClientRect();
      fill(chartSlot, height >= em * 5 && width >= em * 10 ? trendChart(trend, t, locale, { width, height, font: em }) : null);
      return;
    }
    const call = board.calls[index - 1]!;
    const cb = callBoards.get(call.scenario);
    const tableSlot = h('div', { class: 'htl-board-slot' });
    fill(
      slideEl,
      head(board, call.title),
      h('p', { class: 'htl-muted' }, t('meeting.bestOnCall'), ' · ', t('results', { count: call.results })),
      h('div', { class: 'htl-slide-body htl-one' }, tableSlot),
    );
    if (cb) fit(tableSlot, (n) => table(cb, n, openBest), cb.rows.length);
    else fill(tableSlot, h('p', {}, t('loading')));
  }

  /** The most rows (of `total`) that fit the slide without scrolling: measured, not guessed. */
  function fit(slot: HTMLElement, make: (rows: number) => HTMLElement, total: number): void {
    let rows = total;
    fill(slot, make(rows));
    const over = () => overflows() || slot.scrollHeight > slot.clientHeight + 1;
    while (rows > 1 && over()) {
      rows--;
      fill(slot, make(rows));
    }
    if (rows < total) return;
    // Room to spare: larger type and rows until the slide is full, then longer names if it is wide enough.
    const wide = () => over() || slot.scrollWidth > slot.clientWidth + 1;
    grow(slot, [1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8], (v) => (slot.style.fontSize = v ? `${v}em` : ''), wide);
    grow(slot, [12, 14, 16, 18, 20, 24], (v) => (v ? slot.style.setProperty('--name-max', `${v}em`) : slot.style.removeProperty('--name-max')), wide);
    grow(slot, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2], (v) => (v ? slot.style.setProperty('--row-pad', `${v}em`) : slot.style.removeProperty('--row-pad')), wide);
  }

  /** Applies each step in turn while it still fits; the first that does not is taken back. */
  function grow(slot: HTMLElement, steps: readonly number[], set: (v: number | null) => void, over: () => boolean): void {
    let kept: number | null = null;
    for (const v of steps) {
      set(v);
      if (over()) break;
      kept = v;
    }
    set(kept);
    void slot.offsetHeight;
  }

  /** Every slide, one to a page, for printing (hidden on screen). */
  function renderPrint(): void {
    if (!overall) return;
    const { board, trend } = overall;
    const page = (...children: (Node | null)[]) => h('section', { class: 'htl-print-slide' }, ...children);
    fill(
      printEl,
      page(head(board, t('allCalls'), 'h2'), champions(board, t, locale), table(board, PRINT_ROWS.overall), h('h3', {}, t('trend')), trendChart(trend, t, locale)),
      ...board.calls.map((c) => {
        const cb = callBoards.get(c.scenario);
        return page(head(board, c.title, 'h2'), h('p', { class: 'htl-muted' }, t('meeting.bestOnCall'), ' · ', t('results', { count: c.results })), cb ? table(cb, PRINT_ROWS.call) : null);
      }),
    );
  }

  function openBest(resultId: number): void {
    // One replay at a time: a second open (a double click) must not take "paused" for the show's own state.
    if (replayOpen) return;
    const resume = !paused;
    setPaused(true);
    replayOpen = openReplay(resultId, {
      client: opts.client,
      code: opts.code,
      t,
      locale,
      className: 'htl-meeting-replay',
      onClose: () => {
        replayOpen = null;
        elapsed = 0;
        if (resume && !destroyed) setPaused(false);
      },
    });
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

  const typing = (e: Event) => e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
  // Space is the show's pause key wherever focus is: a button clicked with the mouse keeps focus,
  // and without this Space would click it again (keyup is what clicks a button).
  const onKey = (e: KeyboardEvent) => {
    if (replayOpen || e.altKey || e.ctrlKey || e.metaKey || typing(e)) return;
    if (e.key === ' ') {
      e.preventDefault();
      if (!e.repeat) setPaused(!paused);
      return;
    }
    if (e.key === 'ArrowRight' || e.key === 'PageDown') go(index + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(index - 1);
    else return;
    e.preventDefault();
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (!replayOpen && e.key === ' ' && !typing(e)) e.preventDefault();
  };
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  const onResize = () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(render, 100);
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('keyup', onKeyUp);
  window.addEventListener('resize', onResize);
  document.title = t('meetingTitle');
  void load();

  return {
    refresh: load,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      clearInterval(timer);
      clearTimeout(resizeTimer);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('resize', onResize);
      replayOpen?.();
      root.remove();
    },
  };
}
