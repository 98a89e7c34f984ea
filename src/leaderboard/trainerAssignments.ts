// One team's assignments on the trainer's page (issue 15): the open ones with their counts per
// status, each archived with a button (archived ones stay in the CSV); the CSV of every member's
// status and best scores; and the form that gives the team — or chosen members — a set of calls
// with a due date, an attempt cap, the pass gates (overall and any skill) and an optional
// certificate expiry. The server checks everything again (src/server/routes/assignments.ts).
import type { ApiClient } from '../client/index.js';
import { assignmentsApi } from '../client/assignmentsApi.js';
import { ASSIGNMENT_STATUSES, type AssignmentBoard, type AssignmentRequest } from '../client/assignmentTypes.js';
import { gatesText } from './assignmentPanel.js';
import { longDate } from './certificatePage.js';
import { problem } from './confirmUndo.js';
import { fill, h } from './dom.js';
import { SKILLS, skillLabel } from './format.js';
import type { Translate } from './index.js';

export interface TrainerAssignmentOptions {
  readonly client: ApiClient;
  readonly token: string;
  readonly code: string;
  readonly teamName: string;
  readonly t: Translate;
  readonly locale: string;
}

/** A date-time as the trainer's own calendar day (what a date input holds). */
const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function mountTrainerAssignments(slot: HTMLElement, o: TrainerAssignmentOptions): { load: () => Promise<void> } {
  const { t, token, code } = o;
  const api = assignmentsApi(o.client);
  const id = `htl-assign-${code}`;
  const status = h('p', { role: 'status', class: 'htl-muted' });
  const list = h('div', { class: 'htl-assign-open' });
  const formSlot = h('div');
  const say = (s: string) => (status.textContent = s);
  slot.replaceChildren(list, h('button', { type: 'button', onclick: () => void exportCsv() }, t('assignments.export')), formSlot, status);

  async function exportCsv(): Promise<void> {
    try {
      const csv = await api.exportCsv(token, code);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = h('a', { href: url, download: `${o.teamName.replace(/[^\p{L}\p{N}]+/gu, '-')}-assignments.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      say(t('trainer.failed', { message: problem(e, t) }));
    }
  }

  function showList(board: AssignmentBoard, calls: ReadonlyMap<string, string>, members: ReadonlyMap<number, string>): void {
    // What each assignment asks, so the trainer can tell one from another: calls, exams, gates, expiry, who.
    const detail = (a: AssignmentBoard['assignments'][number]) =>
      [
        a.calls.map((c) => calls.get(c) ?? c).join(', '),
        t('assignments.cap', { count: a.attemptCap }),
        t('assignments.gates', { gates: gatesText(a, t) }),
        a.certificateDays === null ? t('assignments.neverExpires') : t('assignments.expiresAfter', { count: a.certificateDays }),
        a.members === null ? t('assignments.forTeam') : t('assignments.forMembers', { names: a.members.map((m) => members.get(m) ?? `#${m}`).join(', ') }),
      ].join(' · ');
    // Edit: the exams per call, the due date and the gates (the server issues a certificate to anyone they now pass).
    const editor = (a: AssignmentBoard['assignments'][number]) => {
      const num = (name: string, value: number | undefined, min: number, max: number) => h('input', { type: 'number', min, max, step: 1, name, value: value ?? '', placeholder: t('assignments.form.noGate') });
      const cap = num('cap', a.attemptCap, 1, 20);
      const due = h('input', { type: 'date', name: 'due', value: localDay(a.dueAt) });
      const overall = num('overall', a.gates.overall, 0, 100);
      const skills = SKILLS.map((s) => [s, num(s, a.gates.skills[s], 0, 100)] as const);
      const field = (label: string, input: HTMLElement) => h('label', { class: 'htl-field' }, h('span', {}, label), input);
      return h(
        'details',
        { class: 'htl-assign-edit' },
        h('summary', { 'aria-label': t('assignments.editNamed', { title: a.title }) }, t('assignments.edit')),
        h(
          'form',
          {
            onsubmit: async (e: Event) => {
              e.preventDefault();
              say('');
              const dueAt = new Date(`${due.value}T23:59:59`);
              // A new due date must not be past already (the one it has is kept as it is).
              const moved = due.value !== localDay(a.dueAt);
              if (moved && !(dueAt.getTime() > Date.now())) return say(t('assignments.form.pastDue'));
              try {
                await api.change(token, code, a.id, {
                  attemptCap: Number(cap.value),
                  ...(moved ? { dueAt: dueAt.toISOString() } : {}),
                  gates: { overall: Number(overall.value), skills: Object.fromEntries(skills.filter(([, i]) => i.value !== '').map(([s, i]) => [s, Number(i.value)])) },
                });
                await load();
                say(t('assignments.saved', { title: a.title }));
              } catch (err) {
                say(t('trainer.failed', { message: problem(err, t) }));
              }
            },
          },
          h('div', { class: 'htl-assign-grid' }, field(t('assignments.form.cap'), cap), field(t('assignments.form.due'), due), field(skillLabel(t, 'overall'), overall), ...skills.map(([s, i]) => field(skillLabel(t, s), i))),
          h('button', { type: 'submit' }, t('assignments.save')),
        ),
      );
    };
    // A failure is final for the round: the trainer may give the member another (it starts now).
    const rounds = (a: AssignmentBoard['assignments'][number]) => {
      const failed = a.progress.filter((m) => m.status === 'failed');
      return failed.length === 0
        ? null
        : h(
            'div',
            { class: 'htl-assign-rounds' },
            ...failed.map((m) =>
              h(
                'button',
                {
                  type: 'button',
                  'data-round': m.player.id,
                  onclick: async () => {
                    say('');
                    try {
                      await api.newRound(token, code, a.id, m.player.id);
                      await load();
                      say(t('assignments.roundGiven', { name: m.player.name, title: a.title }));
                    } catch (e) {
                      say(t('trainer.failed', { message: problem(e, t) }));
                    }
                  },
                },
                t('assignments.giveRound', { name: m.player.name }),
              ),
            ),
          );
    };
    fill(
      list,
      board.assignments.length === 0
        ? h('p', { class: 'htl-muted' }, t('assignments.noneYet'))
        : h(
            'ul',
            {},
            ...board.assignments.map((a) =>
              h(
                'li',
                { 'data-assignment': a.id },
                h('strong', {}, a.title),
                ` — ${t('assignments.due', { date: longDate(a.dueAt, o.locale) })} — ${ASSIGNMENT_STATUSES.map((s) => t('assignments.countOf', { status: t(`assignments.status.${s}`), count: a.counts[s] })).join(', ')} `,
                h(
                  'button',
                  {
                    type: 'button',
                    'aria-label': t('assignments.archiveNamed', { title: a.title }),
                    onclick: async () => {
                      say('');
                      // Archiving hides it from every member at once: asked first.
                      if (!confirm(t('assignments.archiveConfirm', { title: a.title }))) return;
                      try {
                        await api.change(token, code, a.id, { archived: true });
                        await load();
                        say(t('assignments.archived', { title: a.title }));
                      } catch (e) {
                        say(t('trainer.failed', { message: problem(e, t) }));
                      }
                    },
                  },
                  t('assignments.archive'),
                ),
                h('div', { class: 'htl-muted htl-assign-detail' }, detail(a)),
                rounds(a),
                editor(a),
              ),
            ),
          ),
    );
  }

  function showForm(calls: readonly { id: string; title: string }[], members: readonly { id: number; name: string }[]): void {
    const field = (label: string, input: HTMLElement, help?: string) => h('label', { class: 'htl-field' }, h('span', {}, label), input, help && h('span', { class: 'htl-muted' }, help));
    const title = h('input', { type: 'text', required: true, maxlength: 100, name: 'title' });
    const due = h('input', { type: 'date', required: true, name: 'due', value: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) });
    const cap = h('input', { type: 'number', min: 1, max: 20, step: 1, required: true, value: 3, name: 'cap' });
    const overall = h('input', { type: 'number', min: 0, max: 100, step: 1, required: true, value: 70, name: 'overall' });
    const skills = SKILLS.map((s) => [s, h('input', { type: 'number', min: 0, max: 100, step: 1, name: s, placeholder: t('assignments.form.noGate') })] as const);
    const days = h('input', { type: 'number', min: 1, max: 3650, step: 1, name: 'days', placeholder: t('assignments.form.never') });
    let ticked: string[] = [];
    const callBoxes = calls.map(
      (c) =>
        [
          c.id,
          h('input', {
            type: 'checkbox',
            value: c.id,
            name: 'call',
            onchange: (e: Event) => {
              ticked = ticked.filter((x) => x !== c.id);
              if ((e.target as HTMLInputElement).checked) ticked.push(c.id);
            },
          }),
        ] as const,
    );
    const memberBoxes = members.map((m) => [m.id, h('input', { type: 'checkbox', value: m.id, name: 'member' })] as const);
    const form = h(
      'form',
      {
        class: 'htl-assign-form',
        'aria-labelledby': `${id}-form`,
        onsubmit: async (e: Event) => {
          e.preventDefault();
          // Each submit's message replaces the last one's, whatever it was.
          say('');
          // The calls in the order they were ticked (the player's card lists them so).
          const chosenCalls = ticked.filter((c) => callBoxes.some(([id, b]) => id === c && b.checked));
          if (chosenCalls.length === 0) return say(t('assignments.form.pickCall'));
          // Due at the end of the chosen day, in the trainer's time zone; a day already past is refused.
          const dueAt = new Date(`${due.value}T23:59:59`);
          if (!(dueAt.getTime() > Date.now())) return say(t('assignments.form.pastDue'));
          const chosen = memberBoxes.filter(([, b]) => b.checked).map(([m]) => m);
          const gates = Object.fromEntries(skills.filter(([, i]) => i.value !== '').map(([s, i]) => [s, Number(i.value)]));
          const request: AssignmentRequest = {
            title: title.value.trim(),
            calls: chosenCalls,
            members: chosen.length > 0 ? chosen : null,
            dueAt: dueAt.toISOString(),
            attemptCap: Number(cap.value),
            gates: { overall: Number(overall.value), skills: gates },
            certificateDays: days.value === '' ? null : Number(days.value),
          };
          try {
            const made = await api.create(token, code, request);
            form.reset();
            ticked = [];
            await load();
            say(t('assignments.form.made', { title: made.title, gates: gatesText(made, t) }));
          } catch (err) {
            say(t('trainer.failed', { message: problem(err, t) }));
          }
        },
      },
      h('h4', { id: `${id}-form` }, t('assignments.form.heading')),
      field(t('assignments.form.title'), title),
      h('fieldset', {}, h('legend', {}, t('assignments.form.calls')), ...callBoxes.map(([cid, b]) => h('label', { class: 'htl-check' }, b, ` ${calls.find((c) => c.id === cid)!.title}`))),
      h(
        'fieldset',
        {},
        h('legend', {}, t('assignments.form.members')),
        h('p', { class: 'htl-muted' }, t('assignments.form.membersHelp')),
        ...memberBoxes.map(([mid, b]) => h('label', { class: 'htl-check' }, b, ` ${members.find((m) => m.id === mid)!.name}`)),
      ),
      h('div', { class: 'htl-assign-grid' }, field(t('assignments.form.due'), due), field(t('assignments.form.cap'), cap), field(t('assignments.form.days'), days, t('assignments.form.daysHelp'))),
      h('fieldset', {}, h('legend', {}, t('assignments.form.gates')), h('div', { class: 'htl-assign-grid' }, field(skillLabel(t, 'overall'), overall), ...skills.map(([s, i]) => field(skillLabel(t, s), i)))),
      h('button', { type: 'submit' }, t('assignments.form.create')),
    );
    fill(formSlot, form);
  }

  async function load(): Promise<void> {
    try {
      const [board, calls, roster] = await Promise.all([api.board(code), api.calls(token), o.client.trainer.players(token, code)]);
      showList(board, new Map(calls.calls.map((c) => [c.id, c.title])), new Map(roster.players.map((p) => [p.id, p.name])));
      if (!formSlot.firstChild) showForm(calls.calls, roster.players.filter((p) => p.removedAt === null).map((p) => ({ id: p.id, name: p.name })));
    } catch (e) {
      say(t('trainer.failed', { message: problem(e, t) }));
    }
  }
  return { load };
}
