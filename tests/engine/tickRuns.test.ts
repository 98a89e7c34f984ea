// The bound on time in a transcript (session/tickRuns.ts): thousands of short ticks in a row are
// refused before anything is replayed, while every transcript the game records — frames of any
// length, exams whose timer runs out, practice with the wait skipped — stays well inside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TICK_RUNS_IN_A_ROW, Session, TranscriptError, replay, type Scenario, type Transcript, type TranscriptEvent } from '../../src/engine/index.js';
import { loadFixture, shippedScenarios } from './support.js';

const mechanics = loadFixture('mechanics.json');

/** The most TICK events a transcript has in a row. */
function longestTickStretch(events: readonly TranscriptEvent[]): number {
  let most = 0;
  let now = 0;
  for (const e of events) {
    now = e.type === 'TICK' ? now + 1 : 0;
    most = Math.max(most, now);
  }
  return most;
}

function refusal(s: Scenario, t: unknown): TranscriptError {
  try {
    replay(s, t, { requireEnd: true });
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error('the transcript was accepted');
}

/** A finished call of `s`, played in 100 ms ticks with the first reply on offer in file order. */
function played(s: Scenario, seed = 5, mode: 'exam' | 'practice' = 'exam'): Transcript {
  const session = new Session(s, { seed, mode });
  session.advance(700);
  session.answer();
  for (let guard = 0; guard < 1000 && !session.ended; guard++) {
    if (session.view.phase !== 'listening') session.advance(100);
    else {
      session.advance(1500);
      if (session.ended || session.view.phase !== 'listening') continue;
      const node = s.nodes.get(session.context.node)!;
      const first = node.replies.find((r) => session.view.replies.some((v) => v.id === r.id))!;
      session.choose(session.view.replies.find((v) => v.id === first.id)!.n);
    }
  }
  const t = session.transcript();
  session.stop();
  return t;
}

describe('the bound on ticks in a row', () => {
  it('refuses 9,000 alternating 1 ms and 2 ms ticks before replaying any of them, naming where', () => {
    const real = played(mechanics);
    const ticks: TranscriptEvent[] = Array.from({ length: 9000 }, (_, i) => ({ type: 'TICK', ms: 1 + (i % 2) }));
    const forged = { ...real, events: [...ticks, ...real.events] };
    const started = performance.now();
    const e = refusal(mechanics, forged);
    const took = performance.now() - started;
    expect(e.code).toBe('too-many-ticks');
    expect(e.index).toBe(MAX_TICK_RUNS_IN_A_ROW);
    expect(e.message).toContain(`events 1–${MAX_TICK_RUNS_IN_A_ROW + 1} are ${MAX_TICK_RUNS_IN_A_ROW + 1} TICK events in a row`);
    // Replaying them took 120–380 ms; the refusal is the schema's check and one pass over the events.
    expect(took).toBeLessThan(100);
  });

  it('accepts as many short ticks in a row as the bound allows, and refuses one more', () => {
    const real = played(mechanics);
    const answer = real.events.findIndex((e) => e.type === 'ANSWER');
    const short = (n: number): TranscriptEvent[] => Array.from({ length: n }, (_, i) => ({ type: 'TICK', ms: 1 + (i % 2) }));
    const at = (n: number) => ({ ...real, events: [...real.events.slice(0, answer), ...short(n), ...real.events.slice(answer)] });
    // The run before ANSWER is one event already: the bound counts it with the short ones.
    const before = longestTickStretch(real.events.slice(0, answer));
    expect(replay(mechanics, at(MAX_TICK_RUNS_IN_A_ROW - before), { requireEnd: true }).session.ended).toBe(true);
    const e = refusal(mechanics, at(MAX_TICK_RUNS_IN_A_ROW - before + 1));
    expect([e.code, e.index]).toEqual(['too-many-ticks', answer + MAX_TICK_RUNS_IN_A_ROW - before]);
  });

  it('counts a long run of equal ticks as one event, replayed in a few steps however long', () => {
    const real = played(mechanics, 5, 'practice');
    const answer = real.events.findIndex((e) => e.type === 'ANSWER');
    // A million 1 ms ticks in a row (practice has no timer): one event, a handful of steps.
    const events: TranscriptEvent[] = [...real.events.slice(0, answer + 1), { type: 'TICK', ms: 1, repeat: 1_000_000 }, ...real.events.slice(answer + 1)];
    const started = performance.now();
    expect(replay(mechanics, { ...real, events }, { requireEnd: true }).session.ended).toBe(true);
    expect(performance.now() - started).toBeLessThan(100);
  });

  const frame = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 41, max: 5000 }));
  const play = fc.record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    mode: fc.constantFrom<'exam' | 'practice'>('exam', 'practice'),
    turns: fc.array(fc.record({ thinkMs: fc.integer({ min: 0, max: 90_000 }), frames: fc.array(frame, { minLength: 1, maxLength: 6 }), pick: fc.nat(), skip: fc.boolean() }), { minLength: 1, maxLength: 30 }),
  });

  for (const s of shippedScenarios().filter((c) => c.locale === 'en')) {
    it(`${s.id}: every transcript the game records keeps within it and replays to the same scores`, () => {
      fc.assert(
        fc.property(play, ({ seed, mode, turns }) => {
          const session = new Session(s, { seed, mode });
          // The game's frames, each capped at a second as CallController does (a hidden tab sends one huge frame).
          const wait = (ms: number, frames: number[]) => {
            for (let t = 0, i = 0; t < ms && !session.ended; i++) {
              const d = Math.min(frames[i % frames.length]!, 1000);
              session.advance(d);
              t += d;
            }
          };
          wait(turns[0]!.thinkMs % 30_000, turns[0]!.frames);
          session.answer();
          for (let i = 0; i < 200 && !session.ended; i++) {
            const { thinkMs, frames, pick, skip } = turns[i % turns.length]!;
            if (session.view.phase === 'working') {
              // Practice may skip the wait; an exam waits it out.
              if (!(skip && session.fastForward())) wait(500, frames);
              continue;
            }
            if (session.view.phase !== 'listening') {
              wait(100, frames);
              continue;
            }
            // An exam's timer may run out while the trainee thinks: the call moves on by itself.
            wait(thinkMs, frames);
            if (session.ended || session.view.phase !== 'listening') continue;
            const replies = session.view.replies;
            const node = s.nodes.get(session.context.node)!;
            const inFileOrder = [...replies].sort((a, b) => node.replies.findIndex((r) => r.id === a.id) - node.replies.findIndex((r) => r.id === b.id));
            session.choose(inFileOrder[pick % inFileOrder.length]!.n);
          }
          const t = session.transcript();
          expect(longestTickStretch(t.events)).toBeLessThanOrEqual(MAX_TICK_RUNS_IN_A_ROW);
          expect(replay(s, JSON.parse(JSON.stringify(t))).score).toEqual(session.score());
          session.stop();
        }),
        { seed: 1616, numRuns: 25 },
      );
    });
  }
});
