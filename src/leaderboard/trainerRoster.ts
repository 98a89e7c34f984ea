// One team's players on the trainer's page: name, when they joined and last played, results,
// and whether they are removed, signed out or without a personal code; rename, remove (asked, then
// undoable for 10 s), restore, revoke a token (asked), and make a new personal code (asked; shown
// once above the table, to hand over). Reloads itself after each change.
import type { ApiClient, RosterPlayer } from '../client/index.js';
import { confirmAction, problem, showUndo } from './confirmUndo.js';
import { fill, h, playerName } from './dom.js';
import { formatDate } from './format.js';
import { relativeTime } from './relativeTime.js';
import type { Translate } from './index.js';

export interface RosterOptions {
  readonly client: ApiClient;
  readonly token: string;
  readonly code: string;
  readonly teamName: string;
  readonly t: Translate;
  readonly locale: string;
  /** Where the "Removed — Undo" bar goes (a stable element: the page's). */
  readonly undoHost: Element;
}

/** A name edited in place: Save and Cancel, Escape cancels; `save` throws to keep the form open. */
export function renameForm(o: { t: Translate; label: string; value: string; save: (name: string) => Promise<void>; cancel: () => void }): HTMLFormElement {
  const input = h('input', { value: o.value, maxlength: 40, required: true, 'aria-label': o.label, autocomplete: 'off' });
  const form = h(
    'form',
    {
      class: 'htl-inline',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const name = input.value.trim();
        if (!name || name === o.value) return o.cancel();
        void o.save(name);
      },
      onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Escape' && o.cancel(),
    },
    input,
    h('button', { type: 'submit' }, o.t('manage.save')),
    h('button', { type: 'button', onclick: () => o.cancel() }, o.t('manage.cancel')),
  );
  queueMicrotask(() => (input.focus(), input.select()));
  return form;
}

export function mountRoster(slot: HTMLElement, o: RosterOptions): { load: () => Promise<void> } {
  const { t, client, token, code } = o;
  const status = h('p', { role: 'status', class: 'htl-muted' });
  /** A personal code just made: shown here once (until the page changes), for the trainer to hand over. */
  const handOver = h('p', { class: 'htl-code-issued', role: 'alert', tabindex: -1, hidden: true, style: 'font-weight:600' });
  const table = h('div', { class: 'htl-roster' });
  slot.replaceChildren(handOver, table, status);
  let players: readonly RosterPlayer[] = [];
  let editing: number | null = null;

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

  async function remove(p: RosterPlayer): Promise<void> {
    const sure = await confirmAction({ t, question: t('manage.confirmRemovePlayer', { name: p.name }), detail: t('manage.removePlayerDetail'), confirm: t('trainer.remove') });
    if (!sure || !(await act(() => client.trainer.removePlayer(token, code, p.id)))) return;
    say('');
    await load();
    showUndo(o.undoHost, {
      t,
      message: t('manage.removedPlayer', { name: p.name }),
      undo: () => client.trainer.restorePlayer(token, code, p.id),
      after: () => load(),
    });
  }

  async function revoke(p: RosterPlayer): Promise<void> {
    const sure = await confirmAction({ t, question: t('manage.confirmRevoke', { name: p.name }), detail: t('manage.revokeDetail'), confirm: t('manage.revoke') });
    if (sure && (await act(() => client.trainer.revokePlayer(token, code, p.id)))) {
      await load();
      say(t('manage.revoked', { name: p.name }));
    }
  }

  /** A new personal code (asked first): the old one stops working; the new one is shown once, to hand over. */
  async function newCode(p: RosterPlayer): Promise<void> {
    const sure = await confirmAction({ t, question: t('manage.confirmNewCode', { name: p.name }), detail: t('manage.newCodeDetail'), confirm: t('manage.newCodeConfirm') });
    if (!sure) return;
    let issued = '';
    if (!(await act(async () => (issued = (await client.trainer.newPersonalCode(token, code, p.id)).personalCode)))) return;
    await load();
    fill(handOver, t('manage.codeIssued', { name: p.name, code: issued }));
    handOver.hidden = false;
    handOver.focus();
  }

  async function restore(p: RosterPlayer): Promise<void> {
    if (await act(() => client.trainer.restorePlayer(token, code, p.id))) {
      await load();
      say(t('manage.restoredPlayer', { name: p.name }));
    }
  }

  function nameCell(p: RosterPlayer): Element {
    if (editing !== p.id) return h('td', {}, playerName(p.name));
    return h(
      'td',
      {},
      renameForm({
        t,
        label: t('manage.newPlayerName', { name: p.name }),
        value: p.name,
        cancel: () => ((editing = null), render()),
        save: async (name) => {
          if (await act(() => client.trainer.renamePlayer(token, code, p.id, name))) {
            editing = null;
            await load();
            say(t('manage.renamedPlayer', { name }));
          }
        },
      }),
    );
  }

  function row(p: RosterPlayer): Element {
    const removed = p.removedAt !== null;
    const flag = removed ? t('manage.flagRemoved') : p.revoked ? t('manage.flagRevoked') : !p.hasPersonalCode ? t('manage.flagNoCode') : null;
    const label = (key: string) => ({ 'aria-label': t(key, { name: p.name }) });
    return h(
      'tr',
      { class: removed ? 'htl-removed' : null, 'data-player': p.id },
      nameCell(p),
      h('td', {}, formatDate(p.joinedAt, o.locale, false)),
      h('td', {}, p.lastPlayedAt ? h('time', { datetime: p.lastPlayedAt, title: formatDate(p.lastPlayedAt, o.locale) }, relativeTime(p.lastPlayedAt, o.locale)) : t('manage.never')),
      h('td', { class: 'num' }, p.results),
      h('td', {}, flag ? h('span', { class: 'htl-flag' }, flag) : t('manage.active')),
      h(
        'td',
        { class: 'htl-actions' },
        removed
          ? h('button', { type: 'button', ...label('manage.restorePlayerNamed'), onclick: () => void restore(p) }, t('manage.restore'))
          : h(
              'div',
              { class: 'htl-group' },
              h('button', { type: 'button', ...label('manage.renamePlayerNamed'), onclick: () => ((editing = p.id), render()) }, t('manage.rename')),
              h('button', { type: 'button', ...label('manage.removePlayerNamed'), onclick: () => void remove(p) }, t('trainer.remove')),
              h('button', { type: 'button', ...label('manage.revokeNamed'), disabled: p.revoked, onclick: () => void revoke(p) }, t('manage.revoke')),
              h('button', { type: 'button', ...label('manage.newCodeNamed'), 'data-action': 'personal-code', onclick: () => void newCode(p) }, p.hasPersonalCode ? t('manage.newCode') : t('manage.makeCode')),
            ),
      ),
    );
  }

  function render(): void {
    if (players.length === 0) return fill(table, h('p', { class: 'htl-muted' }, t('manage.noPlayers')));
    const cols = ['manage.col.name', 'manage.col.joined', 'manage.col.lastPlayed', 'manage.col.results', 'manage.col.status', 'manage.col.actions'];
    fill(
      table,
      h(
        'table',
        {},
        h('caption', { class: 'htl-muted', style: 'text-align:left' }, t('manage.playersOf', { team: o.teamName })),
        h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col', class: c === 'manage.col.results' ? 'num' : null }, t(c))))),
        h('tbody', {}, ...players.map(row)),
      ),
    );
  }

  async function load(): Promise<void> {
    try {
      players = (await client.trainer.players(token, code)).players;
      render();
    } catch (e) {
      fill(table, h('p', { class: 'htl-error', role: 'alert' }, t('manage.playersFailed', { message: problem(e, t) })));
    }
  }

  return { load };
}
