// "My history" on the device: every finished call kept in the browser, one versioned entry per call,
// read back through restore() (a damaged entry is left out and reported, never thrown; one from a
// newer version is left exactly as it is); the same call kept once; bounded (the newest calls keep
// the engine's whole result, older ones their transcript and scores, the oldest are forgotten),
// also when the browser's storage is full; merged with the server's list by content; averaged week
// by week for the chart; and queued for the server's history when practice or a branch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callResult, tryAnotherReply, type CallResult, type Scenario } from '../../src/engine/index.js';
import type { HistoryRun, Identity, OutboxItem } from '../../src/client/index.js';
import type { FinishedCall } from '../../src/game/flow/flowMachine.js';
import { callKey, History, KEEP, KEEP_WHOLE } from '../../src/game/history/History.js';
import { recordCall } from '../../src/game/history/recordCall.js';
import { historyRows } from '../../src/game/history/rows.js';
import { restoreHistoryEntry } from '../../src/game/history/storedHistory.js';
import { weeklyProgress, weekStart } from '../../src/game/history/weeks.js';
import { playedByIds } from '../server/playByIds.js';
import { MemoryStorage } from '../support/memoryStorage.js';
import { shippedCall } from '../support/shipped.js';

const PREFIX = 'holdtheline.history.';
const firstCall: Scenario = shippedCall('first-call.json');
const IDEAL = ['opening.1', 'order-shipped.1', 'delay-known.1'];

function play(seed: number, mode: 'exam' | 'practice' = 'practice'): CallResult {
  return callResult(firstCall, playedByIds(firstCall, IDEAL, { seed, mode }).transcript);
}
const finishedOf = (result: CallResult, mode = result.transcript.mode): FinishedCall => ({ selection: { id: 'first-call', locale: 'en', mode }, result });

/** Storage that refuses to hold more than `max` characters, as a full browser storage does. */
class SmallStorage extends MemoryStorage {
  constructor(private readonly max: number) {
    super();
  }
  override setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + v.length > this.max) throw new DOMException('full', 'QuotaExceededError');
    super.setItem(k, v);
  }
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('the history on the device', () => {
  it('keeps a finished call as one versioned entry, and gives it back exactly, frozen', () => {
    const storage = new MemoryStorage();
    const history = new History(storage);
    const result = play(3);
    const entry = history.record(finishedOf(result), { playedAt: 1_700_000_000_000, player: { team: 'ABCD2345', id: 7 } });
    expect(storage.map.size).toBe(1);
    const [key] = [...storage.map.keys()];
    expect(key).toBe(PREFIX + entry.id);
    expect(storage.json(key!)).toMatchObject({ v: 1, id: entry.id, playedAt: 1_700_000_000_000, selection: { id: 'first-call', locale: 'en', mode: 'practice' }, branch: null, player: { team: 'ABCD2345', id: 7 } });
    const [back] = new History(storage).entries();
    expect(back).toEqual(entry);
    expect(back!.result).toEqual(result);
    expect(back!.skills).toEqual({ politeness: result.score.politeness, accuracy: result.score.accuracy, judgment: result.score.judgment, overall: result.score.overall, grade: result.score.grade });
    expect(back!.title).toBe(result.review.scenario.title);
    expect(Object.isFrozen(back!.result!.review.turns[0])).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('keeps the same call once, lists calls newest first, and finds one by its content', () => {
    const history = new History(new MemoryStorage());
    const a = play(3);
    const b = play(4, 'exam');
    const first = history.record(finishedOf(a), { playedAt: 1000 });
    history.record(finishedOf(b), { playedAt: 2000 });
    expect(history.record(finishedOf(a), { playedAt: 3000 })).toEqual(first);
    expect(history.entries().map((e) => e.playedAt)).toEqual([2000, 1000]);
    expect(history.idOf(finishedOf(a))).toBe(first.id);
    expect(history.find({ ...a.transcript, seed: 99 })).toBeNull();
  });

  it('leaves out what it cannot read and reports it once; keeps a newer version’s entry untouched; forgets only a damaged result', () => {
    const storage = new MemoryStorage();
    const history = new History(storage);
    const good = history.record(finishedOf(play(3)), { playedAt: 1000 });
    const stored = storage.json(PREFIX + good.id) as Record<string, unknown>;
    storage.setItem(`${PREFIX}broken`, '{not json');
    storage.setItem(`${PREFIX}nothing`, JSON.stringify({ ...stored, skills: null }));
    const newer = JSON.stringify({ ...stored, v: 9, id: 'newer' });
    storage.setItem(`${PREFIX}newer`, newer);
    storage.setItem(`${PREFIX}noresult`, JSON.stringify({ ...stored, id: 'noresult', playedAt: 500, result: { review: 'lost' } }));
    const entries = history.entries();
    expect(entries.map((e) => e.id)).toEqual([good.id, 'noresult']);
    expect(entries[1]!.result).toBeNull();
    expect(entries[1]!.transcript).toEqual(good.transcript);
    history.entries();
    expect(warn).toHaveBeenCalledTimes(3);
    expect(storage.getItem(`${PREFIX}newer`)).toBe(newer);
    expect(restoreHistoryEntry('text', 'here', () => {})).toBeNull();
  });

  it(`keeps the newest ${KEEP} calls, the newest ${KEEP_WHOLE} with their whole result (here with smaller bounds)`, () => {
    const storage = new MemoryStorage();
    const history = new History(storage, { keep: 4, keepWhole: 2 });
    const results = [3, 4, 5, 6, 7, 8].map((seed) => play(seed));
    results.forEach((r, i) => history.record(finishedOf(r), { playedAt: 1000 * (i + 1) }));
    const entries = history.entries();
    expect(entries.map((e) => e.playedAt)).toEqual([6000, 5000, 4000, 3000]);
    expect(entries.map((e) => e.result !== null)).toEqual([true, true, false, false]);
    // An older call keeps what the list shows and what rebuilds its debrief.
    expect(entries[3]!.transcript).toEqual(results[2]!.transcript);
    expect(entries[3]!.skills.overall).toBe(results[2]!.score.overall);
    expect(storage.map.size).toBe(4);
  });

  it('makes room when the browser’s storage is full: older whole results go first, then the oldest calls', () => {
    const whole = JSON.stringify(play(3)).length;
    const storage = new SmallStorage(Math.round(whole * 4.5));
    const history = new History(storage);
    for (let i = 0; i < 12; i++) history.record(finishedOf(play(10 + i)), { playedAt: 1000 * (i + 1) });
    const entries = history.entries();
    expect(entries[0]!.playedAt).toBe(12_000);
    expect(entries[0]!.result).not.toBeNull();
    expect(entries.length).toBeGreaterThan(4);
    expect(entries.filter((e) => e.result !== null).length).toBeLessThan(entries.length);
  });
});

describe('the rows of the history page', () => {
  const device = new History(new MemoryStorage());
  const practice = play(3);
  const exam = play(4, 'exam');
  const onlyOnServer = play(5, 'exam');
  const branch = (() => {
    const s = tryAnotherReply(firstCall, exam.transcript, 2);
    for (let i = 0; i < 10_000 && !(s.view.phase === 'listening' && s.view.replies.length > 0); i++) s.advance(100);
    s.choose(s.view.replies.find((r) => r.id === 'order-shipped.2')!.n);
    for (let i = 0; i < 10_000 && !s.ended; i++) s.advance(100);
    const t = s.transcript();
    s.stop();
    return callResult(firstCall, t);
  })();
  const examEntry = device.record(finishedOf(exam), { playedAt: Date.parse('2026-12-01T10:00:00Z') });
  device.record(finishedOf(practice), { playedAt: Date.parse('2026-12-01T09:00:00Z') });
  device.record({ ...finishedOf(branch, 'practice') }, { playedAt: Date.parse('2026-12-01T11:00:00Z'), branchOf: examEntry.id, turn: 2 });
  const run = (r: CallResult, source: HistoryRun['source'], playedAt: string, extra: Partial<HistoryRun> = {}): HistoryRun => ({
    source,
    id: 1,
    scenario: 'first-call',
    locale: 'en',
    hash: r.transcript.hash,
    title: r.review.scenario.title,
    mode: r.transcript.mode,
    branch: null,
    ...{ politeness: r.score.politeness, accuracy: r.score.accuracy, judgment: r.score.judgment, overall: r.score.overall, grade: r.score.grade },
    outcome: r.score.outcome!,
    ideal: r.score.ideal,
    turns: r.score.turns,
    elapsedMs: r.score.elapsedMs,
    playedAt,
    transcript: r.transcript,
    ...extra,
  });

  it('merges this device’s calls with the server’s by content, newest first, saying which are not uploaded yet', () => {
    const rows = historyRows(device.entries(), [run(exam, 'result', '2026-12-01T10:00:01Z'), run(onlyOnServer, 'result', '2026-11-30T08:00:00Z')]);
    expect(rows.map((r) => [r.kind, r.branchTurn, r.uploaded, r.entry !== null, r.run !== null])).toEqual([
      ['branch', 2, false, true, false],
      ['exam', null, true, true, true],
      ['practice', null, false, true, false],
      ['exam', null, true, false, true],
    ]);
    expect(rows.map((r) => r.skills.overall)).toEqual([branch.score.overall, exam.score.overall, practice.score.overall, onlyOnServer.score.overall]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(4);
    // Sent by the outbox while the server's list could not be read: uploaded all the same.
    const offline = historyRows(device.entries(), [], new Set([callKey(practice.transcript)]));
    expect(offline.find((r) => r.kind === 'practice')!.uploaded).toBe(true);
  });

  it('shows a branch only on the server as practice from its turn', () => {
    const rows = historyRows([], [run(branch, 'practice', '2026-12-01T11:00:00Z', { branch: { turn: 2 } })]);
    expect(rows[0]).toMatchObject({ kind: 'branch', branchTurn: 2, uploaded: true, entry: null });
  });

  it('averages each skill week by week from the first call’s week to this one, Mondays in local time', () => {
    const now = Date.parse('2026-12-16T12:00:00Z');
    const rows = historyRows(device.entries(), []).filter((r) => r.kind !== 'branch');
    const { weeks } = weeklyProgress(rows, { id: 1, name: 'Anna' }, now);
    expect(weeks.map((w) => w.results)).toEqual([2, 0, 0]);
    expect(weeks[0]!.start).toBe(weekStart(Date.parse('2026-12-01T10:00:00Z')).toISOString());
    expect(new Date(weeks[0]!.start).getDay()).toBe(1);
    expect(weeks[0]!.politeness).toBe((exam.score.politeness + practice.score.politeness) / 2);
    expect(weeks[1]!.overall).toBeNull();
    expect(weeklyProgress([], { id: 1, name: 'Anna' }, now).weeks).toEqual([]);
  });
});

describe('recording a call', () => {
  const identity: Identity = { team: { code: 'ABCD2345', name: 'Desk', season: 1 }, player: { id: 7, name: 'Anna' }, token: 'token' };
  function services(signedIn = true) {
    const added: Parameters<typeof add>[0][] = [];
    const add = (item: { transcript: unknown; title: string; claimed?: unknown; identity: unknown; playedAt?: Date }) => {
      added.push(item);
      return {} as OutboxItem;
    };
    return {
      added,
      s: { history: new History(new MemoryStorage()), historyOutbox: { add } as never, identity: { get: () => (signedIn ? identity : null), set: () => {} } },
    };
  }

  it('queues a practice call for the server’s history once, with its scores and when it was played; not an exam played through', () => {
    const { s, added } = services();
    const practice = play(3);
    const entry = recordCall(s, finishedOf(practice));
    recordCall(s, finishedOf(practice));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ transcript: practice.transcript, claimed: { overall: practice.score.overall }, identity, playedAt: new Date(entry.playedAt) });
    expect(entry.player).toEqual({ team: 'ABCD2345', id: 7 });
    recordCall(s, finishedOf(play(4, 'exam')));
    expect(added).toHaveLength(1);
    expect(s.history.entries()).toHaveLength(2);
  });

  it('records a branch of the flow with the entry it was tried from, and queues it even when the original was an exam', () => {
    const { s, added } = services(false);
    const exam = play(4, 'exam');
    const original = finishedOf(exam);
    const kept = recordCall(s, original);
    const branchResult = callResult(firstCall, { ...exam.transcript, events: [...exam.transcript.events.slice(0, -1), { type: 'PRACTISE' }, exam.transcript.events.at(-1)!] });
    const entry = recordCall(s, { ...finishedOf(branchResult, 'practice'), branchOf: { of: original, turn: 3 } });
    expect(entry.branch).toEqual({ of: kept.id, turn: 3 });
    expect(added).toHaveLength(1);
    expect(added[0]!.identity).toBeNull();
    expect(entry.player).toBeNull();
    expect(recordCall(s, finishedOf(play(5)), { branchOf: 'elsewhere', turn: 2 }).branch).toEqual({ of: 'elsewhere', turn: 2 });
  });
});
