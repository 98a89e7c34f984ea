// "Try another reply": a finished call restored as it stood before a turn and played on in
// practice. Real calls with the real engine (pinned seeds, replies by id); the best and worst
// still reachable are checked against a brute-force walk of every way on, with step() itself.
import { describe, expect, it } from 'vitest';
import {
  branchPoint,
  branchTurn,
  branchPoints,
  compareRuns,
  fastForwardMs,
  isBranch,
  replay,
  scoreCall,
  step,
  tryAnotherReply,
  walkTranscript,
  type Scenario,
  type Session,
  type SessionContext,
  type SessionEvent,
} from '../../src/engine/index.js';
import { playedByIds, type Move } from '../server/playByIds.js';
import { shippedCall } from '../support/shipped.js';

const call = shippedCall('first-call.json');
const IDEAL: Move[] = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const SHRUG: Move[] = ['opening.1', 'order-shipped.2'];

/** Plays `moves` on a live session the way playByIds does, until the call ends. */
function playOn(s: Session, moves: readonly string[]): void {
  for (const id of moves) {
    for (let g = 0; g < 10_000 && !s.ended && !(s.view.phase === 'listening' && s.view.replies.length > 0); g++) s.advance(100);
    s.advance(1200);
    const r = s.view.replies.find((x) => x.id === id);
    if (!r) throw new Error(`"${id}" not on offer (${s.view.replies.map((x) => x.id).join(', ')})`);
    expect(s.choose(r.n)).toBe(true);
  }
  for (let g = 0; g < 100_000 && !s.ended; g++) s.advance(100);
  expect(s.ended).toBe(true);
}

/** Every way on from `ctx`, by brute force over step(): the lowest and highest overall at the end. */
function bruteForce(s: Scenario, ctx: SessionContext): { best: number; worst: number; endings: number } {
  let best = -Infinity;
  let worst = Infinity;
  let endings = 0;
  const walk = (c: SessionContext) => {
    if (c.phase === 'ended') {
      const o = scoreCall(s, c).overall;
      best = Math.max(best, o);
      worst = Math.min(worst, o);
      endings++;
      return;
    }
    const events: SessionEvent[] =
      c.phase === 'working' ? [{ type: 'TICK', ms: fastForwardMs(c) }] : [...c.order.map((_, i) => ({ type: 'CHOOSE', n: i + 1 }) as const), { type: 'HANG_UP' }];
    for (const e of events) {
      const next = step(s, c, e);
      if (next) walk(next);
    }
  };
  walk(ctx);
  return { best, worst, endings };
}

describe('try another reply', () => {
  it('restores an exam exactly as it stood before turn 2, in practice', () => {
    const original = playedByIds(call, SHRUG, { seed: 7, mode: 'exam' });
    const before = walkTranscript(call, original.transcript).before[1]!;
    const branch = tryAnotherReply(call, original.transcript, 2);
    // Same seed, node, mood, patience, facts, clock and turns so far; only the mode is practice.
    expect(branch.context).toEqual({ ...before, mode: 'practice' });
    expect(branch.options.seed).toBe(7);
    expect(branch.branched).toBe(true);
    expect(branch.view.replies.map((r) => r.id).sort()).toEqual(before.order.map((i) => call.nodes.get(before.node)!.replies[i]!.id).sort());
    branch.stop();
  });

  it('plays on to a new ending; the branch replays exactly and compares with the original from turn 2', () => {
    const original = playedByIds(call, SHRUG, { seed: 7, mode: 'exam' });
    const branch = tryAnotherReply(call, original.transcript, 2);
    playOn(branch, ['order-shipped.1', 'delay-known.1']);
    const t = branch.transcript();
    expect(isBranch(t)).toBe(true);
    expect(isBranch(original.transcript)).toBe(false);
    expect(branchTurn(call, t)).toBe(2);
    expect(branchTurn(call, original.transcript)).toBeNull();
    // The original's events up to the turn, then PRACTISE, then the new moves.
    const cut = t.events.findIndex((e) => e.type === 'PRACTISE');
    expect(t.events.slice(0, cut)).toEqual(original.transcript.events.slice(0, cut));
    const again = replay(call, t, { requireEnd: true });
    expect(again.score).toEqual(branch.score());
    again.session.stop();
    const c = compareRuns(call, original.transcript, t);
    expect(c.partsAt).toBe(1);
    expect(c.rows[1]!.a!.choice.reply).toBe('order-shipped.2');
    expect(c.rows[1]!.b!.choice.reply).toBe('order-shipped.1');
    expect(c.difference.overall).toBe(branch.score().overall - original.score.overall);
    expect(c.b.ending?.node).toBe('thanks');
    branch.stop();
  });

  it('restores a turn the exam timer took, just before the timer ran out', () => {
    const original = playedByIds(call, ['opening.1', 'timeout'], { seed: 3, mode: 'exam' });
    const walked = walkTranscript(call, original.transcript);
    const turn = original.score.ledger.find((e) => e.cause.kind === 'timeout')?.turn ?? 2;
    const branch = tryAnotherReply(call, original.transcript, turn);
    expect(branch.context).toEqual({ ...walked.before[turn - 1]!, mode: 'practice' });
    // In practice the timer no longer runs: a minute of silence takes no turn.
    branch.advance(60_000);
    expect(branch.context.history.length).toBe(turn - 1);
    branch.stop();
  });

  it('refuses a turn the call does not have', () => {
    const original = playedByIds(call, IDEAL, { seed: 7, mode: 'exam' });
    expect(() => tryAnotherReply(call, original.transcript, 9)).toThrow(RangeError);
  });

  // Runs that lose points early (so what was already lost counts), take an action, and end badly.
  const RUNS: Move[][] = [SHRUG, ['opening.3', 'blamed.1', 'order-shipped.1', 'delay-known.2'], ['opening.2', 'ring-warehouse', 'formal-trace', 'delay-known.1'], ['opening.3', 'blamed.3']];
  it.each(RUNS.map((m) => [m.join(' → '), m] as const))('gives, at every turn, the exact best and worst overall still reachable: %s (brute force agrees)', (_, moves) => {
    const original = playedByIds(call, moves, { seed: 7, mode: 'exam' });
    const points = branchPoints(call, original.transcript);
    const walked = walkTranscript(call, original.transcript);
    expect(points.map((p) => p.turn)).toEqual(walked.before.map((_, i) => i + 1));
    for (const [i, p] of points.entries()) {
      const oracle = bruteForce(call, { ...walked.before[i]!, mode: 'practice' });
      expect(oracle.endings).toBeGreaterThan(1);
      expect(p.reachable).toEqual({ best: oracle.best, worst: oracle.worst });
      // One turn at a time (as the debrief fills them in) gives the same.
      expect(branchPoint(call, original.transcript, p.turn)).toEqual(p);
    }
    expect(branchPoint(call, original.transcript, points.length + 1)).toBeNull();
  });
});
