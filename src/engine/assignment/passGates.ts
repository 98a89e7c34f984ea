// When a call counts as passed for an assignment: its overall at or above the pass mark, and
// each gated skill at or above its gate (judgment ≥ 70 and accuracy ≥ 60, say). One home for the
// rule, so the server's assignment status, the certificate and the LMS packages can never
// disagree about a pass.
import { z } from 'zod';
import { DIMENSIONS, type Dimension } from '../scoring/dimensions.js';

export const passGatesSchema = z
  .object({
    /** The overall (0–100) a call must reach. */
    overall: z.number().int().min(0).max(100),
    /** Optional gates per skill (0–100); a skill without one is not gated. */
    skills: z.partialRecord(z.enum(DIMENSIONS), z.number().int().min(0).max(100)).default({}),
  })
  .strict();

export type PassGates = z.output<typeof passGatesSchema>;

export type GatedScores = Readonly<Record<Dimension | 'overall', number>>;

/** A gate a run fell short of: which, what it needed and what it scored. */
export interface MissedGate {
  readonly gate: Dimension | 'overall';
  readonly needed: number;
  readonly scored: number;
}

/** The gates `scores` fell short of, overall first then in skill order; empty when it passes. */
export function missedGates(scores: GatedScores, gates: PassGates): MissedGate[] {
  const missed: MissedGate[] = [];
  if (scores.overall < gates.overall) missed.push({ gate: 'overall', needed: gates.overall, scored: scores.overall });
  for (const d of DIMENSIONS) {
    const needed = gates.skills[d];
    if (needed !== undefined && scores[d] < needed) missed.push({ gate: d, needed, scored: scores[d] });
  }
  return missed;
}

export const passes = (scores: GatedScores, gates: PassGates): boolean => missedGates(scores, gates).length === 0;
