// scenarios/scenario.schema.json is generated from schema.ts by this, so editors check and
// complete scenario files with the same rules as the engine. `npm run schema` rewrites it;
// a test fails when the committed file is stale.
import { z } from 'zod';
import { scenarioSchemaV2 } from './schema.js';
import { stringsSchema } from './strings.js';

export function scenarioJsonSchema(): string {
  // One file for both versions, so editors help with either: version 2's fields, either number.
  // A version-1 file that uses a version-2 field is told so by the loader, with the fix.
  const both = scenarioSchemaV2.extend({ schemaVersion: z.union([z.literal(2), z.literal(1)]).describe('The version of this format: 2 (1 is still read).') });
  const schema = z.toJSONSchema(both, { target: 'draft-07', io: 'input', unrepresentable: 'any' });
  const doc = {
    ...schema,
    $id: 'https://hold-the-line.example/scenario.schema.json',
    title: 'Hold the Line scenario (format versions 1 and 2)',
    description: 'One scripted call: the customer, the lines, the replies and how each is scored. See docs/authoring.md.',
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** scenarios/strings.schema.json: the string table of a translation (format/strings.ts). */
export function stringsJsonSchema(): string {
  const schema = z.toJSONSchema(stringsSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' });
  const doc = {
    ...schema,
    $id: 'https://hold-the-line.example/strings.schema.json',
    title: 'Hold the Line translation: a string table (format version 2)',
    description: "The texts of one call in one language, by key, each with the hash of the original text it translates. See docs/translating.md.",
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
