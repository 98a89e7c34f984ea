// The rows of "My history": the calls kept on this device and those the server keeps for the
// player, merged into one list, newest first. The same call on both (by its content: scenario,
// seed and events — see callKey) is one row, shown from this device's copy, which holds the
// debrief exactly as it was.
import type { HistoryRun } from '../../client/index.js';
import type { Mode } from '../../engine/index.js';
import { callKey, type HistoryEntry, type HistorySkills } from './History.js';

export type RowKind = Mode | 'branch';

export interface HistoryRow {
  readonly key: string;
  /** The call's title in its own language (`locale`). */
  readonly title: string;
  readonly scenario: string;
  readonly locale: string;
  readonly playedAt: number;
  /** Exam, practice, or a "Try another reply" run (practice from `branchTurn` on). */
  readonly kind: RowKind;
  readonly branchTurn: number | null;
  readonly skills: HistorySkills;
  /** This device's copy, when it has one. */
  readonly entry: HistoryEntry | null;
  /** The server's copy, when it has one. */
  readonly run: HistoryRun | null;
  /** The server has it (or the outbox has sent it). */
  readonly uploaded: boolean;
}

function fromEntry(e: HistoryEntry, run: HistoryRun | null, sent: boolean): HistoryRow {
  return {
    key: callKey(e.transcript),
    title: e.title,
    scenario: e.selection.id,
    locale: e.selection.locale,
    playedAt: e.playedAt,
    kind: e.branch ? 'branch' : e.selection.mode,
    branchTurn: e.branch?.turn ?? run?.branch?.turn ?? null,
    skills: e.skills,
    entry: e,
    run,
    uploaded: run !== null || sent,
  };
}

function fromRun(r: HistoryRun): HistoryRow {
  return {
    key: callKey(r.transcript),
    title: r.title,
    scenario: r.scenario,
    locale: r.locale,
    playedAt: Date.parse(r.playedAt),
    kind: r.branch ? 'branch' : r.mode,
    branchTurn: r.branch?.turn ?? null,
    skills: { politeness: r.politeness, accuracy: r.accuracy, judgment: r.judgment, overall: r.overall, grade: r.grade },
    entry: null,
    run: r,
    uploaded: true,
  };
}

/**
 * Every call once, newest first. `sent` holds the keys (callKey) of calls an outbox has sent, so a
 * call sent while the server's list could not be read still counts as uploaded.
 */
export function historyRows(entries: readonly HistoryEntry[], runs: readonly HistoryRun[], sent: ReadonlySet<string> = new Set()): HistoryRow[] {
  const byKey = new Map<string, HistoryRun>();
  for (const r of runs) {
    const k = callKey(r.transcript);
    if (!byKey.has(k)) byKey.set(k, r);
  }
  const rows: HistoryRow[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const k = callKey(e.transcript);
    if (seen.has(k)) continue;
    seen.add(k);
    rows.push(fromEntry(e, byKey.get(k) ?? null, sent.has(k)));
  }
  for (const [k, r] of byKey) if (!seen.has(k)) rows.push(fromRun(r));
  return rows.sort((a, b) => b.playedAt - a.playedAt);
}
