// Fair exam time (issue 16): an exam's reply timer and the customer's patience run from when the
// line has been delivered (SPEAKING as it arrives, DELIVERED when the caption and voice are done),
// the same in every language; a line never reported delivered counts as delivered after its
// cap; a call that says neither is timed from the line's start, as before. Real calls, pinned seeds.
import { describe, expect, it } from 'vitest';
import { replay, Session, type Scenario } from '../../src/engine/index.js';
import { deliveryCapMs } from '../../src/engine/rules/delivery.js';
import { shippedCall } from '../support/shipped.js';

const en = shippedCall('first-call.json');
const pl = shippedCall('first-call.pl.json');

/** An exam answered after a short ring, at its first line. */
function answered(s: Scenario, mode: 'exam' | 'practice' = 'exam'): Session {
  const session = new Session(s, { seed: 7, mode });
  session.advance(800);
  session.answer();
  return session;
}

const timeoutMs = (s: Scenario) => s.nodes.get(s.start)!.timeout!.afterMs;

describe('fair exam time', () => {
  it('runs the timer and patience from delivery: the same in English and Polish, however long each took to deliver', () => {
    const after = new Map<string, ReturnType<Session['score']> & { patience: number; elapsed: number }>();
    for (const [s, deliverMs] of [[en, 4200], [pl, 6900]] as const) {
      const session = answered(s);
      const patience = session.context.patience;
      expect(session.speaking()).toBe(true);
      session.advance(deliverMs);
      // Nothing drains and no timer runs while the line is delivered.
      expect(session.context.patience).toBe(patience);
      expect(session.context.waitMs).toBe(0);
      expect(session.deliver()).toBe(true);
      session.advance(5000);
      after.set(s.locale, { ...session.score(), patience: session.context.patience, elapsed: session.context.elapsedMs });
      session.stop();
    }
    expect(after.get('en')!.patience).toBe(after.get('pl')!.patience);
    expect(after.get('en')!.patience).toBeLessThan(en.customer.patience);
    // Only the call's clock shows the longer delivery.
    expect(after.get('pl')!.elapsed - after.get('en')!.elapsed).toBe(2700);
  });

  it('lets the exam timer run out exactly its time after delivery', () => {
    const session = answered(en);
    session.speaking();
    session.advance(3000);
    session.deliver();
    session.advance(timeoutMs(en) - 100);
    expect(session.context.history).toHaveLength(0);
    session.advance(100);
    expect(session.context.history.map((t) => t.choice.kind)).toEqual(['timeout']);
  });

  it('counts a line never reported delivered as delivered after its cap', () => {
    const session = answered(en);
    session.speaking();
    const cap = session.context.speakingMs!;
    expect(cap).toBe(deliveryCapMs(en.nodes.get(en.start)!.say));
    session.advance(cap + timeoutMs(en) - 100);
    expect(session.context.history).toHaveLength(0);
    session.advance(100);
    expect(session.context.history.map((t) => t.choice.kind)).toEqual(['timeout']);
  });

  it('without SPEAKING times the line from its start, as before; SPEAKING only once, as the line arrives, in an exam', () => {
    const plain = answered(en);
    plain.advance(timeoutMs(en));
    expect(plain.context.history.map((t) => t.choice.kind)).toEqual(['timeout']);
    const late = answered(en);
    late.advance(100);
    expect(late.speaking()).toBe(false);
    const twice = answered(en);
    expect(twice.speaking()).toBe(true);
    expect(twice.deliver()).toBe(true);
    expect(twice.speaking()).toBe(false);
    expect(twice.deliver()).toBe(false);
    expect(answered(en, 'practice').speaking()).toBe(false);
    const ringing = new Session(en, { seed: 7, mode: 'exam' });
    expect(ringing.speaking()).toBe(false);
  });

  it('replays a delivered call exactly, timeouts and silence lines included', () => {
    const session = answered(en);
    session.speaking();
    session.advance(2500);
    session.deliver();
    session.advance(timeoutMs(en)); // the timer runs out: the customer says a silence line
    expect(session.speaking()).toBe(true);
    session.advance(1900);
    session.deliver();
    const reply = session.view.replies.find((r) => r.id === 'opening.1')!;
    session.advance(1200);
    session.choose(reply.n);
    session.hangUp();
    const t = session.transcript();
    expect(t.events.filter((e) => e.type === 'SPEAKING')).toHaveLength(2);
    const again = replay(en, t, { requireEnd: true });
    expect(again.session.context).toEqual(session.context);
    expect(again.score).toEqual(session.score());
  });
});
