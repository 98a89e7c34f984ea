// Typed transcripts for the tests: a call played with the real engine, then each reply written
// out as typed text (the reply's own say, or any text a test gives for a turn).
import { walkTranscript, type Scenario, type Transcript, type TypedTook } from '../../src/engine/index.js';

export interface TypedTurnText {
  readonly text: string;
  readonly took: TypedTook;
}

/** The transcript with every reply typed: `texts(turn, reply id)` gives the text (default: the reply's say, taken as a match). */
export function typedTranscript(s: Scenario, t: Transcript, texts: (turn: number, reply: string) => TypedTurnText | null = () => null): Transcript {
  const { before, at } = walkTranscript(s, t);
  const events = [...t.events];
  at.forEach((where, i) => {
    const e = events[where.event];
    if (e?.type !== 'CHOOSE') return;
    const ctx = before[i]!;
    const reply = s.nodes.get(ctx.node)!.replies[ctx.order[e.n - 1]!]!;
    const typed = texts(i + 1, reply.id) ?? { text: reply.say, took: 'match' as const };
    events[where.event] = { type: 'CHOOSE', n: e.n, typed: typed.text, took: typed.took };
  });
  return { ...t, events };
}
