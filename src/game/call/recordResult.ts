// When a call ends: remember the player's best, keep the call in the player's history (a branch
// with the run it was tried from), and queue an exam for the team's leaderboard (the outbox sends
// it when the server is reachable — the server replays it and keeps its own scores; the ones we
// claim must match or it is refused).
import type { CallResult } from '../../engine/index.js';
import type { Selection } from '../flow/flowMachine.js';
import { recordCall } from '../history/recordCall.js';
import { isEditorTest } from '../library/editorTestFlag.js';
import type { Services } from '../services.js';

/** `ticket`: the server's ticket the exam was started with, sent with it (null: played offline). */
export function recordResult(services: Services, selection: Selection, result: CallResult, ticket: string | null = null): void {
  // The call editor's "Test from here": a trainer trying a line, never a result of anyone's.
  if (isEditorTest()) return;
  const { score } = result;
  services.bests.record(selection.id, selection.locale, { overall: score.overall, grade: score.grade, mode: selection.mode });
  const branch = services.flow.getSnapshot().context.branch;
  const entry = recordCall(services, branch ? { selection, result, branchOf: branch } : { selection, result });
  if (selection.mode !== 'exam') return;
  try {
    services.outbox.add({
      transcript: result.transcript,
      title: result.review.scenario.title,
      claimed: { politeness: score.politeness, accuracy: score.accuracy, judgment: score.judgment, overall: score.overall },
      identity: services.identity.get(),
      ticket,
      playedAt: new Date(entry.playedAt),
    });
  } catch (e) {
    // The browser's storage is full: the call still counts for the player, just not on the board.
    console.warn(`the result could not be kept for the leaderboard: ${e instanceof Error ? e.message : String(e)}`);
  }
}
