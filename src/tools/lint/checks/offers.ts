// What the trainee is offered in each reachable state: a state where the only reply on offer
// costs points (the trainee cannot avoid losing them), and a state where every reply on offer
// costs points because a harmless one was hidden by the engine's rule that a reply whose facts
// are all known already is not offered again (rules/transitions.ts availableReplies — called
// here, never copied: what it hides is what it offers with "repeat" set, less what it offers).
//
// One pass over the states in breadth-first order, so the first state found at a node is the
// one reached in the fewest moves; the engine's rule is asked only in the rare states where
// every reply on offer costs points.
import { availableReplies, costsPoints, type DialogueNode, type Reply } from '../../../engine/index.js';
import { nodeNumbers, pathTo, subjectOf, type Edge, type StateGraph } from '../../../engine/analysis/stateGraph.js';
import { describeState, pathArgument } from '../../analysis/describe.js';
import { listOf, replyPath, type FileContext } from '../context.js';

const costs = (d: Edge['deductions']) => costsPoints({ polite: d.politeness, accuracy: d.accuracy, judgment: d.judgment });

/** "politeness -20, judgment -10": what a reply's deductions cost. */
export function costText(d: Edge['deductions']): string {
  const parts: string[] = [];
  if (d.politeness < 0) parts.push(`politeness ${d.politeness}`);
  if (d.accuracy < 0) parts.push(`accuracy ${d.accuracy}`);
  if (d.judgment < 0) parts.push(`judgment ${d.judgment}`);
  return parts.join(', ');
}

const replyCosts = (r: Reply) => costsPoints(r);

/** "after --path 1,3 (knowing …, mood 40, patience 70)", or the state alone at the start. */
function where(g: StateGraph, state: number): string {
  const path = pathTo(g, state);
  const st = describeState(g.states[state]!, g.scenario);
  return path.length > 0 ? `after --path ${pathArgument(path)} (${st})` : `at the start (${st})`;
}

export function checkOffers(ctx: FileContext, g: StateGraph): void {
  const s = ctx.scenario;
  const { of, ids } = nodeNumbers(g);
  const singleAt = new Int32Array(ids.length).fill(-1);
  // Vanished replies reported, by node and reply: "node\u0000index".
  const vanished = new Map<string, { state: number; node: DialogueNode; reply: Reply; offered: Edge[] }>();
  // The node, with every reply marked "repeat": what the engine offers when nothing is hidden for being known.
  const repeating = new Map<string, DialogueNode>();
  const withRepeat = (node: DialogueNode) => {
    let n = repeating.get(node.id);
    if (!n) repeating.set(node.id, (n = { ...node, replies: node.replies.map((r) => ({ ...r, repeat: true })) }));
    return n;
  };

  for (let i = 0; i < g.states.length; i++) {
    const st = g.states[i]!;
    if (st.ending || st.offered === 0) continue;
    const replies = g.edges[i]!.filter((e) => e.move.kind === 'reply');
    if (replies.length === 0 || !replies.every((e) => costs(e.deductions))) continue;
    const node = s.nodes.get(st.node)!;
    const subject = subjectOf(st);
    let hiddenFree: Reply[] = [];
    // Only replies that reveal something can be hidden for it: no need to ask otherwise.
    if (node.replies.some((r) => r.reveals.length > 0 && !r.repeat)) {
      const offered = new Set(availableReplies(node, subject).map((r) => r.index));
      // The graph's own offer must be what the rule gives for this state, or the state is not understood here.
      let mask = 0;
      for (const k of offered) mask |= 1 << k;
      if (mask === st.offered) hiddenFree = availableReplies(withRepeat(node), subject).filter((r) => !offered.has(r.index) && !replyCosts(r));
    }
    for (const r of hiddenFree) {
      const key = `${st.node}\u0000${r.index}`;
      if (!vanished.has(key)) vanished.set(key, { state: i, node, reply: node.replies[r.index]!, offered: replies });
    }
    if (hiddenFree.length === 0 && replies.length === 1 && singleAt[of[i]!]! < 0) singleAt[of[i]!] = i;
  }

  for (const { state, node, reply, offered } of vanished.values()) {
    const known = reply.reveals.filter((f) => g.states[state]!.facts.includes(f));
    const left = offered.map((e) => `"${(e.move as { reply: Reply }).reply.id}" (${costText(e.deductions)})`);
    ctx.report(
      'vanishing-recovery',
      replyPath(node.id, reply.index),
      `at node "${node.id}" ${where(g, state)} every reply on offer costs points — ${left.join(', ')} — because reply "${reply.id}", which costs nothing, is hidden: every fact it reveals (${listOf(known)}) is already known`,
      `add "repeat": true to reply "${reply.id}" if saying it again makes sense here, or add a reply for a trainee who already knows ${listOf(known)}`,
    );
  }

  singleAt.forEach((state, n) => {
    if (state < 0) return;
    const e = g.edges[state]!.find((x) => x.move.kind === 'reply')!;
    const reply = (e.move as { reply: Reply }).reply;
    ctx.report(
      'single-penalised-reply',
      replyPath(ids[n]!, reply.index),
      `at node "${ids[n]}" ${where(g, state)} the only reply on offer is "${reply.id}", which costs ${costText(e.deductions)}: the trainee cannot avoid losing those points`,
      'add a reply a good trainee would give here (without "if", or with one that holds in this state), or make this one cost nothing',
    );
  });
}
