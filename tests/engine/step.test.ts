// The compiled machine is a thin shell around rules/step.ts: on random event streams through
// every shipped scenario and the mechanics fixture — replies by any number, ticks of every size,
// answering and hanging up at any moment, in both modes — the live Session and `step` accept the
// same events, reach the same context, and the machine sits in the state `machineStateOf` names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Session, step, machineStateOf, type SessionEvent } from '../../src/engine/index.js';
import { loadFixture, shippedScenarios } from './support.js';

const event = fc.oneof(
  { weight: 1, arbitrary: fc.constant<SessionEvent>({ type: 'ANSWER' }) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 6 }).map((n): SessionEvent => ({ type: 'CHOOSE', n })) },
  {
    weight: 6,
    arbitrary: fc.oneof(fc.constantFrom(1, 100, 1000, 5000, 20_000, 60_000), fc.integer({ min: 1, max: 60_000 })).map((ms): SessionEvent => ({ type: 'TICK', ms })),
  },
  { weight: 1, arbitrary: fc.constant<SessionEvent>({ type: 'HANG_UP' }) },
);

describe('the machine takes every event exactly as step does', () => {
  for (const scenario of [loadFixture('mechanics.json'), loadFixture('memory.json'), ...shippedScenarios()]) {
    it(`${scenario.id} (${scenario.locale})`, () => {
      fc.assert(
        fc.property(fc.array(event, { maxLength: 60 }), fc.nat(), fc.constantFrom('exam' as const, 'practice' as const), (events, seed, mode) => {
          const session = new Session(scenario, { seed, mode });
          let ctx = session.context;
          for (const e of [{ type: 'ANSWER' } as SessionEvent, ...events]) {
            const next = step(scenario, ctx, e);
            expect(session.send(e)).toBe(next !== null);
            if (next) ctx = next;
            expect(session.context).toEqual(ctx);
            if (!session.ended) expect(session.actorRef.getSnapshot().value).toBe(machineStateOf(ctx));
          }
          session.stop();
        }),
        { numRuns: 150, seed: 20261201 },
      );
    });
  }
});
