// The remembered player as stored: `{ v: 1, team, player, token, personalCode? }` (the personal
// code, when this browser was shown it, to show it again). Version 0 (before versions)
// had the same fields without `v`. The outbox stores the same shape with each item.
import { z } from 'zod/mini';
import { restore, type Report, type StoredFormat } from './restore.js';
import { boundedText, count } from './storedFields.js';
import type { Identity } from './types.js';

/**
 * What a submission needs (code, player id, token) must be there; the team's name and season only
 * label the title screen, so they are repaired (the code stands in for the name; the server's board
 * gives the real season).
 */
export const identitySchema = z.object({
  team: z.pipe(
    z.object({
      code: z.string().check(z.minLength(1), z.maxLength(100)),
      name: z.catch(z.optional(boundedText(200)), undefined),
      season: z.catch(count, 1),
    }),
    z.transform((team) => ({ code: team.code, name: team.name ?? team.code, season: team.season })),
  ),
  player: z.object({ id: z.number().check(z.int()), name: z.string().check(z.maxLength(200)) }),
  token: z.string().check(z.minLength(1), z.maxLength(1000)),
  /** Only shown back to the player (the title screen); an unreadable one is forgotten, not fatal. */
  personalCode: z.catch(z.optional(z.string().check(z.minLength(1), z.maxLength(40))), undefined),
});

export const identityFormat: StoredFormat<Identity> = {
  what: 'the signed-in player',
  ifUnreadable: 'the player signs in again',
  migrations: [(v0) => v0],
  schema: identitySchema,
};

/** The identity in a parsed stored value; null when there is none, or none this version can use. */
export function restoreIdentity(raw: unknown, where = 'identity', report?: Report): Identity | null {
  const r = restore(identityFormat, raw, where, report);
  return r.kind === 'restored' ? r.value : null;
}
