// The team page (`?view=team&team=<code>`, or "Team" on the board): every member — those who
// never played too — with when they last played, the calls they did in the period, each skill's
// average and who hasn't practised in the last 7 days; a member opens their progress per week (a chart)
// and their results, each replayed with the replay view; and the team's insights beside it.
import type { ApiClient, Period, ResultSummary } from '../client/index.js';
import type { Insights, Member, MembersPage } from '../client/teamTypes.js';
import { fill, h, playerName, withName } from './dom.js';
import { formatDate, formatNumber, SKILLS, skillLabel } from './format.js';
import { localeOf, translator } from './i18n.js';
import type { MountedView, Translate } from './index.js';
import { assignmentsApi } from '../client/assignmentsApi.js';
import type { AssignmentBoard } from '../client/assignmentTypes.js';
import { assignmentsPanel } from './assignmentPanel.js';
import { injectAssignmentStyles } from './assignmentStyles.js';
import { insightsPanel } from './insightsPanel.js';
import { progressChart } from './progressChart.js';
import { relativeTime } from './relativeTime.js';
import { openReplay } from './replayView.js';
import { injectStyles } from './styles.js';
import { injectTeamStyles } from './teamStyles.js';

export const TEAM_PERIODS = ['last7', 'month', 'season', 'all'] as const satisfies readonly Period[];
export type TeamPeriod = (typeof TEAM_PERIODS)[number];
/** Results listed for a member at first, and added by "Show more". */
const RESULTS_PAGE = 10;

export interface TeamPageOptions {
  readonly client: ApiClient;
  /** The team's join code or its read-only board code. */
  readonly code: string;
  readonly lang?: string;
  readonly t?: Translate;
  /** The signed-in player, highlighted. */
  readonly playerId?: number;
  readonly period?: TeamPeriod;
  /** Shows a Back button that calls this. */
  readonly onClose?: () => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function mountTeam(container: HTMLElement, opts: TeamPageOptions): MountedView {
  injectStyles();
  injectTeamStyles();
  injectAssignmentStyles();
  const t = translator(opts);
  const locale = localeOf(opts);
  const { client, code } = opts;
  let period: TeamPeriod = opts.period ?? 'last7';
  let loadId = 0;
  let open: { member: Member; close: () => void } | null = null;
  const replays = new Set<() => void>();

  const root = h('section', { class: 'htl-lb htl-team', 'aria-label': t('team.title') });
  const head = h('div', { class: 'htl-head' });
  const content = h('div', { class: 'htl-team-body', 'aria-busy': 'true' }, h('p', {}, t('loading')));
  const detail = h('div', { class: 'htl-member-slot' });
  root.append(head, content);
  container.append(root);

  const replay = (id: number) => {
    const close = openReplay(id, { client, code, t, locale, onClose: () => replays.delete(close) });
    replays.add(close);
  };

  function header(page: MembersPage | null): void {
    fill(
      head,
      h('div', {}, h('h2', {}, page ? t('team.heading', { name: page.team.name }) : t('team.title')), page && h('span', { class: 'htl-muted' }, t('season', { season: page.team.season }))),
      h(
        'div',
        { class: 'htl-group', role: 'group', 'aria-label': t('periodLabel') },
        ...TEAM_PERIODS.map((p) => h('button', { type: 'button', 'aria-pressed': String(p === period), onclick: () => ((period = p), void load()) }, t(`team.period.${p}`))),
        opts.onClose && h('button', { type: 'button', onclick: opts.onClose }, t('team.back')),
      ),
    );
  }

  const score = (v: number | null) =>
    v === null ? h('span', {}, h('span', { 'aria-hidden': 'true' }, '–'), h('span', { class: 'htl-sr' }, t('team.noScore'))) : formatNumber(v, locale);

  function membersTable(page: MembersPage): HTMLElement {
    if (page.members.length === 0) return h('p', { class: 'htl-muted' }, t('team.noMembers'));
    // On a narrow screen the table scrolls sideways in its own box (reachable by keyboard), not the page.
    return h(
      'div',
      { class: 'htl-table-scroll', tabindex: 0, role: 'region', 'aria-label': t('team.members') },
      h(
        'table',
        { class: 'htl-members' },
        h('caption', { class: 'htl-muted' }, t('team.membersHelp')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('col.player')),
            h('th', { scope: 'col' }, t('team.col.lastPlayed')),
            h('th', { scope: 'col', class: 'num' }, t('team.col.calls')),
            ...SKILLS.map((s) => h('th', { scope: 'col', class: 'num' }, skillLabel(t, s))),
            h('th', { scope: 'col' }, t('team.col.thisWeek')),
          ),
        ),
        h(
          'tbody',
          {},
          ...page.members.map((m) => {
            const me = m.player.id === opts.playerId;
            const button = h(
              'button',
              { type: 'button', class: 'htl-member-open', 'aria-expanded': String(open?.member.player.id === m.player.id), 'aria-label': t('team.openMember', { name: m.player.name }), onclick: () => openMember(m, button) },
              playerName(m.player.name),
            );
            return h(
              'tr',
              { 'data-member': m.player.id, class: [me ? 'htl-me' : '', m.practisedThisWeek ? '' : 'htl-idle'].join(' ').trim() || null },
              h('th', { scope: 'row', class: 'htl-name' }, button, me ? ` (${t('you')})` : ''),
              h('td', {}, m.lastPlayedAt ? h('time', { datetime: m.lastPlayedAt, title: formatDate(m.lastPlayedAt, locale) }, relativeTime(m.lastPlayedAt, locale)) : h('span', { class: 'htl-muted' }, t('team.never'))),
              h('td', { class: 'num' }, m.callsInPeriod, m.resultsInPeriod > m.callsInPeriod && h('span', { class: 'htl-count-detail htl-muted' }, t('results', { count: m.resultsInPeriod }))),
              ...SKILLS.map((s) => h('td', { class: 'num' }, score(m[s]))),
              h('td', {}, m.practisedThisWeek ? h('span', { class: 'htl-practised' }, t('team.practised')) : h('span', { class: 'htl-badge', 'data-badge': 'idle' }, t('team.notPractised'))),
            );
          }),
        ),
      ),
    );
  }

  function resultsTable(results: readonly ResultSummary[]): HTMLElement {
    return h(
      'table',
      { class: 'htl-member-results' },
      h('thead', {}, h('tr', {}, ...['when', 'call', 'overall', 'grade'].map((c) => h('th', { scope: 'col', class: c === 'overall' ? 'num' : null }, t(`col.${c}`))))),
      h(
        'tbody',
        {},
        ...results.map((r) =>
          h(
            'tr',
            { 'data-result': r.id, tabindex: 0, 'aria-label': t('openReplay', { title: r.title, name: r.player.name }), onclick: () => replay(r.id), onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && replay(r.id) },
            h('td', {}, formatDate(r.playedAt, locale)),
            h('td', {}, r.title),
            h('td', { class: 'num' }, r.overall),
            h('td', {}, r.grade),
          ),
        ),
      ),
    );
  }

  /** A member's progress and results, below the table; focus moves to it, and back to their name when it closes. */
  function openMember(m: Member, from: HTMLElement): void {
    open?.close();
    const heading = h('h3', { tabindex: -1 }, ...withName((name) => t('team.progressOf', { name }), m.player.name));
    const chartSlot = h('div', { 'aria-busy': 'true' }, h('p', {}, t('loading')));
    const resultsSlot = h('div', { 'aria-busy': 'true' }, h('p', {}, t('loading')));
    // The table is drawn again on every load: its button for this member is looked up, not kept.
    const nameButton = () => root.querySelector<HTMLElement>(`tr[data-member="${m.player.id}"] .htl-member-open`) ?? from;
    const close = () => {
      panel.remove();
      nameButton().setAttribute('aria-expanded', 'false');
      open = null;
    };
    const panel = h(
      'section',
      { class: 'htl-panel htl-member', 'data-member-detail': m.player.id, 'aria-label': t('team.openMember', { name: m.player.name }) },
      h('div', { class: 'htl-head' }, heading, h('button', { type: 'button', onclick: () => { const back = nameButton(); close(); back.focus(); } }, t('team.closeMember'))),
      chartSlot,
      h('h4', {}, ...withName((name) => t('team.resultsOf', { name }), m.player.name)),
      resultsSlot,
    );
    open = { member: m, close };
    from.setAttribute('aria-expanded', 'true');
    fill(detail, panel);
    heading.focus();

    client.progress(code, m.player.id, { period: 'season' }).then(
      (p) => (fill(chartSlot, progressChart(p, t, locale)), chartSlot.setAttribute('aria-busy', 'false')),
      (e: unknown) => (fill(chartSlot, h('p', { class: 'htl-error', role: 'alert' }, t('team.loadFailed', { message: message(e) }))), chartSlot.setAttribute('aria-busy', 'false')),
    );
    const shown: ResultSummary[] = [];
    const more = async (before: number | null) => {
      try {
        const page = await client.results(code, { player: m.player.id, limit: RESULTS_PAGE, ...(before !== null ? { before } : {}) });
        shown.push(...page.results);
        const next = page.next;
        fill(
          resultsSlot,
          shown.length === 0 ? h('p', { class: 'htl-muted' }, t('team.noResults')) : resultsTable(shown),
          next !== null && h('button', { type: 'button', onclick: () => void more(next) }, t('team.moreResults')),
        );
      } catch (e) {
        fill(resultsSlot, h('p', { class: 'htl-error', role: 'alert' }, t('team.loadFailed', { message: message(e) })));
      } finally {
        resultsSlot.setAttribute('aria-busy', 'false');
      }
    };
    void more(null);
  }

  function render(page: MembersPage, insights: Insights, assignments: AssignmentBoard | null): void {
    const still = open && page.members.find((m) => m.player.id === open!.member.player.id);
    fill(
      content,
      assignmentsPanel(assignments, t, locale),
      h('div', { class: 'htl-panel htl-members-panel' }, h('h3', {}, t('team.members')), membersTable(page), detail),
      insightsPanel(insights, { t, locale, onReplay: replay }),
    );
    if (!still) open?.close();
  }

  async function load(): Promise<void> {
    const id = ++loadId;
    content.setAttribute('aria-busy', 'true');
    if (!code) {
      header(null);
      fill(content, h('p', { class: 'htl-error', role: 'alert' }, t('team.noTeam')));
      content.setAttribute('aria-busy', 'false');
      return;
    }
    try {
      // Assignments are a part of their own: an older server without them leaves the rest of the page as it was.
      const [page, insights, assignments] = await Promise.all([client.members(code, { period }), client.insights(code, { period, lang: locale }), assignmentsApi(client).board(code).catch(() => null)]);
      if (id !== loadId) return;
      header(page);
      render(page, insights, assignments);
    } catch (e) {
      if (id !== loadId) return;
      header(null);
      fill(content, h('p', { class: 'htl-error', role: 'alert' }, t('team.loadFailed', { message: message(e) })), h('button', { type: 'button', onclick: () => void load() }, t('retry')));
    } finally {
      if (id === loadId) content.setAttribute('aria-busy', 'false');
    }
  }

  header(null);
  void load();
  return {
    refresh: load,
    destroy: () => {
      loadId++;
      for (const close of [...replays]) close();
      root.remove();
    },
  };
}

/**
 * The board's "Team" button: shows the team page in the board's place, and the board again when
 * the team page's Back is pressed.
 */
export function teamButton(board: HTMLElement, opts: Omit<TeamPageOptions, 'onClose'>): HTMLButtonElement {
  const t = translator(opts);
  const button = h('button', { type: 'button', 'data-open': 'team' }, t('team.open'));
  button.addEventListener('click', () => {
    const slot = h('div', { class: 'htl-team-slot' });
    board.after(slot);
    board.hidden = true;
    const view = mountTeam(slot, {
      ...opts,
      onClose: () => {
        view.destroy();
        slot.remove();
        board.hidden = false;
        button.focus();
      },
    });
  });
  return button;
}
