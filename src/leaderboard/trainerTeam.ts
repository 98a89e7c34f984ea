// One team on the trainer's page: its name (renamed in place), its join code (copy, or make a
// new one: the old one stops working), its read-only board code for meeting displays (copy, the
// meeting view's address with it, make or replace it), the minimum of attempts to be ranked,
// whether its exams take typed replies only (the reply buttons hidden), its board and meeting
// view, its players, its assignments (trainerAssignments.ts) and its results to check (trainerFlagged.ts).
import type { ApiClient, TrainerTeamInfo } from '../client/index.js';
import { confirmAction, problem } from './confirmUndo.js';
import { h, playerName } from './dom.js';
import type { Translate } from './index.js';
import { injectAssignmentStyles } from './assignmentStyles.js';
import { mountTrainerAssignments } from './trainerAssignments.js';
import { mountFlagged } from './trainerFlagged.js';
import { mountRoster, renameForm } from './trainerRoster.js';

export interface TeamCardOptions {
  readonly client: ApiClient;
  readonly token: string;
  readonly t: Translate;
  readonly locale: string;
  readonly undoHost: Element;
  /** The team changed (name, codes, minimum): the page reloads its list. */
  readonly changed: (team: TrainerTeamInfo, message: string, previousCode: string) => Promise<void>;
  /** Draws the list again from what is known (no request). */
  readonly rerender: () => void;
  readonly openBoard: (team: TrainerTeamInfo) => void;
  /** Players shown (kept across reloads of the list). */
  readonly open: Set<string>;
  readonly renaming: { code: string | null };
}

/** The meeting view's address for a code, on this page's own origin. */
export function meetingUrl(code: string): string {
  const here = new URL(globalThis.location?.href ?? 'http://localhost/');
  return `${here.origin}${here.pathname}?view=meeting&team=${encodeURIComponent(code)}`;
}

/** A value to copy: shown in a read-only field (selectable by hand too) with a Copy button. */
function copyable(value: string, label: string, t: Translate, say: (s: string) => void, mono = false): Element[] {
  const field = h('input', { readonly: true, value, 'aria-label': label, class: mono ? null : 'htl-url', size: mono ? value.length + 1 : null, onfocus: (e: Event) => (e.target as HTMLInputElement).select() });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      say(t('manage.copied', { what: label }));
    } catch {
      // No clipboard (a page not served over HTTPS): leave it selected for Ctrl+C.
      field.focus();
      field.select();
      say(t('manage.copyByHand'));
    }
  };
  return [field, h('button', { type: 'button', 'aria-label': t('manage.copyNamed', { what: label }), onclick: () => void copy() }, t('manage.copy'))];
}

export function teamCard(team: TrainerTeamInfo, o: TeamCardOptions): HTMLElement {
  const { t, client, token } = o;
  const id = `htl-team-${team.code}`;
  const status = h('p', { role: 'status', class: 'htl-muted' });
  const say = (s: string) => (status.textContent = s);
  const run = async (what: () => Promise<TrainerTeamInfo>, message: (team: TrainerTeamInfo) => string, before?: () => void): Promise<boolean> => {
    let next: TrainerTeamInfo;
    try {
      next = await what();
    } catch (e) {
      say(t('trainer.failed', { message: problem(e, t) }));
      return false;
    }
    before?.();
    await o.changed(next, message(next), team.code);
    return true;
  };

  const renaming = o.renaming.code === team.code;
  const heading = h(
    'div',
    { class: 'htl-group' },
    h('h3', { id }, playerName(team.name)),
    renaming &&
      renameForm({
        t,
        label: t('manage.newTeamName', { name: team.name }),
        value: team.name,
        cancel: () => ((o.renaming.code = null), o.rerender()),
        save: async (name) => {
          await run(() => client.trainer.renameTeam(token, team.code, name) as Promise<TrainerTeamInfo>, (n) => t('manage.renamedTeam', { name: n.name }), () => (o.renaming.code = null));
        },
      }),
  );

  const newJoinCode = async () => {
    const sure = await confirmAction({ t, question: t('manage.confirmNewJoinCode', { name: team.name }), detail: t('manage.newJoinCodeDetail'), confirm: t('manage.newJoinCode') });
    if (sure) await run(() => client.trainer.newJoinCode(token, team.code), (n) => t('manage.joinCodeChanged', { name: n.name, code: n.code }));
  };
  const newBoardCode = async () => {
    if (team.boardCode) {
      const sure = await confirmAction({ t, question: t('manage.confirmNewBoardCode', { name: team.name }), detail: t('manage.newBoardCodeDetail'), confirm: t('manage.replaceBoardCode') });
      if (!sure) return;
    }
    // Only a replaced code has a "previous one" that stops working.
    const replaced = Boolean(team.boardCode);
    await run(() => client.trainer.newBoardCode(token, team.code), (n) => t(replaced ? 'manage.boardCodeMade' : 'manage.boardCodeFirst', { name: n.name }));
  };

  const min = h('input', { type: 'number', min: 1, max: 50, step: 1, required: true, value: team.minAttempts, id: `${id}-min` });
  const minForm = h(
    'form',
    {
      class: 'htl-inline',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const n = Number(min.value);
        if (!Number.isInteger(n) || n < 1 || n > 50) return void say(t('manage.minAttemptsRange'));
        void run(() => client.trainer.setMinAttempts(token, team.code, n), (next) => t('manage.minAttemptsSaved', { count: next.minAttempts }));
      },
    },
    min,
    h('button', { type: 'submit' }, t('manage.save')),
  );

  // "Typed replies only": saved as soon as it is ticked or cleared; a failure puts it back.
  const typedOnly = h('input', {
    type: 'checkbox',
    id: `${id}-typed`,
    'aria-describedby': `${id}-typed-help`,
    ...(team.typedOnly ? { checked: true } : {}),
    onchange: () => {
      const want = typedOnly.checked;
      void run(() => client.trainer.setTypedOnly(token, team.code, want), (next) => t(next.typedOnly ? 'typed.on' : 'typed.off', { name: next.name })).then((ok) => {
        if (!ok) typedOnly.checked = !want;
      });
    },
  });

  const codes = h(
    'dl',
    { class: 'htl-codes' },
    h('dt', {}, t('trainer.joinCode')),
    h('dd', {}, ...copyable(team.code, t('manage.joinCodeOf', { name: team.name }), t, say, true), h('button', { type: 'button', onclick: () => void newJoinCode() }, t('manage.newJoinCode'))),
    h('dt', {}, t('manage.boardCode')),
    h(
      'dd',
      {},
      ...(team.boardCode ? copyable(team.boardCode, t('manage.boardCodeOf', { name: team.name }), t, say, true) : [h('span', { class: 'htl-muted' }, t('manage.noBoardCode'))]),
      h('button', { type: 'button', onclick: () => void newBoardCode() }, team.boardCode ? t('manage.replaceBoardCode') : t('manage.makeBoardCode')),
    ),
    ...(team.boardCode ? [h('dt', {}, t('manage.meetingLink')), h('dd', {}, ...copyable(meetingUrl(team.boardCode), t('manage.meetingLinkOf', { name: team.name }), t, say))] : []),
    h('dt', {}, h('label', { for: `${id}-min` }, t('manage.minAttempts'))),
    h('dd', {}, minForm, h('span', { class: 'htl-muted' }, t('manage.minAttemptsHelp'))),
    h('dt', {}, h('label', { for: `${id}-typed` }, t('typed.setting'))),
    h('dd', {}, typedOnly, h('span', { class: 'htl-muted', id: `${id}-typed-help` }, t('typed.settingHelp'))),
  );

  const rosterSlot = h('div');
  const roster = mountRoster(rosterSlot, { client, token, code: team.code, teamName: team.name, t, locale: o.locale, undoHost: o.undoHost });
  const details = h('details', { ...(o.open.has(team.code) ? { open: true } : {}) }, h('summary', {}, t('manage.players')), rosterSlot);
  details.addEventListener('toggle', () => {
    if (details.open) {
      o.open.add(team.code);
      void roster.load();
    } else o.open.delete(team.code);
  });
  if (o.open.has(team.code)) void roster.load();

  // Results that came faster than a person reads: counted at once, so the card says there are some.
  const checkSlot = h('div');
  const checkSummary = h('summary', {}, t('check.title'));
  const check = h('details', { class: 'htl-check' }, checkSummary, checkSlot);
  void mountFlagged(checkSlot, { client, token, code: team.code, t, locale: o.locale, undoHost: o.undoHost, counted: (n) => (checkSummary.textContent = n > 0 ? t('check.titleCount', { count: n }) : t('check.title')) }).load();

  // Assignments: loaded when opened.
  injectAssignmentStyles();
  const assignSlot = h('div');
  const assignments = h('details', { class: 'htl-assign-trainer' }, h('summary', {}, t('assignments.heading')), assignSlot);
  const assigned = mountTrainerAssignments(assignSlot, { client, token, code: team.code, teamName: team.name, t, locale: o.locale });
  assignments.addEventListener('toggle', () => void (assignments.open && assigned.load()));

  return h(
    'section',
    { class: 'htl-team', 'aria-labelledby': id, 'data-team': team.code },
    h(
      'div',
      { class: 'htl-head' },
      heading,
      h(
        'div',
        { class: 'htl-group' },
        h('span', { class: 'htl-muted' }, t('season', { season: team.season })),
        renaming ? null : h('button', { type: 'button', 'aria-label': t('manage.renameTeamNamed', { name: team.name }), onclick: () => ((o.renaming.code = team.code), o.rerender()) }, t('manage.rename')),
        h('button', { type: 'button', onclick: () => o.openBoard(team) }, t('trainer.openBoard')),
        h('a', { class: 'htl-button-link', href: `?view=meeting&team=${encodeURIComponent(team.boardCode ?? team.code)}`, target: '_blank', rel: 'noopener' }, t('trainer.openMeeting')),
      ),
    ),
    codes,
    details,
    assignments,
    check,
    status,
  );
}
