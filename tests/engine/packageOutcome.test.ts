import { describe, expect, it } from 'vitest';
import { packageOutcome, passGatesSchema } from '../../src/engine/index.js';

const gates = passGatesSchema.parse({ overall: 80, skills: { judgment: 70 } });
const good = { politeness: 100, accuracy: 90, judgment: 80, overall: 90 };
const weakJudgment = { politeness: 100, accuracy: 100, judgment: 60, overall: 87 };

describe('what a package reports', () => {
  it('passes one call that meets every gate; a gated skill is an objective met, an ungated one has no verdict', () => {
    const o = packageOutcome([good], gates);
    expect(o).toMatchObject({ complete: true, passed: true, scores: good, missed: [[]] });
    expect(o.objectives).toEqual([
      { skill: 'politeness', score: 100, gate: null, passed: null },
      { skill: 'accuracy', score: 90, gate: null, passed: null },
      { skill: 'judgment', score: 80, gate: 70, passed: true },
    ]);
  });

  it('fails on a skill gate even with the overall mark reached', () => {
    const o = packageOutcome([weakJudgment], gates);
    expect(o.passed).toBe(false);
    expect(o.missed).toEqual([[{ gate: 'judgment', needed: 70, scored: 60 }]]);
    expect(o.objectives[2]!.passed).toBe(false);
  });

  it('an assignment of several calls: incomplete until each has ended, then passed only if each passes; scores are the means', () => {
    const started = packageOutcome([good, null], gates);
    expect(started).toMatchObject({ complete: false, passed: false, scores: { overall: 45 } });
    expect(started.objectives[2]!.passed).toBe(false);
    const both = packageOutcome([good, weakJudgment], gates);
    expect(both).toMatchObject({ complete: true, passed: false, scores: { politeness: 100, accuracy: 95, judgment: 70, overall: 89 } });
    // The mean judgment reaches the gate, but one call did not: not met.
    expect(both.objectives[2]).toEqual({ skill: 'judgment', score: 70, gate: 70, passed: false });
    expect(packageOutcome([good, good], gates).passed).toBe(true);
  });
});
