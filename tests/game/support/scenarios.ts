// The shipped scenario files as the game bundles them (project-relative name → text), and a way to
// play a call to its end with the real engine.
import { resolve } from 'node:path';
import { Session, type Mode, type Scenario } from '../../../src/engine/index.js';
import { shippedCall, shippedSources } from '../../support/shipped.js';

export const ROOT = resolve(import.meta.dirname, '../../..');

export function scenarioFiles(): Record<string, string> {
  return Object.fromEntries(shippedSources().map((f) => [f.file, f.text]));
}

/** A shipped call by its project-relative file name (a translation's table composed with its original). */
export const scenario = (file = 'scenarios/first-call.json'): Scenario => shippedCall(file.replace(/^scenarios\//, ''));

/**
 * Answers and plays to the end, taking reply `pick(turn, count)` (1-based, counted in the file's
 * order of the replies on offer — never their shuffled order on screen) each turn and letting
 * `thinkMs` pass before each reply.
 */
export function play(s: Scenario, opts: { seed?: number; mode?: Mode; pick?: (turn: number, count: number) => number; thinkMs?: number } = {}): Session {
  const session = new Session(s, { seed: opts.seed ?? 1, mode: opts.mode ?? 'practice' });
  session.advance(1500);
  session.answer();
  for (let guard = 0; guard < 10_000 && !session.ended; guard++) {
    const v = session.view;
    if (v.phase === 'listening') {
      session.advance(opts.thinkMs ?? 900);
      if (session.view.phase !== 'listening') continue;
      const replies = session.view.replies;
      const node = s.nodes.get(session.context.node)!;
      const inFileOrder = [...replies].sort((a, b) => node.replies.findIndex((r) => r.id === a.id) - node.replies.findIndex((r) => r.id === b.id));
      const k = Math.min(replies.length, Math.max(1, opts.pick?.(session.view.turn + 1, replies.length) ?? 1));
      session.choose(inFileOrder[k - 1]!.n);
    } else session.advance(250);
  }
  if (!session.ended) throw new Error(`${s.id} did not end`);
  return session;
}
