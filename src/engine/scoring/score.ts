// Scoring: every skill starts at 100 and every point lost is a ledger entry with its cause.
// The formulas are explained for trainers in docs/scoring.md; keep the two in step.
import type { Ideal, Outcome, Scenario } from '../format/model.js';
import type { SessionContext, TurnRecord } from '../rules/state.js';

import { DIMENSIONS, type Dimension } from './dimensions.js';

export { DIMENSIONS, type Dimension };

export type LedgerCause =
  | { readonly kind: 'reply'; readonly node: string; readonly reply: string }
  | { readonly kind: 'timeout'; readonly node: string }
  | { readonly kind: 'hang-up'; readonly node: string }
  | { readonly kind: 'missed-fact'; readonly fact: string }
  | { readonly kind: 'outcome'; readonly outcome: Outcome; readonly credit: number }
  | { readonly kind: 'unmet'; readonly fact: string; readonly outcome: Outcome }
  | { readonly kind: 'forbidden'; readonly fact: string; readonly outcome: Outcome }
  | { readonly kind: 'over-par'; readonly turns: number; readonly par: number }
  | { readonly kind: 'unanswered' };

export interface LedgerEntry {
  /** The turn it belongs to; null for what is judged at the end of the call. */
  readonly turn: number | null;
  readonly dimension: Dimension;
  /** Always below zero: points lost. */
  readonly points: number;
  readonly cause: LedgerCause;
  /** The trainer's words for it, when the scenario has them. */
  readonly note: string | null;
}

/** Whether a choice (a reply, a timeout) costs the trainee points on any skill of its own. */
export const costsPoints = (e: { readonly polite: number; readonly accuracy: number; readonly judgment: number }): boolean =>
  e.polite < 0 || e.accuracy < 0 || e.judgment < 0;

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface ScoreCard {
  readonly politeness: number;
  readonly accuracy: number;
  readonly judgment: number;
  readonly overall: number;
  readonly grade: Grade;
  readonly ledger: readonly LedgerEntry[];
  /** False while the call is still going: end-of-call entries are not in yet. */
  readonly final: boolean;
  readonly outcome: Outcome | null;
  /** The ideal this ending matched, if any. */
  readonly matchedIdeal: Ideal | null;
  /** Ideal ending with every required fact known. */
  readonly ideal: boolean;
  readonly factsFound: readonly string[];
  /** Facts the ending reached needed that were never found (see neededFacts); empty until the call ends. */
  readonly factsMissed: readonly string[];
  readonly turns: number;
  readonly elapsedMs: number;
}

export function gradeOf(overall: number): Grade {
  return overall >= 90 ? 'A' : overall >= 80 ? 'B' : overall >= 70 ? 'C' : overall >= 60 ? 'D' : 'F';
}

function turnEntries(s: Scenario, t: TurnRecord): LedgerEntry[] {
  const node = s.nodes.get(t.node);
  let cause: LedgerCause;
  let note: string | null = null;
  switch (t.choice.kind) {
    case 'reply': {
      cause = { kind: 'reply', node: t.node, reply: t.choice.reply };
      note = node?.replies[t.choice.index]?.feedback ?? null;
      break;
    }
    case 'timeout':
      cause = { kind: 'timeout', node: t.node };
      note = node?.timeout?.feedback ?? null;
      break;
    case 'hang-up':
      cause = { kind: 'hang-up', node: t.node };
      break;
  }
  return DIMENSIONS.filter((d) => t.deductions[d] < 0).map((d) => ({ turn: t.turn, dimension: d, points: t.deductions[d], cause, note }));
}

/** The ideal an outcome matches best (fewest required facts missing), or null. */
export function matchIdeal(s: Scenario, outcome: Outcome, facts: readonly string[]): Ideal | null {
  let best: Ideal | null = null;
  let bestMissing = Infinity;
  for (const ideal of s.ideal) {
    if (ideal.outcome !== outcome) continue;
    const missing = unmetOf(ideal, facts).length + brokenOf(ideal, facts).length;
    if (missing < bestMissing) [best, bestMissing] = [ideal, missing];
  }
  return best;
}

/**
 * An ending with its own "credit" (format 2) is judged by that credit and is never a model
 * ending, whatever its outcome: "refunded before the claim" may keep the customer, but it is
 * not the keeping the ideal means.
 */
export const hasOwnCredit = (s: Scenario, node: string): boolean => (s.nodes.get(node)?.credit ?? null) !== null;

/** The ideal an ending is measured against: the best match of its outcome, none for an ending with its own credit. */
export const idealFor = (s: Scenario, ending: EndingRef, facts: readonly string[]): Ideal | null =>
  ending.unanswered || hasOwnCredit(s, ending.node) ? null : matchIdeal(s, ending.outcome, facts);

/** An ideal ending: an ideal outcome reached with every fact that ideal requires known (and nothing it forbids). */
export function isIdealEnding(s: Scenario, ending: EndingRef, facts: readonly string[]): boolean {
  return !ending.unanswered && !hasOwnCredit(s, ending.node) && s.ideal.some((i) => i.outcome === ending.outcome && idealMet(i, facts));
}

/** What this ideal requires is known, and nothing it forbids is. */
export const idealMet = (ideal: Ideal, facts: readonly string[]) => unmetOf(ideal, facts).length === 0 && brokenOf(ideal, facts).length === 0;
const unmetOf = (ideal: Ideal, facts: readonly string[]) => ideal.requires.filter((f) => !facts.includes(f));
const brokenOf = (ideal: Ideal, facts: readonly string[]) => ideal.forbids.filter((f) => facts.includes(f));

/** Where a call ended: the ending node and its outcome. */
export interface EndingRef {
  readonly node: string;
  readonly outcome: Outcome;
  /** Ended before the phone was answered (rules/ringing.ts). */
  readonly unanswered?: boolean;
}

/**
 * A call never answered scores 0 on every skill: nobody was helped (judgment), nothing was
 * found out (accuracy), and a customer was left ringing (politeness). One entry per skill taking
 * all its points, and nothing else judged, so no answered call — however it went — scores
 * below it, and not answering can never look better than trying.
 */
export const unansweredEntries = (): LedgerEntry[] =>
  DIMENSIONS.map((dimension) => ({ turn: null, dimension, points: -100, cause: { kind: 'unanswered' }, note: null }));

/**
 * The facts a call should have found before ending here, each one missing costing accuracy:
 * the ending's own "needs" if the trainer wrote one; else, for an ideal outcome, the key facts
 * its ideal requires (parting with an abusive caller needs no order looked up); else every key
 * fact (a call that went wrong without finding the real cause).
 */
export function neededFacts(s: Scenario, ending: EndingRef, facts: readonly string[]): readonly string[] {
  const own = s.nodes.get(ending.node)?.needs;
  if (own) return own;
  const ideal = idealFor(s, ending, facts);
  const keys = [...s.facts.values()].filter((f) => f.key).map((f) => f.id);
  return ideal ? keys.filter((f) => ideal.requires.includes(f)) : keys;
}

/** Judgment lost for a call of `turns` turns: "overPar" for each turn beyond par. */
export function overParPoints(s: Scenario, turns: number): number {
  const par = s.scoring.par;
  return par !== null && turns > par ? s.scoring.overPar * (turns - par) : 0;
}

/** The weight of each skill in the overall score, summing to 1 (equal when all are 0). */
export function skillWeights(s: Scenario): Record<Dimension, number> {
  const w = s.scoring.weights;
  const total = w.politeness + w.accuracy + w.judgment;
  if (total <= 0) return { politeness: 1 / 3, accuracy: 1 / 3, judgment: 1 / 3 };
  return { politeness: w.politeness / total, accuracy: w.accuracy / total, judgment: w.judgment / total };
}

/**
 * Points lost, weighted as the overall score weighs the skills: what the ranking of paths (the
 * ideal path, the better reply) minimises. `lost` is in points lost per skill (0 or more). It
 * counts every point the ledger takes, even past a skill's floor of 0, so a path that stays
 * polite is still preferred once politeness is already at 0.
 */
export function weightedLoss(s: Scenario, lost: Readonly<Record<Dimension, number>>): number {
  return weighLoss(skillWeights(s), lost);
}

/** weightedLoss with the call's skillWeights worked out once, for pricing a million moves. */
export function weighLoss(w: Readonly<Record<Dimension, number>>, lost: Readonly<Record<Dimension, number>>): number {
  return w.politeness * lost.politeness + w.accuracy * lost.accuracy + w.judgment * lost.judgment;
}

/** What is judged when the call ends: facts the ending needed, the outcome, the length. */
export function endEntries(s: Scenario, ending: EndingRef, facts: readonly string[], turns: number): LedgerEntry[] {
  if (ending.unanswered) return unansweredEntries();
  const out: LedgerEntry[] = [];
  if (s.scoring.missedFact > 0) {
    for (const id of missedFacts(s, ending, facts)) {
      out.push({ turn: null, dimension: 'accuracy', points: -s.scoring.missedFact, cause: { kind: 'missed-fact', fact: id }, note: s.facts.get(id)?.text ?? null });
    }
  }
  const { outcome } = ending;
  // An ending with its own credit (format 2) is judged by it: handing an account to an impostor
  // is not "the right outcome, too early".
  const ideal = idealFor(s, ending, facts);
  const own = s.nodes.get(ending.node)?.credit ?? null;
  if (ideal) {
    if (s.scoring.unmet > 0) {
      // A fact is named by its text; a hidden flag's note is for trainers, so the ideal's "why" speaks for it.
      const noteOf = (f: string) => s.facts.get(f)?.text ?? ideal.why;
      for (const f of unmetOf(ideal, facts)) {
        out.push({ turn: null, dimension: 'judgment', points: -s.scoring.unmet, cause: { kind: 'unmet', fact: f, outcome }, note: noteOf(f) });
      }
      for (const f of brokenOf(ideal, facts)) {
        out.push({ turn: null, dimension: 'judgment', points: -s.scoring.unmet, cause: { kind: 'forbidden', fact: f, outcome }, note: noteOf(f) });
      }
    }
  } else {
    // The ending's own credit comes first, then the scoring's for its outcome.
    const credit = own ?? s.scoring.credit[outcome] ?? 0;
    if (credit < 100) out.push({ turn: null, dimension: 'judgment', points: credit - 100, cause: { kind: 'outcome', outcome, credit }, note: null });
  }
  const overPar = overParPoints(s, turns);
  if (overPar > 0) out.push({ turn: null, dimension: 'judgment', points: -overPar, cause: { kind: 'over-par', turns, par: s.scoring.par! }, note: null });
  return out;
}

/** The facts this ending needed that the call never found. */
export function missedFacts(s: Scenario, ending: EndingRef, facts: readonly string[]): string[] {
  return neededFacts(s, ending, facts).filter((f) => !facts.includes(f));
}

/**
 * Points lost per skill by the turns taken so far, as the ledger will count them: each turn's
 * deductions, and judgment for the turns already beyond par.
 */
export function lostSoFar(s: Scenario, history: readonly TurnRecord[]): Record<Dimension, number> {
  const lost = { politeness: 0, accuracy: 0, judgment: overParPoints(s, history.length) };
  for (const t of history) for (const d of DIMENSIONS) lost[d] -= t.deductions[d];
  return lost;
}

/** A skill's score: 100 less the points lost, kept within 0–100. */
export const clampScore = (v: number) => Math.max(0, Math.min(100, v));

export function scoresFrom(s: Scenario, ledger: readonly LedgerEntry[]): Pick<ScoreCard, Dimension | 'overall' | 'grade'> {
  const lost = { politeness: 0, accuracy: 0, judgment: 0 };
  for (const e of ledger) lost[e.dimension] -= e.points;
  return scoresOfLost(s, lost);
}

/** The scores of a call that lost these points per skill (0 or more). */
export function scoresOfLost(s: Scenario, lost: Readonly<Record<Dimension, number>>): Pick<ScoreCard, Dimension | 'overall' | 'grade'> {
  const politeness = clampScore(100 - lost.politeness);
  const accuracy = clampScore(100 - lost.accuracy);
  const judgment = clampScore(100 - lost.judgment);
  const w = s.scoring.weights;
  const total = w.politeness + w.accuracy + w.judgment;
  const overall =
    total > 0
      ? Math.round((w.politeness * politeness + w.accuracy * accuracy + w.judgment * judgment) / total)
      : Math.round((politeness + accuracy + judgment) / 3);
  return { politeness, accuracy, judgment, overall, grade: gradeOf(overall) };
}

/**
 * What an ending is judged on: the facts found and, in format 2, the hidden flags set (an
 * ideal may require or forbid either). The facts' own list when there are no flags.
 */
export function knownAtEnd(ctx: { readonly facts: readonly string[]; readonly flags: readonly string[] }): readonly string[] {
  return ctx.flags.length === 0 ? ctx.facts : [...ctx.facts, ...ctx.flags];
}

/** The score card of a call, final once it has ended; before that, the scores so far. */
export function scoreCall(s: Scenario, ctx: SessionContext): ScoreCard {
  const outcome = ctx.ending?.outcome ?? null;
  const known = knownAtEnd(ctx);
  const ledger = [
    ...ctx.history.flatMap((t) => turnEntries(s, t)),
    ...(ctx.ending ? endEntries(s, ctx.ending, known, ctx.history.length) : []),
  ];
  const matchedIdeal = ctx.ending ? idealFor(s, ctx.ending, known) : null;
  return {
    ...scoresFrom(s, ledger),
    ledger,
    final: outcome !== null,
    outcome,
    matchedIdeal,
    ideal: ctx.ending !== null && isIdealEnding(s, ctx.ending, known),
    factsFound: [...ctx.facts],
    factsMissed: ctx.ending ? missedFacts(s, ctx.ending, ctx.facts) : [],
    turns: ctx.history.length,
    elapsedMs: ctx.elapsedMs,
  };
}
