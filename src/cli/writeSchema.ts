// npm run schema: regenerates scenarios/scenario.schema.json from the format's definition.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../engine/format/jsonSchema.js';

export const SCHEMA_FILE = new URL('../../scenarios/scenario.schema.json', import.meta.url);
writeFileSync(SCHEMA_FILE, scenarioJsonSchema());
console.log(`wrote ${SCHEMA_FILE.pathname}`);
