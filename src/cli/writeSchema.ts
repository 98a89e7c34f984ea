// npm run schema: regenerates scenarios/scenario.schema.json and strings.schema.json from the format's definitions.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema, stringsJsonSchema } from '../engine/format/jsonSchema.js';

export const SCHEMA_FILE = new URL('../../scenarios/scenario.schema.json', import.meta.url);
writeFileSync(SCHEMA_FILE, scenarioJsonSchema());
console.log(`wrote ${SCHEMA_FILE.pathname}`);
export const STRINGS_SCHEMA_FILE = new URL('../../scenarios/strings.schema.json', import.meta.url);
writeFileSync(STRINGS_SCHEMA_FILE, stringsJsonSchema());
console.log(`wrote ${STRINGS_SCHEMA_FILE.pathname}`);
