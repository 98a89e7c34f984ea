// The player's assignments (issue 15), first on the picker: each one's status, due date, the
// gates to pass, and per call the exams left, with the button that starts the exam; and, in the
// debrief, whether the exam just played passed the gates (which it missed) or, with no exams left,
// counts for the leaderboard only. The pass rule is the engine's (passGates.ts); statuses are the
// server's (src/server/assignments.ts), kept here as last answered.
import type { TFunction } from 'i18next';
import type { Identity } from '../../client/index.js';
import { assignmentsApi } from '../../client/assignmentsApi.js';
import type { AssignmentScores, MyAssignments } from '../../client/assignmentTypes.js';
import { missedGates, type MissedGate } from '../../engine/assignment/passGates.js';
import { DIMENSIONS } from '../../engine/scoring/dimensions.js';
import { adoptStyles } from '../../leaderboard/dom.js';
import type { ApiClient } from '../../client/index.js';
import { button, h } from '../ui/dom.js';

type Item = MyAssignments['assignments'][number];

const CSS = `
:where(.htl-picker) .htl-assign-list { grid-column: 1 / -1; display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 12px; }
:where(.htl-picker) .htl-assign-list > h2 { grid-column: 1 / -1; font-size: 18px; margin: 0; }
:where(.htl-picker) .htl-assign { background: var(--panel-2); border: 2px solid var(--sky); border-radius: 14px; padding: 10px 16px; display: flex; flex-direction: column; gap: 6px; }
:where(.htl-picker) .htl-assign-head { display: flex; gap: 10px; align-items: baseline; justify-content: space-between; flex-wrap: wrap; }
:where(.htl-picker) .htl-assign h3 { font-size: 18px; margin: 0; overflow-wrap: anywhere; }
:where(.htl-picker) .htl-assign-meta { font-size: 14px; color: var(--muted); margin: 0; }
:where(.htl-picker) .htl-assign-status { font-size: 14px; font-weight: 700; padding: 1px 10px; border-radius: 12px; border: 2px solid var(--muted); white-space: nowrap; }
:where(.htl-picker) .htl-assign-status[data-status="passed"] { border-color: var(--sky); color: var(--sky); }
:where(.htl-picker) .htl-assign-status[data-status="passed"]::before { content: "✓ "; }
:where(.htl-picker) .htl-assign-status[data-status="failed"], :where(.htl-picker) .htl-assign-status[data-status="overdue"] { border-color: var(--orange); color: var(--orange); }
:where(.htl-picker) .htl-assign-status[data-status="failed"]::before, :where(.htl-picker) .htl-assign-status[data-status="overdue"]::before { content: "! "; }
:where(.htl-picker) .htl-assign ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
:where(.htl-picker) .htl-assign li { display: flex; align-items: center; gap: 8px 12px; flex-wrap: wrap; font-size: 15px; }
:where(.htl-picker) .htl-assign li .htl-btn { margin-left: auto; padding: 4px 14px; white-space: nowrap; }
:where(.htl-picker) .htl-assign a { color: var(--sky); }
:where(.htl-picker) .htl-assign-failed { margin: 0; font-size: 15px; padding: 4px 10px; border-left: 4px solid var(--orange); }
:where(.htl-debrief) .htl-assign-verdict a { color: var(--sky); font-weight: 700; }
:where(.htl-debrief) .htl-assign-verdict { margin: 10px 0 0; padding: 8px 12px; border-left: 4px solid var(--sky); background: var(--panel); border-radius: 6px; font-size: 15px; }
:where(.htl-debrief) .htl-assign-verdict[data-verdict="missed"], :where(.htl-debrief) .htl-assign-verdict[data-verdict="failed"], :where(.htl-debrief) .htl-assign-verdict[data-verdict="uncounted"] { border-left-color: var(--orange); }
:where(.htl-debrief) .htl-assign-verdict p { margin: 0; }
`;

let last: MyAssignments | null = null;
const told = new WeakMap<object, HTMLElement[]>();

/** The member's open assignments from the server; null when not signed in or offline. */
export async function loadAssignments(client: ApiClient, identity: Identity | null): Promise<MyAssignments | null> {
  if (!identity) return (last = null);
  try {
    last = await assignmentsApi(client).mine(identity);
  } catch {
    // offline or an older server: the picker shows the calls alone
  }
  return last;
}

const longDate = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));

function gatesText(a: Item, t: TFunction): string {
  const skills = DIMENSIONS.flatMap((d) => (a.gates.skills[d] !== undefined ? [t('assignments.gate', { skill: t(`skill.${d}`), value: a.gates.skills[d] })] : []));
  return [t('assignments.gate', { skill: t('debrief.overall'), value: a.gates.overall }), ...skills].join(', ');
}

const gateName = (g: string, t: TFunction) => (g === 'overall' ? t('debrief.overall') : t(`skill.${g}`));
const missedText = (missed: readonly MissedGate[], t: TFunction) => missed.map((m) => t('assignments.verdict.gate', { skill: gateName(m.gate, t), scored: m.scored, needed: m.needed })).join('; ');

/** A failed assignment: the call whose exams ran out, the gates its best exam missed, and what to do. */
function failedLine(a: Item, o: AssignmentSectionOptions, t: TFunction): HTMLElement | null {
  const call = a.progress.calls.find((c) => !c.passed && c.attemptsLeft === 0);
  if (!call) return null;
  const missed = call.best ? missedGates(call.best, a.gates) : [];
  return h('p', { class: 'htl-assign-failed', role: 'note' }, t('assignments.failedOn', { call: o.titleOf(call.scenario), gates: missedText(missed, t) }));
}

export interface AssignmentSectionOptions {
  readonly t: TFunction;
  readonly locale: string;
  /** A call's title in the player's language. */
  titleOf(id: string): string;
  /** Whether the game has the call (a call the server knows but this build does not is shown without a button). */
  has(id: string): boolean;
  onExam(id: string): void;
}

/** The section first on the picker; null when there is nothing assigned. */
export function assignmentSection(list: MyAssignments | null, o: AssignmentSectionOptions): HTMLElement | null {
  if (!list || list.assignments.length === 0) return null;
  adoptStyles(document, 'htl-game-assignments', CSS);
  const { t } = o;
  return h(
    'section',
    { class: 'htl-assign-list', 'aria-labelledby': 'htl-assign-h' },
    h('h2', { id: 'htl-assign-h' }, t('assignments.heading')),
    ...list.assignments.map((a) => {
      const p = a.progress;
      return h(
        'article',
        { class: 'htl-assign', 'data-assignment': a.id, 'data-status': p.status, 'aria-labelledby': `htl-assign-${a.id}` },
        h('div', { class: 'htl-assign-head' }, h('h3', { id: `htl-assign-${a.id}` }, a.title), h('span', { class: 'htl-assign-status', 'data-status': p.status }, t(`assignments.status.${p.status}`))),
        h('p', { class: 'htl-assign-meta' }, t('assignments.due', { date: longDate(p.dueAt, o.locale) }), ' · ', t('assignments.gates', { gates: gatesText(a, t) })),
        p.status === 'failed' && failedLine(a, o, t),
        h(
          'ul',
          {},
          ...p.calls.map((c) =>
            h(
              'li',
              { 'data-call': c.scenario },
              h('strong', {}, o.titleOf(c.scenario)),
              h('span', { class: 'htl-assign-meta' }, c.passed ? t('assignments.callPassed', { score: c.best?.overall ?? 0 }) : c.attemptsLeft === 0 ? t('assignments.noneLeft') : t('assignments.left', { count: c.attemptsLeft, cap: a.attemptCap })),
              // A failure is final for the round: no exam counts for it until the trainer gives another.
              !c.passed && p.status !== 'passed' && p.status !== 'failed' && o.has(c.scenario) && button(t('assignments.takeExam'), () => o.onExam(c.scenario), { class: 'htl-btn htl-btn-primary', 'data-exam': c.scenario, 'aria-label': t('assignments.takeExamOf', { title: o.titleOf(c.scenario) }) }),
            ),
          ),
        ),
        p.certificate && h('p', { class: 'htl-assign-meta' }, h('a', { href: `/?view=certificate&code=${p.certificate.code}`, target: '_blank', rel: 'noopener' }, t('assignments.certificate'))),
      );
    }),
  );
}

/**
 * In an exam's debrief: for each open assignment with this call not yet passed, whether the run
 * passed its gates (and which it missed), or that no exams were left so it counts for the board
 * only. Counts the run in the kept copy, so a retry from the debrief is told right too.
 */
export function assignmentVerdict(run: object, scenario: string, scores: AssignmentScores, t: TFunction): HTMLElement | null {
  // The debrief is drawn again (back from a try): the same run is told the same, and counted once.
  const seen = told.get(run);
  if (seen) return seen.length === 0 ? null : h('div', { class: 'htl-assign-verdicts' }, ...seen.map((l) => l.cloneNode(true)));
  const lines: HTMLElement[] = [];
  for (const a of last?.assignments ?? []) {
    const call = a.progress.calls.find((c) => c.scenario === scenario);
    if (!call || call.passed || a.progress.status === 'passed') continue;
    adoptStyles(document, 'htl-game-assignments', CSS);
    const counted = call.attemptsLeft > 0;
    const missed = missedGates(scores, a.gates);
    const left = call.attemptsLeft - 1;
    // Passed this call, and every other call of the assignment is passed already: the assignment is.
    const completes = counted && missed.length === 0 && a.progress.calls.every((c) => c === call || c.passed);
    const verdict = !counted ? 'uncounted' : missed.length === 0 ? (completes ? 'complete' : 'passed') : left === 0 ? 'failed' : 'missed';
    const text =
      verdict === 'uncounted'
        ? t('assignments.verdict.uncounted', { title: a.title })
        : verdict === 'complete'
          ? t('assignments.verdict.complete', { title: a.title })
          : verdict === 'passed'
            ? t('assignments.verdict.passed', { title: a.title })
            : verdict === 'failed'
              ? t('assignments.verdict.failed', { title: a.title, gates: missedText(missed, t) })
              : `${t('assignments.verdict.missed', { title: a.title, gates: missedText(missed, t) })} ${t('assignments.verdict.left', { count: left })}`;
    lines.push(h('div', { class: 'htl-assign-verdict', 'data-verdict': verdict, 'data-assignment': a.id, role: 'status' }, h('p', {}, text), verdict === 'complete' && h('p', { class: 'htl-assign-cert' })));
    // The kept copy as the server now has it, until the picker asks again.
    if (counted) Object.assign(call, { attempts: call.attempts + 1, attemptsLeft: missed.length === 0 ? 0 : left, passed: missed.length === 0 });
  }
  told.set(run, lines);
  return lines.length === 0 ? null : h('div', { class: 'htl-assign-verdicts' }, ...lines.map((l) => l.cloneNode(true)));
}

/**
 * Once the exam has reached the server: the certificate it issued, linked in each "assignment
 * passed" line of `verdicts` (the server's word, asked again; nothing shows while offline).
 */
export async function linkCertificates(verdicts: HTMLElement, client: ApiClient, identity: Identity | null, t: TFunction): Promise<void> {
  const slots = [...verdicts.querySelectorAll<HTMLElement>('[data-verdict="complete"]')];
  if (slots.length === 0) return;
  const mine = await loadAssignments(client, identity);
  for (const el of slots) {
    const code = mine?.assignments.find((a) => String(a.id) === el.dataset.assignment)?.progress.certificate?.code;
    const slot = el.querySelector('.htl-assign-cert');
    if (code && slot && !slot.firstChild) slot.append(h('a', { href: `/?view=certificate&code=${code}`, target: '_blank', rel: 'noopener' }, t('assignments.certificate')));
  }
}
