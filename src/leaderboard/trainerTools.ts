// What a trainer can do from the board: export every result as CSV, rename the team, start a
// new season, look at a past season, and remove a result (asked first, undoable for 10 s).
// Shown only when the board was opened with the trainer token. A change to the team is announced
// with a bubbling TEAM_CHANGED event, so the trainer's page updates its team list at once.
import type { ApiClient, ResultSummary, TeamInfo } from '../client/index.js';
import { confirmAction, problem, showUndo } from './confirmUndo.js';
import { h } from './dom.js';
import type { Translate } from './index.js';
import { renameForm } from './trainerRoster.js';
import { injectTrainerStyles } from './trainerStyles.js';

export const TEAM_CHANGED = 'htl-team-changed';

export interface TrainerToolsOptions {
  readonly client: ApiClient;
  readonly code: string;
  readonly token: string;
  readonly t: Translate;
  readonly team: TeamInfo;
  readonly reload: () => Promise<void>;
  /** The season the board shows (null: the current one) and how to show another; no picker without it. */
  readonly season?: number | null;
  readonly onSeason?: (season: number | null) => void;
}

/**
 * The board's "remove this result": asks, removes, then offers Undo for 10 s in `host`. Resolves
 * true when the result was removed (the replay closes), false when the trainer changed their mind
 * or it failed (said in `host`'s undo bar or in words).
 */
export function removeResultWithUndo(o: { client: ApiClient; code: string; token: string; t: Translate; host: Element; reload: () => Promise<void> }) {
  const { t } = o;
  return async (r: Pick<ResultSummary, 'id' | 'title' | 'player'>): Promise<boolean> => {
    const sure = await confirmAction({ t, question: t('trainer.confirmRemove'), detail: t('manage.removeResultDetail', { title: r.title, name: r.player.name }), confirm: t('trainer.remove') });
    if (!sure) return false;
    try {
      await o.client.trainer.removeResult(o.token, o.code, r.id);
    } catch (e) {
      showUndo(o.host, { t, message: t('trainer.failed', { message: problem(e, t) }) });
      return false;
    }
    showUndo(o.host, { t, message: t('manage.removedResult', { title: r.title, name: r.player.name }), undo: () => o.client.trainer.restoreResult(o.token, o.code, r.id), after: o.reload });
    await o.reload();
    return true;
  };
}

export function trainerTools(o: TrainerToolsOptions): Element {
  injectTrainerStyles();
  const { t } = o;
  const status = h('p', { role: 'status', class: 'htl-muted' });
  let panel: HTMLElement | null = null;
  const announce = () => panel?.dispatchEvent(new CustomEvent(TEAM_CHANGED, { bubbles: true }));
  const run = (action: () => Promise<unknown>) => async () => {
    try {
      await action();
      await o.reload();
    } catch (e) {
      status.textContent = t('trainer.failed', { message: problem(e, t) });
    }
  };
  const exportCsv = run(async () => {
    const csv = await o.client.trainer.exportCsv(o.token, o.code);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: `${o.team.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-results.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const renameSlot = h('div');
  const rename = () => {
    renameSlot.replaceChildren(
      renameForm({
        t,
        label: t('manage.newTeamName', { name: o.team.name }),
        value: o.team.name,
        cancel: () => renameSlot.replaceChildren(),
        save: async (name) => {
          try {
            await o.client.trainer.renameTeam(o.token, o.code, name);
          } catch (e) {
            status.textContent = t('trainer.failed', { message: problem(e, t) });
            return;
          }
          renameSlot.replaceChildren();
          announce();
          await o.reload();
        },
      }),
    );
  };
  const season = async () => {
    if (!(await confirmAction({ t, question: t('trainer.confirmNewSeason'), confirm: t('trainer.newSeason') }))) return;
    await run(async () => {
      await o.client.trainer.resetSeason(o.token, o.code);
      announce();
      o.onSeason?.(null);
    })();
  };

  const seasons = Array.from({ length: o.team.season }, (_, i) => o.team.season - i);
  const picker =
    o.onSeason && o.team.season > 1
      ? h(
          'label',
          {},
          t('manage.seasonShown'),
          ' ',
          h(
            'select',
            {
              onchange: (e: Event) => {
                const n = Number((e.target as HTMLSelectElement).value);
                o.onSeason!(n === o.team.season ? null : n);
              },
            },
            ...seasons.map((n) =>
              h('option', { value: n, ...((o.season ?? o.team.season) === n ? { selected: true } : {}) }, n === o.team.season ? t('manage.currentSeason', { season: n }) : t('season', { season: n })),
            ),
          ),
        )
      : null;

  panel = h(
    'div',
    { class: 'htl-panel htl-trainer' },
    h('h3', {}, t('trainer.title')),
    h(
      'div',
      { class: 'htl-group' },
      h('button', { type: 'button', onclick: () => void exportCsv() }, t('trainer.exportCsv')),
      h('button', { type: 'button', onclick: rename }, t('trainer.renameTeam')),
      h('button', { type: 'button', onclick: () => void season() }, t('trainer.newSeason')),
      picker,
    ),
    o.season && o.season !== o.team.season ? h('p', { class: 'htl-muted' }, t('manage.pastSeason', { season: o.season })) : null,
    renameSlot,
    status,
  );
  return panel;
}
