// Playing a call to its end with the real engine, as a player would. Pure (engine only), so the
// browser harness uses it too.
import { readingMs, Session, TICK_MS, type Scenario, type Transcript } from '../../src/engine/index.js';

/**
 * How long a player thinks before replying: long enough to read the line (the engine's reading
 * rule, engine/review/thinkTime.ts) and a little more, at least 1.2 s, within the reply timer —
 * so a result of these helpers is a person's, not flagged as too fast. `think` pins it instead
 * (0: a bot's instant reply).
 */
export function thinkMs(s: Session, think?: number): number {
  if (think !== undefined) return think;
  const v = s.view;
  const wanted = Math.max(1200, Math.ceil((readingMs(v.line?.say ?? '') + 300) / TICK_MS) * TICK_MS);
  return v.timer ? Math.min(wanted, Math.max(0, v.timer.leftMs - TICK_MS)) : wanted;
}

/**
 * Plays a call to its end as a player would: answers, then takes the reply `pick(turn, count)`
 * (1-based, default the first, counted in the file's order of the replies on offer — never their
 * shuffled order on screen) at each turn after reading the line (thinkMs), letting time pass in
 * 100 ms ticks while the customer waits or an action runs. Returns the finished session.
 */
export function playCall(scenario: Scenario, opts: { seed?: number; mode?: 'exam' | 'practice'; pick?: (turn: number, count: number) => number; think?: number } = {}): Session {
  const s = new Session(scenario, { seed: opts.seed ?? 7, mode: opts.mode ?? 'exam' });
  s.advance(800);
  s.answer();
  for (let guard = 0; guard < 100_000 && !s.ended; guard++) {
    const v = s.view;
    if (v.phase === 'listening' && v.replies.length > 0) {
      s.advance(thinkMs(s, opts.think));
      if (s.ended || s.view.phase !== 'listening') continue;
      const replies = s.view.replies;
      const node = scenario.nodes.get(s.context.node)!;
      const inFileOrder = [...replies].sort((a, b) => node.replies.findIndex((r) => r.id === a.id) - node.replies.findIndex((r) => r.id === b.id));
      s.choose(inFileOrder[Math.min(replies.length, Math.max(1, opts.pick?.(v.turn + 1, replies.length) ?? 1)) - 1]!.n);
    } else {
      s.advance(100);
    }
  }
  if (!s.ended) throw new Error(`the call ${scenario.id} did not end`);
  return s;
}

export function finished(scenario: Scenario, opts?: Parameters<typeof playCall>[1]): { transcript: Transcript; score: ReturnType<Session['score']> } {
  const s = playCall(scenario, opts);
  const out = { transcript: s.transcript(), score: s.score() };
  s.stop();
  return out;
}
