// A practice call (or a "Try another reply" run) for the player's own history is checked as a
// result is — replayed by the engine on the exact scenario version it names, the server keeping
// its own scores — but it never counts for a board, so an exam played through is refused here:
// it goes to the team's results.
import { branchTurn, isBranch, replay, RULES_VERSION, transcriptSchema, TranscriptError, type Scenario, type ScoreCard, type Transcript } from '../engine/index.js';
import type { ClaimedScores } from '../client/types.js';
import { HttpError } from './httpError.js';
import type { ScenarioLibrary } from './scenarios.js';
import { checkTypedChoices } from '../engine/match/index.js';

export interface VerifiedRun {
  readonly transcript: Transcript;
  readonly scenario: Scenario;
  readonly score: ScoreCard;
  /** The turn (from 1) a branch tried again; null for a call played through. */
  readonly branchTurn: number | null;
}

const CLAIMED = ['politeness', 'accuracy', 'judgment', 'overall'] as const;

const refuse = (code: string, message: string) => new HttpError(422, code, message);

export async function verifyPractice(library: ScenarioLibrary, input: unknown, claimed: ClaimedScores | undefined): Promise<VerifiedRun> {
  const parsed = transcriptSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse('malformed', `not a valid transcript${issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : ''}: ${issue?.message ?? 'unknown problem'}`);
  }
  const t = parsed.data;
  if (t.mode === 'exam' && !isBranch(t)) {
    throw refuse('exam-mode', 'this is an exam call played through: it counts for the leaderboard, so send it to /results, not to the history (which keeps practice calls and tried-again branches)');
  }
  const scenario = await library.get(t.hash);
  if (!scenario) {
    if (library.knows(t.scenario, t.locale)) {
      throw refuse('wrong-version', `this server does not have the version of "${t.scenario}" (${t.locale}) with content hash ${t.hash.slice(0, 12)}…; the call was changed — reload the game`);
    }
    throw refuse('unknown-scenario', `this server does not know the call "${t.scenario}" (${t.locale})`);
  }
  let score: ScoreCard;
  try {
    score = replay(scenario, t, { requireEnd: true }).score;
  } catch (e) {
    if (e instanceof TranscriptError && e.code === 'old-rules') {
      throw refuse('old-rules', `this call was scored under scoring rules version ${t.rules}; this server scores under version ${RULES_VERSION}, which would give it other numbers — play the call again`);
    }
    if (e instanceof TranscriptError) throw refuse(e.code, `the transcript does not replay: ${e.message}`);
    throw e;
  }
  const typed = checkTypedChoices(scenario, t);
  if (typed) throw refuse(typed.code, `a typed reply does not match the reply recorded for it: ${typed.message}`);
  if (claimed) {
    const differ = CLAIMED.filter((k) => claimed[k] !== score[k]);
    if (differ.length > 0) throw refuse('scores-differ', `the claimed scores differ from the replay: ${differ.map((k) => `${k} ${claimed[k]} ≠ ${score[k]}`).join(', ')}`);
  }
  return { transcript: t, scenario, score, branchTurn: branchTurn(scenario, t) };
}
