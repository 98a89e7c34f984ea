// A submitted transcript becomes a result only through the engine: the server replays it on the
// exact scenario version it names and keeps the scores it computed itself. Anything that does not
// replay, or claims other scores than the replay gives, is refused with a reason.
import { replay, transcriptSchema, TranscriptError, type ScoreCard, type Scenario, type Transcript } from '../engine/index.js';
import type { ClaimedScores } from '../client/types.js';
import type { ScenarioLibrary } from './scenarios.js';

export type RefusalCode =
  | 'malformed'
  | 'unknown-scenario'
  | 'wrong-version'
  | 'old-rules'
  | 'wrong-scenario'
  | 'impossible-event'
  | 'after-end'
  | 'unfinished'
  | 'practice-mode'
  | 'scores-differ';

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

export async function verifySubmission(library: ScenarioLibrary, input: unknown, claimed: ClaimedScores | undefined): Promise<Verified> {
  const parsed = transcriptSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal('malformed', `not a valid transcript${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'unknown problem'}`);
  }
  const t = parsed.data;
  if (t.mode !== 'exam') throw new Refusal('practice-mode', 'practice calls do not count for the leaderboard; play the call in exam mode');
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
    if (e instanceof TranscriptError) throw new Refusal(e.code, `the transcript does not replay: ${e.message}`);
    throw e;
  }
  if (claimed) {
    const differ = CLAIMED.filter((k) => claimed[k] !== score[k]);
    if (differ.length > 0) {
      throw new Refusal('scores-differ', `the claimed scores differ from the replay: ${differ.map((k) => `${k} ${claimed[k]} ≠ ${score[k]}`).join(', ')}`);
    }
  }
  return { transcript: t, scenario, score };
}
