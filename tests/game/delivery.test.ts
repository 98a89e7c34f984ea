// The game tells an exam when each line has been delivered (issue 16, fair exam time): SPEAKING as
// the line arrives, DELIVERED once its caption is whole and its voice has finished — the real
// CallController, engine and DeliveryPresenter; the caption and the voice are stand-ins.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/index.js';
import { CallController } from '../../src/game/call/CallController.js';
import { DeliveryPresenter } from '../../src/game/call/DeliveryPresenter.js';
import { shippedCall } from '../support/shipped.js';

const call = shippedCall('first-call.json');
const tick = () => new Promise((r) => setTimeout(r, 0));

function rig(mode: 'exam' | 'practice') {
  const session = new Session(call, { seed: 7, mode });
  const c = new CallController(session);
  let captionDone = false;
  const delivery = new DeliveryPresenter(c, () => captionDone);
  c.add(delivery);
  c.start();
  return { session, c, delivery, caption: (done: boolean) => (captionDone = done) };
}

const types = (s: Session) => s.transcript().events.map((e) => e.type).filter((t) => t === 'SPEAKING' || t === 'DELIVERED');

describe('the delivery of a line', () => {
  it('in an exam: speaking as the line arrives, delivered when the caption is whole and the voice done — patience waits till then', async () => {
    const { session, c, delivery, caption } = rig('exam');
    c.frame(800);
    c.answer();
    let endVoice = () => {};
    delivery.voice(new Promise<void>((r) => (endVoice = r)));
    await tick();
    expect(types(session)).toEqual(['SPEAKING']);
    const patience = session.context.patience;
    c.frame(1000);
    caption(true);
    c.frame(1000);
    // The caption is whole but the voice still plays: not yet delivered, nothing drained.
    expect(types(session)).toEqual(['SPEAKING']);
    expect(session.context.patience).toBe(patience);
    endVoice();
    await tick();
    c.frame(16);
    expect(types(session)).toEqual(['SPEAKING', 'DELIVERED']);
    for (let i = 0; i < 50; i++) c.frame(100);
    expect(session.context.patience).toBeLessThan(patience);
    c.destroy();
  });

  it('in practice the call takes no delivery events (nothing is timed)', async () => {
    const { session, c, caption } = rig('practice');
    c.frame(800);
    c.answer();
    caption(true);
    await tick();
    c.frame(16);
    expect(types(session)).toEqual([]);
    c.destroy();
  });
});
