// Assignments and certificates (issue 15), as a migration of its own (listed in migrations.ts):
// - assignments: a set of calls a trainer gives a team (or chosen members), with a due date, an
//   attempt cap (exams per call), pass gates (src/engine/assignment/passGates.ts) and an optional
//   certificate expiry in days; archived ones stay for the record.
// - certificates: issued when a member passes every call of an assignment, found by a random
//   128-bit code (its SHA-256 is not needed: the code is public by design, printed on the page);
//   `round_start` is where the member's round began (the assignment's creation, or the expiry of
//   their previous certificate), unique per member and assignment, so a round issues one.
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './migrations.js';

export function assignmentMigrations(dialect: Dialect): Record<string, Migration> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    '0010-assignments': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('assignments')
          .addColumn('id', id, (c) => c.primaryKey())
          .addColumn('team_id', big, (c) => c.notNull().references('teams.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          /** JSON: the calls' scenario ids, in the trainer's order. */
          .addColumn('calls', 'text', (c) => c.notNull())
          /** JSON: the chosen members' player ids; null: the whole team. */
          .addColumn('members', 'text')
          .addColumn('due_at', big, (c) => c.notNull())
          .addColumn('attempt_cap', 'integer', (c) => c.notNull())
          /** JSON: the pass gates (passGatesSchema). */
          .addColumn('gates', 'text', (c) => c.notNull())
          .addColumn('certificate_days', 'integer')
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('updated_at', big, (c) => c.notNull())
          .addColumn('archived_at', big)
          .execute();
        await db.schema.createIndex('assignments_team').on('assignments').column('team_id').execute();
        await db.schema
          .createTable('certificates')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('assignment_id', big, (c) => c.notNull().references('assignments.id'))
          .addColumn('player_id', big, (c) => c.notNull().references('players.id'))
          .addColumn('round_start', big, (c) => c.notNull())
          .addColumn('issued_at', big, (c) => c.notNull())
          .addColumn('expires_at', big)
          /** The name and title as they were when issued: the certificate says what was passed. */
          .addColumn('player_name', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          /** JSON: each call's passing scores ({ scenario, title, overall, politeness, accuracy, judgment }[]). */
          .addColumn('scores', 'text', (c) => c.notNull())
          .addUniqueConstraint('certificates_round', ['assignment_id', 'player_id', 'round_start'])
          .execute();
        await db.schema.createIndex('certificates_player').on('certificates').columns(['player_id', 'assignment_id']).execute();
      },
    },
    // A round a trainer gives a member (after a failure, say): from `started_at` on, the member
    // starts again as after an expiry (src/server/assignments.ts).
    '0011-assignment-rounds': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('assignment_rounds')
          .addColumn('assignment_id', big, (c) => c.notNull().references('assignments.id'))
          .addColumn('player_id', big, (c) => c.notNull().references('players.id'))
          .addColumn('started_at', big, (c) => c.notNull())
          .addPrimaryKeyConstraint('assignment_rounds_pk', ['assignment_id', 'player_id', 'started_at'])
          .execute();
      },
    },
  };
}
