// The think-time profile (src/engine/review/thinkTime.ts): each reply's time from the line to the
// choice, read off the transcript's ticks, against the reading rule. The repository's own
// simulator's perfect calls, sent at once, are implausible on every shipped call; the same calls
// played by a person who reads each line are not.
import { describe, expect, it } from 'vitest';
import { READING_WPM, REACTION_MS, readingMs, Session, thinkTimeProfile, wordsIn, type Scenario } from '../../src/engine/index.js';
import { parsePath, playPath } from '../../src/tools/simulate/playPath.js';
import { simulateCall } from '../../src/tools/simulate/simulateCall.js';
import { playCall } from '../server/playCall.js';
import { playedByIds } from '../server/playByIds.js';
import { shippedScenarios } from './support.js';

const originals = (): Scenario[] => shippedScenarios().filter((s) => !s.file.replace(/^.*\//, '').replace(/\.json$/, '').includes('.'));
const firstCall = () => shippedScenarios().find((s) => s.id === 'first-call' && s.locale === 'en')!;
const IDEAL = ['opening.1', 'order-shipped.1', 'delay-known.1'];

/** Plays reply ids on a live session, thinking `think[i]` ms before reply i. */
function paced(s: Scenario, ids: readonly string[], think: readonly number[]): Session {
  const session = new Session(s, { seed: 4, mode: 'exam' });
  session.advance(800);
  session.answer();
  ids.forEach((id, i) => {
    while (!(session.view.phase === 'listening' && session.view.replies.length > 0)) session.advance(100);
    session.advance(think[i]!);
    const reply = session.view.replies.find((r) => r.id === id);
    if (!reply || !session.choose(reply.n)) throw new Error(`${id} is not on offer`);
  });
  while (!session.ended) session.advance(100);
  return session;
}

describe('think time', () => {
  it('reads at most 600 words a minute, after a 500 ms reaction', () => {
    expect([READING_WPM, REACTION_MS]).toEqual([600, 500]);
    expect(wordsIn("Hi. I ordered a laptop bag last week and it still hasn't come. Where is it?")).toBe(16);
    expect(wordsIn('Вы — оператор? Ну-ну, посмотрим.')).toBe(4);
    expect(wordsIn('...')).toBe(0);
    expect(readingMs('Well?')).toBe(600);
    expect(readingMs("Hi. I ordered a laptop bag last week and it still hasn't come. Where is it?")).toBe(2100);
  });

  it("measures each reply from its line, against what reading the line needs", () => {
    const s = firstCall();
    const p = thinkTimeProfile(s, paced(s, IDEAL, [2500, 3000, 700]).transcript());
    expect(p.turns.map((t) => [t.node, t.thinkMs, t.readMs, t.tooFast])).toEqual([
      ['opening', 2500, 2100, false],
      ['order-shipped', 3000, 1200, false],
      ['delay-known', 700, 600, false],
    ]);
    expect([p.medianMs, p.fastestMs, p.tooFast, p.implausible]).toEqual([2500, 700, 0, false]);
  });

  it('times the line after an action from when the action has run', () => {
    const s = firstCall();
    expect(s.nodes.get('order-shipped')!.replies.find((r) => r.id === 'formal-trace')!.takesMs).toBeGreaterThan(0);
    const p = thinkTimeProfile(s, paced(s, ['opening.1', 'formal-trace', 'delay-known.1'], [2500, 3000, 900]).transcript());
    expect(p.turns.map((t) => t.node)).toEqual(['opening', 'order-shipped', 'delay-known']);
    // Within a tick: the action ends on the tick that runs past its time.
    expect(p.turns[2]!.thinkMs).toBeGreaterThanOrEqual(900);
    expect(p.turns[2]!.thinkMs).toBeLessThan(1000);
  });

  it('is implausible when at least half of the replies come faster than reading', () => {
    const s = firstCall();
    const one = thinkTimeProfile(s, paced(s, IDEAL, [0, 3000, 700]).transcript());
    expect([one.tooFast, one.implausible]).toEqual([1, false]);
    const two = thinkTimeProfile(s, paced(s, IDEAL, [0, 300, 700]).transcript());
    expect([two.tooFast, two.implausible]).toEqual([2, true]);
  });

  it('leaves a reply timer running out out of the profile: it is no reply', () => {
    const s = firstCall();
    const { transcript } = playedByIds(s, ['opening.1', 'timeout', 'order-shipped.1', 'delay-known.1'], { seed: 4 });
    const p = thinkTimeProfile(s, transcript);
    expect(p.turns.map((t) => t.node)).toEqual(['opening', 'order-shipped', 'delay-known']);
    expect(p.implausible).toBe(false);
  });

  it.each(originals().map((s) => [s.id, s] as const))("flags the simulator's perfect call sent at once on %s, not a person's", (_id, s) => {
    const ideal = simulateCall(s).idealPath!;
    const bot = playPath(s, parsePath(ideal.path), { seed: 9 });
    expect(bot.ended).toBe(true);
    const p = thinkTimeProfile(s, bot.transcript);
    expect(p.turns.length).toBeGreaterThanOrEqual(3);
    expect([p.tooFast, p.fastestMs, p.implausible]).toEqual([p.turns.length, 0, true]);
    // A person reading each line before replying (the server tests' players).
    const person = playCall(s, { seed: 9 });
    expect(thinkTimeProfile(s, person.transcript()).tooFast).toBe(0);
    person.stop();
  });
});
