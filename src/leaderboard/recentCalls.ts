// The list of recent calls: newest played first, a page at a time ("More"), each row opening its
// replay; tick two results of the same call and "Compare" opens them side by side. Used on the
// board, and by any view that lists results (a member's results: pass `query.player`).
import type { ApiClient, ResultsPage, ResultsQuery, ResultSummary } from '../client/index.js';
import { openCompare } from './compareView.js';
import { fill, h, playerName } from './dom.js';
import { formatDate, formatWhen } from './format.js';
import type { Translate } from './index.js';

/** Results fetched per page (the first page and each "More"). */
export const PAGE_SIZE = 15;

export interface RecentCallsOptions {
  readonly client: ApiClient;
  readonly code: string;
  readonly t: Translate;
  readonly locale: string;
  /** The period, call and player the list is of (without `limit` or `before`). */
  readonly query: ResultsQuery;
  /** The first page, when the caller fetched it already (with `limit: PAGE_SIZE`); else it is fetched. */
  readonly first?: ResultsPage;
  /** The signed-in player, highlighted. */
  readonly playerId?: number;
  readonly onOpen: (id: number) => void;
  /** Default: opens the comparison in a dialog. */
  readonly onCompare?: (a: number, b: number) => void;
}

/** The list, its "More" button and the compare bar, in one element. */
export function recentCalls(o: RecentCallsOptions): HTMLElement {
  const { t, locale } = o;
  const rows: ResultSummary[] = [];
  /** Ticked for comparison, oldest tick first (a third tick drops the first). */
  let picked: number[] = [];
  let next: number | null = null;

  const root = h('div', { class: 'htl-recent' });
  const tbody = h('tbody');
  const status = h('p', { class: 'htl-muted htl-recent-status', role: 'status' });
  const compare = h('button', { type: 'button', disabled: true, onclick: () => startCompare() }, t('compare.button'));
  const more = h('button', { type: 'button', onclick: () => void loadMore() }, t('moreResults'));
  const error = h('p', { class: 'htl-error', role: 'alert', hidden: true });

  const byId = (id: number) => rows.find((r) => r.id === id);

  function startCompare(): void {
    const [a, b] = picked;
    if (a === undefined || b === undefined || byId(a)?.scenario !== byId(b)?.scenario) return;
    if (o.onCompare) o.onCompare(a, b);
    else openCompare([a, b], { client: o.client, code: o.code, t, locale });
  }

  function updateBar(): void {
    const [a, b] = picked.map(byId);
    const differ = a && b && a.scenario !== b.scenario;
    compare.disabled = !a || !b || Boolean(differ);
    status.textContent = differ ? t('compare.pickSameCall') : picked.length === 2 ? t('compare.ready') : t(picked.length === 1 ? 'compare.pickOne' : 'compare.pickTwo');
    for (const box of tbody.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = picked.includes(Number(box.value));
  }

  function toggle(id: number, on: boolean): void {
    picked = picked.filter((p) => p !== id);
    if (on) picked = [...picked, id].slice(-2);
    updateBar();
  }

  function row(r: ResultSummary): HTMLElement {
    const when = formatDate(r.playedAt, locale);
    const short = formatWhen(r.playedAt, locale);
    const box = h('input', {
      type: 'checkbox',
      value: r.id,
      'aria-label': t('compare.pick', { title: r.title, name: r.player.name, when }),
      onclick: (e: Event) => e.stopPropagation(),
      onkeydown: (e: Event) => e.stopPropagation(),
      onchange: (e: Event) => toggle(r.id, (e.target as HTMLInputElement).checked),
    });
    return h(
      'tr',
      {
        'data-result': r.id,
        tabindex: 0,
        'aria-label': t('openReplay', { title: r.title, name: r.player.name }),
        class: r.player.id === o.playerId ? 'htl-me' : null,
        onclick: () => o.onOpen(r.id),
        onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && e.target === e.currentTarget && o.onOpen(r.id),
      },
      h('td', { class: 'htl-col-pick' }, box),
      h('td', { class: 'htl-col-when' }, h('time', { datetime: r.playedAt, title: when }, short)),
      h('td', { class: 'htl-col-who' }, h('span', { class: 'htl-recent-player' }, playerName(r.player.name)), h('span', { class: 'htl-recent-call' }, r.title)),
      h('td', { class: 'num htl-col-overall' }, r.overall),
      h('td', { class: 'htl-col-grade' }, r.grade),
    );
  }

  function add(page: ResultsPage): void {
    for (const r of page.results) {
      if (byId(r.id)) continue;
      rows.push(r);
      tbody.append(row(r));
    }
    next = page.next;
    more.hidden = next === null;
  }

  async function loadMore(): Promise<void> {
    more.disabled = true;
    error.hidden = true;
    try {
      add(await o.client.results(o.code, { ...o.query, limit: PAGE_SIZE, lang: locale, ...(next !== null ? { before: next } : {}) }));
      if (rows.length === 0) fill(root, h('p', { class: 'htl-muted' }, t('empty')));
    } catch (e) {
      error.textContent = t('moreFailed', { message: e instanceof Error ? e.message : String(e) });
      error.hidden = false;
    } finally {
      more.disabled = false;
    }
  }

  // The player and the call share a column (the call under the name), so the list fits a half-width card.
  const th = (cls: string, ...text: string[]) => h('th', { scope: 'col', class: cls }, ...text);
  const table = h(
    'table',
    {},
    h('thead', {}, h('tr', {}, th('htl-col-pick', t('compare.column')), th('htl-col-when', t('col.when')), th('htl-col-who', `${t('col.player')} · ${t('col.call')}`), th('num htl-col-overall', t('col.overall')), th('htl-col-grade', t('col.grade')))),
    tbody,
  );
  fill(root, table, h('div', { class: 'htl-group htl-recent-actions' }, more, compare), status, error);
  updateBar();
  if (o.first) {
    add(o.first);
    if (rows.length === 0) fill(root, h('p', { class: 'htl-muted' }, t('empty')));
  } else {
    more.hidden = true;
    void loadMore();
  }
  return root;
}
