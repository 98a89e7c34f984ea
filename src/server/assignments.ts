// Assignments (issue 15): each member's status, computed here and nowhere else, from their exams;
// the certificate issued when the last call is passed; what a submitted exam did for each
// assignment. Whether one exam passes is the engine's rule (src/engine/assignment/passGates.ts).
//
// Rounds. A member's first round starts when the assignment is created and is due at its due
// date. When their certificate expires, a new round starts at that moment: nothing before it
// counts, they are "not started" again, and the retake is due as long after the expiry as the
// first round was after the assignment was created.
//
// A trainer may give a member another round (after a failure, say): it starts then, as after an
// expiry — nothing before it counts, and it is due as long after its start as the first round was.
//
// Attempts. Only exams count (results; practice runs are kept apart). On each call the first
// `attempt_cap` exams the server received in the round count; a further one stays on the board but
// not in the assignment, and the player is told (AssignmentOutcome.counted).
//
// Status, first that holds: passed (this round's certificate, or every call passed), failed (a
// call's counted attempts used up without a pass — final for the round, the due date does not
// change it), overdue (due date passed; exams still count, so a late finisher still passes), in
// progress (any counted exam), not started.
import type { AssignmentOutcome, AssignmentScores, AssignmentStatus, CallProgress, MemberProgress } from '../client/assignmentTypes.js';
import { missedGates, passes, passGatesSchema, type PassGates } from '../engine/assignment/passGates.js';
import {
  activeMembers,
  certificatesOf,
  examsOf,
  givenRoundsOf,
  insertCertificate,
  teamAssignments,
  type AssignmentRow,
  type CertificateRow,
  type ExamRow,
} from './store/assignmentQueries.js';
import type { Store } from './store/store.js';

export const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface ParsedAssignment {
  readonly row: AssignmentRow;
  readonly calls: readonly string[];
  readonly members: readonly number[] | null;
  readonly gates: PassGates;
}

export function parseAssignment(row: AssignmentRow): ParsedAssignment {
  return {
    row,
    calls: JSON.parse(row.calls) as string[],
    members: row.members === null ? null : (JSON.parse(row.members) as number[]),
    gates: passGatesSchema.parse(JSON.parse(row.gates)),
  };
}

/** A member's current round: where it starts, when it is due, how many rounds expired before, and its certificate. */
export interface Round {
  readonly start: number;
  readonly dueAt: number;
  readonly retakes: number;
  readonly certificate: CertificateRow | null;
}

/** `certs`: this member's certificates of this assignment, oldest first; `given`: the starts of rounds a trainer gave them, oldest first. */
export function roundOf(a: AssignmentRow, certs: readonly CertificateRow[], now: number, given: readonly number[] = []): Round {
  const expired = certs.filter((c) => c.expires_at !== null && c.expires_at <= now);
  const started = given.filter((g) => g <= now);
  const lastGiven = started[started.length - 1] ?? -Infinity;
  const retakes = expired.length + started.length;
  const valid = certs.find((c) => (c.expires_at === null || c.expires_at > now) && c.round_start >= lastGiven) ?? null;
  if (valid) return { start: valid.round_start, dueAt: dueFrom(a, valid.round_start), retakes, certificate: valid };
  const last = expired[expired.length - 1];
  const start = Math.max(last ? last.expires_at! : a.created_at, lastGiven);
  return { start, dueAt: dueFrom(a, start), retakes, certificate: null };
}

/** The first round is due at the assignment's date; a retake as long after its start. */
const dueFrom = (a: AssignmentRow, start: number) => (start === a.created_at ? a.due_at : start + Math.max(0, a.due_at - a.created_at));

const scoresOf = (e: ExamRow): AssignmentScores => ({ overall: e.overall, politeness: e.politeness, accuracy: e.accuracy, judgment: e.judgment });

interface CallState {
  readonly progress: CallProgress;
  /** The exams that counted, in order. */
  readonly counted: readonly ExamRow[];
  readonly passedBy: ExamRow | null;
}

function callState(scenario: string, title: string, exams: readonly ExamRow[], cap: number, gates: PassGates): CallState {
  const counted = exams.filter((e) => e.scenario === scenario).slice(0, cap);
  const passedBy = counted.find((e) => passes(scoresOf(e), gates)) ?? null;
  const best = passedBy ?? counted.reduce<ExamRow | null>((b, e) => (b === null || e.overall > b.overall ? e : b), null);
  return {
    counted,
    passedBy,
    progress: { scenario, title, attempts: counted.length, attemptsLeft: passedBy ? 0 : Math.max(0, cap - counted.length), passed: passedBy !== null, best: best ? scoresOf(best) : null },
  };
}

export interface MemberState {
  readonly progress: MemberProgress;
  readonly calls: readonly CallState[];
  readonly round: Round;
}

/**
 * One member's status in one assignment. `exams`: their results on its calls received from the
 * round's start on, in the order received; `certs`: their certificates of it, oldest first.
 */
export function memberState(a: ParsedAssignment, player: { id: number; name: string }, exams: readonly ExamRow[], certs: readonly CertificateRow[], now: number, titles: ReadonlyMap<string, string>, given: readonly number[] = []): MemberState {
  const round = roundOf(a.row, certs, now, given);
  const inRound = exams.filter((e) => e.received_at >= round.start);
  const calls = a.calls.map((s) => callState(s, titles.get(s) ?? s, inRound, a.row.attempt_cap, a.gates));
  const status = statusOf(calls.map((c) => c.progress), round, a.row.attempt_cap, now);
  const c = round.certificate;
  return {
    round,
    calls,
    progress: {
      player,
      status,
      dueAt: iso(round.dueAt),
      retakes: round.retakes,
      calls: calls.map((x) => x.progress),
      certificate: c ? { code: c.code, issuedAt: iso(c.issued_at), expiresAt: c.expires_at === null ? null : iso(c.expires_at) } : null,
    },
  };
}

/** The one rule for a status (see the top of this file for the order). */
export function statusOf(calls: readonly CallProgress[], round: Round, cap: number, now: number): AssignmentStatus {
  if (round.certificate || (calls.length > 0 && calls.every((c) => c.passed))) return 'passed';
  if (calls.some((c) => !c.passed && c.attempts >= cap)) return 'failed';
  if (now > round.dueAt) return 'overdue';
  if (calls.some((c) => c.attempts > 0)) return 'in-progress';
  return 'not-started';
}

/** Who an assignment is for: its chosen members still in the team, or everyone in it. */
export function assigneesOf(a: ParsedAssignment, members: readonly { id: number; name: string }[]): { id: number; name: string }[] {
  if (a.members === null) return [...members];
  const chosen = new Set(a.members);
  return members.filter((m) => chosen.has(m.id));
}

/** A call's title as the server knows it: the English version's when there is one. */
export async function callTitles(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const v of await store.scenarioIndex()) if (!out.has(v.id) || v.locale === 'en') out.set(v.id, v.title);
  return out;
}

export interface AssignmentStates {
  readonly assignment: ParsedAssignment;
  readonly members: readonly MemberState[];
}

/** Every member's state in the team's assignments (open ones, or archived too), optionally for one member only. */
export async function teamStates(store: Store, teamId: number, now: number, o: { withArchived?: boolean; playerId?: number } = {}): Promise<AssignmentStates[]> {
  const rows = (await teamAssignments(store.db, teamId, o.withArchived ?? false)).map(parseAssignment);
  if (rows.length === 0) return [];
  const everyone = await activeMembers(store.db, teamId);
  const members = o.playerId === undefined ? everyone : everyone.filter((m) => m.id === o.playerId);
  const [certs, titles, given] = await Promise.all([certificatesOf(store.db, rows.map((a) => a.row.id)), callTitles(store), givenRoundsOf(store.db, rows.map((a) => a.row.id))]);
  const earliest = Math.min(...rows.map((a) => a.row.created_at));
  const allCalls = [...new Set(rows.flatMap((a) => a.calls))];
  const exams = await examsOf(store.db, teamId, members.map((m) => m.id), allCalls, earliest);
  return rows.map((a) => ({
    assignment: a,
    members: assigneesOf(a, members).map((m) =>
      memberState(
        a,
        m,
        exams.filter((e) => e.player_id === m.id),
        certs.filter((c) => c.assignment_id === a.row.id && c.player_id === m.id),
        now,
        titles,
        given.filter((g) => g.assignment_id === a.row.id && g.player_id === m.id).map((g) => g.started_at),
      ),
    ),
  }));
}

/**
 * After an exam is stored: for each open assignment of the team that has its call and its player,
 * whether it counted, passed and which gates it missed; and, when it completed the assignment, the
 * certificate, issued now (once per round, whatever races).
 */
export async function afterExam(store: Store, o: { teamId: number; player: { id: number; name: string }; resultId: number; scenario: string; scores: AssignmentScores; now: number }): Promise<AssignmentOutcome[]> {
  const states = await teamStates(store, o.teamId, o.now, { playerId: o.player.id });
  const out: AssignmentOutcome[] = [];
  for (const { assignment: a, members } of states) {
    const m = members[0];
    const call = m?.calls.find((c) => c.progress.scenario === o.scenario);
    if (!m || !call) continue;
    const counted = call.counted.some((e) => e.id === o.resultId);
    let certificate: string | null = null;
    const status = m.progress.status;
    if (status === 'passed' && !m.round.certificate && counted) certificate = (await issueCertificate(store, a, m, o.player, o.now))?.code ?? null;
    out.push({
      id: a.row.id,
      title: a.row.title,
      counted,
      passed: counted && passes(o.scores, a.gates),
      missed: missedGates(o.scores, a.gates),
      attemptsLeft: call.progress.attemptsLeft,
      status,
      certificate,
    });
  }
  return out;
}

/** The round's certificate for a member who passed every call in it; null when it has one already. */
async function issueCertificate(store: Store, a: ParsedAssignment, m: MemberState, player: { id: number; name: string }, now: number): Promise<CertificateRow | null> {
  const days = a.row.certificate_days;
  return insertCertificate(store.db, {
    assignment_id: a.row.id,
    player_id: player.id,
    round_start: m.round.start,
    issued_at: now,
    expires_at: days === null ? null : now + days * DAY_MS,
    player_name: player.name,
    title: a.row.title,
    scores: JSON.stringify(m.calls.map((c) => ({ title: c.progress.title, ...c.progress.best! }))),
  });
}

/**
 * After a trainer's edit (a higher cap, lower gates): a certificate for each member who now passes
 * every call of their round and has none. Returns how many were issued.
 */
export async function issueAfterEdit(store: Store, teamId: number, assignmentId: number, now: number): Promise<number> {
  let issued = 0;
  for (const s of await teamStates(store, teamId, now)) {
    if (s.assignment.row.id !== assignmentId) continue;
    for (const m of s.members) {
      if (m.round.certificate || !m.calls.every((c) => c.progress.passed)) continue;
      if (await issueCertificate(store, s.assignment, m, m.progress.player, now)) issued++;
    }
  }
  return issued;
}

export const statusCounts = (members: readonly MemberState[]): Record<AssignmentStatus, number> => {
  const counts: Record<AssignmentStatus, number> = { 'not-started': 0, 'in-progress': 0, passed: 0, failed: 0, overdue: 0 };
  for (const m of members) counts[m.progress.status]++;
  return counts;
};
