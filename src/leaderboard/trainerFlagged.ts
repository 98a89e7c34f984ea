// One team's results to check on the trainer's page: results that came faster than a person reads
// (the server's reading rule, engine/review/thinkTime.ts), each with its reason. They stay on the
// board but count for no champion until the trainer clears them; Remove takes one off the board
// (asked, then undoable for 10 s). Reloads itself after each change.
import type { ApiClient, FlaggedResult } from '../client/index.js';
import { confirmAction, problem, showUndo } from './confirmUndo.js';
import { fill, h, playerName } from './dom.js';
import { formatDate, formatNumber } from './format.js';
import type { Translate } from './index.js';

export interface FlaggedOptions {
  readonly client: ApiClient;
  readonly token: string;
  readonly code: string;
  readonly t: Translate;
  readonly locale: string;
  /** Where the "Removed — Undo" bar goes (a stable element: the page's). */
  readonly undoHost: Element;
  /** The number of results to check changed (the card's summary says it). */
  readonly counted: (n: number) => void;
}

const seconds = (ms: number, locale: string) => formatNumber(Math.round(ms / 100) / 10, locale);

/** Why a result was flagged, in the trainer's words. */
export function flagReason(r: FlaggedResult, t: Translate, locale: string): string {
  const f = r.flag;
  return t('check.reason', { count: f.replies, tooFast: f.tooFast, fastest: seconds(f.fastestMs, locale), needed: seconds(f.neededMs, locale) });
}

export function mountFlagged(slot: HTMLElement, o: FlaggedOptions): { load: () => Promise<void> } {
  const { t, client, token, code } = o;
  const status = h('p', { role: 'status', class: 'htl-muted' });
  const table = h('div', { class: 'htl-flagged' });
  slot.replaceChildren(h('p', { class: 'htl-muted' }, t('check.help')), table, status);
  let results: readonly FlaggedResult[] = [];

  const say = (text: string) => (status.textContent = text);
  const act = async (what: () => Promise<unknown>): Promise<boolean> => {
    try {
      await what();
      return true;
    } catch (e) {
      say(t('trainer.failed', { message: problem(e, t) }));
      return false;
    }
  };
  const names = (r: FlaggedResult) => ({ name: r.player.name, call: r.title });

  async function clear(r: FlaggedResult): Promise<void> {
    if (!(await act(() => client.trainer.clearFlag(token, code, r.id)))) return;
    await load();
    say(t('check.cleared', names(r)));
  }

  async function remove(r: FlaggedResult): Promise<void> {
    const sure = await confirmAction({ t, question: t('trainer.confirmRemove'), detail: t('manage.removeResultDetail', { title: r.title, name: r.player.name }), confirm: t('trainer.remove') });
    if (!sure || !(await act(() => client.trainer.removeResult(token, code, r.id)))) return;
    say('');
    await load();
    showUndo(o.undoHost, { t, message: t('manage.removedResult', { title: r.title, name: r.player.name }), undo: () => client.trainer.restoreResult(token, code, r.id), after: () => load() });
  }

  function row(r: FlaggedResult): Element {
    return h(
      'tr',
      { 'data-result': r.id },
      h('td', {}, playerName(r.player.name)),
      h('td', { lang: r.locale }, r.title),
      h('td', { class: 'num' }, formatNumber(r.overall, o.locale)),
      h('td', {}, formatDate(r.playedAt, o.locale)),
      h('td', {}, flagReason(r, t, o.locale)),
      h(
        'td',
        { class: 'htl-actions' },
        h(
          'div',
          { class: 'htl-group' },
          h('button', { type: 'button', 'aria-label': t('check.clearNamed', names(r)), 'data-action': 'clear', onclick: () => void clear(r) }, t('check.clear')),
          h('button', { type: 'button', 'aria-label': t('check.removeNamed', names(r)), 'data-action': 'remove', onclick: () => void remove(r) }, t('trainer.remove')),
        ),
      ),
    );
  }

  function render(): void {
    o.counted(results.length);
    if (results.length === 0) return fill(table, h('p', { class: 'htl-muted' }, t('check.none')));
    const cols = ['player', 'call', 'overall', 'played', 'reason', 'actions'];
    fill(
      table,
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col', class: c === 'overall' ? 'num' : null }, t(`check.col.${c}`))))),
        h('tbody', {}, ...results.map(row)),
      ),
    );
  }

  async function load(): Promise<void> {
    try {
      results = (await client.trainer.flagged(token, code)).results;
      render();
    } catch (e) {
      fill(table, h('p', { class: 'htl-error', role: 'alert' }, t('check.failed', { message: problem(e, t) })));
    }
  }

  return { load };
}
