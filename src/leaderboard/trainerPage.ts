// The trainer's page (`/?view=trainer`): sign in with the trainer token, create teams and read
// their join codes, open a team's board with the trainer's tools (CSV, rename, new season,
// remove a result) or its meeting view. The token stays in this tab only (sessionStorage).
import type { TeamInfo } from '../client/index.js';
import { fill, h } from './dom.js';
import { localeOf, translator } from './i18n.js';
import type { LeaderboardOptions, MountedView, Translate } from './index.js';
import { mountBoard } from './boardPage.js';
import { injectStyles } from './styles.js';

const TOKEN_KEY = 'holdtheline.trainerToken';

export function mountTrainer(container: HTMLElement, opts: Pick<LeaderboardOptions, 'client' | 'lang' | 't'>): MountedView {
  injectStyles();
  const t: Translate = translator(opts);
  const locale = localeOf(opts);
  const root = h('main', { class: 'htl-lb', 'aria-label': t('trainer.title') });
  const body = h('div');
  const status = h('p', { role: 'status', class: 'htl-muted' });
  root.append(h('h1', {}, t('trainer.title')), status, body);
  container.append(root);
  let board: MountedView | null = null;
  let token = globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? '';

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

  function teamsView(teams: readonly TeamInfo[]): void {
    const name = h('input', { id: 'htl-team-name', maxlength: 40, required: true });
    const create = async (e: Event) => {
      e.preventDefault();
      try {
        const team = await opts.client.trainer.createTeam(token, name.value);
        await load();
        status.textContent = t('trainer.created', { name: team.name, code: team.code });
      } catch (err) {
        status.textContent = t('trainer.failed', { message: err instanceof Error ? err.message : String(err) });
      }
    };
    const rows = teams.map((team) =>
      h(
        'tr',
        {},
        h('td', { class: 'htl-name' }, team.name),
        h('td', {}, h('code', {}, team.code)),
        h('td', {}, t('season', { season: team.season })),
        h(
          'td',
          {},
          h('button', { type: 'button', onclick: () => openBoard(team) }, t('trainer.openBoard')),
          ' ',
          h('a', { href: `?view=meeting&team=${encodeURIComponent(team.code)}`, target: '_blank', rel: 'noopener' }, t('trainer.openMeeting')),
        ),
      ),
    );
    fill(
      body,
      h('form', { class: 'htl-panel', onsubmit: (e: Event) => void create(e) }, h('label', { for: 'htl-team-name' }, t('trainer.teamName')), ' ', name, ' ', h('button', { type: 'submit' }, t('trainer.createTeam'))),
      h(
        'div',
        { class: 'htl-panel' },
        h('h2', {}, t('trainer.teams')),
        teams.length === 0
          ? h('p', { class: 'htl-muted' }, t('trainer.noTeams'))
          : h('table', {}, h('thead', {}, h('tr', {}, ...[t('trainer.teamName'), t('trainer.joinCode'), '', ''].map((c) => h('th', { scope: 'col' }, c)))), h('tbody', {}, ...rows)),
      ),
    );
  }

  function openBoard(team: TeamInfo): void {
    board?.destroy();
    const slot = h('div');
    body.append(slot);
    board = mountBoard(slot, { client: opts.client, code: team.code, trainerToken: token, lang: locale, ...(opts.t ? { t: opts.t } : {}), onClose: () => (board?.destroy(), (board = null), slot.remove()) });
    slot.scrollIntoView?.();
  }

  async function load(): Promise<void> {
    if (!token) return signInForm();
    try {
      const teams = await opts.client.trainer.listTeams(token);
      globalThis.sessionStorage?.setItem(TOKEN_KEY, token);
      status.textContent = '';
      teamsView(teams);
    } catch (e) {
      globalThis.sessionStorage?.removeItem(TOKEN_KEY);
      status.textContent = t('trainer.wrongToken', { message: e instanceof Error ? e.message : String(e) });
      signInForm();
    }
  }

  void load();
  return { refresh: load, destroy: () => (board?.destroy(), root.remove()) };
}
