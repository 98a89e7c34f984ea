// `?timeScale=` speeds an answered call up, but the ring keeps real time: sped up, a few slow
// frames on a busy machine would let the phone ring out before a test (or a slow phone) could
// answer. The real CallController and engine.
import { describe, expect, it } from 'vitest';
import { RING_MS, Session } from '../../src/engine/index.js';
import { CallController } from '../../src/game/call/CallController.js';
import { shippedCall } from '../support/shipped.js';

const call = shippedCall('first-call.json');

describe('timeScale', () => {
  it('leaves the ring at real time: 29 s of one-second frames at ×8 still ring', () => {
    const c = new CallController(new Session(call, { seed: 7, mode: 'exam' }), 8);
    for (let i = 0; i < 29; i++) c.frame(1000);
    expect(c.view.phase).toBe('ringing');
    expect(c.view.ringLeftMs).toBe(RING_MS - 29_000);
    for (let i = 0; i < 2; i++) c.frame(1000);
    expect(c.view.phase).toBe('ended');
  });

  it('speeds the call up once answered: a frame gives the customer eight times its length', () => {
    const c = new CallController(new Session(call, { seed: 7, mode: 'exam' }), 8);
    c.frame(500);
    expect(c.answer()).toBe(true);
    const before = c.session.context.elapsedMs;
    c.frame(100);
    expect(c.session.context.elapsedMs - before).toBe(800);
  });
});
