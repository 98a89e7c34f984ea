// Playing a call with the real engine by naming each move: a reply's id (never its place on the
// screen, which the seed shuffles) or "timeout" (say nothing until the node's timer runs out).
// Pure (engine only), so a browser harness may use it too.
import { Session, type Scenario, type Transcript } from '../../src/engine/index.js';
import { thinkMs } from './playCall.js';

export type Move = string | 'timeout';

/** Lets time pass in 100 ms ticks until the call is listening with replies on offer (or has ended). */
function untilListening(s: Session): void {
  for (let guard = 0; guard < 100_000 && !s.ended; guard++) {
    if (s.view.phase === 'listening' && s.view.replies.length > 0) return;
    s.advance(100);
  }
}

/**
 * Plays `moves` in order as a player would (answering after the phone rang a while, reading the
 * line before each reply: thinkMs), then lets time run until the call ends. Throws if a reply is
 * not on offer where it is named, or if the call does not end.
 */
export function playByIds(scenario: Scenario, moves: readonly Move[], opts: { seed: number; mode?: 'exam' | 'practice'; think?: number }): Session {
  const s = new Session(scenario, { seed: opts.seed, mode: opts.mode ?? 'exam' });
  s.advance(800);
  s.answer();
  moves.forEach((move, i) => {
    untilListening(s);
    if (s.ended) throw new Error(`the call ${scenario.id} ended before move ${i + 1} (${move})`);
    if (move === 'timeout') {
      const turn = s.view.turn;
      for (let guard = 0; guard < 100_000 && !s.ended && s.view.turn === turn; guard++) s.advance(100);
      if (s.view.turn === turn) throw new Error(`no timeout at move ${i + 1}`);
      return;
    }
    s.advance(thinkMs(s, opts.think));
    const reply = s.view.replies.find((r) => r.id === move);
    if (!reply) throw new Error(`move ${i + 1}: reply "${move}" is not on offer at "${s.view.line?.id}" (offered: ${s.view.replies.map((r) => r.id).join(', ')})`);
    if (!s.choose(reply.n)) throw new Error(`move ${i + 1}: "${move}" was refused`);
  });
  for (let guard = 0; guard < 100_000 && !s.ended; guard++) s.advance(100);
  if (!s.ended) throw new Error(`the call ${scenario.id} did not end after ${moves.join(', ')}`);
  return s;
}

/** The finished call's transcript and score card. */
export function playedByIds(scenario: Scenario, moves: readonly Move[], opts: { seed: number; mode?: 'exam' | 'practice'; think?: number }): { transcript: Transcript; score: ReturnType<Session['score']> } {
  const s = playByIds(scenario, moves, opts);
  const out = { transcript: s.transcript(), score: s.score() };
  s.stop();
  return out;
}

/** The same call as a transcript from before rules were recorded: `v: 1`, no `rules`. */
export function asVersion1(t: Transcript): Record<string, unknown> {
  const { v: _v, rules: _rules, ...rest } = t;
  return { v: 1, ...rest };
}
