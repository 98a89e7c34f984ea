// What a presenter may see of a call: the snapshot the runner exposes, derived from the
// machine's context. Scenes read this and nothing else.
import { endingFeedback } from '../rules/endings.js';
import type { Emotion, Outcome, Scenario } from '../format/model.js';
import type { Phase, SessionContext, TurnRecord } from '../rules/state.js';
import { moodBand, type MoodBand } from '../rules/moodBands.js';
import { spokenLine } from '../rules/spokenLine.js';
import { ringLeftMs, unanswered } from '../rules/ringing.js';
import { canFastForward } from '../rules/fastForward.js';
import { voiceOf } from '../format/voices.js';


const EMOTION_OF_BAND: Record<MoodBand, Emotion> = { calm: 'calm', annoyed: 'annoyed', angry: 'angry', furious: 'furious' };

export interface ReplyView {
  /** The number shown and typed: 1–9. */
  readonly n: number;
  readonly id: string;
  readonly say: string;
  readonly isAction: boolean;
}

export interface SessionView {
  readonly phase: Phase;
  /** The customer's current line (a silence line when the trainee's silence kept the call on it); null while the phone rings. voice: its file, relative to the scenario's, which may not exist. */
  readonly line: { readonly id: string; readonly say: string; readonly voice: string | null; readonly emotion: Emotion } | null;
  readonly replies: readonly ReplyView[];
  /** Shown in practice mode only. */
  readonly hint: string | null;
  readonly mood: number;
  readonly moodBand: MoodBand;
  readonly patience: number;
  readonly facts: readonly { readonly id: string; readonly text: string; readonly key: boolean }[];
  readonly turn: number;
  readonly elapsedMs: number;
  /** The reply timer, in an exam while waiting for a reply at a node that has one. */
  readonly timer: { readonly totalMs: number; readonly leftMs: number } | null;
  /** The action under way. */
  readonly work: { readonly label: string | null; readonly progress: number; readonly leftMs: number } | null;
  /** Whether the action under way can be fast-forwarded now (practice only: rules/fastForward.ts). */
  readonly canFastForward: boolean;
  /** While the phone rings: ms before the caller gives up (rules/ringing.ts); null otherwise. */
  readonly ringLeftMs: number | null;
  readonly lastTurn: TurnRecord | null;
  /** How the call ended: the ending, its outcome, the trainer's name for it (format 2's "label"; null: the outcome's), its line and comment. */
  readonly ending: { readonly node: string; readonly outcome: Outcome; readonly label: string | null; readonly say: string; readonly feedback: string | null; readonly unanswered: boolean } | null;
}

export function viewOf(s: Scenario, ctx: SessionContext): SessionView {
  const node = s.nodes.get(ctx.node)!;
  const band = moodBand(ctx.mood);
  // A call that ended unanswered was never spoken on: its hang-up line is not heard.
  const speaking = ctx.phase !== 'ringing' && !(ctx.phase === 'ended' && (node.say === '' || unanswered(ctx)));
  const work = ctx.work ? s.nodes.get(ctx.work.node)?.replies[ctx.work.reply] : undefined;
  const spoken = speaking ? spokenLine(node, ctx.history) : null;
  return {
    phase: ctx.phase,
    line: spoken ? { id: node.id, say: spoken.say, voice: voiceOf(s, node, spoken), emotion: node.emotion ?? EMOTION_OF_BAND[band] } : null,
    replies:
      ctx.phase === 'listening'
        ? ctx.order.map((index, i) => {
            const r = node.replies[index]!;
            return { n: i + 1, id: r.id, say: r.say, isAction: r.takesMs > 0 };
          })
        : [],
    hint: ctx.mode === 'practice' && ctx.phase === 'listening' ? node.hint : null,
    mood: ctx.mood,
    moodBand: band,
    patience: ctx.patience,
    facts: ctx.facts.map((id) => {
      const f = s.facts.get(id);
      return { id, text: f?.text ?? id, key: f?.key ?? false };
    }),
    turn: ctx.history.length,
    elapsedMs: ctx.elapsedMs,
    timer:
      ctx.mode === 'exam' && ctx.phase === 'listening' && node.timeout
        ? { totalMs: node.timeout.afterMs, leftMs: Math.max(0, node.timeout.afterMs - ctx.waitMs) }
        : null,
    work:
      ctx.work && work
        ? { label: work.doing, progress: Math.min(1, ctx.waitMs / ctx.work.totalMs), leftMs: Math.max(0, ctx.work.totalMs - ctx.waitMs) }
        : null,
    canFastForward: canFastForward(ctx),
    ringLeftMs: ctx.phase === 'ringing' ? ringLeftMs(ctx) : null,
    lastTurn: ctx.history[ctx.history.length - 1] ?? null,
    ending: ctx.ending
      ? { node: ctx.ending.node, outcome: ctx.ending.outcome, label: node.label, say: unanswered(ctx) ? '' : node.say, feedback: unanswered(ctx) ? null : endingFeedback(node, ctx), unanswered: unanswered(ctx) }
      : null,
  };
}
