// The debrief renders the engine's review and computes nothing of its own (src/game/debrief takes
// a CallReview): every point lost appears once, on its turn or at the end. The call's result is a
// frozen value; no session travels on to the debrief. (The browser tests check what is drawn.)
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, Session, callResult, replay } from '../../src/engine/index.js';
import { play, scenario, scenarioFiles } from './support/scenarios.js';

const files = Object.keys(scenarioFiles());

describe('the call result', () => {
  it.each(files)('%s: is the engine’s replay, frozen, and its points add up to the scores', (file) => {
    const s = scenario(file);
    for (const seed of [1, 2, 3]) {
      const session = play(s, { seed, mode: 'exam', pick: (turn, count) => 1 + ((turn * seed) % count) });
      const result = callResult(s, session.transcript());
      expect(Object.isFrozen(result) && Object.isFrozen(result.review.turns) && Object.isFrozen(result.score.ledger)).toBe(true);
      expect(result.score).toEqual({ ...replay(s, session.transcript()).score, matchedIdeal: result.score.matchedIdeal });
      expect(result.score).toEqual(result.review.score);
      expect(result.review.turns.map((x) => x.turn)).toEqual(session.context.history.map((x) => x.turn));
      for (const d of DIMENSIONS) {
        const lost = [...result.review.turns.flatMap((x) => x.ledger), ...result.review.closing].filter((e) => e.dimension === d).reduce((a, e) => a + e.points, 0);
        expect(result.score[d]).toBe(Math.max(0, Math.min(100, 100 + lost)));
      }
      session.stop();
    }
  });
});

describe('the review the debrief shows', () => {
  it('names each turn, what it cost, and the engine’s better reply', () => {
    const s = scenario();
    const session = new Session(s, { seed: 5, mode: 'practice' });
    session.answer();
    const spam = session.view.replies.find((r) => r.say.includes('spam'))!;
    session.choose(spam.n);
    session.hangUp();
    const { review } = callResult(s, session.transcript());
    const [first, second] = review.turns;
    const reply = s.nodes.get('opening')!.replies.find((r) => r.say === spam.say)!;
    expect(first!.choice).toEqual({ kind: 'reply', reply: reply.id, say: spam.say, action: false });
    expect(first!.ledger.map((e) => [e.dimension, e.points])).toEqual([['politeness', reply.polite]]);
    expect(second!.choice.kind).toBe('hang-up');
    expect(review.score.outcome).toBe('abandoned');

    // The better reply is the review's: the cheapest way on from where the trainee stood.
    const better = first!.better!;
    expect(better.reply).toBe(s.nodes.get('opening')!.replies.find((r) => r.takesMs > 0)!.id);
    expect(better.overall).toBeGreaterThan(better.yours ?? 0);
    expect(review.missed.map((f) => f.id)).toEqual(['order-found', 'courier-delay']);
    session.stop();
  });
});
