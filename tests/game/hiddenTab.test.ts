// An exam goes on while its tab is hidden (issue 16, fair exam time): the time away is given to
// the call on return — exactly what frames would have sent — and the trainee is told; practice
// waits. The real CallController and engine; the page's visibility and clock are stand-ins.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../src/engine/index.js';
import { CallController } from '../../src/game/call/CallController.js';
import { keepExamClock } from '../../src/game/call/hiddenTab.js';
import { shippedCall } from '../support/shipped.js';

const call = shippedCall('first-call.json');
const t = ((key: string, o: { count: number }) => `${key}:${o.count}`) as never;

class FakeDocument extends EventTarget {
  hidden = false;
  set(hidden: boolean) {
    this.hidden = hidden;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

function listening(mode: 'exam' | 'practice') {
  const s = new Session(call, { seed: 7, mode });
  s.advance(800);
  s.answer();
  const c = new CallController(s);
  const note = { textContent: '', hidden: true } as unknown as HTMLElement;
  return { s, c, note };
}

afterEach(() => vi.restoreAllMocks());

describe('a hidden tab', () => {
  it('in an exam: the customer kept waiting — the call gets the time away, as frames would have sent it', () => {
    const { s, c, note } = listening('exam');
    const doc = new FakeDocument();
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const stop = keepExamClock(c, note, t, doc as unknown as Document);
    // The same call waited in frames, for comparison.
    const waited = listening('exam').s;
    waited.advance(0);
    const before = s.context;
    doc.set(true);
    now += 12_345;
    doc.set(false);
    for (let i = 0; i < 123; i++) waited.advance(100);
    expect(s.context.elapsedMs - before.elapsedMs).toBe(12_300);
    expect(s.context.patience).toBeLessThan(before.patience);
    expect(s.context).toEqual(waited.context);
    expect(s.transcript().events).toEqual(waited.transcript().events);
    expect([note.textContent, note.hidden]).toEqual(['call.awayExam:12', false]);
    stop();
  });

  it('gives only the time the frames missed: a loop that kept running while hidden is not counted twice', () => {
    const { s, c, note } = listening('exam');
    const doc = new FakeDocument();
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const stop = keepExamClock(c, note, t, doc as unknown as Document);
    const before = s.context.elapsedMs;
    doc.set(true);
    // 10 s away, 6 s of which the game's frames still ran.
    for (let i = 0; i < 60; i++) c.frame(100);
    now += 10_000;
    doc.set(false);
    expect(s.context.elapsedMs - before).toBe(10_000);
    expect([note.textContent, note.hidden]).toEqual(['call.awayExam:10', false]);
    stop();
  });

  it('in practice: nothing runs on while hidden, and nothing is said', () => {
    const { s, c, note } = listening('practice');
    const doc = new FakeDocument();
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const stop = keepExamClock(c, note, t, doc as unknown as Document);
    const before = s.context;
    doc.set(true);
    now += 60_000;
    doc.set(false);
    expect(s.context).toEqual(before);
    expect(note.hidden).toBe(true);
    stop();
  });

  it('says so when the call ended while the tab was hidden (the customer gave up)', () => {
    const { s, c, note } = listening('exam');
    const doc = new FakeDocument();
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const stop = keepExamClock(c, note, t, doc as unknown as Document);
    doc.set(true);
    now += 30 * 60_000;
    doc.set(false);
    expect(s.ended).toBe(true);
    expect(note.textContent).toMatch(/^call\.awayEnded:\d+$/);
    stop();
  });
});
