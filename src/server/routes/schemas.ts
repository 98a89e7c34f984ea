// JSON Schemas for request parts used by several routes (Fastify validates with them).
import { ID_PATTERN } from '../../engine/format/schema.js';

/** A display name: 1–40 characters as typed (names.ts tidies it and says what it cannot hold). */
export const NAME_MAX = 40;
export const nameSchema = { type: 'string', minLength: 1, maxLength: NAME_MAX } as const;

/**
 * A team's join or board code as people type it: letters and digits, any case, spaces or dashes
 * between groups (store.ts normalizeCode). Anything else (a NUL byte, say) is refused before a
 * database sees it.
 */
export const codeSchema = { type: 'string', minLength: 4, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' } as const;

/**
 * The id of a row (a result, a player): a whole number from 1 that both databases hold and
 * JavaScript counts exactly (PostgreSQL's ids are 64-bit; 2^53 − 1 is where doubles stop being exact).
 */
export const ID_MAX = Number.MAX_SAFE_INTEGER;
export const idSchema = { type: 'integer', minimum: 1, maximum: ID_MAX } as const;

/** A count kept in a 32-bit column (a season): from 1 up to what such a column holds. */
export const INT32_MAX = 2_147_483_647;
export const smallCountSchema = { type: 'integer', minimum: 1, maximum: INT32_MAX } as const;

/** A call's id as the scenario format writes it (lower-case words joined by dashes). */
export const scenarioIdSchema = { type: 'string', minLength: 1, maxLength: 100, pattern: ID_PATTERN.source } as const;

export const codeParams = {
  type: 'object',
  required: ['code'],
  properties: { code: codeSchema },
} as const;

export const codeAndIdParams = {
  type: 'object',
  required: ['code', 'id'],
  properties: { code: codeSchema, id: idSchema },
} as const;

/** Tidies a name, or refuses one that is blank once invisible characters are dropped (src/server/names.ts). */
export { cleanName } from '../names.js';

const score = { type: 'integer', minimum: 0, maximum: 100 } as const;
/**
 * What a posted call carries, a result for the board or a practice run for the history: a key for
 * retries, the transcript (its own schema is the engine's, checked there with the engine's
 * reasons), the scores the client claims and when it was played.
 */
export const postedCallProperties = {
  idempotencyKey: { type: 'string', minLength: 16, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' },
  transcript: { type: 'object' },
  claimed: { type: 'object', required: ['politeness', 'accuracy', 'judgment', 'overall'], additionalProperties: false, properties: { politeness: score, accuracy: score, judgment: score, overall: score } },
  playedAt: { type: 'string', format: 'date-time' },
} as const;
