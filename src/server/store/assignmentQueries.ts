// The reads and writes of assignments and certificates (assignmentMigrations.ts): plain functions
// over the store's database, the same on SQLite and PostgreSQL. What a status is lives in
// src/server/assignments.ts; this only fetches and keeps rows.
import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AssignmentsTable, CertificatesTable, Database } from './schema.js';

type Db = Kysely<Database>;

export type AssignmentRow = Selectable<AssignmentsTable>;
export type CertificateRow = Selectable<CertificatesTable>;
export type NewAssignment = Omit<Insertable<AssignmentsTable>, 'id' | 'archived_at'>;

/** An exam that may count for an assignment: one of the member's results on one of its calls. */
export interface ExamRow {
  readonly id: number;
  readonly player_id: number;
  readonly scenario: string;
  readonly overall: number;
  readonly politeness: number;
  readonly accuracy: number;
  readonly judgment: number;
  readonly received_at: number;
}

/** PostgreSQL's bigint arrives as a number (database.ts); made sure of here for every id and time. */
const assignmentRow = (r: AssignmentRow): AssignmentRow => ({
  ...r,
  id: Number(r.id),
  team_id: Number(r.team_id),
  due_at: Number(r.due_at),
  attempt_cap: Number(r.attempt_cap),
  certificate_days: r.certificate_days === null ? null : Number(r.certificate_days),
  created_at: Number(r.created_at),
  updated_at: Number(r.updated_at),
  archived_at: r.archived_at === null ? null : Number(r.archived_at),
});

const certificateRow = (r: CertificateRow): CertificateRow => ({
  ...r,
  assignment_id: Number(r.assignment_id),
  player_id: Number(r.player_id),
  round_start: Number(r.round_start),
  issued_at: Number(r.issued_at),
  expires_at: r.expires_at === null ? null : Number(r.expires_at),
});

export async function insertAssignment(db: Db, a: NewAssignment): Promise<AssignmentRow> {
  const row = await db.insertInto('assignments').values(a).returningAll().executeTakeFirstOrThrow();
  return assignmentRow(row);
}

export async function updateAssignment(db: Db, teamId: number, id: number, change: Partial<Omit<NewAssignment, 'team_id' | 'created_at'>> & { archived_at?: number | null }): Promise<AssignmentRow | null> {
  const row = await db.updateTable('assignments').set(change).where('team_id', '=', teamId).where('id', '=', id).returningAll().executeTakeFirst();
  return row ? assignmentRow(row) : null;
}

export async function assignment(db: Db, teamId: number, id: number): Promise<AssignmentRow | null> {
  const row = await db.selectFrom('assignments').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
  return row ? assignmentRow(row) : null;
}

/** The team's assignments, oldest first; archived ones only when asked. */
export async function teamAssignments(db: Db, teamId: number, withArchived = false): Promise<AssignmentRow[]> {
  let q = db.selectFrom('assignments').selectAll().where('team_id', '=', teamId);
  if (!withArchived) q = q.where('archived_at', 'is', null);
  return (await q.orderBy('id').execute()).map(assignmentRow);
}

/** The team's members (not removed), by name. */
export async function activeMembers(db: Db, teamId: number): Promise<{ id: number; name: string }[]> {
  const rows = await db.selectFrom('players').select(['id', 'name']).where('team_id', '=', teamId).where('removed_at', 'is', null).orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}

/**
 * The exams of these members on these calls received from `since` on, in the order the server
 * received them (the order attempts are counted in). Removed results do not count.
 */
export async function examsOf(db: Db, teamId: number, playerIds: readonly number[], scenarios: readonly string[], since: number): Promise<ExamRow[]> {
  if (playerIds.length === 0 || scenarios.length === 0) return [];
  const rows = await db
    .selectFrom('results')
    .select(['id', 'player_id', 'scenario', 'overall', 'politeness', 'accuracy', 'judgment', 'received_at'])
    .where('team_id', '=', teamId)
    .where('player_id', 'in', [...playerIds])
    .where('scenario', 'in', [...scenarios])
    .where('removed_at', 'is', null)
    .where('received_at', '>=', since)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), player_id: Number(r.player_id), overall: Number(r.overall), politeness: Number(r.politeness), accuracy: Number(r.accuracy), judgment: Number(r.judgment), received_at: Number(r.received_at) }));
}

/** Every certificate of these assignments, oldest first. */
export async function certificatesOf(db: Db, assignmentIds: readonly number[]): Promise<CertificateRow[]> {
  if (assignmentIds.length === 0) return [];
  const rows = await db.selectFrom('certificates').selectAll().where('assignment_id', 'in', [...assignmentIds]).orderBy('issued_at').orderBy('code').execute();
  return rows.map(certificateRow);
}

/** 128 random bits as 32 hex digits: unguessable, and shown in groups of four. */
export const newCertificateCode = (): string => randomBytes(16).toString('hex');

/** Issues the round's certificate; null when that round has one already (another request issued it a moment ago). */
export async function insertCertificate(db: Db, c: Omit<CertificateRow, 'code'>): Promise<CertificateRow | null> {
  const code = newCertificateCode();
  const row = await db
    .insertInto('certificates')
    .values({ ...c, code })
    .onConflict((oc) => oc.columns(['assignment_id', 'player_id', 'round_start']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? certificateRow(row) : null;
}

/** The rounds trainers gave in these assignments, oldest first. */
export async function givenRoundsOf(db: Db, assignmentIds: readonly number[]): Promise<{ assignment_id: number; player_id: number; started_at: number }[]> {
  if (assignmentIds.length === 0) return [];
  const rows = await db.selectFrom('assignment_rounds').selectAll().where('assignment_id', 'in', [...assignmentIds]).orderBy('started_at').execute();
  return rows.map((r) => ({ assignment_id: Number(r.assignment_id), player_id: Number(r.player_id), started_at: Number(r.started_at) }));
}

export async function insertRound(db: Db, r: { assignment_id: number; player_id: number; started_at: number }): Promise<void> {
  await db.insertInto('assignment_rounds').values(r).onConflict((oc) => oc.doNothing()).execute();
}

export async function certificateByCode(db: Db, code: string): Promise<CertificateRow | null> {
  const row = await db.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? certificateRow(row) : null;
}
