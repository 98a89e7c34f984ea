// The call so far as lines of a transcript, derived from the engine's record of the call (its
// history of turns) and the scenario's text. Append-only while a call runs, so the panel only
// ever adds lines; keys stay the same for the same line.
import type { Scenario, SessionContext } from '../../engine/index.js';
// The rule itself, an import-free module: the call screen may load before the engine does.
import { spokenLine } from '../../engine/rules/spokenLine.js';

export type Speaker = 'customer' | 'you' | 'note' | 'fact';

export interface TranscriptLine {
  readonly key: string;
  readonly who: Speaker;
  readonly text: string;
}

export interface TranscriptLabels {
  /** The trainee said nothing until the customer spoke again. */
  readonly silence: string;
  readonly hungUp: string;
  /** An action under way, when the scenario gives no "doing" text. */
  readonly working: string;
}

export function transcriptLines(s: Scenario, ctx: SessionContext, labels: TranscriptLabels): TranscriptLine[] {
  const out: TranscriptLine[] = [];
  // What the customer said at a line after the turns before it: a silence line when the trainee's silence kept the call there.
  const say = (key: string, nodeId: string, before: number) => {
    const node = s.nodes.get(nodeId);
    const text = node ? spokenLine(node, ctx.history.slice(0, before)).say : '';
    if (text) out.push({ key, who: 'customer', text });
  };
  ctx.history.forEach((turn, i) => {
    say(`c${i}`, turn.node, i);
    const node = s.nodes.get(turn.node);
    switch (turn.choice.kind) {
      case 'reply': {
        const reply = node?.replies[turn.choice.index];
        out.push({ key: `y${i}`, who: 'you', text: reply?.say ?? turn.choice.reply });
        if (reply && reply.takesMs > 0) out.push({ key: `n${i}`, who: 'note', text: reply.doing ?? labels.working });
        break;
      }
      case 'timeout':
        out.push({ key: `y${i}`, who: 'note', text: labels.silence });
        break;
      case 'hang-up':
        out.push({ key: `y${i}`, who: 'note', text: labels.hungUp });
        break;
    }
    for (const f of turn.revealed) out.push({ key: `f${i}:${f}`, who: 'fact', text: s.facts.get(f)?.text ?? f });
  });
  if (ctx.phase === 'listening' || ctx.phase === 'ended') say(`c${ctx.history.length}`, ctx.node, ctx.history.length);
  return out;
}
