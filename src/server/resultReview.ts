// What the team's insights need from one result, kept in results.review: the key facts its call
// missed and the turns where the player chose a reply the engine rates below another on offer.
// Everything here is read off the engine's one review of the call (engine/review/reviewCall.ts:
// its `missed` facts and each turn's `better` reply, the same the debrief and the replay show);
// nothing is judged here.
import { reviewCall, rulesCompatible, RULES_VERSION, transcriptSchema, type Scenario, type Transcript } from '../engine/index.js';
import type { ScenarioLibrary } from './scenarios.js';
import type { Store } from './store/store.js';

/** A turn where a better reply was on offer than the one chosen. */
export interface WeakerReply {
  readonly turn: number;
  /** The node the reply was chosen at. */
  readonly node: string;
  /** The chosen reply's id. */
  readonly reply: string;
  /** The reply the engine rates better there. */
  readonly better: string;
}

export interface ResultReview {
  /** Format of this JSON. */
  readonly v: 1;
  /** The engine's rules the review was computed under: a review from other rules is computed again. */
  readonly rules: number;
  /** False when the transcript cannot be reviewed under today's rules (its counts are left out of the insights). */
  readonly ok: boolean;
  /** Ids of the key facts the call was judged without, in the review's order. */
  readonly missed: readonly string[];
  /** The nodes where the player took a turn, once each: the results that could choose a weaker reply there. */
  readonly nodes: readonly string[];
  readonly weaker: readonly WeakerReply[];
}

const unavailable = (): ResultReview => ({ v: 1, rules: RULES_VERSION, ok: false, missed: [], nodes: [], weaker: [] });

/** The review summary of a verified transcript on the scenario version it was played on. */
export function resultReview(scenario: Scenario, transcript: Transcript): ResultReview {
  if (!rulesCompatible(transcript.rules)) return unavailable();
  const review = reviewCall(scenario, transcript);
  const nodes: string[] = [];
  const weaker: WeakerReply[] = [];
  for (const turn of review.turns) {
    if (!nodes.includes(turn.node)) nodes.push(turn.node);
    // Only a reply the player chose: a timeout or a hang-up is not a wrong reply.
    if (turn.choice.kind === 'reply' && turn.choice.reply !== null && turn.better) {
      weaker.push({ turn: turn.turn, node: turn.node, reply: turn.choice.reply, better: turn.better.reply });
    }
  }
  return { v: 1, rules: RULES_VERSION, ok: true, missed: review.missed.filter((f) => f.key).map((f) => f.id), nodes, weaker };
}

/** The stored JSON read back; null when there is none, it is not ours, or it was computed under other rules. */
export function parseReview(text: string | null): ResultReview | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as ResultReview;
    if (r?.v !== 1 || r.rules !== RULES_VERSION || !Array.isArray(r.missed) || !Array.isArray(r.weaker) || !Array.isArray(r.nodes)) return null;
    return r;
  } catch {
    return null;
  }
}

export async function saveReview(store: Store, resultId: number, review: ResultReview): Promise<void> {
  await store.db.updateTable('results').set({ review: JSON.stringify(review) }).where('id', '=', resultId).execute();
}

/**
 * Reviews a stored result (its transcript on the exact version it names) and stores the review.
 * A result whose version or transcript can no longer be read is stored as unavailable, so it is
 * not tried on every request.
 */
export async function reviewStored(store: Store, library: ScenarioLibrary, row: { id: number; hash: string; transcript: string }): Promise<ResultReview> {
  let review = unavailable();
  const scenario = await library.get(row.hash);
  const parsed = scenario ? transcriptSchema.safeParse(JSON.parse(row.transcript)) : null;
  if (scenario && parsed?.success) {
    try {
      review = resultReview(scenario, parsed.data);
    } catch {
      review = unavailable();
    }
  }
  await saveReview(store, row.id, review);
  return review;
}

/** Called when a result is accepted: reviews and stores it. A failure here never refuses the result (the insights review it later). */
export async function reviewAccepted(store: Store, resultId: number, scenario: Scenario, transcript: Transcript): Promise<void> {
  try {
    await saveReview(store, resultId, resultReview(scenario, transcript));
  } catch {
    // left null: reviewed lazily when the insights ask for it
  }
}
