// What an LMS package reports for its calls (one, or an assignment's several): the scores and
// whether it passed, from each call's final scores and the pass gates (passGates.ts). The same
// rule as an assignment's: passed when every call passes its gates. The score is the mean of the
// calls' (each call's best run); a skill is an objective, met when every call meets its gate.
import { DIMENSIONS, type Dimension } from '../scoring/dimensions.js';
import { missedGates, type GatedScores, type MissedGate, type PassGates } from './passGates.js';

export interface SkillObjective {
  readonly skill: Dimension;
  /** The mean of the calls' scores of the skill (0–100). */
  readonly score: number;
  /** The skill's gate, if it has one. */
  readonly gate: number | null;
  /** Met: every call reached the gate; null for a skill without one. */
  readonly passed: boolean | null;
}

export interface PackageOutcome {
  /** Every call has been played to its end. */
  readonly complete: boolean;
  /** Complete, and every call passed its gates. */
  readonly passed: boolean;
  /** The mean of the calls' scores (0–100); the calls not played yet count 0. */
  readonly scores: GatedScores;
  readonly objectives: readonly SkillObjective[];
  /** Per call: what it missed (empty when it passed); null for a call not played to its end yet. */
  readonly missed: readonly (readonly MissedGate[] | null)[];
}

const KEYS = [...DIMENSIONS, 'overall'] as const;

/** `calls`: each call's final scores in the package's order, null for one not finished yet. */
export function packageOutcome(calls: readonly (GatedScores | null)[], gates: PassGates): PackageOutcome {
  const n = Math.max(calls.length, 1);
  const mean = (k: (typeof KEYS)[number]) => Math.round(calls.reduce((sum, c) => sum + (c?.[k] ?? 0), 0) / n);
  const scores = Object.fromEntries(KEYS.map((k) => [k, mean(k)])) as Record<(typeof KEYS)[number], number>;
  const missed = calls.map((c) => (c ? missedGates(c, gates) : null));
  const complete = calls.length > 0 && calls.every((c) => c !== null);
  const objectives = DIMENSIONS.map((skill): SkillObjective => {
    const gate = gates.skills[skill] ?? null;
    return { skill, score: scores[skill], gate, passed: gate === null ? null : complete && calls.every((c) => c![skill] >= gate) };
  });
  return { complete, passed: complete && missed.every((m) => m!.length === 0), scores, objectives, missed };
}
