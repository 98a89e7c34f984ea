// Every finished call goes in the player's history: kept on this device at once, and — for a
// practice call or a "Try another reply" run — queued for the player's history on the server
// (an outbox of its own: sent when signed in and the server answers, once each, never lost). An
// exam played through is not queued here: it goes to the team's results (call/recordResult.ts),
// which the server's history lists too.
import type { FinishedCall } from '../flow/flowMachine.js';
import type { Services } from '../services.js';
import type { HistoryEntry } from './History.js';

export interface RecordCallOptions {
  /** A branch: the history entry id of the run it was tried from (see `services.history.idOf`). */
  readonly branchOf?: string;
  /** A branch: the turn (from 1) it was tried from. */
  readonly turn?: number;
}

/**
 * Keeps `finished` in the history and queues its upload. A `finished.branchOf` (the flow's
 * branch) is read as the options would be. The same call twice (by content) is kept and queued
 * once: the first entry is returned.
 */
export function recordCall(services: Pick<Services, 'history' | 'historyOutbox' | 'identity'>, finished: FinishedCall, options: RecordCallOptions = {}): HistoryEntry {
  const kept = services.history.find(finished.result.transcript);
  if (kept) return kept;
  const turn = options.turn ?? finished.branchOf?.turn;
  const branchOf = options.branchOf ?? (finished.branchOf ? (services.history.idOf(finished.branchOf.of) ?? undefined) : undefined);
  const identity = services.identity.get();
  const entry = services.history.record(finished, {
    ...(branchOf !== undefined ? { branchOf } : {}),
    ...(turn !== undefined ? { turn } : {}),
    player: identity ? { team: identity.team.code, id: identity.player.id } : null,
  });
  const examPlayedThrough = finished.result.transcript.mode === 'exam' && entry.branch === null;
  if (examPlayedThrough) return entry;
  const s = finished.result.score;
  try {
    services.historyOutbox.add({
      transcript: finished.result.transcript,
      title: entry.title,
      claimed: { politeness: s.politeness, accuracy: s.accuracy, judgment: s.judgment, overall: s.overall },
      identity,
      playedAt: new Date(entry.playedAt),
    });
  } catch (e) {
    // The browser's storage is full: the call stays in the history on this device.
    console.warn(`the call could not be queued for your history on the server: ${e instanceof Error ? e.message : String(e)}`);
  }
  return entry;
}
