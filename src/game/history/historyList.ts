// The list of "My history": one row per call, newest first — its title (the button that reopens
// its debrief), when (relative, in the interface's language), the mode (a branch names its turn),
// whether it is still to be uploaded (when signed in), and its three skills, overall and grade.
import type { TFunction } from 'i18next';
import { relativeTime } from '../../leaderboard/relativeTime.js';
import { button, fill, h } from '../ui/dom.js';
import type { HistoryRow } from './rows.js';

export interface HistoryList {
  readonly el: HTMLElement;
  show(rows: readonly HistoryRow[], signedIn: boolean): void;
  /** Says something about one row (opening, changed since), read out where it is. */
  note(key: string, text: string): void;
  /** Moves focus to a row's button (or the first row's); false when there is no such row. */
  focus(key?: string | null): boolean;
}

const SKILLS = ['politeness', 'accuracy', 'judgment'] as const;

export function modeText(t: TFunction, row: Pick<HistoryRow, 'kind' | 'branchTurn'>): string {
  switch (row.kind) {
    case 'exam':
      return t('mode.exam');
    case 'practice':
      return t('mode.practice');
    case 'branch':
      return t('history.branch', { turn: row.branchTurn ?? '?' });
  }
}

export function historyList(t: TFunction, lang: () => string, onOpen: (row: HistoryRow) => void): HistoryList {
  const list = h('ol', { class: 'htl-history-list' });
  const buttons = new Map<string, HTMLButtonElement>();
  const notes = new Map<string, HTMLElement>();

  const rowEl = (row: HistoryRow, i: number, signedIn: boolean): HTMLElement => {
    const id = `htl-history-row-${i}`;
    const iso = new Date(row.playedAt).toISOString();
    const when = new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' }).format(row.playedAt);
    const open = button(h('span', { lang: row.locale }, row.title), () => onOpen(row), { class: 'htl-history-open', 'aria-describedby': `${id}-meta ${id}-scores`, 'data-key': row.key });
    buttons.set(row.key, open);
    const note = h('p', { class: 'htl-history-note', role: 'status' });
    notes.set(row.key, note);
    const score = (label: string, value: string | number, cls: string) => h('li', { class: cls }, h('span', { class: 'htl-history-label' }, label), ' ', h('b', {}, value));
    return h(
      'li',
      { class: `htl-history-row htl-history-${row.kind}`, 'data-kind': row.kind },
      h(
        'div',
        { class: 'htl-history-what' },
        h('h3', {}, open),
        h(
          'p',
          { class: 'htl-history-meta', id: `${id}-meta` },
          h('time', { datetime: iso, title: when }, relativeTime(iso, lang())),
          ' · ',
          h('span', { class: 'htl-history-mode' }, modeText(t, row)),
          // Signed out, every call is on this device only, and the status line says so once.
          signedIn && !row.uploaded && ' · ',
          signedIn && !row.uploaded && h('span', { class: 'htl-history-pending' }, t('history.notUploaded')),
        ),
        note,
      ),
      h(
        'ul',
        { class: 'htl-history-scores', id: `${id}-scores`, 'aria-label': t('history.scores') },
        ...SKILLS.map((s) => score(t(`skill.${s}`), row.skills[s], `htl-${s}`)),
        score(t('debrief.overall'), row.skills.overall, 'htl-history-overall'),
        score(t('debrief.grade'), row.skills.grade, 'htl-history-grade'),
      ),
    );
  };

  return {
    el: list,
    show(rows, signedIn) {
      const focused = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
      buttons.clear();
      notes.clear();
      if (rows.length === 0) fill(list, h('li', { class: 'htl-history-empty' }, t('history.empty')));
      else fill(list, ...rows.map((r, i) => rowEl(r, i, signedIn)));
      if (focused) buttons.get(focused)?.focus();
    },
    note(key, text) {
      const n = notes.get(key);
      if (n) n.textContent = text;
    },
    focus(key) {
      const b = (key ? buttons.get(key) : undefined) ?? (key === undefined ? buttons.values().next().value : undefined);
      b?.focus();
      return b !== undefined;
    },
  };
}
