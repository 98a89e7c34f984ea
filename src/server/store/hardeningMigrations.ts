// The server's hardening (issue 16), as a migration of its own (listed in migrations.ts):
// - players.name_skeleton: what a name looks like (src/server/names.ts), unique in a team, so a
//   look-alike ("Vіctor" with a Cyrillic і beside "Victor") cannot join. Names already stored get
//   theirs; of look-alikes stored before, the first keeps it (the others keep their names).
// - The trainer token made on first start is kept only as its hash: a plain one is hashed here.
// - rate_limits: request counts per key and window, shared by every instance on one PostgreSQL
//   (src/server/rateLimitStore.ts).
import type { Kysely, Migration } from 'kysely';
import { nameSkeleton } from '../names.js';
import { PLAIN_TOKEN_SETTING, TOKEN_HASH_SETTING, trainerTokenHash } from '../trainerToken.js';
import type { Dialect } from './migrations.js';

export function hardeningMigrations(dialect: Dialect): Record<string, Migration> {
  const id = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    '0008-names-trainer-hash-rate-limits': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('players').addColumn('name_skeleton', 'text').execute();
        const seen = new Set<string>();
        for (let after = 0; ; ) {
          const rows = await db.selectFrom('players').select(['id', 'team_id', 'name']).where('id', '>', after).orderBy('id').limit(2000).execute();
          if (rows.length === 0) break;
          for (const r of rows) {
            const key = `${r.team_id}/${nameSkeleton(r.name as string)}`;
            if (seen.has(key)) continue;
            seen.add(key);
            await db.updateTable('players').set({ name_skeleton: nameSkeleton(r.name as string) }).where('id', '=', r.id).execute();
          }
          after = Number(rows[rows.length - 1]!.id);
        }
        await db.schema.createIndex('players_team_skeleton').on('players').columns(['team_id', 'name_skeleton']).unique().execute();

        const plain = await db.selectFrom('settings').select('value').where('key', '=', PLAIN_TOKEN_SETTING).executeTakeFirst();
        if (plain) {
          await db
            .insertInto('settings')
            .values({ key: TOKEN_HASH_SETTING, value: trainerTokenHash(plain.value as string) })
            .onConflict((oc) => oc.column('key').doNothing())
            .execute();
          await db.deleteFrom('settings').where('key', '=', PLAIN_TOKEN_SETTING).execute();
        }

        await db.schema
          .createTable('rate_limits')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('hits', 'integer', (c) => c.notNull())
          .addColumn('reset_at', id, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('rate_limits_reset').on('rate_limits').column('reset_at').execute();
      },
    },
  };
}
