// "Typed replies only" exams (issue 13), as a migration of its own (listed in migrations.ts):
// - teams.typed_only: the trainer's setting — the team's online exams hide the reply buttons and
//   take only typed replies.
// - tickets.typed_only: the setting as it was when the ticket was issued, so a result is judged by
//   the rule its exam was played under, whatever the trainer changed since.
import type { Kysely, Migration } from 'kysely';

export function typedOnlyMigrations(): Record<string, Migration> {
  return {
    '0009-typed-only': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('teams').addColumn('typed_only', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.alterTable('tickets').addColumn('typed_only', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      },
    },
  };
}
