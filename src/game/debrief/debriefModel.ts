// What the debrief shows, derived from the ended session: the engine's score card as it is (the
// debrief never computes a score), each turn with what was said, what it cost, the trainer's
// feedback and — where the trainee missed it — the better reply; the outcome against the ideal;
// the facts found and missed.
import type { BetterReply, Dimension, Fact, Ideal, LedgerEntry, Outcome, ScoreCard, Session } from '../../engine/index.js';

export interface TurnReview {
  readonly turn: number;
  /** What the customer had just said. */
  readonly line: string;
  readonly choice: { readonly kind: 'reply' | 'timeout' | 'hang-up'; readonly say: string | null; readonly action: boolean };
  readonly feedback: string | null;
  /** Points lost on this turn, by skill. */
  readonly lost: readonly { readonly dimension: Dimension; readonly points: number }[];
  readonly moodDelta: number;
  readonly found: readonly string[];
  readonly better: BetterReply | null;
}

export interface DebriefModel {
  readonly title: string;
  readonly locale: string;
  readonly customer: string;
  readonly score: ScoreCard;
  readonly outcome: Outcome | null;
  readonly ending: { readonly say: string; readonly feedback: string | null } | null;
  readonly ideals: readonly Ideal[];
  /** Reached an ideal ending with every fact it requires. */
  readonly ideal: boolean;
  readonly turns: readonly TurnReview[];
  /** What is judged at the end of the call (missed facts, the outcome, length). */
  readonly closing: readonly LedgerEntry[];
  readonly found: readonly Fact[];
  readonly missed: readonly Fact[];
}

export function debriefOf(session: Session): DebriefModel {
  const s = session.scenario;
  const ctx = session.context;
  const score = session.score();
  const better = new Map(session.betterReplies().map((b) => [b.turn, b]));
  const fact = (id: string): Fact => s.facts.get(id) ?? { id, text: id, key: false };
  const turns = ctx.history.map((t): TurnReview => {
    const node = s.nodes.get(t.node);
    const reply = t.choice.kind === 'reply' ? node?.replies[t.choice.index] : undefined;
    const feedback = t.choice.kind === 'reply' ? (reply?.feedback ?? null) : t.choice.kind === 'timeout' ? (node?.timeout?.feedback ?? null) : null;
    return {
      turn: t.turn,
      line: node?.say ?? '',
      choice: { kind: t.choice.kind, say: reply?.say ?? null, action: (reply?.takesMs ?? 0) > 0 },
      feedback,
      lost: score.ledger.filter((e) => e.turn === t.turn).map((e) => ({ dimension: e.dimension, points: e.points })),
      moodDelta: t.moodAfter - t.moodBefore,
      found: t.revealed.map((f) => fact(f).text),
      better: better.get(t.turn) ?? null,
    };
  });
  const endNode = ctx.ending ? s.nodes.get(ctx.ending.node) : undefined;
  return {
    title: s.title,
    locale: s.locale,
    customer: s.customer.name,
    score,
    outcome: score.outcome,
    ending: endNode ? { say: endNode.say, feedback: endNode.feedback } : null,
    ideals: s.ideal,
    ideal: score.ideal,
    turns,
    closing: score.ledger.filter((e) => e.turn === null),
    found: score.factsFound.map(fact),
    missed: score.factsMissed.map(fact),
  };
}
