// The trainer's page (`/?view=trainer`): sign in with the trainer token, create teams, and for
// each team its codes (join code, read-only board code for displays), the minimum of attempts,
// its players, its board with the trainer's tools (CSV, rename, new season, a past season, remove
// a result) and its meeting view. The token stays in this tab only (sessionStorage).
import type { TrainerTeamInfo } from '../client/index.js';
import { problem } from './confirmUndo.js';
import { fill, h } from './dom.js';
import { localeOf, translator } from './i18n.js';
import type { LeaderboardOptions, MountedView, Translate } from './index.js';
import { mountBoard } from './boardPage.js';
import { injectStyles } from './styles.js';
import { teamCard } from './trainerTeam.js';
import { TEAM_CHANGED } from './trainerTools.js';
import { injectTrainerStyles } from './trainerStyles.js';
import { listCalls } from '../editor/page/editorApi.js';

const TOKEN_KEY = 'holdtheline.trainerToken';

export function mountTrainer(container: HTMLElement, opts: Pick<LeaderboardOptions, 'client' | 'lang' | 't'>): MountedView {
  injectStyles();
  injectTrainerStyles();
  const t: Translate = translator(opts);
  const locale = localeOf(opts);
  const root = h('main', { class: 'htl-lb htl-trainer', 'aria-label': t('trainer.title') });
  const body = h('div');
  const status = h('p', { role: 'status', class: 'htl-muted' });
  root.append(h('h1', {}, t('trainer.title')), status, body);
  container.append(root);
  let board: MountedView | null = null;
  let boardCode: string | null = null;
  let token = globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? '';
  let teams: readonly TrainerTeamInfo[] = [];
  const open = new Set<string>();
  const renaming = { code: null as string | null };
  const list = h('div', { class: 'htl-panel' });
  const boardSlot = h('div');

  function signInForm(): void {
    const input = h('input', { type: 'password', id: 'htl-trainer-token', autocomplete: 'off', value: token, style: 'min-width:22em' });
    fill(
      body,
      h(
        'form',
        {
          class: 'htl-panel',
          onsubmit: (e: Event) => {
            e.preventDefault();
            token = input.value.trim();
            void load();
          },
        },
        h('label', { for: 'htl-trainer-token' }, t('trainer.tokenLabel')),
        ' ',
        input,
        ' ',
        h('button', { type: 'submit' }, t('trainer.signIn')),
        h('p', { class: 'htl-muted' }, t('trainer.tokenHelp')),
      ),
    );
    input.focus();
  }

  function createForm(): Element {
    const name = h('input', { id: 'htl-team-name', maxlength: 40, required: true });
    const create = async (e: Event) => {
      e.preventDefault();
      try {
        const team = await opts.client.trainer.createTeam(token, name.value);
        name.value = '';
        await reload();
        status.textContent = t('trainer.created', { name: team.name, code: team.code });
      } catch (err) {
        status.textContent = t('trainer.failed', { message: problem(err, t) });
      }
    };
    return h('form', { class: 'htl-panel', onsubmit: (e: Event) => void create(e) }, h('label', { for: 'htl-team-name' }, t('trainer.teamName')), ' ', name, ' ', h('button', { type: 'submit' }, t('trainer.createTeam')));
  }

  /** Draws the team list from what is known; focus stays on the same control where it can. */
  function renderTeams(): void {
    fill(
      list,
      h('h2', {}, t('trainer.teams')),
      teams.length === 0
        ? h('p', { class: 'htl-muted' }, t('trainer.noTeams'))
        : h(
            'div',
            {},
            ...teams.map((team) =>
              teamCard(team, {
                client: opts.client,
                token,
                t,
                locale,
                undoHost: root,
                open,
                renaming,
                rerender: renderTeams,
                openBoard,
                changed: async (next, message, previousCode) => {
                  // A new join code: the board open on the old one follows it.
                  if (board && boardCode === previousCode && next.code !== previousCode) openBoard(next);
                  await reload();
                  if (message) status.textContent = message;
                },
              }),
            ),
          ),
    );
  }

  function openBoard(team: TrainerTeamInfo): void {
    board?.destroy();
    boardCode = team.code;
    const slot = h('div');
    boardSlot.replaceChildren(slot);
    board = mountBoard(slot, {
      client: opts.client,
      code: team.code,
      trainerToken: token,
      lang: locale,
      ...(opts.t ? { t: opts.t } : {}),
      onClose: () => (board?.destroy(), (board = null), (boardCode = null), slot.remove()),
    });
    slot.scrollIntoView?.();
  }

  /** The calls of the scenario folder, each with a link to the call editor (issue 18). */
  const callsPanel = h('section', { class: 'htl-panel', 'aria-labelledby': 'htl-trainer-calls' });
  async function renderCalls(): Promise<void> {
    try {
      const calls = await listCalls();
      if (!calls) return void callsPanel.remove();
      fill(
        callsPanel,
        h('h2', { id: 'htl-trainer-calls' }, t('trainer.calls')),
        h('ul', {}, ...calls.map((c) => h('li', {}, h('a', { href: `/?view=editor&scenario=${encodeURIComponent(c.id)}`, 'data-edit': c.id }, t('trainer.editCall', { title: c.title })), ` (${c.id})`))),
      );
    } catch (e) {
      fill(callsPanel, h('p', { class: 'htl-muted' }, t('trainer.failed', { message: e instanceof Error ? e.message : String(e) })));
    }
  }

  /** The list again from the server (after any change, here or in the board's tools). */
  async function reload(): Promise<void> {
    try {
      teams = await opts.client.trainer.listTeams(token);
      renderTeams();
    } catch (e) {
      status.textContent = t('trainer.failed', { message: problem(e, t) });
    }
  }

  async function load(): Promise<void> {
    if (!token) return signInForm();
    try {
      teams = await opts.client.trainer.listTeams(token);
      globalThis.sessionStorage?.setItem(TOKEN_KEY, token);
      status.textContent = '';
      fill(body, createForm(), list, callsPanel, boardSlot);
      renderTeams();
      void renderCalls();
    } catch (e) {
      globalThis.sessionStorage?.removeItem(TOKEN_KEY);
      status.textContent = t('trainer.wrongToken', { message: problem(e, t) });
      signInForm();
    }
  }

  // The board's own tools (rename, new season) change the team: the list follows at once.
  root.addEventListener(TEAM_CHANGED, () => void reload());

  void load();
  return { refresh: load, destroy: () => (board?.destroy(), root.remove()) };
}
