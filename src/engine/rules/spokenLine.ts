// What the customer says at a line: the line itself, or — when the trainee's silence kept the
// call on it and the timeout has "say" lines — the next of those, in turn, so a customer left
// waiting doesn't repeat himself word for word. Derived from the history alone, so a replay and
// the debrief hear exactly what the game showed.
import type { DialogueNode } from '../format/model.js';
import type { TurnRecord } from './state.js';

export interface SpokenLine {
  /** The text's key in a string table ("line.<node>", or a silence line's key); names its voice file. */
  readonly key: string;
  readonly say: string;
  /** A silence line: the customer answering the trainee's silence, not the authored line. */
  readonly silence: boolean;
}

/**
 * The line spoken at `node` after the turns `before` (the history up to that point). Silence
 * lines rotate over the timeouts taken at this node so far.
 */
export function spokenLine(node: DialogueNode, before: readonly TurnRecord[]): SpokenLine {
  const last = before[before.length - 1];
  const lines = node.timeout?.silence ?? [];
  if (lines.length > 0 && last && last.choice.kind === 'timeout' && last.node === node.id) {
    let silences = 0;
    for (const t of before) if (t.node === node.id && t.choice.kind === 'timeout') silences++;
    const line = lines[(silences - 1) % lines.length]!;
    return { key: line.key, say: line.say, silence: true };
  }
  return { key: `line.${node.id}`, say: node.say, silence: false };
}
