// The analyses walk the call through rules/moves.ts with no time between choices; the game
// runs the compiled machine with 100 ms ticks. On random walks through every shipped scenario,
// both must land in the same place with the same history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Session, afterMove, answeredContext, movesAt, type SessionContext } from '../../src/engine/index.js';
import { loadFixture, playMove, shippedScenarios } from './support.js';

// What both agree on; time fields differ by design (ticks round up to 100 ms).
const essence = (c: SessionContext) => ({
  phase: c.phase,
  node: c.node,
  mood: c.mood,
  patience: c.patience,
  facts: c.facts,
  order: c.order,
  ending: c.ending,
  history: c.history.map(({ atMs: _atMs, ...rest }) => rest),
});

describe('moves agree with the live machine', () => {
  for (const scenario of [loadFixture('mechanics.json'), loadFixture('memory.json'), ...shippedScenarios()]) {
    it(`${scenario.id} (${scenario.locale})`, () => {
      fc.assert(
        fc.property(fc.array(fc.nat(), { maxLength: 30 }), fc.nat(1000), (picks, seed) => {
          const session = new Session(scenario, { seed, mode: 'exam' });
          session.answer();
          let ctx = answeredContext(scenario, seed);
          for (const pick of picks) {
            if (ctx.phase !== 'listening') break;
            const moves = movesAt(scenario, ctx);
            const move = moves[pick % moves.length]!;
            ctx = afterMove(scenario, ctx, move);
            playMove(session, move);
            expect(essence(session.context)).toEqual(essence(ctx));
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});
