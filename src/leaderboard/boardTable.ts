// The ranked table, how it is ranked, and the skill champions, shared by the in-game board and
// the meeting view. The rule itself is the server's (src/server/board.ts); this only shows it.
import type { Board } from '../client/index.js';
import { h, playerName } from './dom.js';
import { formatNumber, SKILLS, skillLabel } from './format.js';
import type { Translate } from './index.js';

export interface TableOptions {
  readonly t: Translate;
  readonly locale: string;
  readonly playerId?: number;
  /** Rows shown at most (the meeting view shows the top of the board). */
  readonly limit?: number;
  /** Opens a row's best result (one-call boards; every board with `openOverall`). */
  readonly onOpen?: (resultId: number) => void;
  /** Rows of the all-calls board open the player's best result too. */
  readonly openOverall?: boolean;
  /** False leaves out the "How is this ranked?" disclosure (a caller shows it elsewhere). */
  readonly explain?: boolean;
}

export function boardTable(board: Board, o: TableOptions): Element {
  const { t, locale } = o;
  if (board.rows.length === 0) return h('p', { class: 'htl-muted' }, t('empty'));
  const one = board.scenario !== null;
  const num = (v: number) => formatNumber(v, locale);
  const rows = board.rows.slice(0, o.limit ?? board.rows.length).map((r) => {
    const open = r.bestResult !== null && o.onOpen && (one || o.openOverall) ? () => o.onOpen!(r.bestResult!) : undefined;
    const me = r.player.id === o.playerId;
    const needs = board.minAttempts - r.periodAttempts;
    return h(
      'tr',
      {
        class: [me ? 'htl-me' : '', r.ranked ? '' : 'htl-unranked htl-muted'].join(' ').trim() || null,
        'data-result': open ? r.bestResult : null,
        'data-ranked': String(r.ranked),
        tabindex: open ? 0 : null,
        onclick: open,
        onkeydown: open ? (e: Event) => (e as KeyboardEvent).key === 'Enter' && open() : undefined,
      },
      h('td', { class: 'num' }, r.rank ?? '–'),
      h('td', { class: 'htl-name' }, playerName(r.player.name), me ? ` (${t('you')})` : '', r.ranked ? null : h('span', { class: 'htl-needs' }, ` · ${t('needsMore', { count: needs })}`), ...marks(r, t)),
      h('td', { class: 'num' }, num(r.standing)),
      one ? null : h('td', { class: 'num', 'aria-label': t('coverage', { calls: r.calls, available: r.callsAvailable }) }, `${r.calls}/${r.callsAvailable}`),
      h('td', { class: 'num' }, r.attempts),
      ...SKILLS.map((s) => h('td', { class: 'num' }, num(r[s]))),
      h('td', { class: 'num' }, num(r.average)),
    );
  });
  return h(
    'div',
    { class: 'htl-board-table' },
    h(
      'table',
      {},
      h('caption', { class: 'htl-muted' }, t(one ? 'standingHelpCall' : 'standingHelpAll')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { class: 'num', scope: 'col' }, t('col.rank')),
          h('th', { scope: 'col' }, t('col.player')),
          h('th', { class: 'num', scope: 'col' }, t(one ? 'col.best' : 'col.standing')),
          one ? null : h('th', { class: 'num', scope: 'col' }, t('col.calls')),
          h('th', { class: 'num', scope: 'col' }, t('col.attempts')),
          ...SKILLS.map((s) => h('th', { class: 'num', scope: 'col' }, skillLabel(t, s))),
          h('th', { class: 'num', scope: 'col' }, t('col.average')),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    o.explain === false ? null : howRanked(board, t),
  );
}

/**
 * What a row's results carry: best results played offline (without the server's ticket), and a
 * best awaiting the trainer's check (faster than a person reads: no champion until cleared).
 */
function marks(r: Board['rows'][number], t: Translate): Element[] {
  const out: Element[] = [];
  if (r.offline > 0) out.push(h('span', { class: 'htl-mark', 'data-mark': 'offline', title: t('marks.offlineTitle', { count: r.offline }) }, t('marks.offline')));
  if (r.checking) out.push(h('span', { class: 'htl-mark', 'data-mark': 'checking', title: t('marks.checkingTitle') }, t('marks.checking')));
  return out;
}

/** "How is this ranked?": the board's rule in words, under the board. */
export function howRanked(board: Board, t: Translate): Element {
  const vars = { min: board.minAttempts, available: board.callsAvailable };
  return h(
    'details',
    { class: 'htl-ranking' },
    h('summary', {}, t('howRanked')),
    h('p', {}, t(`ranking.${board.ranking}`, vars)),
    board.scenario !== null ? h('p', {}, t('ranking.oneCall')) : null,
  );
}

export function champions(board: Board, t: Translate, locale: string): Element {
  return h(
    'div',
    { class: 'htl-champions', role: 'list', 'aria-label': t('champions') },
    ...SKILLS.map((s) => {
      const c = board.champions[s];
      return h(
        'div',
        { class: 'htl-champion', role: 'listitem' },
        h('span', { class: 'htl-muted' }, t('championOf', { skill: skillLabel(t, s) })),
        h('strong', {}, c ? playerName(c.player.name) : t('noChampion')),
        c && h('span', { class: 'htl-muted' }, t('championLine', { average: formatNumber(c.average, locale), count: c.results })),
        c && c.tied.length > 0 && h('span', { class: 'htl-muted htl-tied' }, ' · ', t('championTied', { count: c.tied.length, names: c.tied.map((p) => p.name).join(', ') })),
      );
    }),
  );
}
