// What a stored call (a result for the board, or a practice run for the player's history) keeps
// of its verified replay: the scenario version and the server's own scores, as columns, and when
// it was played — the client's claim, held within the offline window.
import type { Scenario, ScoreCard } from '../engine/index.js';

/** How far back a client's "played at" may go (offline play); later or earlier is clamped. */
export const PLAYED_AT_WINDOW_MS = 14 * 86_400_000;

/** When the call was played: the client's time, if given, kept between now − the window and now. */
export function playedAtOf(claimed: string | undefined, now: number): number {
  const at = claimed ? Date.parse(claimed) : now;
  return Math.min(now, Math.max(now - PLAYED_AT_WINDOW_MS, Number.isFinite(at) ? at : now));
}

/** The scenario version and the replay's scores, as a stored call's columns. */
export function scoredColumns(scenario: Scenario, s: ScoreCard) {
  return {
    scenario: scenario.id,
    locale: scenario.locale,
    hash: scenario.hash,
    title: scenario.title,
    politeness: s.politeness,
    accuracy: s.accuracy,
    judgment: s.judgment,
    overall: s.overall,
    grade: s.grade,
    outcome: s.outcome!,
    ideal: s.ideal ? 1 : 0,
    turns: s.turns,
    elapsed_ms: s.elapsedMs,
  };
}
