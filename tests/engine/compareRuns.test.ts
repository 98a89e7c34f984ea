// Comparing two runs of a call: real calls played with the real engine (pinned seeds, replies
// named by id), compared with compareRuns, and checked against each run's own score card.
import { describe, expect, it } from 'vitest';
import { CompareError, compareRuns, MIN_COMPATIBLE_RULES, TranscriptError, type Scenario, type Transcript } from '../../src/engine/index.js';
import { playedByIds, type Move } from '../server/playByIds.js';
import { shippedCall } from '../support/shipped.js';

const call = shippedCall('first-call.json');
const ru = shippedCall('first-call.ru.json');
const other = shippedCall('update-warning.json');

const IDEAL: Move[] = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const SLOW_TRACE: Move[] = ['opening.1', 'formal-trace', 'delay-known.1'];
const SHRUG: Move[] = ['opening.1', 'order-shipped.2'];

const play = (s: Scenario, moves: readonly Move[], seed: number) => playedByIds(s, moves, { seed, mode: 'exam' });

describe('compareRuns', () => {
  it('finds nothing between two identical runs', () => {
    const a = play(call, IDEAL, 5);
    const c = compareRuns(call, a.transcript, a.transcript);
    expect(c.partsAt).toBeNull();
    expect(c.rows.map((r) => r.same)).toEqual([true, true, true]);
    expect(c.rows.map((r) => r.a!.choice.reply)).toEqual(IDEAL);
    expect(c.difference).toEqual({ politeness: 0, accuracy: 0, judgment: 0, overall: 0 });
    expect(c.a.scores).toEqual({ politeness: a.score.politeness, accuracy: a.score.accuracy, judgment: a.score.judgment, overall: a.score.overall });
    expect(c.a.ending?.node).toBe('thanks');
  });

  it('parts at turn 2 where the second run filed a formal trace, and gives the difference per skill', () => {
    const a = play(call, IDEAL, 5);
    const b = play(call, SLOW_TRACE, 5);
    const c = compareRuns(call, a.transcript, b.transcript);
    expect(c.partsAt).toBe(1);
    expect(c.rows[1]!.turn).toBe(2);
    expect(c.rows.map((r) => r.same)).toEqual([true, false, true]);
    // What the customer said is the same line in both; the replies differ.
    expect(c.rows[1]!.a!.line).toBe(c.rows[1]!.b!.line);
    expect(c.rows[1]!.a!.choice.reply).toBe('order-shipped.1');
    expect(c.rows[1]!.b!.choice.reply).toBe('formal-trace');
    // The turn's cost is what the run's own ledger has for that turn.
    const ledger2 = b.score.ledger.filter((e) => e.turn === 2);
    expect(c.rows[1]!.b!.cost.judgment).toBe(ledger2.filter((e) => e.dimension === 'judgment').reduce((n, e) => n + e.points, 0));
    expect(c.rows[1]!.b!.cost.judgment).toBeLessThan(0);
    expect(c.rows[1]!.a!.cost).toEqual({ politeness: 0, accuracy: 0, judgment: 0 });
    for (const k of ['politeness', 'accuracy', 'judgment', 'overall'] as const) expect(c.difference[k]).toBe(b.score[k] - a.score[k]);
    expect(c.difference.judgment).toBeLessThan(0);
    // Swapped, the difference turns over.
    expect(compareRuns(call, b.transcript, a.transcript).difference.judgment).toBe(-c.difference.judgment);
  });

  it('aligns runs of different lengths: the shorter one has no turn where it had ended', () => {
    const c = compareRuns(call, play(call, IDEAL, 5).transcript, play(call, SHRUG, 5).transcript);
    expect(c.partsAt).toBe(1);
    expect(c.rows).toHaveLength(3);
    expect(c.rows[2]!.b).toBeNull();
    expect(c.rows[2]!.same).toBe(false);
    expect(c.b.ending?.node).toBe('gives-up');
    expect(c.b.outcome).toBe('hung-up');
  });

  it('with different seeds, parts only where the line or the reply differs, not where the order on screen does', () => {
    const a = play(call, IDEAL, 1);
    // A seed that shows the first turn's replies in another order.
    const order = (t: Transcript) => compareRuns(call, t, t).rows[0]!.a!.review.shown.map((r) => r.id).join();
    const seed = [2, 3, 4, 5, 6, 7, 8, 9].find((s) => order(play(call, IDEAL, s).transcript) !== order(a.transcript))!;
    expect(seed).toBeDefined();
    const same = compareRuns(call, a.transcript, play(call, IDEAL, seed).transcript);
    expect(same.a.seed).toBe(1);
    expect(same.b.seed).toBe(seed);
    expect(same.partsAt).toBeNull();
    const parted = compareRuns(call, a.transcript, play(call, SLOW_TRACE, seed).transcript);
    expect(parted.partsAt).toBe(1);
  });

  it('compares the same call played in two languages by path, not by words', () => {
    const c = compareRuns(call, play(call, IDEAL, 5).transcript, play(ru, IDEAL, 5).transcript, { callB: ru });
    expect(c.partsAt).toBeNull();
    expect(c.rows[0]!.a!.line).not.toBe(c.rows[0]!.b!.line);
    expect(c.b.scenario.locale).toBe('ru');
  });

  it('refuses two different calls, in words', () => {
    const a = play(call, IDEAL, 5);
    const firstReply = other.nodes.get(other.start)!.replies[0]!.id;
    const b = play(other, [firstReply], 5);
    expect(() => compareRuns(call, a.transcript, b.transcript, { callB: other })).toThrow(CompareError);
    expect(() => compareRuns(call, a.transcript, b.transcript, { callB: other })).toThrow(/different calls/);
    expect(() => compareRuns(call, a.transcript, b.transcript)).toThrow(/different calls/);
    try {
      compareRuns(call, a.transcript, b.transcript);
    } catch (e) {
      expect((e as CompareError).code).toBe('different-calls');
    }
  });

  it('refuses a transcript that does not fit its call, saying why', () => {
    const a = play(call, IDEAL, 5).transcript;
    const unfinished: Transcript = { ...a, events: a.events.slice(0, 3) };
    expect(() => compareRuns(call, a, unfinished)).toThrow(TranscriptError);
    expect(() => compareRuns(call, a, unfinished)).toThrow(/stops before the call ended/);
    expect(() => compareRuns(call, a, { ...a, hash: '0'.repeat(64) })).toThrow(/another version/);
    expect(() => compareRuns(call, a, { nonsense: true })).toThrow(/not a valid transcript/);
    // Scored under rules this engine no longer reproduces: refused with its own code, which the view words.
    try {
      compareRuns(call, a, { ...a, rules: MIN_COMPATIBLE_RULES - 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as TranscriptError).code).toBe('old-rules');
    }
    // The Russian run against the English model: the language is checked.
    expect(() => compareRuns(call, a, play(ru, IDEAL, 5).transcript)).toThrow(/\(ru\)/);
  });
});
