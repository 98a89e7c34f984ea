// What the API says about assignments and certificates (issue 15): the shapes the server answers
// and the game, the team page and the certificate page read. The pass rule itself lives in
// src/engine/assignment/passGates.ts.
import type { MissedGate, PassGates } from '../engine/assignment/passGates.js';

export type { MissedGate, PassGates };

/**
 * A member's status in an assignment (src/server/assignments.ts memberStatus):
 * - passed: every call passed within the attempt cap (this round's certificate issued);
 * - failed: a call's attempts used up without a pass — final for the round, even after the due date;
 * - overdue: the due date passed, nothing failed, not everything passed (they may still finish);
 * - in-progress: at least one counted exam; not-started: none.
 */
export type AssignmentStatus = 'not-started' | 'in-progress' | 'passed' | 'failed' | 'overdue';
export const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['not-started', 'in-progress', 'overdue', 'failed', 'passed'];

export interface AssignmentScores {
  readonly overall: number;
  readonly politeness: number;
  readonly accuracy: number;
  readonly judgment: number;
}

/** The trainer's assignment as stored. */
export interface Assignment {
  readonly id: number;
  readonly title: string;
  /** The calls' scenario ids. */
  readonly calls: readonly string[];
  /** The chosen members' ids; null: the whole team. */
  readonly members: readonly number[] | null;
  readonly dueAt: string;
  /** Exams per call that count for the assignment. */
  readonly attemptCap: number;
  readonly gates: PassGates;
  /** Days a certificate stays valid; null: it never expires. */
  readonly certificateDays: number | null;
  readonly createdAt: string;
  readonly archivedAt: string | null;
}

/** What a trainer sends to create one (PATCH takes any of these, and `archived`). */
export interface AssignmentRequest {
  readonly title: string;
  readonly calls: readonly string[];
  readonly members?: readonly number[] | null;
  readonly dueAt: string;
  readonly attemptCap: number;
  readonly gates: { readonly overall: number; readonly skills?: Partial<Record<'politeness' | 'accuracy' | 'judgment', number>> };
  readonly certificateDays?: number | null;
}

/** One call of an assignment for one member, in their current round. */
export interface CallProgress {
  readonly scenario: string;
  readonly title: string;
  /** Exams on this call that counted (at most the cap). */
  readonly attempts: number;
  readonly attemptsLeft: number;
  readonly passed: boolean;
  /** The passing exam's scores, else the best counted one's; null before any. */
  readonly best: AssignmentScores | null;
}

export interface MemberProgress {
  readonly player: { readonly id: number; readonly name: string };
  readonly status: AssignmentStatus;
  /** This round's due date (a retake after an expired certificate has a due date of its own). */
  readonly dueAt: string;
  /** How many rounds ended with an expired certificate before this one. */
  readonly retakes: number;
  readonly calls: readonly CallProgress[];
  /** The certificate of this round, when passed. */
  readonly certificate: { readonly code: string; readonly issuedAt: string; readonly expiresAt: string | null } | null;
}

/** GET /teams/:code/assignments: each open assignment (archived ones with ?archived=1) with every member's progress. */
export interface AssignmentBoard {
  readonly assignments: readonly (Assignment & { readonly counts: Readonly<Record<AssignmentStatus, number>>; readonly progress: readonly MemberProgress[] })[];
}

/** GET /teams/:code/me/assignments: the signed-in member's open assignments. */
export interface MyAssignments {
  readonly assignments: readonly (Assignment & { readonly progress: MemberProgress })[];
}

/** How a submitted exam went for each open assignment that has its call (in SubmitResponse.assignments). */
export interface AssignmentOutcome {
  readonly id: number;
  readonly title: string;
  /** False when the call's attempts were used up before: the exam counts for the board only. */
  readonly counted: boolean;
  readonly passed: boolean;
  readonly missed: readonly MissedGate[];
  readonly attemptsLeft: number;
  readonly status: AssignmentStatus;
  /** Set when this exam completed the assignment. */
  readonly certificate: string | null;
}

/** GET /certificates/:code: what a certificate shows, and nothing else. */
export interface CertificateView {
  readonly name: string;
  readonly assignment: string;
  readonly issuedAt: string;
  readonly expiresAt: string | null;
  readonly scores: readonly ({ readonly title: string } & AssignmentScores)[];
}
