// Where a "$return" can lead: from each node, back to the node itself (the call came from
// nowhere else) and to every node the call can come to it from — by a branch, or by returning
// from it. Grown until nothing changes. The machine's map of transitions and the graph drawing
// both spell "$return" out with this.
import type { Branch, DialogueNode, Scenario } from '../format/model.js';
import { RETURN_TARGET } from '../format/schema.js';

/** Each node's possible "$return" targets; empty for a call that never returns. */
export function returnTargets(s: Scenario): Map<string, Set<string>> {
  const from = new Map<string, Set<string>>();
  if (!s.memory.returns) return from;
  const fromOf = (id: string) => from.get(id) ?? from.set(id, new Set([id])).get(id)!;
  const branchesOf = (node: DialogueNode): readonly Branch[] => [...node.replies.flatMap((r) => r.next), ...(node.timeout?.next ?? [])];
  const returning: DialogueNode[] = [];
  for (const node of s.nodes.values()) {
    fromOf(node.id);
    for (const b of branchesOf(node)) {
      if (b.to === RETURN_TARGET) {
        if (!returning.includes(node)) returning.push(node);
      } else if (b.to !== node.id) fromOf(b.to).add(node.id);
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of returning) {
      for (const back of [...fromOf(node.id)]) {
        const seen = fromOf(back);
        if (back !== node.id && !seen.has(node.id)) {
          seen.add(node.id);
          changed = true;
        }
      }
    }
  }
  return from;
}

/** The nodes a list of branches at `node` can lead to, "$return" spelt out. */
export const targetsOf = (branches: readonly Branch[], node: string, back: ReadonlyMap<string, ReadonlySet<string>>): string[] =>
  branches.flatMap((b) => (b.to === RETURN_TARGET ? [...(back.get(node) ?? [node])] : [b.to]));
