// Golden test plans: a call played reply by reply on a live Session, the way a trainee would,
// with the customer line expected before each reply (in the spirit of Yarn Spinner's test plans).
import { Session, replay, type Scenario, type ScoreCard } from '../../../src/engine/index.js';

/** [the node the customer is speaking, the reply the trainee picks] */
export type Step = readonly [node: string, reply: string];

export interface Played {
  readonly session: Session;
  readonly score: ScoreCard;
  readonly ending: string | null;
}

/** Plays the steps in practice mode (no thinking drain), letting actions run in 100 ms ticks. */
export function play(s: Scenario, steps: readonly Step[], seed = 1): Played {
  const session = new Session(s, { seed, mode: 'practice' });
  session.answer();
  for (const [node, reply] of steps) {
    const view = session.view;
    if (view.phase !== 'listening' || view.line?.id !== node) {
      throw new Error(`${s.id} (${s.locale}): expected the customer at "${node}" before "${reply}", found ${view.phase} at "${view.line?.id}"`);
    }
    const shown = view.replies.find((r) => r.id === reply);
    if (!shown) throw new Error(`${s.id} (${s.locale}): "${reply}" is not on offer at "${node}" (offered: ${view.replies.map((r) => r.id).join(', ')})`);
    session.choose(shown.n);
    for (let guard = 0; guard < 100_000 && session.view.phase === 'working'; guard++) session.advance(100);
  }
  return { session, score: session.score(), ending: session.context.ending?.node ?? null };
}

/** The same call replayed from its transcript, as the server does. */
export const replayed = (p: Played) => replay(p.session.scenario, p.session.transcript(), { requireEnd: true }).score;
