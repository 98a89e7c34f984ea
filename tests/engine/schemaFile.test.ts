// scenarios/scenario.schema.json is generated from the format's one definition; a stale copy
// would let editors accept what the engine refuses (or the reverse).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/engine/format/jsonSchema.js';
import { SCHEMA_VERSION } from '../../src/engine/format/schema.js';
import { shippedNames } from '../support/shipped.js';
import { SCENARIO_DIR } from './support.js';

describe('scenario.schema.json', () => {
  it('is up to date with src/engine/format/schema.ts (run `npm run schema` if not)', () => {
    expect(readFileSync(join(SCENARIO_DIR, 'scenario.schema.json'), 'utf8')).toBe(scenarioJsonSchema());
  });

  it('is named by every shipped scenario, so editors check them', () => {
    for (const f of shippedNames()) {
      const doc = JSON.parse(readFileSync(join(SCENARIO_DIR, f), 'utf8'));
      // A translation's string table names the tables' schema.
      expect(doc.$schema, f).toBe('translates' in doc ? './strings.schema.json' : './scenario.schema.json');
      expect(doc.schemaVersion, f).toBe(SCHEMA_VERSION);
    }
  });
});
