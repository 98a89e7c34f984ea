// Model-based tests with xstate/graph: traverse each compiled dialogue machine, reach every
// ending the scenario declares, and play each path on a live Session twice — with each wait as
// one event, and in the game's 100 ms ticks — expecting that ending and equal scores.
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { Session, compileScenario, type Scenario, type SessionContext, type SessionEvent } from '../../src/engine/index.js';
import { loadFile, loadFixture, shippedScenarios, SCENARIO_DIR } from './support.js';

function eventsFor(s: Scenario) {
  return (snapshot: { context: SessionContext }): SessionEvent[] => {
    const ctx = snapshot.context;
    switch (ctx.phase) {
      case 'ringing':
        return [{ type: 'ANSWER' }];
      case 'listening': {
        const node = s.nodes.get(ctx.node)!;
        const events: SessionEvent[] = ctx.order.map((_, i) => ({ type: 'CHOOSE', n: i + 1 }));
        if (node.timeout) events.push({ type: 'TICK', ms: node.timeout.afterMs - ctx.waitMs });
        events.push({ type: 'HANG_UP' });
        return events;
      }
      case 'working':
        return [{ type: 'TICK', ms: ctx.work!.totalMs - ctx.waitMs }];
      case 'ended':
        return [];
    }
  };
}

const serialize = (snapshot: { context: SessionContext }) => {
  const c = snapshot.context;
  return `${c.phase}|${c.node}|${c.facts.join(',')}|${c.mood}|${c.patience}|${c.work?.reply ?? ''}`;
};

/** Plays a path's events on a Session, waits as they are or split into the game's 100 ms ticks. */
function playOnSession(s: Scenario, events: SessionEvent[], split: boolean): Session {
  const session = new Session(s, { seed: 1, mode: 'exam' });
  for (const e of events) {
    if (e.type === 'TICK' && split) {
      for (let left = e.ms; left > 0 && !session.ended; left -= 100) session.send({ type: 'TICK', ms: Math.min(100, left) });
    } else expect(session.send(e)).toBe(true);
  }
  return session;
}

function check(s: Scenario) {
  const paths = getShortestPaths(compileScenario(s), {
    input: { seed: 1, mode: 'exam' },
    events: eventsFor(s) as never,
    serializeState: serialize as never,
    limit: 200_000,
  });
  const endings = new Map<string, (typeof paths)[number]>();
  for (const p of paths) {
    const ctx = p.state.context as SessionContext;
    if (ctx.ending && !endings.has(ctx.ending.node)) endings.set(ctx.ending.node, p);
  }
  const declared = [...s.nodes.values()].filter((n) => n.end && !(n.builtIn && n.id === '$hung-up' && s.hangUpNode !== '$hung-up'));
  expect([...endings.keys()].sort()).toEqual(declared.map((n) => n.id).sort());
  for (const [node, path] of endings) {
    // The first step is xstate's own start event.
    const events = path.steps.map((step) => step.event as SessionEvent).filter((e) => (e.type as string) !== 'xstate.init');
    const whole = playOnSession(s, events, false);
    const ticked = playOnSession(s, events, true);
    expect(whole.context.ending?.node, `path to ${node}`).toBe(node);
    expect(ticked.context.ending?.node, `path to ${node} in 100 ms ticks`).toBe(node);
    // The scores agree. Only the clock may differ: in ticks, a customer whose patience runs out
    // hangs up in the middle of a wait instead of at its end.
    const { elapsedMs: tickedMs, ...tickedScore } = ticked.score();
    const { elapsedMs: wholeMs, ...wholeScore } = whole.score();
    expect(tickedScore).toEqual(wholeScore);
    expect(tickedMs).toBeLessThanOrEqual(wholeMs);
  }
  return endings.size;
}

describe('model-based: every ending is reachable, and the live session agrees', () => {
  it('mechanics fixture', () => {
    expect(check(loadFixture('mechanics.json'))).toBe(5);
  });
  it('first-call', () => {
    expect(check(loadFile(`${SCENARIO_DIR}/first-call.json`))).toBe(6);
  });
  for (const s of shippedScenarios().filter((x) => x.id !== 'first-call')) {
    it(`${s.id} (${s.locale})`, () => {
      expect(check(s)).toBeGreaterThanOrEqual(3);
    });
  }
});
