// The one review of a finished call: its turns with what was said, what each cost and the
// trainer's feedback; where the trainee missed it, the better reply; what was judged at the end;
// the facts found and missed. The debrief, the leaderboard's replay and `simulate --path` render
// this and compute nothing themselves.
//
// The better reply is exact: at each turn the engine explores every way the call could still
// go from the state the trainee was in (answering at once from then on), takes for each reply
// on offer the cheapest way on after it (ranked as the ideal path is), and compares the overall
// scores those would end with. Where the trainee's reply reaches the best of them there is no
// better reply; otherwise it is the reply that does (see analyseTurn for ties).
import { spokenLine } from '../rules/spokenLine.js';
import { endingFeedback } from '../rules/endings.js';
import { unanswered } from '../rules/ringing.js';
import { continuations } from '../analysis/bestPaths.js';
import { ranksBefore } from '../analysis/cheapest.js';
import { buildStateGraph } from '../analysis/stateGraph.js';
import { addLost } from '../analysis/turnGraph.js';
import type { Fact, Ideal, Outcome, Scenario } from '../format/model.js';
import type { SessionContext } from '../rules/state.js';
import { RULES_VERSION } from '../rulesVersion.js';
import { lostSoFar, scoreCall, scoresOfLost, type LedgerEntry, type ScoreCard } from '../scoring/score.js';
import type { Transcript } from '../session/transcript.js';
import { walkTranscript } from './decisions.js';

export interface BetterReply {
  readonly turn: number;
  /** The reply's id and words. */
  readonly reply: string;
  readonly say: string;
  /** Why it is better: the trainer's feedback on that reply, when there is one. */
  readonly why: string | null;
  /** The best overall score still reachable by taking it (and playing best after). */
  readonly overall: number;
  /** The best overall still reachable after what the trainee did; null if no ending could be reached that way. */
  readonly yours: number | null;
  /** Where the best way on after it ends. */
  readonly ending: { readonly node: string; readonly outcome: Outcome };
}

export interface TurnReview {
  readonly turn: number;
  readonly node: string;
  /** What the customer had just said. */
  readonly line: string;
  /** The replies on offer, in the order shown. */
  readonly shown: readonly { readonly id: string; readonly say: string; readonly action: boolean }[];
  readonly choice: { readonly kind: 'reply' | 'timeout' | 'hang-up'; readonly reply: string | null; readonly say: string | null; readonly action: boolean };
  /** The trainer's feedback on what was done. */
  readonly feedback: string | null;
  /** Points lost on this turn, as the ledger has them. */
  readonly ledger: readonly LedgerEntry[];
  readonly moodBefore: number;
  readonly moodAfter: number;
  /** How the customer's mood changed as this turn's line was spoken (format 2's "enter"); 0 if it did not. */
  readonly lineMood: number;
  readonly patienceBefore: number;
  readonly patienceAfter: number;
  /** Call time (ms since answering) when the choice was made. */
  readonly atMs: number;
  readonly found: readonly Fact[];
  readonly better: BetterReply | null;
  /** The best overall score still reachable at this turn; null where nothing could be explored (the phone still ringing, an action running). */
  readonly bestReachable: number | null;
}

export interface CallReview {
  /** The rules the review was computed under (rulesVersion.ts). */
  readonly rules: number;
  readonly scenario: { readonly id: string; readonly locale: string; readonly title: string; readonly customer: string };
  readonly score: ScoreCard;
  readonly turns: readonly TurnReview[];
  /** How the call ended; lineMood: how the ending's line changed the customer's mood as it was spoken (format 2's "enter"). */
  readonly ending: { readonly node: string; readonly outcome: Outcome; readonly label: string | null; readonly say: string; readonly feedback: string | null; readonly lineMood: number; readonly unanswered: boolean } | null;
  readonly ideals: readonly Ideal[];
  /** Reached an ideal ending with every fact it requires. */
  readonly ideal: boolean;
  /** What is judged at the end of the call (facts the ending needed, the outcome, length). */
  readonly closing: readonly LedgerEntry[];
  readonly found: readonly Fact[];
  /** What the ending needed and the call never found: facts that cost accuracy, and requirements of the ideal left unmet. */
  readonly missed: readonly Fact[];
}

/** The facts the end of the call was judged without, in the ledger's order, once each. */
function missedOf(score: ScoreCard): string[] {
  const out: string[] = [];
  for (const e of score.ledger) {
    if ((e.cause.kind === 'missed-fact' || e.cause.kind === 'unmet') && !out.includes(e.cause.fact)) out.push(e.cause.fact);
  }
  return out;
}

interface TurnAnalysis {
  readonly better: Omit<BetterReply, 'turn'> | null;
  readonly bestReachable: number | null;
}

/**
 * What was still possible in `before`, and whether the trainee's move (`chosen`: a reply id, or
 * null) was among the best. Each reply on offer is valued by the overall score the call would
 * end with after it and the cheapest way on (what the trainee already lost included, so a skill
 * already at 0 no longer counts); the best is the highest, then the fewest weighted points lost,
 * then the fewest turns, then the first in the file. The trainee's reply is on a best way on when
 * it reaches the same overall score: then there is no better reply.
 */
function analyseTurn(s: Scenario, before: SessionContext, chosen: string | null): TurnAnalysis {
  if (before.phase !== 'listening') return { better: null, bestReachable: null };
  const c = continuations(buildStateGraph(s, { from: before, timeouts: false, hangUp: false }));
  const prior = lostSoFar(s, before.history);
  const valued = c.moves.flatMap((m) => (m.best && m.move.move.kind === 'reply' ? [{ reply: m.move.move.reply, best: m.best, overall: scoresOfLost(s, addLost(prior, m.best.lost)).overall }] : []));
  let top: (typeof valued)[number] | null = null;
  for (const v of valued) {
    if (!top || v.overall > top.overall || (v.overall === top.overall && ranksBefore(v.best.pointsLost, v.best.moves.length, top.best.pointsLost, top.best.moves.length))) top = v;
  }
  if (!top) return { better: null, bestReachable: null };
  const mine = valued.find((v) => v.reply.id === chosen);
  if (mine && mine.overall >= top.overall) return { better: null, bestReachable: top.overall };
  return {
    bestReachable: top.overall,
    better: {
      reply: top.reply.id,
      say: top.reply.say,
      why: top.reply.feedback,
      overall: top.overall,
      yours: mine ? mine.overall : null,
      ending: { node: top.best.node, outcome: top.best.outcome },
    },
  };
}

/** The review of a call played from `transcript` (which must fit the scenario: see replay()). */
export function reviewCall(s: Scenario, transcript: Transcript): CallReview {
  const { before, final } = walkTranscript(s, transcript);
  const card = scoreCall(s, final);
  const score: ScoreCard = { ...card, matchedIdeal: card.matchedIdeal && { ...card.matchedIdeal } };
  // Copies, so a frozen review never freezes the scenario's own objects.
  const fact = (id: string): Fact => ({ ...(s.facts.get(id) ?? { id, text: id, key: false }) });
  const turns = final.history.map((t, i): TurnReview => {
    const node = s.nodes.get(t.node);
    const reply = t.choice.kind === 'reply' ? node?.replies[t.choice.index] : undefined;
    const a = analyseTurn(s, before[i]!, reply?.id ?? null);
    return {
      turn: t.turn,
      node: t.node,
      line: node ? spokenLine(node, final.history.slice(0, i)).say : '',
      shown: t.shown.map((id) => {
        const r = node?.replies.find((x) => x.id === id);
        return { id, say: r?.say ?? id, action: (r?.takesMs ?? 0) > 0 };
      }),
      choice: { kind: t.choice.kind, reply: reply?.id ?? null, say: reply?.say ?? null, action: (reply?.takesMs ?? 0) > 0 },
      feedback: t.choice.kind === 'reply' ? (reply?.feedback ?? null) : t.choice.kind === 'timeout' ? (node?.timeout?.feedback ?? null) : null,
      ledger: score.ledger.filter((e) => e.turn === t.turn),
      moodBefore: t.moodBefore,
      moodAfter: t.moodAfter,
      lineMood: final.history[i - 1]?.arrival?.mood ?? 0,
      patienceBefore: t.patienceBefore,
      patienceAfter: t.patienceAfter,
      atMs: t.atMs,
      found: t.revealed.map(fact),
      better: a.better ? { turn: t.turn, ...a.better } : null,
      bestReachable: a.bestReachable,
    };
  });
  const endNode = final.ending ? s.nodes.get(final.ending.node) : undefined;
  return {
    rules: RULES_VERSION,
    scenario: { id: s.id, locale: s.locale, title: s.title, customer: s.customer.name },
    score,
    turns,
    // A call that ended unanswered was never spoken on: no ending line, no comment on it.
    ending:
      final.ending && endNode
        ? unanswered(final)
          ? { node: final.ending.node, outcome: final.ending.outcome, label: null, say: '', feedback: null, lineMood: 0, unanswered: true }
          : { node: final.ending.node, outcome: final.ending.outcome, label: endNode.label, say: endNode.say, feedback: endingFeedback(endNode, final), lineMood: final.history[final.history.length - 1]?.arrival?.mood ?? 0, unanswered: false }
        : null,
    ideals: s.ideal.map((i) => ({ ...i, requires: [...i.requires], forbids: [...i.forbids] })),
    ideal: score.ideal,
    closing: score.ledger.filter((e) => e.turn === null),
    found: score.factsFound.map(fact),
    // Facts only: a hidden flag (format 2) the ideal required is never shown as something to find.
    missed: missedOf(score).filter((id) => s.facts.has(id)).map(fact),
  };
}
