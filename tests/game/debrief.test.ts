// The debrief shows the engine's numbers and nothing of its own: every point lost appears once,
// on its turn or at the end; the better replies are the engine's; facts found and missed match.
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, Session } from '../../src/engine/index.js';
import { debriefOf, type TurnReview } from '../../src/game/debrief/debriefModel.js';
import { play, scenario, scenarioFiles } from './support/scenarios.js';

const files = Object.keys(scenarioFiles());

describe('debrief model', () => {
  it.each(files)('%s: scores, lost points, better replies and facts are the engine’s', (file) => {
    const s = scenario(file);
    for (const seed of [1, 2, 3]) {
      const session = play(s, { seed, mode: 'exam', pick: (turn, count) => 1 + ((turn * seed) % count) });
      const m = debriefOf(session);
      const score = session.score();
      expect(m.score).toEqual(score);
      expect(m.turns.map((t) => t.turn)).toEqual(session.context.history.map((t) => t.turn));
      for (const d of DIMENSIONS) {
        const lost = m.turns.flatMap((t) => t.lost).filter((l) => l.dimension === d).reduce((a, l) => a + l.points, 0) +
          m.closing.filter((e) => e.dimension === d).reduce((a, e) => a + e.points, 0);
        expect(score[d]).toBe(Math.max(0, Math.min(100, 100 + lost)));
      }
      const better = session.betterReplies();
      expect(m.turns.filter((t) => t.better).map((t) => t.better)).toEqual(better);
      expect(m.found.map((f) => f.id)).toEqual(score.factsFound);
      expect(m.missed.map((f) => f.id)).toEqual(score.factsMissed);
      expect(m.outcome).toBe(score.outcome);
      session.stop();
    }
  });

  it('names what each turn said and cost, and the better reply the trainee missed', () => {
    const s = scenario();
    const session = new Session(s, { seed: 5, mode: 'practice' });
    session.answer();
    const spam = session.view.replies.find((r) => r.say.includes('spam'))!;
    session.choose(spam.n);
    session.hangUp();
    const m = debriefOf(session);
    expect(m.turns).toHaveLength(2);
    const [first, second] = m.turns as [TurnReview, TurnReview];
    expect(first.line).toBe(s.nodes.get('opening')!.say);
    expect(first.choice).toEqual({ kind: 'reply', say: spam.say, action: false });
    // The numbers are the scenario's own (a trainer may tune them).
    const reply = s.nodes.get('opening')!.replies.find((r) => r.say === spam.say)!;
    expect(reply.polite).toBeLessThan(0);
    expect(first.lost).toEqual([{ dimension: 'politeness', points: reply.polite }]);
    expect(first.moodDelta).toBe(reply.mood);
    expect(first.feedback).toBe(reply.feedback);
    expect(first.better?.say).toBe(s.nodes.get('opening')!.replies.find((r) => r.takesMs > 0)!.say);
    expect(second.choice.kind).toBe('hang-up');
    expect(m.outcome).toBe('abandoned');
    expect(m.ideal).toBe(false);
    expect(m.missed.map((f) => f.id)).toEqual(['order-found', 'courier-delay']);
    session.stop();
  });
});
