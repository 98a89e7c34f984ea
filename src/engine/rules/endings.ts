// What an ending says about the call that reached it: its comment, which in format 2 may
// depend on how the call got there, and its name.
import type { DialogueNode } from '../format/model.js';
import { holds, type ConditionSubject } from './conditions.js';

/** The trainer's comment on this ending for this call: the first variant whose condition holds, else the plain one. */
export function endingFeedback(node: DialogueNode, call: ConditionSubject): string | null {
  for (const v of node.feedbackVariants) if (holds(v.when, call)) return v.text;
  return node.feedback;
}
