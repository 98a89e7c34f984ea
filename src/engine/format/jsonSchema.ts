// scenarios/scenario.schema.json is generated from schema.ts by this, so editors check and
// complete scenario files with the same rules as the engine. `npm run schema` rewrites it;
// a test fails when the committed file is stale.
import { z } from 'zod';
import { scenarioSchema } from './schema.js';
import { stringsSchema } from './strings.js';

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' });
  const doc = {
    ...schema,
    $id: 'https://hold-the-line.example/scenario.schema.json',
    title: 'Hold the Line scenario (format version 1)',
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
