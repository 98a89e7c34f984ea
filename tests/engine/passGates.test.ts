import { describe, expect, it } from 'vitest';
import { missedGates, passes, passGatesSchema } from '../../src/engine/index.js';

const scores = { politeness: 90, accuracy: 59, judgment: 70, overall: 75 };

describe('pass gates', () => {
  it('passes only when the overall and every gated skill reach their marks, edges included', () => {
    const gates = passGatesSchema.parse({ overall: 75, skills: { judgment: 70 } });
    expect(passes(scores, gates)).toBe(true);
    expect(passes({ ...scores, judgment: 69 }, gates)).toBe(false);
    expect(passes({ ...scores, overall: 74 }, gates)).toBe(false);
  });

  it('names every gate missed, overall first, with what it needed and scored', () => {
    const gates = passGatesSchema.parse({ overall: 80, skills: { judgment: 70, accuracy: 60 } });
    expect(missedGates(scores, gates)).toEqual([
      { gate: 'overall', needed: 80, scored: 75 },
      { gate: 'accuracy', needed: 60, scored: 59 },
    ]);
  });

  it('refuses gates out of range or for a skill that does not exist', () => {
    expect(passGatesSchema.safeParse({ overall: 101 }).success).toBe(false);
    expect(passGatesSchema.safeParse({ overall: 50, skills: { charm: 50 } }).success).toBe(false);
    expect(passGatesSchema.parse({ overall: 50 }).skills).toEqual({});
  });
});
