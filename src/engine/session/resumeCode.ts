// A call in progress as a short code: its seed, its mode and the trainee's moves, nothing else —
// what an LMS keeps for a call interrupted part way (SCORM 1.2's suspend_data holds at most 4,096
// characters). Resuming replays the moves with the one transition function, each answered at once
// (as the analyses play them: analysis/moves.ts), so the call stands exactly where it was left,
// its scores too; only the time taken over each reply is not kept.
//
//   "r1.<seed in base 36>.<e|p>.<moves>"   one character a turn: "1"–"9" the reply written
//                                          n-th under its node, "t" the timer ran out, "h" hung up
import type { Scenario } from '../format/model.js';
import { afterMove, eventOf, type Move } from '../analysis/moves.js';
import type { Mode, SessionContext, SessionEvent, TurnChoice } from '../rules/state.js';
import { step } from '../rules/step.js';
import { initialContext, MAX_TURNS } from '../rules/transitions.js';
import { RULES_VERSION } from '../rulesVersion.js';
import { MAX_TICK_MS, TRANSCRIPT_VERSION, type Transcript, type TranscriptEvent } from './transcript.js';

const PREFIX = 'r1';
/** The longest code any call can have: the header (seed at most 7 base-36 digits) and a character per turn. */
export const MAX_RESUME_CODE = `${PREFIX}.zzzzzzz.e.`.length + MAX_TURNS;

export interface ResumePoint {
  readonly seed: number;
  readonly mode: Mode;
  /** One per turn: a reply's place in its node's list (from 0), or the timer, or hanging up. */
  readonly moves: readonly ResumeMove[];
}

export type ResumeMove = { readonly kind: 'reply'; readonly index: number } | { readonly kind: 'timeout' } | { readonly kind: 'hang-up' };

function moveChar(c: TurnChoice): string {
  switch (c.kind) {
    case 'reply':
      return String(c.index + 1);
    case 'timeout':
      return 't';
    case 'hang-up':
      return 'h';
  }
}

/** The code of a call as it stands (its context's seed, mode and the turns taken so far). */
export function resumeCode(ctx: SessionContext): string {
  return `${PREFIX}.${(ctx.seed >>> 0).toString(36)}.${ctx.mode === 'exam' ? 'e' : 'p'}.${ctx.history.map((t) => moveChar(t.choice)).join('')}`;
}

/** Reads a code; null when it is not one (another format, or damaged). */
export function parseResumeCode(code: string): ResumePoint | null {
  const m = /^r1\.([0-9a-z]{1,7})\.([ep])\.([1-9th]*)$/.exec(code);
  if (!m || m[3]!.length > MAX_TURNS) return null;
  const seed = parseInt(m[1]!, 36);
  if (seed > 0xffff_ffff) return null;
  const moves = [...m[3]!].map((ch): ResumeMove => (ch === 't' ? { kind: 'timeout' } : ch === 'h' ? { kind: 'hang-up' } : { kind: 'reply', index: Number(ch) - 1 }));
  return { seed, mode: m[2] === 'e' ? 'exam' : 'practice', moves };
}

/** Time as events the session takes (at most MAX_TICK_MS each). */
function ticks(ms: number): TranscriptEvent[] {
  const out: TranscriptEvent[] = [];
  for (let left = ms; left > 0; left -= MAX_TICK_MS) out.push({ type: 'TICK', ms: Math.min(left, MAX_TICK_MS) });
  return out;
}

/**
 * The transcript that replays a code on `scenario` (answered at once, each move made at once, an
 * action waited out): replay() it to carry on playing. Null when the moves do not fit the call
 * (another version of it, or a damaged code).
 */
export function resumeTranscript(scenario: Scenario, code: string): Transcript | null {
  const point = parseResumeCode(code);
  if (!point) return null;
  const events: TranscriptEvent[] = [{ type: 'ANSWER' }];
  let ctx: SessionContext | null = step(scenario, initialContext(scenario, point.seed, point.mode), { type: 'ANSWER' });
  for (const m of point.moves) {
    if (!ctx || ctx.phase !== 'listening') return null;
    const node = scenario.nodes.get(ctx.node)!;
    let move: Move;
    if (m.kind === 'reply') {
      const reply = node.replies[m.index];
      if (!reply || !ctx.order.includes(reply.index)) return null;
      move = { kind: 'reply', reply };
    } else {
      if (m.kind === 'timeout' && !(node.timeout && ctx.mode === 'exam')) return null;
      move = m;
    }
    const event: SessionEvent = eventOf(ctx, scenario, move);
    events.push(...(event.type === 'TICK' ? ticks(event.ms) : [event]));
    const next = step(scenario, ctx, event);
    if (next?.phase === 'working') events.push(...ticks(next.work!.totalMs - next.waitMs));
    ctx = afterMove(scenario, ctx, move);
  }
  return { v: TRANSCRIPT_VERSION, rules: RULES_VERSION, scenario: scenario.id, locale: scenario.locale, hash: scenario.hash, seed: point.seed, mode: point.mode, events };
}
