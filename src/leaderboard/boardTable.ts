// The ranked table and the skill champions, shared by the in-game board and the meeting view.
import type { Board } from '../client/index.js';
import { h } from './dom.js';
import { formatNumber, SKILLS, skillLabel } from './format.js';
import type { Translate } from './index.js';

export interface TableOptions {
  readonly t: Translate;
  readonly locale: string;
  readonly playerId?: number;
  /** Rows shown at most (the meeting view shows the top of the board). */
  readonly limit?: number;
  /** Opens a row's best result (one-call boards). */
  readonly onOpen?: (resultId: number) => void;
}

export function boardTable(board: Board, o: TableOptions): Element {
  const { t, locale } = o;
  if (board.rows.length === 0) return h('p', { class: 'htl-muted' }, t('empty'));
  const one = board.scenario !== null;
  const num = (v: number) => formatNumber(v, locale);
  const rows = board.rows.slice(0, o.limit ?? board.rows.length).map((r) => {
    const open = one && r.bestResult !== null && o.onOpen ? () => o.onOpen!(r.bestResult!) : undefined;
    const me = r.player.id === o.playerId;
    return h(
      'tr',
      {
        class: me ? 'htl-me' : null,
        'data-result': open ? r.bestResult : null,
        tabindex: open ? 0 : null,
        onclick: open,
        onkeydown: open ? (e: Event) => (e as KeyboardEvent).key === 'Enter' && open() : undefined,
      },
      h('td', { class: 'num' }, r.rank),
      h('td', { class: 'htl-name' }, r.player.name, me ? ` (${t('you')})` : ''),
      h('td', { class: 'num' }, r.score),
      h('td', { class: 'num' }, one ? r.attempts : r.calls),
      ...SKILLS.map((s) => h('td', { class: 'num' }, num(r[s]))),
    );
  });
  return h(
    'table',
    {},
    h('caption', { class: 'htl-muted' }, t(one ? 'scoreHelpCall' : 'scoreHelpAll')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { class: 'num', scope: 'col' }, t('col.rank')),
        h('th', { scope: 'col' }, t('col.player')),
        h('th', { class: 'num', scope: 'col' }, t(one ? 'col.best' : 'col.score')),
        h('th', { class: 'num', scope: 'col' }, t(one ? 'col.attempts' : 'col.calls')),
        ...SKILLS.map((s) => h('th', { class: 'num', scope: 'col' }, skillLabel(t, s))),
      ),
    ),
    h('tbody', {}, ...rows),
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
        h('strong', {}, c ? c.player.name : t('noChampion')),
        c && h('span', { class: 'htl-muted' }, t('championLine', { average: formatNumber(c.average, locale), count: c.results })),
      );
    }),
  );
}
