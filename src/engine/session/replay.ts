// Replaying a transcript: the server's proof of a score, and the meeting view's playback.
// A transcript that does not fit its scenario is refused with a TranscriptError saying why.
import { TranscriptError } from '../errors.js';
import type { Scenario } from '../format/model.js';
import type { SessionEvent } from '../rules/state.js';
import type { ScoreCard } from '../scoring/score.js';
import { Session } from './session.js';
import { transcriptSchema, type Transcript } from './transcript.js';
import { RING_RULES, RULES_VERSION, rulesCompatible } from '../rulesVersion.js';
import { RING_MS } from '../rules/ringing.js';
import { checkTickRuns } from './tickRuns.js';

/**
 * Before RING_RULES the phone rang until patience ran out and declining it was a turn: a
 * transcript never answered, or answered after RING_MS of ringing, would score otherwise today.
 * Any other transcript of those rules plays the same.
 */
function ringedUnderOldRules(t: Transcript): boolean {
  if (t.rules >= RING_RULES) return false;
  let rang = 0;
  for (const e of t.events) {
    if (e.type === 'ANSWER') return false;
    if (e.type === 'HANG_UP') return true;
    if (e.type === 'TICK') rang += e.ms * (e.repeat ?? 1);
    if (rang >= RING_MS) return true;
  }
  // Never answered: it rang until patience ran out (or has not ended), which scores otherwise today.
  return true;
}

export interface ReplayOptions {
  /** Refuse a transcript whose call has not ended (results must be finished calls). */
  readonly requireEnd?: boolean;
}

export interface Replayed {
  readonly session: Session;
  readonly score: ScoreCard;
}

function describe(e: SessionEvent): string {
  return e.type === 'CHOOSE' ? `CHOOSE ${e.n}` : e.type === 'TICK' ? `TICK ${e.ms}ms` : e.type;
}

export function replay(scenario: Scenario, input: unknown, options: ReplayOptions = {}): Replayed {
  const parsed = transcriptSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    throw new TranscriptError('malformed', `not a valid transcript${where}: ${first?.message ?? 'unknown problem'}`);
  }
  const t: Transcript = parsed.data;
  if (t.scenario !== scenario.id || t.locale !== scenario.locale) {
    throw new TranscriptError('wrong-scenario', `the transcript is for "${t.scenario}" (${t.locale}), not "${scenario.id}" (${scenario.locale})`);
  }
  if (t.hash !== scenario.hash) {
    throw new TranscriptError('wrong-version', `the transcript was made on another version of "${scenario.id}" (content hash ${t.hash.slice(0, 12)}…, this one is ${scenario.hash.slice(0, 12)}…)`);
  }
  if (!rulesCompatible(t.rules) || ringedUnderOldRules(t)) {
    throw new TranscriptError('old-rules', `the call was scored under rules version ${t.rules}; this engine scores with version ${RULES_VERSION}, which would give other numbers`);
  }
  // Before anything is replayed: what keeps a replay a few steps a turn, whatever the transcript.
  checkTickRuns(t.events);
  const session = new Session(scenario, { seed: t.seed, mode: t.mode });
  const refuse = (event: SessionEvent, index: number): never => {
    session.stop();
    if (session.ended) throw new TranscriptError('after-end', `event ${index + 1} (${describe(event)}) comes after the call ended`, index);
    const ctx = session.context;
    const offered = ctx.phase === 'listening' ? `${ctx.order.length} replies were on offer at node "${ctx.node}"` : `the call was ${ctx.phase}`;
    throw new TranscriptError('impossible-event', `event ${index + 1} (${describe(event)}) is impossible: ${offered}`, index);
  };
  t.events.forEach((e, index) => {
    if (e.type === 'TICK') {
      // A run of ticks is replayed in as few steps as the rules allow (rules/quietTime.ts).
      if (session.ticks(e.ms, e.repeat ?? 1) < (e.repeat ?? 1)) refuse(e, index);
    } else if (!session.send(e)) refuse(e, index);
  });
  if (options.requireEnd && !session.ended) {
    session.stop();
    throw new TranscriptError('unfinished', 'the transcript stops before the call ended');
  }
  return { session, score: session.score() };
}
