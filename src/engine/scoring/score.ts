// Scoring: every skill starts at 100 and every point lost is a ledger entry with its cause.
// The formulas are explained for trainers in docs/scoring.md; keep the two in step.
import type { Ideal, Outcome, Scenario } from '../format/model.js';
import type { SessionContext, TurnRecord } from '../rules/state.js';

export const DIMENSIONS = ['politeness', 'accuracy', 'judgment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type LedgerCause =
  | { readonly kind: 'reply'; readonly node: string; readonly reply: string }
  | { readonly kind: 'timeout'; readonly node: string }
  | { readonly kind: 'hang-up'; readonly node: string }
  | { readonly kind: 'missed-fact'; readonly fact: string }
  | { readonly kind: 'outcome'; readonly outcome: Outcome; readonly credit: number }
  | { readonly kind: 'unmet'; readonly fact: string; readonly outcome: Outcome }
  | { readonly kind: 'over-par'; readonly turns: number; readonly par: number };

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
  /** Key facts never found. */
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
    const missing = ideal.requires.filter((f) => !facts.includes(f)).length;
    if (missing < bestMissing) [best, bestMissing] = [ideal, missing];
  }
  return best;
}

/** What is judged when the call ends: the outcome, facts required and found, the length. */
export function endEntries(s: Scenario, outcome: Outcome, facts: readonly string[], turns: number): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const fact of s.facts.values()) {
    if (fact.key && !facts.includes(fact.id) && s.scoring.missedFact > 0) {
      out.push({ turn: null, dimension: 'accuracy', points: -s.scoring.missedFact, cause: { kind: 'missed-fact', fact: fact.id }, note: fact.text });
    }
  }
  const ideal = matchIdeal(s, outcome, facts);
  if (ideal) {
    for (const f of ideal.requires) {
      if (!facts.includes(f) && s.scoring.unmet > 0) {
        out.push({ turn: null, dimension: 'judgment', points: -s.scoring.unmet, cause: { kind: 'unmet', fact: f, outcome }, note: s.facts.get(f)?.text ?? null });
      }
    }
  } else {
    const credit = s.scoring.credit[outcome] ?? 0;
    if (credit < 100) out.push({ turn: null, dimension: 'judgment', points: credit - 100, cause: { kind: 'outcome', outcome, credit }, note: null });
  }
  const par = s.scoring.par;
  if (par !== null && turns > par && s.scoring.overPar > 0) {
    out.push({ turn: null, dimension: 'judgment', points: -s.scoring.overPar * (turns - par), cause: { kind: 'over-par', turns, par }, note: null });
  }
  return out;
}

export function scoresFrom(s: Scenario, ledger: readonly LedgerEntry[]): Pick<ScoreCard, Dimension | 'overall' | 'grade'> {
  const score = (d: Dimension) => Math.max(0, Math.min(100, 100 + ledger.reduce((sum, e) => (e.dimension === d ? sum + e.points : sum), 0)));
  const politeness = score('politeness');
  const accuracy = score('accuracy');
  const judgment = score('judgment');
  const w = s.scoring.weights;
  const total = w.politeness + w.accuracy + w.judgment;
  const overall =
    total > 0
      ? Math.round((w.politeness * politeness + w.accuracy * accuracy + w.judgment * judgment) / total)
      : Math.round((politeness + accuracy + judgment) / 3);
  return { politeness, accuracy, judgment, overall, grade: gradeOf(overall) };
}

/** The score card of a call, final once it has ended; before that, the scores so far. */
export function scoreCall(s: Scenario, ctx: SessionContext): ScoreCard {
  const outcome = ctx.ending?.outcome ?? null;
  const ledger = [
    ...ctx.history.flatMap((t) => turnEntries(s, t)),
    ...(outcome ? endEntries(s, outcome, ctx.facts, ctx.history.length) : []),
  ];
  const matchedIdeal = outcome ? matchIdeal(s, outcome, ctx.facts) : null;
  return {
    ...scoresFrom(s, ledger),
    ledger,
    final: outcome !== null,
    outcome,
    matchedIdeal,
    ideal: matchedIdeal !== null && matchedIdeal.requires.every((f) => ctx.facts.includes(f)),
    factsFound: [...ctx.facts],
    factsMissed: [...s.facts.values()].filter((f) => f.key && !ctx.facts.includes(f.id)).map((f) => f.id),
    turns: ctx.history.length,
    elapsedMs: ctx.elapsedMs,
  };
}
