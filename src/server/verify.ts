// A submitted transcript becomes a result only through the engine: the server replays it on the
// exact scenario version it names and keeps the scores it computed itself. Anything that does not
// replay, or claims other scores than the replay gives, is refused with a reason.
import type { z } from 'zod';
import { isBranch, replay, RULES_VERSION, transcriptSchema, TranscriptError, type ScoreCard, type Scenario, type Transcript } from '../engine/index.js';
import type { ClaimedScores } from '../client/types.js';
import type { ScenarioLibrary } from './scenarios.js';
import { checkTypedChoices } from '../engine/match/index.js';

export type RefusalCode =
  | 'malformed'
  | 'unknown-scenario'
  | 'wrong-version'
  | 'old-rules'
  | 'wrong-scenario'
  | 'impossible-event'
  | 'after-end'
  | 'unfinished'
  | 'too-many-ticks'
  | 'practice-mode'
  | 'branch'
  | 'scores-differ'
  | 'typed-mismatch';

export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Verified {
  readonly transcript: Transcript;
  readonly scenario: Scenario;
  readonly score: ScoreCard;
}

const CLAIMED = ['politeness', 'accuracy', 'judgment', 'overall'] as const;

/**
 * Where the first problem is and what it is (" at seed: Too small…", as replay() says it). Of a
 * union (one schema per transcript version) the branch with the fewest problems is the version
 * the transcript meant to be.
 */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return ': unknown problem';
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
    if (branch[0]) return describeIssue({ ...branch[0], path: [...issue.path, ...branch[0].path] });
  }
  return `${issue.path.length ? ` at ${issue.path.map(String).join('.')}` : ''}: ${issue.message}`;
}

/** A transcript scored under rules newer than this server's: only a newer server can check it. */
function newerRules(input: unknown): number | null {
  const rules = (input as { rules?: unknown } | null)?.rules;
  return typeof input === 'object' && Number.isInteger(rules) && (rules as number) > RULES_VERSION ? (rules as number) : null;
}

/** What the player reads when a call was scored under rules this server no longer reproduces. */
const oldRulesMessage = (rules: number) =>
  `this call was scored under scoring rules version ${rules}; this server scores under version ${RULES_VERSION}, which would give it other numbers, ` +
  'so it cannot count for the leaderboard — play the call again to enter a result';

export async function verifySubmission(library: ScenarioLibrary, input: unknown, claimed: ClaimedScores | undefined): Promise<Verified> {
  const parsed = transcriptSchema.safeParse(input);
  if (!parsed.success) {
    const newer = newerRules(input);
    if (newer !== null) {
      throw new Refusal('malformed', `not a valid transcript: it says it was scored under scoring rules version ${newer}, and this server knows versions up to ${RULES_VERSION}`);
    }
    throw new Refusal('malformed', `not a valid transcript${describeIssue(parsed.error.issues[0])}`);
  }
  const t = parsed.data;
  if (t.mode !== 'exam') throw new Refusal('practice-mode', 'practice calls do not count for the leaderboard; play the call in exam mode');
  if (isBranch(t)) throw new Refusal('branch', 'this call tried another reply part way (practice from that turn on); it does not count for the leaderboard — play the whole call in exam mode');
  const scenario = await library.get(t.hash);
  if (!scenario) {
    if (library.knows(t.scenario, t.locale)) {
      throw new Refusal('wrong-version', `this server does not have the version of "${t.scenario}" (${t.locale}) with content hash ${t.hash.slice(0, 12)}…; the call was changed — reload the game`);
    }
    throw new Refusal('unknown-scenario', `this server does not know the call "${t.scenario}" (${t.locale})`);
  }
  let score: ScoreCard;
  try {
    score = replay(scenario, t, { requireEnd: true }).score;
  } catch (e) {
    if (e instanceof TranscriptError && e.code === 'old-rules') throw new Refusal('old-rules', oldRulesMessage(t.rules));
    if (e instanceof TranscriptError) throw new Refusal(e.code, `the transcript does not replay: ${e.message}`);
    throw e;
  }
  // A typed reply must be what the matcher takes its text as (or among its suggestions).
  const typed = checkTypedChoices(scenario, t);
  if (typed) throw new Refusal(typed.code, `a typed reply does not match the reply recorded for it: ${typed.message}`);
  if (claimed) {
    const differ = CLAIMED.filter((k) => claimed[k] !== score[k]);
    if (differ.length > 0) {
      throw new Refusal('scores-differ', `the claimed scores differ from the replay: ${differ.map((k) => `${k} ${claimed[k]} ≠ ${score[k]}`).join(', ')}`);
    }
  }
  return { transcript: t, scenario, score };
}
