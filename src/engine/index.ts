// The engine's public face. The game, the server and the command line import from here only.
export { loadScenario, type LoadResult } from './load/loadScenario.js';
export { contentHash } from './load/contentHash.js';
export { JsonDocument, type Position } from './load/jsonDocument.js';
export { DEFAULTS } from './load/normalize.js';
export { compileScenario, RINGING, workState, type DialogueMachine } from './machine/compileScenario.js';
export { dialogueSetup, type SessionInput } from './machine/dialogueSetup.js';
export { Session, machineFor, type SessionOptions, type Listener } from './session/session.js';
export { replay, type Replayed, type ReplayOptions } from './session/replay.js';
export { checkTickRuns, MAX_TICK_RUNS_IN_A_ROW } from './session/tickRuns.js';
export { tryAnotherReply, branchPoints, branchPoint, branchTurn, isBranch, type BranchPoint } from './session/branch.js';
export {
  transcriptSchema,
  TICK_MS,
  MAX_TICK_MS,
  TRANSCRIPT_VERSION,
  TYPED_MAX_CHARS,
  typedTextProblem,
  type Transcript,
  type TranscriptEvent,
} from './session/transcript.js';
export { RULES_VERSION, MIN_COMPATIBLE_RULES, rulesCompatible } from './rulesVersion.js';
export { viewOf, type SessionView, type ReplyView } from './session/view.js';
export { moodBand, MOOD_BANDS, BAND_START, type MoodBand } from './rules/moodBands.js';
export {
  scoreCall,
  gradeOf,
  DIMENSIONS,
  isIdealEnding,
  hasOwnCredit,
  idealFor,
  knownAtEnd,
  idealMet,
  neededFacts,
  missedFacts,
  overParPoints,
  skillWeights,
  weightedLoss,
  scoresOfLost,
  lostSoFar,
  clampScore,
  endEntries,
  matchIdeal,
  scoresFrom,
  costsPoints,
  type EndingRef,
  type ScoreCard,
  type LedgerEntry,
  type LedgerCause,
  type Dimension,
  type Grade,
} from './scoring/score.js';
export { formatDiagnostic, hasErrors, TranscriptError, type Diagnostic, type JsonPath, type Severity, type TranscriptErrorCode } from './errors.js';
export type * from './format/model.js';
export { BUILT_IN, defaultReplyId } from './format/model.js';
export { spokenLines, voiceOf, voiceName, conventionalVoice } from './format/voices.js';
export { spokenLine, type SpokenLine } from './rules/spokenLine.js';
export { scenarioSchema, SCHEMA_VERSION, RETURN_TARGET, OUTCOMES, EMOTIONS, GENDERS, type Gender, type ScenarioFile } from './format/schema.js';
export type { SessionContext, SessionEvent, TurnRecord, Mode, Phase, Deductions, TurnChoice, TypedTook } from './rules/state.js';
export { drainCost, availableReplies, MAX_TURNS } from './rules/transitions.js';
export { step, machineStateOf } from './rules/step.js';
export { RING_MS, ringLeftMs, unanswered } from './rules/ringing.js';
export { canFastForward, fastForwardMs } from './rules/fastForward.js';
// The exact analyses of a call, over its reachable states.
export { answeredContext, movesAt, afterMove, type Move, type MoveOptions } from './analysis/moves.js';
export { buildStateGraph, pathTo, subjectOf, needsExactTurns, topologicalOrder, type StateGraph, type StateInfo, type Edge, type Ending, type GraphOptions } from './analysis/stateGraph.js';
export { turnGraph, exactGraph, type TurnGraph, type Lost } from './analysis/turnGraph.js';
export { scoreBounds, type Bound, type DimensionBounds, type ScoreBounds } from './analysis/scoreBounds.js';
export { bestPaths, continuations, type BestPath, type CallPaths, type Continuations, type MoveValue } from './analysis/bestPaths.js';
export { endingsReached, traps, stuckStates, type EndingReach, type Trap } from './analysis/callPaths.js';
// The review of a finished call, which the debrief, the replay and the CLI render.
export { reviewCall, type CallReview, type TurnReview, type BetterReply } from './review/reviewCall.js';
export { walkTranscript, type Walked, type TurnAt } from './review/decisions.js';
export { callResult, type CallResult } from './review/callResult.js';
export { thinkTimeProfile, readingMs, wordsIn, READING_WPM, REACTION_MS, type ThinkTimeProfile, type TurnThinkTime } from './review/thinkTime.js';
export { compareRuns, CompareError, COMPARED_SKILLS, type RunComparison, type ComparedRun, type ComparedRow, type ComparedTurn, type ComparedSkill } from './review/compareRuns.js';
// Translations as string tables: the texts of a call, composing a table with its original, a folder of files.
export { stringsSchema, STRINGS_SCHEMA_VERSION, type StringsFile, type StringsParsed } from './format/strings.js';
export { textsOf, voicesOf, sourceHash, type TextEntry, type TextKind, type VoiceEntry } from './translation/texts.js';
export { composeTable, parseTable, mayBeTable, isTableValue, type ComposeResult, type TableResult, type Original } from './translation/compose.js';
export { loadScenarioFiles, type LoadedFile, type SourceText } from './translation/loadFiles.js';
export { tableFromTranslation, TranslationError } from './translation/fromTranslation.js';
export { tableText } from './translation/tableText.js';
export { differences, pathText, valueText, type Difference } from './translation/differences.js';
export { boundPaths, type BoundPath, type BoundPaths } from './analysis/boundPaths.js';
export { reachableFrom, type Reachable } from './analysis/reachable.js';
// Assignments: when a call counts as passed (overall mark and per-skill gates).
export { passGatesSchema, missedGates, passes, type PassGates, type GatedScores, type MissedGate } from './assignment/passGates.js';
export { packageOutcome, type PackageOutcome, type SkillObjective } from './assignment/packageOutcome.js';
// A call in progress as a short code (an LMS's suspend_data): seed, mode and moves only.
export { resumeCode, parseResumeCode, resumeTranscript, MAX_RESUME_CODE, type ResumePoint, type ResumeMove } from './session/resumeCode.js';
// "Test from here" (the call editor): the call started at any line with chosen facts, mood and patience.
export { scenarioFrom, startStateProblems, type StartState } from './session/startFrom.js';
