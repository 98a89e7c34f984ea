// Numbered migrations, run at start by Kysely's Migrator, which holds a lock while it works (an
// advisory lock on PostgreSQL), so several instances starting at once migrate once.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { contentHash } from '../playedOnce.js';
import { addToBests, BEST_SOURCE_COLUMNS, type BestSource } from './bests.js';
import { assignmentMigrations } from './assignmentMigrations.js';
import { hardeningMigrations } from './hardeningMigrations.js';
import { typedOnlyMigrations } from './typedOnlyMigrations.js';

export type Dialect = 'sqlite' | 'postgres';

function migrations(dialect: Dialect): Record<string, Migration> {
  const id = dialect === 'postgres' ? 'bigserial' : 'integer';
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    '0001-initial': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('teams')
          .addColumn('id', id, (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('season', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('created_at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('players')
          .addColumn('id', id, (c) => c.primaryKey())
          .addColumn('team_id', big, (c) => c.notNull().references('teams.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('name_key', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', big, (c) => c.notNull())
          .addUniqueConstraint('players_team_name', ['team_id', 'name_key'])
          .execute();
        await db.schema
          .createTable('scenario_versions')
          .addColumn('hash', 'text', (c) => c.primaryKey())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('seen_at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('results')
          .addColumn('id', id, (c) => c.primaryKey())
          .addColumn('team_id', big, (c) => c.notNull().references('teams.id'))
          .addColumn('player_id', big, (c) => c.notNull().references('players.id'))
          .addColumn('season', 'integer', (c) => c.notNull())
          .addColumn('idem_key', 'text', (c) => c.notNull().unique())
          .addColumn('body_hash', 'text', (c) => c.notNull())
          .addColumn('scenario', 'text', (c) => c.notNull())
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('politeness', 'integer', (c) => c.notNull())
          .addColumn('accuracy', 'integer', (c) => c.notNull())
          .addColumn('judgment', 'integer', (c) => c.notNull())
          .addColumn('overall', 'integer', (c) => c.notNull())
          .addColumn('grade', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('ideal', 'integer', (c) => c.notNull())
          .addColumn('turns', 'integer', (c) => c.notNull())
          .addColumn('elapsed_ms', big, (c) => c.notNull())
          .addColumn('played_at', big, (c) => c.notNull())
          .addColumn('received_at', big, (c) => c.notNull())
          .addColumn('transcript', 'text', (c) => c.notNull())
          .addColumn('removed_at', big)
          .execute();
        // The board reads only this index (team, season, time, then what it aggregates).
        await sql`create index results_board on results (team_id, season, played_at, player_id, scenario, overall, politeness, accuracy, judgment) where removed_at is null`.execute(db);
        await db.schema.createIndex('results_team_id').on('results').columns(['team_id', 'id']).execute();
        await db.schema.createIndex('players_team').on('players').column('team_id').execute();
        await db.schema
          .createTable('settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
      },
    },
    // The team lead's boards and the trainer's tools (issue 14): a read-only board code for
    // meeting displays, the minimum of attempts to be ranked, when the meeting view was last shown,
    // players removed (kept, so an undo can bring them back), and each result's review summary
    // (engine-derived: facts missed, turns where a better reply existed) for the team's insights.
    '0002-team-tools': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('teams').addColumn('board_code', 'text').execute();
        await db.schema.createIndex('teams_board_code').on('teams').column('board_code').unique().execute();
        await db.schema.alterTable('teams').addColumn('min_attempts', 'integer', (c) => c.notNull().defaultTo(3)).execute();
        await db.schema.alterTable('teams').addColumn('last_meeting_at', big).execute();
        await db.schema.alterTable('players').addColumn('removed_at', big).execute();
        await db.schema.alterTable('results').addColumn('review', 'text').execute();
      },
    },
    // "Since the last meeting" (issue 14): the start of the meeting before the current one, so a
    // projector refreshed mid-meeting keeps showing what happened since the previous meeting.
    '0003-previous-meeting': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('teams').addColumn('previous_meeting_at', big).execute();
      },
    },
    // Bests kept up to date on write (issue 14; src/server/store/bests.ts): each player's best
    // result, attempts and sum of overall per call and UTC day, month and season, and the team's
    // results per call and day for trends. Filled here from the results already stored.
    '0004-bests': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('bests')
          .addColumn('team_id', big, (c) => c.notNull())
          .addColumn('season', 'integer', (c) => c.notNull())
          .addColumn('grain', 'text', (c) => c.notNull())
          .addColumn('start', big, (c) => c.notNull())
          .addColumn('player_id', big, (c) => c.notNull())
          .addColumn('scenario', 'text', (c) => c.notNull())
          .addColumn('results', 'integer', (c) => c.notNull())
          .addColumn('overall_sum', big, (c) => c.notNull())
          .addColumn('best_id', big, (c) => c.notNull())
          .addColumn('best_overall', 'integer', (c) => c.notNull())
          .addColumn('best_politeness', 'integer', (c) => c.notNull())
          .addColumn('best_accuracy', 'integer', (c) => c.notNull())
          .addColumn('best_judgment', 'integer', (c) => c.notNull())
          .addColumn('best_played_at', big, (c) => c.notNull())
          // Grain before season: "all time" (every season's season bucket) is one range of the key.
          .addPrimaryKeyConstraint('bests_key', ['team_id', 'grain', 'season', 'start', 'player_id', 'scenario'])
          .execute();
        await db.schema
          .createTable('team_days')
          .addColumn('team_id', big, (c) => c.notNull())
          .addColumn('season', 'integer', (c) => c.notNull())
          .addColumn('day', big, (c) => c.notNull())
          .addColumn('scenario', 'text', (c) => c.notNull())
          .addColumn('results', 'integer', (c) => c.notNull())
          .addColumn('overall_sum', big, (c) => c.notNull())
          .addPrimaryKeyConstraint('team_days_key', ['team_id', 'season', 'day', 'scenario'])
          .execute();
        for (let after = 0; ; ) {
          const rows = await db.selectFrom('results').select([...BEST_SOURCE_COLUMNS]).where('removed_at', 'is', null).where('id', '>', after).orderBy('id').limit(5000).execute();
          if (rows.length === 0) break;
          await addToBests(db, dialect, rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'scenario' ? v : Number(v)])) as unknown as BestSource));
          after = Number(rows[rows.length - 1]!.id);
        }
      },
    },
    // Signing in again (issue 12; src/server/store/personalCodes.ts): each player's personal code,
    // hashed, and the tokens of the further devices signed in with it.
    '0005-personal-codes': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('players').addColumn('code_hash', 'text').execute();
        await db.schema.createIndex('players_code_hash').on('players').column('code_hash').unique().execute();
        await db.schema
          .createTable('player_tokens')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('player_id', big, (c) => c.notNull().references('players.id'))
          .addColumn('created_at', big, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('player_tokens_player').on('player_tokens').column('player_id').execute();
      },
    },
    // Results bound to a player and played once (issue 16): tickets for online exams (a seed the
    // server chose, single use, bound to a player and a call, expiring); each result's content
    // hash, unique in its team (src/server/playedOnce.ts); whether it was played offline; its
    // think-time profile and, when it came faster than a person reads, the flag a trainer clears.
    '0006-tickets-and-plausibility': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('tickets')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('team_id', big, (c) => c.notNull().references('teams.id'))
          .addColumn('player_id', big, (c) => c.notNull().references('players.id'))
          .addColumn('scenario', 'text', (c) => c.notNull())
          .addColumn('seed', big, (c) => c.notNull())
          .addColumn('issued_at', big, (c) => c.notNull())
          .addColumn('expires_at', big, (c) => c.notNull())
          .addColumn('used_at', big)
          .addColumn('result_id', big)
          .addUniqueConstraint('tickets_team_call_seed', ['team_id', 'scenario', 'seed'])
          .execute();
        await db.schema.createIndex('tickets_expires').on('tickets').column('expires_at').execute();
        await db.schema.alterTable('results').addColumn('content_hash', 'text').execute();
        await db.schema.alterTable('results').addColumn('offline', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.alterTable('results').addColumn('think', 'text').execute();
        await db.schema.alterTable('results').addColumn('flag', 'text').execute();
        await db.schema.alterTable('results').addColumn('flag_cleared_at', big).execute();
        // Results already stored get their content hash; of copies stored before, the first keeps it.
        const seen = new Set<string>();
        for (let after = 0; ; ) {
          const rows = await db.selectFrom('results').select(['id', 'team_id', 'transcript']).where('id', '>', after).orderBy('id').limit(2000).execute();
          if (rows.length === 0) break;
          for (const r of rows) {
            let hash: string | null = null;
            try {
              hash = contentHash(JSON.parse(r.transcript as string));
            } catch {
              // a transcript that cannot be read keeps no hash
            }
            if (hash && !seen.has(`${r.team_id}/${hash}`)) {
              seen.add(`${r.team_id}/${hash}`);
              await db.updateTable('results').set({ content_hash: hash }).where('id', '=', r.id).execute();
            }
          }
          after = Number(rows[rows.length - 1]!.id);
        }
        await db.schema.createIndex('results_content').on('results').columns(['team_id', 'content_hash']).unique().execute();
      },
    },
    // Your history (issue 12; src/server/store/historyQueries.ts): a signed-in player's practice
    // calls and "Try another reply" runs, verified like results but kept apart from them, so no
    // board, trend or insight ever counts them; and an index for one player's own list.
    '0007-practice-runs': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('practice_runs')
          .addColumn('id', id, (c) => c.primaryKey())
          .addColumn('team_id', big, (c) => c.notNull().references('teams.id'))
          .addColumn('player_id', big, (c) => c.notNull().references('players.id'))
          .addColumn('idem_key', 'text', (c) => c.notNull().unique())
          .addColumn('body_hash', 'text', (c) => c.notNull())
          .addColumn('scenario', 'text', (c) => c.notNull())
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('mode', 'text', (c) => c.notNull())
          .addColumn('branch_turn', 'integer')
          .addColumn('politeness', 'integer', (c) => c.notNull())
          .addColumn('accuracy', 'integer', (c) => c.notNull())
          .addColumn('judgment', 'integer', (c) => c.notNull())
          .addColumn('overall', 'integer', (c) => c.notNull())
          .addColumn('grade', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('ideal', 'integer', (c) => c.notNull())
          .addColumn('turns', 'integer', (c) => c.notNull())
          .addColumn('elapsed_ms', big, (c) => c.notNull())
          .addColumn('played_at', big, (c) => c.notNull())
          .addColumn('received_at', big, (c) => c.notNull())
          .addColumn('transcript', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('practice_runs_player').on('practice_runs').columns(['player_id', 'played_at', 'id']).execute();
        await db.schema.createIndex('results_player').on('results').columns(['player_id', 'played_at', 'id']).execute();
      },
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => ({ ...migrations(dialect), ...hardeningMigrations(dialect), ...typedOnlyMigrations(), ...assignmentMigrations(dialect) }) };
}
