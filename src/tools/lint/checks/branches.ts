// Branches of a "next" list that no play takes, with the values that make it so.
//
// Which branch a move took is read off the state graph, never worked out again: the node the
// move led to names the branch that points there. Where that cannot tell (two branches to the
// same node, a "$return", or the customer hanging up on the way, which hides where the call was
// going), nothing is claimed about the branches concerned. The values shown are those of the
// states the reply is chosen in — mood and patience ranges, facts known — beside the reply's own
// effects, so a trainer can see why a condition never holds after them.
//
// One pass over every move of the graph: linear in its size.
import type { Branch, Condition, Reply, Scenario, Timeout } from '../../../engine/index.js';
import { buildStateGraph, type Edge, type StateGraph } from '../../../engine/index.js';
import { nodeNumbers, pathTo } from '../../../engine/analysis/stateGraph.js';
import { pathArgument } from '../../analysis/describe.js';
import type { FileContext } from '../context.js';

/** States explored with timeouts (by this check, and by flow.ts for nodes only the timer reaches). */
const TIMER_BUDGET = 200_000;

/** How one "next" list with several branches was used across the states where its move was made. */
export interface BranchUse {
  readonly node: string;
  /** The reply, or null for the node's timeout. */
  readonly reply: Reply | null;
  readonly branches: readonly Branch[];
  /** Moves made (one per state). */
  chosen: number;
  /** Per branch: moves seen to take it. */
  readonly taken: Int32Array;
  /** Per branch: it may have been taken by a move whose branch cannot be told. */
  readonly maybe: Uint8Array;
  /** Per branch: its target is no node ("$return"): it goes wherever the call came from. */
  readonly wild: Uint8Array;
  /** Moves whose branch cannot be told at all (the customer hung up on the way). */
  unknown: number;
  mood: [number, number];
  patience: [number, number];
  /** Facts known every time the move is made, and at least once: gathered (factsOf) only for a message. */
  always: Set<string> | null;
  ever: Set<string> | null;
  /** The first state (fewest moves) the move is made in. */
  first: number;
}

export interface Branches {
  /** By "node\u0000reply index" (the timeout: index -1). */
  readonly uses: ReadonlyMap<string, BranchUse>;
  /** The graph a use's states are in (the one with timeouts, for a timer's branches). */
  readonly graphOf: (use: BranchUse) => StateGraph;
}

export const useKey = (node: string, index: number) => `${node}\u0000${index}`;

function gather(s: Scenario, g: StateGraph, out: Map<string, BranchUse>, timeouts: boolean): void {
  const { of, ids } = nodeNumbers(g);
  // Per node number: its uses by reply index (the timer: one past the replies), or null for a
  // node none of whose moves of this kind has several branches — most nodes.
  const slots: (BranchUse[] | null | undefined)[] = new Array(ids.length);
  const usesAt = (n: number): BranchUse[] | null => {
    let list = slots[n];
    if (list === undefined) {
      const node = s.nodes.get(ids[n]!)!;
      const branched = timeouts ? (node.timeout?.next.length ?? 0) > 1 : node.replies.some((r) => r.next.length > 1);
      slots[n] = list = branched ? [] : null;
    }
    return list;
  };
  const { states, edges } = g;
  for (let i = 0; i < states.length; i++) {
    const st = states[i]!;
    if (st.ending) continue;
    const list = usesAt(of[i]!);
    if (!list) continue;
    for (const e of edges[i]!) {
      if (e.move.kind === 'hang-up' || (e.move.kind === 'timeout') !== timeouts) continue;
      const reply = e.move.kind === 'reply' ? e.move.reply : null;
      const slot = reply ? reply.index : 0; // a pass gathers replies or the timer, never both
      let use = list[slot];
      if (!use) {
        const next = reply ? reply.next : (s.nodes.get(st.node)!.timeout as Timeout).next;
        if (next.length < 2) continue;
        use = {
          node: st.node,
          reply,
          branches: next,
          chosen: 0,
          taken: new Int32Array(next.length),
          maybe: new Uint8Array(next.length),
          wild: Uint8Array.from(next, (b) => (s.nodes.has(b.to) ? 0 : 1)),
          unknown: 0,
          mood: [st.mood, st.mood],
          patience: [st.patience, st.patience],
          always: null,
          ever: null,
          first: i,
        };
        list[slot] = use;
        out.set(useKey(st.node, reply ? reply.index : -1), use);
      }
      record(s, g, use, st, e);
    }
  }
}

function record(s: Scenario, g: StateGraph, use: BranchUse, st: StateGraph['states'][number], e: Edge): void {
  use.chosen++;
  if (st.mood < use.mood[0]) use.mood[0] = st.mood;
  if (st.mood > use.mood[1]) use.mood[1] = st.mood;
  if (st.patience < use.patience[0]) use.patience[0] = st.patience;
  if (st.patience > use.patience[1]) use.patience[1] = st.patience;
  if (e.gaveUp) {
    use.unknown++;
    return;
  }
  const target = g.states[e.to]!.node;
  const { branches, wild } = use;
  // The branch pointing at the node the move led to, if exactly one does (and no "$return" might).
  let only = -1;
  let count = 0;
  for (let k = 0; k < branches.length; k++) {
    if (wild[k] || branches[k]!.to === target) {
      only = k;
      count++;
    }
  }
  if (count === 1 && !wild[only]) use.taken[only]!++;
  else if (count === 0) use.unknown++;
  else for (let k = 0; k < branches.length; k++) if (wild[k] || branches[k]!.to === target) use.maybe[k] = 1;
}

/**
 * The graph with letting the timer run out as a move too (an exam's silence: mood and patience
 * fall, the customer may repeat the line), explored within a budget of states: made once per
 * lint of a file, on first use, for the checks that need it (flow.ts, and the branches here).
 */
export function timerGraphOf(s: Scenario): () => StateGraph {
  let made: StateGraph | null = null;
  return () => (made ??= buildStateGraph(s, { timeouts: true, hangUp: false, maxStates: TIMER_BUDGET }));
}

/**
 * How every "next" list of several branches was used: replies' on the graph of the trainee's
 * replies; timers' (where a timer has branches, which is rare) on the graph with the timer
 * running out too, when it can be explored whole.
 */
export function branchUses(s: Scenario, g: StateGraph, timerGraph: () => StateGraph): Branches {
  const uses = new Map<string, BranchUse>();
  gather(s, g, uses, false);
  let timer: StateGraph | null = null;
  if ([...s.nodes.values()].some((n) => (n.timeout?.next.length ?? 0) > 1)) {
    const withTimer = timerGraph();
    if (!withTimer.truncated) {
      timer = withTimer;
      gather(s, withTimer, uses, true);
    }
  }
  return { uses, graphOf: (use) => (use.reply === null && timer ? timer : g) };
}

const range = ([lo, hi]: [number, number]) => (lo === hi ? `${lo}` : `${lo}–${hi}`);

/** Fills in the facts known where each use's move is made, in one pass over the states of its node. */
function gatherFacts(g: StateGraph, uses: readonly BranchUse[]): void {
  const byNode = new Map<string, BranchUse[]>();
  for (const use of uses) {
    if (use.ever) continue;
    use.ever = new Set();
    let list = byNode.get(use.node);
    if (!list) byNode.set(use.node, (list = []));
    list.push(use);
  }
  if (byNode.size === 0) return;
  g.states.forEach((st, i) => {
    const list = st.ending ? undefined : byNode.get(st.node);
    if (!list) return;
    for (const use of list) {
      const made = g.edges[i]!.some((e) => (use.reply ? e.move.kind === 'reply' && e.move.reply.index === use.reply.index : e.move.kind === 'timeout'));
      if (!made) continue;
      if (use.always === null) use.always = new Set(st.facts);
      else for (const f of use.always) if (!st.facts.includes(f)) use.always.delete(f);
      for (const f of st.facts) use.ever!.add(f);
    }
  });
}

/** "mood is 20–45 …; "order-found" is never known …": the values a branch's condition meets, as far as lint can see them. */
function valuesFor(s: Scenario, use: BranchUse, when: Condition): string[] {
  const effects = use.reply ?? s.nodes.get(use.node)!.timeout!;
  const chosen = use.reply ? 'this reply is chosen' : 'the timer runs out';
  const out: string[] = [];
  const quantities = new Set(when.compare.map((c) => c.on).filter((q): q is 'mood' | 'patience' => q === 'mood' || q === 'patience'));
  for (const q of quantities) {
    const change = q === 'mood' ? effects.mood : effects.patience;
    const own = change !== 0 ? `, and it changes ${q} by ${change > 0 ? '+' : ''}${change}` : '';
    const wait = q === 'patience' && use.reply && use.reply.takesMs > 0 ? `, and waiting ${use.reply.takesMs / 1000} s for the action costs more` : '';
    out.push(`${q} is ${range(q === 'mood' ? use.mood : use.patience)} when ${chosen}${own}${wait}`);
  }
  const reveals = effects.reveals;
  for (const f of when.known) {
    if (s.facts.has(f) && !use.ever?.has(f) && !reveals.includes(f)) out.push(`"${f}" is never known by then`);
  }
  for (const f of when.unknown) {
    if (s.facts.has(f) && (use.always?.has(f) || reveals.includes(f))) out.push(`"${f}" is always known by then`);
  }
  return out;
}

/** The "if" of a branch as written: atoms joined with "and". */
function conditionText(raw: unknown): string {
  if (typeof raw === 'string') return `"${raw}"`;
  if (Array.isArray(raw)) return raw.map((a) => `"${a}"`).join(' and ');
  return 'its "if"';
}

/** The branch's "if" as written in the file. */
function rawIf(ctx: FileContext, use: BranchUse, k: number): unknown {
  const node = (ctx.raw as { nodes?: Record<string, { replies?: { next?: unknown }[]; timeout?: { next?: unknown } }> }).nodes?.[use.node];
  const next = use.reply ? node?.replies?.[use.reply.index]?.next : node?.timeout?.next;
  return Array.isArray(next) ? (next[k] as { if?: unknown } | undefined)?.if : undefined;
}

const moveName = (use: BranchUse) => (use.reply ? `reply "${use.reply.id}" of node "${use.node}"` : `the timeout of node "${use.node}"`);

type Quantity = 'mood' | 'patience';

/**
 * Which way an exam's silence can move mood and patience: patience drains while the trainee
 * thinks (a customer with any "drain"), and a node's timer running out applies its effects
 * (by default mood -10). The graph's replies are given at once, so it shows none of this.
 */
function silenceMoves(s: Scenario): { lowers: Set<Quantity>; raises: Set<Quantity> } {
  const lowers = new Set<Quantity>();
  const raises = new Set<Quantity>();
  if (s.customer.drain > 0) lowers.add('patience');
  for (const n of s.nodes.values()) {
    const t = n.timeout;
    if (!t) continue;
    if (t.mood < 0) lowers.add('mood');
    if (t.mood > 0) raises.add('mood');
    if (t.patience < 0) lowers.add('patience');
    if (t.patience > 0) raises.add('patience');
  }
  return { lowers, raises };
}

const silences = new WeakMap<Scenario, ReturnType<typeof silenceMoves>>();

const compares = (b: Branch, q: Set<Quantity>, ops: readonly string[]) =>
  b.when?.compare.some((c) => (c.on === 'mood' || c.on === 'patience') && q.has(c.on) && ops.includes(c.op)) ?? false;

const DOWN = ['<', '<=', '=='];
const UP = ['>', '>=', '=='];

/**
 * Whether a trainee who stays silent for a while could still take branch k: it asks for a mood
 * or patience that silence moves towards, or comes after a branch asking for one that silence
 * moves away from. Such branches are not claimed never taken.
 */
function silenceMayTake(s: Scenario, use: BranchUse, k: number): boolean {
  let m = silences.get(s);
  if (!m) silences.set(s, (m = silenceMoves(s)));
  const b = use.branches[k]!;
  if (compares(b, m.lowers, DOWN) || compares(b, m.raises, UP)) return true;
  return use.branches.slice(0, k).some((e) => compares(e, m.lowers, UP) || compares(e, m.raises, DOWN));
}

/** Whether branch k is known never to be taken, even by a trainee who stays silent for a while. */
export const neverTaken = (s: Scenario, use: BranchUse, k: number) =>
  use.chosen > 0 && use.unknown === 0 && use.taken[k] === 0 && use.maybe[k] === 0 && !silenceMayTake(s, use, k);

/** Why branch k is never taken: its values, and which earlier branches are taken instead. */
export function whyNeverTaken(ctx: FileContext, use: BranchUse, k: number): string {
  const b = use.branches[k]!;
  const reasons: string[] = [];
  if (b.when) {
    const values = valuesFor(ctx.scenario, use, b.when);
    reasons.push(`${conditionText(rawIf(ctx, use, k))} never holds then${values.length > 0 ? `: ${values.join('; ')}` : ''}`);
  }
  const earlier = use.branches
    .slice(0, k)
    .map((e, j) => ({ e, j, n: use.taken[j]! }))
    .filter((x) => x.n > 0)
    .map((x) => `branch ${x.j + 1} (to "${x.e.to}") in ${x.n} state${x.n === 1 ? '' : 's'}`);
  if (earlier.length > 0) reasons.push(`${b.when ? 'or ' : ''}an earlier branch matches first every time: ${earlier.join(', ')}`);
  return reasons.join(', ');
}

/** Where the move is first made: "after --path 1,2". */
export function firstMade(graph: StateGraph, use: BranchUse): string {
  const path = pathTo(graph, use.first);
  return path.length > 0 ? ` (first after --path ${pathArgument(path)})` : '';
}

/** The uses with a branch never taken, their facts gathered for the messages. */
function withNeverTaken(ctx: FileContext, branches: Branches): BranchUse[] {
  let found = neverTakenOf.get(branches);
  if (found) return found;
  found = [...branches.uses.values()].filter((use) => use.branches.some((_, k) => neverTaken(ctx.scenario, use, k)));
  // One pass over each graph's states (a timer's branches are on the graph with timeouts).
  const byGraph = new Map<StateGraph, BranchUse[]>();
  for (const use of found) {
    const g = branches.graphOf(use);
    byGraph.set(g, [...(byGraph.get(g) ?? []), use]);
  }
  for (const [g, uses] of byGraph) gatherFacts(g, uses);
  neverTakenOf.set(branches, found);
  return found;
}

const neverTakenOf = new WeakMap<Branches, BranchUse[]>();

export function checkBranches(ctx: FileContext, branches: Branches): void {
  for (const use of withNeverTaken(ctx, branches)) {
    use.branches.forEach((b, k) => {
      if (!neverTaken(ctx.scenario, use, k)) return;
      const path = use.reply ? ['nodes', use.node, 'replies', use.reply.index, 'next', k] : ['nodes', use.node, 'timeout', 'next', k];
      const why = whyNeverTaken(ctx, use, k);
      ctx.report(
        'branch-never-taken',
        path,
        `branch ${k + 1} (to "${b.to}") of ${moveName(use)} is never taken${firstMade(branches.graphOf(use), use)}: ${why}`,
        b.when ? `change the "if", or put this branch before the one that always matches; remove it if it is not needed` : `the branches before it cover every case: remove one of their "if"s' cases, or remove this branch`,
      );
    });
  }
}

/** For never-reached: why each way into `target` is not used, as far as the branches tell. */
export function branchReasons(ctx: FileContext, branches: Branches, target: string): string[] {
  const out: string[] = [];
  for (const use of withNeverTaken(ctx, branches)) {
    use.branches.forEach((b, k) => {
      if (b.to !== target || !neverTaken(ctx.scenario, use, k)) return;
      out.push(`branch ${k + 1} of ${moveName(use)} is never taken (${whyNeverTaken(ctx, use, k)})`);
    });
  }
  return out;
}

