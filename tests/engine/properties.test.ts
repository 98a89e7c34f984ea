// Properties of every shipped scenario under random play: the call always ends, scores stay in
// 0–100, and replaying the transcript reproduces the live call exactly — fast-forwarded or tick
// by tick.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, Session, replay, type Scenario } from '../../src/engine/index.js';
import { loadFixture, shippedScenarios } from './support.js';

const step = fc.record({
  thinkMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60_000 })),
  pick: fc.nat(),
  hangUp: fc.integer({ min: 0, max: 99 }).map((n) => n === 0),
});

function playRandomly(s: Scenario, seed: number, mode: 'exam' | 'practice', steps: { thinkMs: number; pick: number; hangUp: boolean }[]): Session {
  const session = new Session(s, { seed, mode });
  session.advance(steps[0]?.thinkMs ?? 0);
  session.answer();
  for (let i = 0; i < 400 && !session.ended; i++) {
    const { thinkMs, pick, hangUp } = steps[i % steps.length]!;
    // Frames of about 16 ms, as a browser sends them.
    for (let t = 0; t < thinkMs && session.view.phase === 'listening'; t += 16) session.advance(16);
    if (session.ended) break;
    if (session.view.phase === 'working') {
      while (session.view.phase === 'working') session.advance(100);
      continue;
    }
    if (hangUp) session.hangUp();
    else {
      const replies = session.view.replies;
      // A node whose replies are all hidden would leave the player stuck: a scenario bug.
      expect(replies.length, `no reply on offer at "${session.view.line?.id}"`).toBeGreaterThan(0);
      expect(session.choose(replies[pick % replies.length]!.n)).toBe(true);
    }
  }
  return session;
}

describe('random play', () => {
  for (const s of [loadFixture('mechanics.json'), loadFixture('memory.json'), ...shippedScenarios()]) {
    it(`${s.id} (${s.locale}): ends, scores in range, replay equals live`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom('exam', 'practice'), fc.array(step, { minLength: 1, maxLength: 40 }), (seed, mode, steps) => {
          const live = playRandomly(s, seed, mode as 'exam' | 'practice', steps);
          expect(live.ended).toBe(true);
          const score = live.score();
          for (const d of [...DIMENSIONS, 'overall'] as const) {
            expect(score[d]).toBeGreaterThanOrEqual(0);
            expect(score[d]).toBeLessThanOrEqual(100);
            expect(Number.isInteger(score[d])).toBe(true);
          }
          const transcript = live.transcript();
          const again = replay(s, JSON.parse(JSON.stringify(transcript)), { requireEnd: true });
          expect(again.score).toEqual(score);
          expect(again.session.context).toEqual(live.context);
          // Fast-forwarding quiet ticks must change nothing: send every tick on its own too.
          const slow = new Session(s, { seed, mode: mode as 'exam' | 'practice' });
          for (const e of transcript.events) {
            if (e.type !== 'TICK') expect(slow.send(e)).toBe(true);
            else for (let k = 0; k < (e.repeat ?? 1); k++) expect(slow.send({ type: 'TICK', ms: e.ms })).toBe(true);
          }
          expect(slow.context).toEqual(live.context);
          expect(slow.transcript()).toEqual(transcript);
        }),
        { numRuns: 25 },
      );
    });
  }
});
