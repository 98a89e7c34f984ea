// Two runs of the same call, side by side: both replayed with the engine and reviewed, their
// turns aligned, the first turn where they part, and the difference per skill. The leaderboard's
// "compare two attempts" and the practice partner's "both runs" render this.
//
// Two runs part at the first turn where the customer's line or the trainee's move differs. Lines
// are compared by their key (the node's line, or which silence line), and moves by kind and reply
// id, never by the words or the order on screen: two seeds show the same replies in another
// order, and two languages of the same call say them in other words, yet take the same path.
import type { Outcome, Scenario } from '../format/model.js';
import { spokenLine } from '../rules/spokenLine.js';
import { DIMENSIONS, type Dimension } from '../scoring/dimensions.js';
import type { Grade } from '../scoring/score.js';
import { replay } from '../session/replay.js';
import { transcriptSchema, type Transcript } from '../session/transcript.js';
import { reviewCall, type CallReview, type TurnReview } from './reviewCall.js';

export type ComparedSkill = Dimension | 'overall';
export const COMPARED_SKILLS: readonly ComparedSkill[] = [...DIMENSIONS, 'overall'];

/** Why two runs cannot be compared. */
export class CompareError extends Error {
  override readonly name = 'CompareError';
  constructor(
    readonly code: 'different-calls',
    message: string,
  ) {
    super(message);
  }
}

/** One run's turn, as the comparison shows it. */
export interface ComparedTurn {
  readonly turn: number;
  readonly node: string;
  /** The key of the line the customer spoke (`line.<node>` or a silence line's key): the same in every language. */
  readonly lineKey: string;
  /** What the customer said, in the run's language. */
  readonly line: string;
  readonly choice: TurnReview['choice'];
  /** Points lost on this turn per skill (0 or below), as the ledger has them. */
  readonly cost: Readonly<Record<Dimension, number>>;
  /** The engine's full review of the turn (feedback, better reply, mood). */
  readonly review: TurnReview;
}

export interface ComparedRun {
  readonly scenario: CallReview['scenario'];
  readonly seed: number;
  readonly mode: Transcript['mode'];
  readonly scores: Readonly<Record<ComparedSkill, number>>;
  readonly grade: Grade;
  readonly outcome: Outcome | null;
  readonly ideal: boolean;
  readonly ending: CallReview['ending'];
  readonly review: CallReview;
}

export interface ComparedRow {
  /** Turn number, from 1. */
  readonly turn: number;
  /** Null where that run had already ended. */
  readonly a: ComparedTurn | null;
  readonly b: ComparedTurn | null;
  /** Same line, same move. */
  readonly same: boolean;
}

export interface RunComparison {
  readonly a: ComparedRun;
  readonly b: ComparedRun;
  /** The turns side by side, as many as the longer run has. */
  readonly rows: readonly ComparedRow[];
  /**
   * Index in `rows` of the first turn where the runs part; `rows.length` when every turn matched
   * but the calls ended differently; null when the runs took the same path to the same ending.
   */
  readonly partsAt: number | null;
  /** b − a, per skill and overall. */
  readonly difference: Readonly<Record<ComparedSkill, number>>;
}

function turnOf(t: TurnReview, lineKey: string): ComparedTurn {
  const cost = { politeness: 0, accuracy: 0, judgment: 0 } as Record<Dimension, number>;
  for (const e of t.ledger) cost[e.dimension] += e.points;
  return { turn: t.turn, node: t.node, lineKey, line: t.line, choice: t.choice, cost, review: t };
}

function runOf(scenario: Scenario, input: unknown): { run: ComparedRun; turns: ComparedTurn[] } {
  // replay() checks the transcript against the call (id, language, version, rules, every event).
  const replayed = replay(scenario, input, { requireEnd: true });
  const history = replayed.session.context.history;
  replayed.session.stop();
  const transcript = transcriptSchema.parse(input);
  const review = reviewCall(scenario, transcript);
  const turns = review.turns.map((t, i) => {
    const node = scenario.nodes.get(t.node);
    return turnOf(t, node ? spokenLine(node, history.slice(0, i)).key : `line.${t.node}`);
  });
  const s = review.score;
  return {
    turns,
    run: {
      scenario: review.scenario,
      seed: transcript.seed,
      mode: transcript.mode,
      scores: { politeness: s.politeness, accuracy: s.accuracy, judgment: s.judgment, overall: s.overall },
      grade: s.grade,
      outcome: s.outcome,
      ideal: s.ideal,
      ending: review.ending,
      review,
    },
  };
}

const sameTurn = (x: ComparedTurn, y: ComparedTurn) =>
  x.node === y.node && x.lineKey === y.lineKey && x.choice.kind === y.choice.kind && x.choice.reply === y.choice.reply;

/** The call a transcript names, without trusting anything else in it. */
function callOf(transcript: unknown): string | null {
  const id = (transcript as { scenario?: unknown } | null)?.scenario;
  return typeof id === 'string' ? id : null;
}

/**
 * Compares two finished runs of one call. `b` may be played on another version or language of
 * the same call (give its own model), with another seed or mode. Throws CompareError when the
 * runs are of different calls, and TranscriptError when a transcript does not fit its model.
 */
export function compareRuns(call: Scenario, a: unknown, b: unknown, options: { readonly callB?: Scenario } = {}): RunComparison {
  const callB = options.callB ?? call;
  if (callB.id !== call.id) throw new CompareError('different-calls', `"${call.id}" and "${callB.id}" are different calls; only two runs of the same call can be compared`);
  const ids = [callOf(a), callOf(b)];
  if (ids[0] !== null && ids[1] !== null && ids[0] !== ids[1]) throw new CompareError('different-calls', `the runs are of different calls ("${ids[0]}" and "${ids[1]}"); only two runs of the same call can be compared`);
  const ra = runOf(call, a);
  const rb = runOf(callB, b);
  const rows: ComparedRow[] = [];
  for (let i = 0; i < Math.max(ra.turns.length, rb.turns.length); i++) {
    const x = ra.turns[i] ?? null;
    const y = rb.turns[i] ?? null;
    rows.push({ turn: i + 1, a: x, b: y, same: x !== null && y !== null && sameTurn(x, y) });
  }
  const firstDiff = rows.findIndex((r) => !r.same);
  const sameEnd = ra.run.ending?.node === rb.run.ending?.node && ra.run.outcome === rb.run.outcome;
  const partsAt = firstDiff >= 0 ? firstDiff : sameEnd ? null : rows.length;
  const difference = Object.fromEntries(COMPARED_SKILLS.map((k) => [k, rb.run.scores[k] - ra.run.scores[k]])) as Record<ComparedSkill, number>;
  return { a: ra.run, b: rb.run, rows, partsAt, difference };
}
