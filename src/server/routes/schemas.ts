// JSON Schemas for request parts used by several routes (Fastify validates with them).

/** A display name: 1–40 characters as typed (names.ts tidies it and says what it cannot hold). */
export const NAME_MAX = 40;
export const nameSchema = { type: 'string', minLength: 1, maxLength: NAME_MAX } as const;

export const codeParams = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', minLength: 4, maxLength: 20 } },
} as const;

export const codeAndIdParams = {
  type: 'object',
  required: ['code', 'id'],
  properties: { code: { type: 'string', minLength: 4, maxLength: 20 }, id: { type: 'integer', minimum: 1 } },
} as const;

/** Tidies a name, or refuses one that is blank once invisible characters are dropped (src/server/names.ts). */
export { cleanName } from '../names.js';
