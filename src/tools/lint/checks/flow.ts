// How the call can go: nodes nothing leads to, nodes no play reaches, endings never reached,
// an ideal that can't be reached, places where the trainee is stuck or can only wait for the
// customer to give up, and replies that are never on offer.
//
// "Play" here means the trainee's replies, given at once: the state graph without timeouts or
// hanging up. A node that only letting the timer run out reaches is not reported as unreached:
// such nodes are looked for again with timeouts (within a budget of states).
import { BUILT_IN, hasOwnCredit, idealMet, knownAtEnd, type DialogueNode, type Reply, type Scenario } from '../../../engine/index.js';
import { stuckStates, traps } from '../../../engine/index.js';
import { describeState, pathArgument } from '../../analysis/describe.js';
import { pathTo, type StateGraph, type StateInfo } from '../../../engine/index.js';
import { nodeNumbers } from '../../../engine/analysis/stateGraph.js';

import { listOf, nodePath, replyPath, type FileContext } from '../context.js';
import { branchReasons, type Branches } from './branches.js';

/** Nodes reachable from `from` by any link (every branch, every timeout), conditions ignored. */
function linked(s: Scenario, from: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = s.nodes.get(id);
    if (!node) continue;
    for (const r of node.replies) for (const b of r.next) stack.push(b.to);
    for (const b of node.timeout?.next ?? []) stack.push(b.to);
  }
  return seen;
}

/** Nodes the timer can take the call to from where play goes, and everything linked from there. */
function byTimeout(s: Scenario, reached: ReadonlySet<string>): Set<string> {
  const targets: string[] = [];
  for (const id of reached) for (const b of s.nodes.get(id)?.timeout?.next ?? []) targets.push(b.to);
  return linked(s, targets);
}

const how = (g: StateGraph, state: number) => {
  const path = pathTo(g, state);
  return path.length > 0 ? ` (e.g. after --path ${pathArgument(path)}, ${describeState(g.states[state]!, g.scenario)})` : ` (${describeState(g.states[state]!, g.scenario)})`;
};

/** The replies with a branch to each node, found once for every never-reached node. */
function repliesInto(s: Scenario): Map<string, { node: DialogueNode; reply: Reply }[]> {
  const into = new Map<string, { node: DialogueNode; reply: Reply }[]>();
  for (const node of s.nodes.values()) {
    for (const reply of node.replies) {
      for (const to of new Set(reply.next.map((b) => b.to))) {
        let list = into.get(to);
        if (!list) into.set(to, (list = []));
        list.push({ node, reply });
      }
    }
  }
  return into;
}

/**
 * Why no play takes any of the ways into `target`: the node a way starts from is never reached,
 * its reply is never on offer, or the branch pointing here is never taken (and why).
 */
function waysIn(ctx: FileContext, target: string, into: ReadonlyMap<string, { node: DialogueNode; reply: Reply }[]>, reached: ReadonlySet<string>, offeredAt: (node: string) => number, branches: Branches): string {
  const reasons: string[] = [];
  for (const { node, reply: r } of into.get(target) ?? []) {
    if (!reached.has(node.id)) reasons.push(`node "${node.id}", whose reply "${r.id}" leads here, is never reached either`);
    else if (!(offeredAt(node.id) & (1 << r.index))) reasons.push(`reply "${r.id}" of node "${node.id}" is never on offer`);
    else if (r.next.length === 1) reasons.push(`the customer always hangs up after reply "${r.id}" of node "${node.id}" before this line`);
  }
  reasons.push(...branchReasons(ctx, branches, target));
  const shown = reasons.slice(0, 3);
  const more = reasons.length - shown.length;
  return shown.length > 0 ? `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}` : 'the replies that lead here are never on offer, or their branches never taken';
}

export function checkFlow(ctx: FileContext, g: StateGraph, branches: Branches, timerGraph: () => StateGraph): void {
  const s = ctx.scenario;
  const fileNodes = [...s.nodes.values()].filter((n) => !n.builtIn);
  const static_ = linked(s, [s.start]);
  // What the states of each node share, gathered by node number (a call of 100,000 nodes has
  // hundreds of thousands of states): whether any reaches it, and the replies any offers there,
  // nodes in the order their first state not at an ending was found.
  const { of, ids } = nodeNumbers(g);
  const seen = new Uint8Array(ids.length);
  const masks = new Int32Array(ids.length);
  const listening = new Uint8Array(ids.length);
  const firstListening: number[] = [];
  g.states.forEach((st, i) => {
    const n = of[i]!;
    seen[n] = 1;
    if (st.ending) return;
    if (!listening[n]) {
      listening[n] = 1;
      firstListening.push(n);
    }
    masks[n]! |= st.offered;
  });
  const reached = new Set<string>();
  ids.forEach((id, n) => {
    if (seen[n]) reached.add(id);
  });
  reached.add(s.hangUpNode); // the customer hangs up there whenever patience runs out
  const timed = byTimeout(s, reached);
  let unreached = fileNodes.filter((n) => !reached.has(n.id) && !timed.has(n.id));
  if (unreached.some((n) => static_.has(n.id))) {
    // Linked but not reached by replies: letting the timer run out (mood and patience drop)
    // may still get there. Look again with timeouts, within a budget.
    const withTimer = timerGraph();
    const alsoReached = new Set(withTimer.states.map((st) => st.node));
    unreached = unreached.filter((n) => !alsoReached.has(n.id));
  }

  const numberOfNode = new Map(ids.map((id, n) => [id, n]));
  const offeredAt = (id: string) => masks[numberOfNode.get(id) ?? -1] ?? 0;
  let into: ReturnType<typeof repliesInto> | undefined;
  for (const node of unreached) {
    const isLinked = static_.has(node.id);
    if (node.end) {
      if (isLinked) into ??= repliesInto(s);
      ctx.report(
        'ending-unreachable',
        nodePath(node.id),
        isLinked ? `ending "${node.id}" (${node.end}) is never reached: ${waysIn(ctx, node.id, into!, reached, offeredAt, branches)}` : `ending "${node.id}" (${node.end}) is never reached: nothing leads to it`,
        isLinked ? 'check the "if" conditions on the way here' : `add "next": "${node.id}" to a reply, or remove the node`,
        true,
      );
    } else if (!isLinked) {
      ctx.report('unreachable-node', nodePath(node.id), `node "${node.id}" is unreachable: no reply or timeout leads to it from "${s.start}"`, `add "next": "${node.id}" to a reply, or remove the node`, true);
    } else {
      into ??= repliesInto(s);
      ctx.report('never-reached', nodePath(node.id), `node "${node.id}" is never reached: ${waysIn(ctx, node.id, into, reached, offeredAt, branches)}`, 'check the "if" conditions on the way here: a fact never known by then, or a mood or patience never reached', true);
    }
  }

  const ends: { st: StateInfo; i: number }[] = [];
  g.states.forEach((st, i) => {
    if (st.ending) ends.push({ st, i });
  });
  s.ideal.forEach((ideal, i) => {
    const path = Array.isArray(ctx.raw.ideal) ? ['ideal', i] : ['ideal'];
    const withOutcome = ends.filter(({ st }) => st.ending!.outcome === ideal.outcome);
    // The engine says which endings are ideal (an ending with its own credit never is).
    if (withOutcome.some(({ st }) => st.ending!.ideal && idealMet(ideal, knownAtEnd(st)))) return;
    const judgedByCredit = withOutcome.filter(({ st }) => hasOwnCredit(s, st.ending!.node));
    if (withOutcome.length > 0 && judgedByCredit.length === withOutcome.length) {
      const names = [...new Set(judgedByCredit.map(({ st }) => st.ending!.node))];
      ctx.report('ideal-unreachable', path, `the ideal outcome "${ideal.outcome}" is reached only at ${listOf(names)}, and an ending with its own "credit" is never ideal`, `add an ending with "end": "${ideal.outcome}" and no "credit" for the model call`);
    } else if (withOutcome.length === 0) {
      ctx.report('ideal-unreachable', path, `the ideal outcome "${ideal.outcome}" is never reached: no ending with "end": "${ideal.outcome}" can be reached by replies`, `add an ending with "end": "${ideal.outcome}" and a reply that leads to it`);
    } else {
      ctx.report('ideal-unreachable', path, `the ideal outcome "${ideal.outcome}" is reached, but never with ${listOf(ideal.requires)} all known`, 'make sure a path reveals every required fact before the ending, or require fewer facts');
    }
  });

  const stuckByNode = new Map<string, number>();
  for (const st of stuckStates(g)) if (!stuckByNode.has(g.states[st]!.node)) stuckByNode.set(g.states[st]!.node, st);
  for (const [node, st] of stuckByNode) {
    ctx.report('stuck', nodePath(node), `at node "${node}" no reply is on offer${how(g, st)}: the trainee can only wait or hang up`, 'add a reply without "if", or make one of the conditions hold here', true);
  }

  for (const trap of traps(g)) {
    const first = g.states[trap.state]!.node;
    const loop = trap.nodes.length > 1 ? `nodes ${listOf(trap.nodes)} lead only to each other` : `node "${first}" leads only back to itself`;
    ctx.report('no-way-out', nodePath(first), `from node "${first}"${how(g, trap.state)} no reply leads to an ending: ${loop} until the customer gives up`, 'add a reply that ends the call or leads out of the loop', true);
  }

  for (const n of firstListening) {
    const id = ids[n]!;
    const mask = masks[n]!;
    if (id === BUILT_IN.hungUp || id === BUILT_IN.abandoned) continue;
    for (const r of s.nodes.get(id)!.replies) {
      if (mask & (1 << r.index)) continue;
      const hidden = r.reveals.length > 0 && !r.repeat ? ' (or it reveals only facts already known by then, which hides it)' : '';
      ctx.report('reply-never-offered', replyPath(id, r.index), `reply ${r.index + 1} of node "${id}" is never on offer: its "if" never holds when the call is here${hidden}`, r.when ? 'change or remove its "if"' : 'add "repeat": true, or remove the reply');
    }
  }
}
