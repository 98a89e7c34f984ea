// scenarios/scenario.schema.json is generated from the format's one definition; a stale copy
// would let editors accept what the engine refuses (or the reverse).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/engine/format/jsonSchema.js';
import { SCENARIO_DIR } from './support.js';

describe('scenario.schema.json', () => {
  it('is up to date with src/engine/format/schema.ts (run `npm run schema` if not)', () => {
    expect(readFileSync(join(SCENARIO_DIR, 'scenario.schema.json'), 'utf8')).toBe(scenarioJsonSchema());
  });

  it('is named by every shipped scenario, so editors check them', () => {
    for (const f of readdirSync(SCENARIO_DIR).filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))) {
      const doc = JSON.parse(readFileSync(join(SCENARIO_DIR, f), 'utf8'));
      expect(doc.$schema, f).toBe('./scenario.schema.json');
      expect(doc.schemaVersion).toBe(1);
    }
  });
});
