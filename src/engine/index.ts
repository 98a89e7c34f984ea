// The engine's public face. The game, the server and the command line import from here only.
export { loadScenario, type LoadResult } from './load/loadScenario.js';
export { contentHash } from './load/contentHash.js';
export { JsonDocument, type Position } from './load/jsonDocument.js';
export { DEFAULTS } from './load/normalize.js';
export { compileScenario, RINGING, workState, type DialogueMachine } from './machine/compileScenario.js';
export { dialogueSetup, type SessionInput } from './machine/dialogueSetup.js';
export { Session, machineFor, type SessionOptions, type Listener } from './session/session.js';
export { replay, type Replayed, type ReplayOptions } from './session/replay.js';
export {
  transcriptSchema,
  TICK_MS,
  MAX_TICK_MS,
  TRANSCRIPT_VERSION,
  type Transcript,
  type TranscriptEvent,
} from './session/transcript.js';
export { viewOf, moodBand, type SessionView, type ReplyView, type MoodBand } from './session/view.js';
export { scoreCall, gradeOf, DIMENSIONS, type ScoreCard, type LedgerEntry, type LedgerCause, type Dimension, type Grade } from './scoring/score.js';
export { betterReplies, type BetterReply } from './scoring/betterReply.js';
export { formatDiagnostic, hasErrors, TranscriptError, type Diagnostic, type JsonPath, type Severity, type TranscriptErrorCode } from './errors.js';
export type * from './format/model.js';
export { BUILT_IN } from './format/model.js';
export { scenarioSchema, SCHEMA_VERSION, OUTCOMES, EMOTIONS, type ScenarioFile } from './format/schema.js';
export type { SessionContext, SessionEvent, TurnRecord, Mode, Phase, Deductions, TurnChoice } from './rules/state.js';
export { drainCost, availableReplies, MAX_TURNS } from './rules/transitions.js';
export { answeredContext, movesAt, afterMove, type Move, type MoveOptions } from './rules/moves.js';
export { endEntries, matchIdeal, scoresFrom } from './scoring/score.js';
