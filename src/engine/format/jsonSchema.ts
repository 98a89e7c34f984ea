// scenarios/scenario.schema.json and strings.schema.json are generated from the format's zod
// definitions by this, so editors check and complete the files with the same rules as the
// engine. `npm run schema` rewrites them; a test fails when a committed file is stale.
import { z } from 'zod';
import { scenarioSchemaV2 } from './schema.js';
import { stringsSchema } from './strings.js';

/** A zod schema as the text of an editor's JSON Schema file, named and described. */
function schemaFile(schema: z.ZodType, name: string, title: string, description: string): string {
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...json, $id: `https://hold-the-line.example/${name}`, title, description }, null, 2) + '\n';
}

export function scenarioJsonSchema(): string {
  // One file for both versions, so editors help with either: version 2's fields, either number.
  // A version-1 file that uses a version-2 field is told so by the loader, with the fix.
  const both = scenarioSchemaV2.extend({ schemaVersion: z.union([z.literal(2), z.literal(1)]).describe('The version of this format: 2 (1 is still read).') });
  return schemaFile(both, 'scenario.schema.json', 'Hold the Line scenario (format versions 1 and 2)', 'One scripted call: the customer, the lines, the replies and how each is scored. See docs/authoring.md.');
}

/** scenarios/strings.schema.json: the string table of a translation (format/strings.ts). */
export function stringsJsonSchema(): string {
  return schemaFile(
    stringsSchema,
    'strings.schema.json',
    'Hold the Line translation: a string table (format version 2)',
    'The texts of one call in one language, by key, each with the hash of the original text it translates. See docs/translating.md.',
  );
}
