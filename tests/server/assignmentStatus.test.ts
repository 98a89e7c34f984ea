// The one rule for a member's assignment status (src/server/assignments.ts), on plain rows and a
// fixed clock: the order passed > failed > overdue > in progress > not started, the attempt cap
// (later exams do not count), a late pass, and the rounds an expired certificate starts.
import { describe, expect, it } from 'vitest';
import { memberState, parseAssignment, roundOf } from '../../src/server/assignments.js';
import type { AssignmentRow, CertificateRow, ExamRow } from '../../src/server/store/assignmentQueries.js';

const DAY = 86_400_000;
const CREATED = Date.UTC(2026, 0, 5);
const row: AssignmentRow = {
  id: 1,
  team_id: 1,
  title: 'Week 1',
  calls: JSON.stringify(['a', 'b']),
  members: null,
  due_at: CREATED + 7 * DAY,
  attempt_cap: 2,
  gates: JSON.stringify({ overall: 70, skills: { judgment: 80 } }),
  certificate_days: 30,
  created_at: CREATED,
  updated_at: CREATED,
  archived_at: null,
};
const a = parseAssignment(row);
let ids = 0;
const exam = (scenario: string, overall: number, judgment: number, day: number): ExamRow => ({ id: ++ids, player_id: 7, scenario, overall, politeness: 90, accuracy: 90, judgment, received_at: CREATED + day * DAY });
const pass = (s: string, day = 1) => exam(s, 90, 90, day);
const miss = (s: string, day = 1) => exam(s, 90, 60, day);
const cert = (issuedDay: number, expires: number | null): CertificateRow => ({ code: `c${issuedDay}`, assignment_id: 1, player_id: 7, round_start: CREATED, issued_at: CREATED + issuedDay * DAY, expires_at: expires, player_name: 'Ann', title: 'Week 1', scores: '[]' });
const status = (exams: ExamRow[], now: number, certs: CertificateRow[] = []) => memberState(a, { id: 7, name: 'Ann' }, exams, certs, now, new Map()).progress.status;

describe('assignment status', () => {
  it('goes not started → in progress → passed as calls are passed', () => {
    const now = CREATED + 2 * DAY;
    expect(status([], now)).toBe('not-started');
    expect(status([pass('a')], now)).toBe('in-progress');
    expect(status([miss('a'), pass('a'), pass('b')], now)).toBe('passed');
  });

  it('fails a call whose counted exams are used up; a pass beyond the cap does not count', () => {
    const now = CREATED + 2 * DAY;
    const s = memberState(a, { id: 7, name: 'Ann' }, [miss('a'), miss('a'), pass('a'), pass('b')], [], now, new Map());
    expect(s.progress.status).toBe('failed');
    expect(s.progress.calls[0]).toMatchObject({ attempts: 2, attemptsLeft: 0, passed: false, best: { judgment: 60 } });
  });

  it('is overdue after the due date unless failed or passed; a late pass still passes', () => {
    const late = CREATED + 8 * DAY;
    expect(status([], late)).toBe('overdue');
    expect(status([pass('a')], late)).toBe('overdue');
    expect(status([miss('a'), miss('a')], late)).toBe('failed');
    expect(status([pass('a'), pass('b', 8)], late)).toBe('passed');
  });

  it('starts a new round when the certificate expires: earlier exams no longer count, due as long after', () => {
    const c = cert(2, CREATED + 32 * DAY);
    expect(status([pass('a'), pass('b', 2)], CREATED + 10 * DAY, [c])).toBe('passed');
    const after = CREATED + 33 * DAY;
    expect(roundOf(row, [c], after)).toMatchObject({ start: CREATED + 32 * DAY, dueAt: CREATED + 39 * DAY, retakes: 1, certificate: null });
    expect(status([pass('a'), pass('b', 2)], after, [c])).toBe('not-started');
    expect(status([pass('a'), pass('b', 2), pass('a', 33)], after, [c])).toBe('in-progress');
    expect(status([pass('a'), pass('b', 2)], CREATED + 40 * DAY, [c])).toBe('overdue');
    // A certificate that never expires keeps the member passed.
    expect(status([pass('a'), pass('b', 2)], CREATED + 900 * DAY, [cert(2, null)])).toBe('passed');
  });
});
