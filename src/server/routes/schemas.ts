// JSON Schemas for request parts used by several routes (Fastify validates with them).
import { HttpError } from '../httpError.js';

/** A display name: 1–40 characters, no control or invisible formatting characters. */
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

/**
 * Tidies a name (surrounding spaces trimmed, runs of spaces made one, composed form) and refuses
 * one that is blank or holds control or invisible formatting characters.
 */
export function cleanName(name: string): string {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (clean === '' || /\p{C}/u.test(clean)) throw new HttpError(400, 'invalid-request', 'a name needs at least one visible character and no control characters');
  return clean;
}
