// "Test from here": a shipped call started at a middle line with chosen facts, mood and patience
// plays by the same rules from there — the mood decides a branch, a known fact hides the reply
// that would find it — and is never the real call's version.
import { describe, expect, it } from 'vitest';
import { scenarioFrom, Session, startStateProblems, type Scenario } from '../../src/engine/index.js';
import { shippedCall } from '../support/shipped.js';

const call = shippedCall('update-warning.json');

function answered(s: Scenario): Session {
  const session = new Session(s, { seed: 7, mode: 'practice' });
  expect(session.view.phase).toBe('ringing');
  expect(session.answer()).toBe(true);
  return session;
}

const chooseId = (session: Session, id: string) => {
  const r = session.view.replies.find((x) => x.id === id);
  if (!r) throw new Error(`reply ${id} not on offer: ${session.view.replies.map((x) => x.id).join(', ')}`);
  return session.choose(r.n);
};

describe('a call started from a chosen line', () => {
  it('rings, then speaks that line with the chosen mood, patience and facts', () => {
    const session = answered(scenarioFrom(call, { node: 'cause-found', facts: ['order-found', 'internet-down'], mood: 55, patience: 40 }));
    const ctx = session.context;
    expect([ctx.phase, ctx.node, ctx.mood, ctx.patience, [...ctx.facts].sort()]).toEqual(['listening', 'cause-found', 55, 40, ['internet-down', 'order-found']]);
  });

  it('plays on by the call’s rules: the chosen patience decides where an action leads', () => {
    const play = (patience: number) => {
      const session = answered(scenarioFrom(call, { node: 'order-open', patience }));
      chooseId(session, 'check-licence');
      while (session.view.phase === 'working') session.advance(100);
      return session.context.node;
    };
    expect(play(80)).toBe('licence-ok');
    expect(play(12)).toBe('hangs-up-waiting');
  });

  it('a fact known from the start hides the reply that would only find it again', () => {
    const fresh = answered(scenarioFrom(call, { node: 'order-open' }));
    expect(fresh.view.replies.map((r) => r.id)).toContain('check-licence');
    const known = answered(scenarioFrom(call, { node: 'order-open', facts: ['licence-checked'] }));
    expect(known.view.replies.map((r) => r.id)).not.toContain('check-licence');
  });

  it('is its own version, and leaves the call as it was', () => {
    const from = scenarioFrom(call, { node: 'order-open', facts: ['order-found'] });
    expect(from.hash).not.toBe(call.hash);
    expect(call.start).toBe('opening');
    expect(call.nodes.get('order-open')!.enter).toBeNull();
    expect(answered(call).context.node).toBe('opening');
  });

  it('names what is wrong with a start it cannot take', () => {
    expect(startStateProblems(call, { node: 'order-open', facts: ['order-found'], mood: 30, patience: 70 })).toEqual([]);
    expect(startStateProblems(call, { node: 'nowhere' })).toEqual(['the call has no line "nowhere" to start from']);
    expect(startStateProblems(call, { node: 'thanks' })[0]).toContain('is an ending');
    expect(startStateProblems(call, { node: 'opening', facts: ['made-up'], mood: 101, patience: 0 })).toHaveLength(3);
    expect(() => scenarioFrom(call, { node: 'thanks' })).toThrow(RangeError);
  });
});
