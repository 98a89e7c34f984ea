// The reachable states of a call — node, facts known, mood and patience — with the trainee's
// moves as edges, built once by breadth-first search over the one transition function
// (rules/step.ts, through moves.ts). Analyses walk this graph, so they cost what the call's size
// costs, never what its number of paths costs.
//
// Turns are left out of a state on purpose: they would multiply the states by the length of
// the call. What turns change — judgment lost beyond par, and the customer giving up after
// MAX_TURNS — is accounted for by the analyses (see pathBounds.ts): par by a small product with
// the turns up to par, and the turn limit by rebuilding with exact turns (`turns: 'exact'`)
// in the rare call where a path can get that long.
import type { Outcome, Scenario } from '../format/model.js';
import type { ConditionSubject } from '../rules/conditions.js';
import type { Deductions, SessionContext, TurnRecord } from '../rules/state.js';
import { draftOf } from '../rules/contextDraft.js';
import { MAX_TURNS } from '../rules/transitions.js';
import { endEntries, isIdealEnding, knownAtEnd } from '../scoring/score.js';
import { afterMove, answeredContext, movesAt, type Move, type MoveOptions } from './moves.js';

export interface Edge {
  readonly to: number;
  readonly move: Move;
  /** Points lost by this move (0 or below). Judgment lost beyond par is not included. */
  readonly deductions: Deductions;
  /**
   * The call ended because the customer gave up (patience ran out, or the turn limit) rather
   * than because the move led to an ending.
   */
  readonly gaveUp: boolean;
  /**
   * The move is a turn of the call (a reply, the timer running out, hanging up). False when
   * the customer ran out of patience before it landed: no turn, no cost, nothing beyond par.
   */
  readonly turned: boolean;
}

export interface Ending {
  readonly outcome: Outcome;
  readonly node: string;
  /** What is judged at the end (0 or below), not counting turns beyond par. */
  readonly deductions: Deductions;
  /** An ideal outcome with every fact it requires known. */
  readonly ideal: boolean;
}

export interface StateInfo {
  readonly node: string;
  readonly facts: readonly string[];
  /** Hidden memory (format 2): flags set, counters, where the call came from. */
  readonly flags: readonly string[];
  readonly counters: readonly number[];
  readonly cameFrom: string | null;
  readonly mood: number;
  readonly patience: number;
  /** Fewest moves from the start. */
  readonly depth: number;
  /** Exact turns taken (counting those before `from`), when the graph was built with `turns: 'exact'`; otherwise 0. */
  readonly turns: number;
  readonly ending: Ending | null;
  /** Replies on offer here (a bit per reply position); 0 at endings. */
  readonly offered: number;
}

export interface StateGraph {
  readonly scenario: Scenario;
  /** In breadth-first order: state 0 is the start, and depth never decreases with the index. */
  readonly states: StateInfo[];
  readonly edges: Edge[][];
  /** Fewest-moves tree from the start: parent state and edge index (-1 at the start). */
  readonly parent: Int32Array;
  readonly parentEdge: Int32Array;
  /** True if exploration stopped at the state limit. */
  readonly truncated: boolean;
  readonly turns: 'free' | 'exact';
  /** Turns already taken in state 0 (0 from the call's start). */
  readonly startTurns: number;
  readonly options: GraphOptions;
}

export interface GraphOptions extends MoveOptions {
  /** 'free' (default): turns are not part of a state. 'exact': they are, up to MAX_TURNS. */
  readonly turns?: 'free' | 'exact';
  /** Stop after this many states (a safety net for runaway scenarios). Default 2,000,000. */
  readonly maxStates?: number;
  /**
   * Explore from this listening state instead of the call's start (the review asks what was
   * still possible at a turn). Its history counts: turns already taken, towards par and the limit.
   */
  readonly from?: SessionContext;
}

const ZERO: Deductions = { politeness: 0, accuracy: 0, judgment: 0 };
const NONE: readonly TurnRecord[] = [];

function sum(entries: readonly { dimension: keyof Deductions; points: number }[]): Deductions {
  const d = { politeness: 0, accuracy: 0, judgment: 0 };
  for (const e of entries) d[e.dimension] += e.points;
  return d;
}

/** Where a move says the call goes (empty for a timeout that repeats the line, or hanging up). */
function targetsOf(move: Move, node: string, s: Scenario): readonly string[] {
  switch (move.kind) {
    case 'reply':
      return move.reply.next.map((b) => b.to);
    case 'timeout':
      return s.nodes.get(node)!.timeout!.next.map((b) => b.to);
    case 'hang-up':
      return [];
  }
}

/** A context with another history. */
function withHistory(ctx: SessionContext, history: readonly TurnRecord[]): SessionContext {
  const copy = draftOf(ctx);
  copy.history = history;
  return copy;
}

/**
 * The states seen so far, by key: (node, and whether the call ended there), facts, mood and
 * patience, turns. Numbers in an open-addressing table of state ids, so the search builds no
 * string per move and keeps none per state; a state's four numbers side by side.
 */
class StateIndex {
  private slots = new Int32Array(1 << 12);
  private readonly keys: number[] = [];

  private static hash(a: number, b: number, c: number, d: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c | 0, 0xc2b2ae35) ^ Math.imul(d, 0x27d4eb2f);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    return h ^ (h >>> 15);
  }

  /** The facts part of state id's key. */
  factsOf(id: number): number {
    return this.keys[4 * id + 1]!;
  }

  /** The node part of state id's key. */
  nodeOf(id: number): number {
    return this.keys[4 * id]! >> 1;
  }

  /** The state with this key, or -1. */
  get(a: number, b: number, c: number, d: number): number {
    const mask = this.slots.length - 1;
    const keys = this.keys;
    for (let i = StateIndex.hash(a, b, c, d) & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i]! - 1;
      if (id < 0) return -1;
      const k = 4 * id;
      if (keys[k] === a && keys[k + 1] === b && keys[k + 2] === c && keys[k + 3] === d) return id;
    }
  }

  /** Records state `id` (the next one) under a key not seen before. */
  add(id: number, a: number, b: number, c: number, d: number): void {
    this.keys.push(a, b, c, d);
    if (2 * (id + 1) > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let k = 0; k < id; k++) this.place(k);
    }
    this.place(id);
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    const k = 4 * id;
    let i = StateIndex.hash(this.keys[k]!, this.keys[k + 1]!, this.keys[k + 2]!, this.keys[k + 3]!) & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = id + 1;
  }
}

/**
 * What the moves out of a node have in common, kept once: each move and what it costs — the
 * same objects for every state at the node, so the graph holds as many as the call has replies,
 * not as many as it has moves — by slot (reply index, then the timeout, then hanging up), as
 * [move, deductions] pairs; and the nodes its moves were seen to lead to, as [id, number]
 * pairs: a handful, looked through before the map of every node.
 */
interface NodeShare {
  readonly replies: number;
  readonly slots: (Move | Deductions | undefined)[];
  readonly near: (string | number)[];
}

export function buildStateGraph(s: Scenario, options: GraphOptions = {}): StateGraph {
  // A call whose conditions compare the turns taken tells states apart by them: exact turns.
  const exact = options.turns === 'exact' || s.memory.turns;
  const maxStates = options.maxStates ?? 2_000_000;
  const factBit = new Map([...s.facts.keys()].map((f, i) => [f, i]));
  const nodeList = [...s.nodes.values()];
  const nodeIndex = new Map([...s.nodes.keys()].map((n, i) => [n, i]));
  const shares: (NodeShare | undefined)[] = new Array(nodeList.length);
  const shareOf = (n: number): NodeShare => (shares[n] ??= { replies: nodeList[n]!.replies.length, slots: [], near: [] });
  const numberOf = (node: string, from: number): number => {
    if (from < 0) return nodeIndex.get(node)!;
    const near = shareOf(index.nodeOf(from)).near;
    for (let k = 0; k < near.length; k += 2) if (near[k] === node) return near[k + 1] as number;
    const n = nodeIndex.get(node)!;
    if (near.length < 16) near.push(node, n);
    return n;
  };
  // Dummy histories: in exact mode only their length matters (the engine's turn limit reads it).
  const histories: TurnRecord[][] = [];
  const historyOf = (turns: number) => (histories[turns] ??= Array.from({ length: turns }, () => ({}) as TurnRecord));

  const states: StateInfo[] = [];
  const edges: (Edge[] | null)[] = [];
  const parent: number[] = [];
  const parentEdge: number[] = [];
  const index = new StateIndex();
  let truncated = false;

  // The contexts of the states still to explore. Most are what a reply leaves: listening at
  // the start of the node's line, nothing running, the call's mode, seed and drain. Those keep
  // only what the state does not say (the time, and the replies' order) and are written out
  // again when explored, so a large call does not keep hundreds of thousands of contexts alive
  // while the search goes on. Any other is kept whole.
  const contexts: (SessionContext | null)[] = [];
  const elapsed: number[] = [];
  const orders: (readonly number[] | null)[] = [];

  // Facts as a bit mask while they fit in one number (almost always), else as a sorted list,
  // numbered in the order first met.
  const wide = factBit.size > 30;
  const lists = new Map<string, number>();
  const factKey = (facts: readonly string[]): number => {
    if (!wide) {
      let mask = 0;
      for (const f of facts) mask |= 1 << factBit.get(f)!;
      return mask;
    }
    const list = facts.map((f) => factBit.get(f)!).sort((a, b) => a - b).join(',');
    let id = lists.get(list);
    if (id === undefined) lists.set(list, (id = lists.size));
    return id;
  };
  // Hidden memory (format 2) joins the facts in a state's key: the facts' number, the flags set,
  // the counters and where the call came from, numbered in the order first met.
  const usesMemory = s.memory.hidden || s.memory.returns;
  const memories = new Map<string, number>();
  const memoryKey = (factsKey: number, ctx: SessionContext, ended: boolean): number => {
    if (!usesMemory) return factsKey;
    const flags = ctx.flags.length > 1 ? [...ctx.flags].sort().join(',') : ctx.flags.join(',');
    const key = `${factsKey}|${flags}|${ctx.counters.join(',')}|${ended ? '' : (ctx.cameFrom ?? '')}`;
    let id = memories.get(key);
    if (id === undefined) memories.set(key, (id = memories.size));
    return id;
  };
  const slotOf = (move: Move, replies: number) => (move.kind === 'reply' ? move.reply.index : move.kind === 'timeout' ? replies : replies + 1);
  const sameDeductions = (a: Deductions, b: Deductions) => Object.is(a.politeness, b.politeness) && Object.is(a.accuracy, b.accuracy) && Object.is(a.judgment, b.judgment);

  // The moves of a listening state, as movesAt lists them, without asking the engine again which
  // replies are on offer: every state here but a given start (`from`) is the engine's own, made
  // on entering its node, where it put the replies on offer in ctx.order (shuffled for the
  // trainee), and nothing since has changed what their conditions read. In the node's order, as
  // movesAt gives them; each move the one object its slot at the node keeps.
  const timeouts = options.timeouts ?? true;
  const hangUp = options.hangUp ?? true;
  const scratch: Move[] = [];
  const movesOf = (ctx: SessionContext, n: number, common: NodeShare): Move[] => {
    const node = nodeList[n]!;
    const moves = scratch;
    moves.length = 0;
    let mask = 0;
    for (let k = 0; k < ctx.order.length; k++) mask |= 1 << ctx.order[k]!;
    for (let r = 0; mask >> r !== 0; r++) {
      if (mask & (1 << r)) moves.push((common.slots[2 * r] ??= { kind: 'reply', reply: node.replies[r]! }) as Move);
    }
    if (timeouts && node.timeout && ctx.mode === 'exam') moves.push((common.slots[2 * common.replies] ??= { kind: 'timeout' }) as Move);
    if (hangUp) moves.push((common.slots[2 * common.replies + 2] ??= { kind: 'hang-up' }) as Move);
    return moves;
  };

  const first = options.from ?? answeredContext(s);
  /** Whether `explored` can write a context out again from its state, its time and its replies' order. */
  const plain = (ctx: SessionContext) =>
    ctx.phase === 'listening' &&
    ctx.work === null &&
    ctx.ending === null &&
    Object.is(ctx.waitMs, 0) &&
    ctx.speakingMs === null &&
    Object.is(ctx.phaseStartPatience, ctx.patience) &&
    Object.is(ctx.mode, first.mode) &&
    Object.is(ctx.seed, first.seed) &&
    Object.is(ctx.drain, first.drain);
  /** State id's context, with its history, as withHistory made it. */
  const explored = (id: number, turns: number): SessionContext | null => {
    const kept = contexts[id];
    if (kept) return kept;
    const order = orders[id];
    if (!order) return null;
    const st = states[id]!;
    return {
      mode: first.mode,
      speakingMs: null,
      seed: first.seed,
      phase: 'listening',
      node: st.node,
      mood: st.mood,
      patience: st.patience,
      drain: first.drain,
      facts: st.facts,
      flags: st.flags,
      counters: st.counters,
      cameFrom: st.cameFrom,
      elapsedMs: elapsed[id]!,
      waitMs: 0,
      phaseStartPatience: st.patience,
      order,
      work: null,
      history: exact ? historyOf(turns) : NONE,
      ending: null,
    };
  };

  const add = (ctx: SessionContext, turns: number, from: number, via: number): number => {
    const ended = ctx.phase === 'ended';
    // At an ending only the facts matter for what is judged; mood and patience no longer do.
    const a = 2 * numberOf(ctx.node, from) + (ended ? 1 : 0);
    // A move that finds nothing new keeps the very same list of facts: its key is known.
    const prev = from >= 0 ? states[from]! : null;
    const b =
      prev && !(usesMemory && ended) && ctx.facts === prev.facts && ctx.flags === prev.flags && ctx.counters === prev.counters && ctx.cameFrom === prev.cameFrom
        ? index.factsOf(from)
        : memoryKey(factKey(ctx.facts), ctx, ended);
    const c = ended ? 0 : ctx.mood * 101 + ctx.patience;
    const d = ended || !exact ? 0 : turns;
    const seen = index.get(a, b, c, d);
    if (seen >= 0) return seen;
    const id = states.length;
    index.add(id, a, b, c, d);
    const ending: Ending | null = ctx.ending
      ? {
          outcome: ctx.ending.outcome,
          node: ctx.ending.node,
          deductions: sum(endEntries(s, ctx.ending, knownAtEnd(ctx), 0)),
          ideal: isIdealEnding(s, ctx.ending, knownAtEnd(ctx)),
        }
      : null;
    const depth = from < 0 ? 0 : states[from]!.depth + 1;
    states.push({ node: ctx.node, facts: ctx.facts, flags: ctx.flags, counters: ctx.counters, cameFrom: ctx.cameFrom, mood: ctx.mood, patience: ctx.patience, depth, turns: exact ? turns : 0, ending, offered: 0 });
    if (ended) {
      contexts.push(null);
      orders.push(null);
      elapsed.push(0);
    } else {
      const compact = plain(ctx);
      contexts.push(compact ? null : withHistory(ctx, exact ? historyOf(turns) : NONE));
      orders.push(compact ? ctx.order : null);
      elapsed.push(compact ? ctx.elapsedMs : 0);
    }
    edges.push(null);
    parent.push(from);
    parentEdge.push(via);
    return id;
  };

  const startTurns = first.history.length;
  add(first, startTurns, -1, -1);
  for (let id = 0; id < states.length; id++) {
    if (states.length >= maxStates) {
      truncated = true;
      break;
    }
    const here = exact ? states[id]!.turns : 0;
    const ctx = explored(id, here);
    contexts[id] = null;
    orders[id] = null;
    if (!ctx || ctx.phase !== 'listening') continue;
    const n = index.nodeOf(id);
    const common = shareOf(n);
    let offered = 0;
    const moves = id === 0 && options.from ? movesAt(s, ctx, options) : movesOf(ctx, n, common);
    const out: Edge[] = new Array(moves.length);
    for (let k = 0; k < moves.length; k++) {
      const fresh = moves[k]!;
      if (fresh.kind === 'reply') offered |= 1 << fresh.reply.index;
      const next = afterMove(s, ctx, fresh);
      const turned = next.history.length > ctx.history.length;
      const record = turned ? next.history[next.history.length - 1] : undefined;
      const gaveUp = next.phase === 'ended' && next.node === s.hangUpNode && !targetsOf(fresh, ctx.node, s).includes(s.hangUpNode);
      const to = add(next, exact && turned ? Math.min(here + 1, MAX_TURNS) : here, id, k);
      const slot = 2 * slotOf(fresh, common.replies);
      const move = (common.slots[slot] ??= fresh) as Move;
      let deductions = record?.deductions ?? ZERO;
      const known = common.slots[slot + 1] as Deductions | undefined;
      if (known === undefined) common.slots[slot + 1] = deductions;
      else if (sameDeductions(known, deductions)) deductions = known;
      out[k] = { to, move, deductions, gaveUp, turned };
    }
    edges[id] = out;
    (states[id] as { offered: number }).offered = offered;
  }
  const graph: StateGraph = {
    scenario: s,
    states,
    // A state not explored (an ending, or past the limit) has no moves.
    edges: edges.map((list) => list ?? []),
    parent: Int32Array.from(parent),
    parentEdge: Int32Array.from(parentEdge),
    truncated,
    turns: exact ? 'exact' : 'free',
    startTurns,
    options,
  };
  const of = new Int32Array(states.length);
  for (let id = 0; id < states.length; id++) of[id] = index.nodeOf(id);
  numbers.set(graph, { of, ids: [...s.nodes.keys()] });
  return graph;
}

/**
 * A state as conditions see it (rules/conditions.ts holds): its facts, memory, mood, patience
 * and turns taken (exact in a graph built with exact turns — always, for a call whose conditions
 * compare turns).
 */
export function subjectOf(st: StateInfo): ConditionSubject {
  return { facts: st.facts, flags: st.flags, counters: st.counters, mood: st.mood, patience: st.patience, history: { length: st.turns } };
}

/** Each state's node as a number: ids[of[state]] is states[state].node (ids in the scenario's order). */
export interface NodeNumbers {
  readonly of: Int32Array;
  readonly ids: readonly string[];
}

const numbers = new WeakMap<StateGraph, NodeNumbers>();

/** The node numbers of a graph's states, for checks that gather what the states of a node share. */
export function nodeNumbers(g: StateGraph): NodeNumbers {
  let found = numbers.get(g);
  if (!found) {
    // A graph not made here (built by hand): number its nodes now.
    const index = new Map([...g.scenario.nodes.keys()].map((n, i) => [n, i]));
    found = { of: Int32Array.from(g.states, (st) => index.get(st.node)!), ids: [...g.scenario.nodes.keys()] };
    numbers.set(g, found);
  }
  return found;
}

/** The moves from the start to a state along the fewest turns. */
export function pathTo(g: StateGraph, state: number): Edge[] {
  const path: Edge[] = [];
  for (let s = state; g.parent[s]! >= 0; s = g.parent[s]!) path.push(g.edges[g.parent[s]!]![g.parentEdge[s]!]!);
  return path.reverse();
}

/**
 * Whether turns matter beyond par: a loop, or a path long enough for the customer to give up
 * at the turn limit. Then the graph must be rebuilt with exact turns for scores to be exact.
 */
export function needsExactTurns(g: StateGraph): boolean {
  if (g.turns === 'exact') return false;
  let needs = needed.get(g);
  if (needs === undefined) needed.set(g, (needs = computeNeedsExact(g)));
  return needs;
}

const needed = new WeakMap<StateGraph, boolean>();

function computeNeedsExact(g: StateGraph): boolean {
  const order = topologicalOrder(g);
  if (!order) return true;
  const { start, to, ended } = packedEdges(g);
  const longest = new Int32Array(g.states.length);
  for (let j = 0; j < order.length; j++) {
    const s = order[j]!;
    for (let i = start[s]!; i < start[s + 1]!; i++) longest[to[i]!] = Math.max(longest[to[i]!]!, longest[s]! + 1);
  }
  // The turn limit is checked when the customer speaks after the limit's turn.
  for (let j = 0; j < order.length; j++) if (!ended[order[j]!] && g.startTurns + longest[order[j]!]! >= MAX_TURNS - 1) return true;
  return false;
}

/**
 * The graph's moves, packed into arrays: state s's moves are start[s] … start[s + 1] - 1, in
 * the order of g.edges[s]. For the passes over every move of a large call, which would
 * otherwise visit a million objects each time.
 */
export interface PackedEdges {
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly turned: Uint8Array;
  readonly gaveUp: Uint8Array;
  /** Each move's deductions: politeness, accuracy, judgment (3 numbers per move, exactly as in the edge). */
  readonly deductions: Int8Array | Int32Array | Float64Array;
  /** Per state: 1 at an ending. */
  readonly ended: Uint8Array;
}

const packs = new WeakMap<StateGraph, PackedEdges>();

/** The graph's moves in arrays, made once per graph. */
export function packedEdges(g: StateGraph): PackedEdges {
  let packed = packs.get(g);
  if (packed) return packed;
  const n = g.states.length;
  const start = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) start[s + 1] = start[s]! + g.edges[s]!.length;
  const m = start[n]!;
  const to = new Int32Array(m);
  const turned = new Uint8Array(m);
  const gaveUp = new Uint8Array(m);
  const ended = new Uint8Array(n);
  // In the smallest array that holds every deduction exactly (they are whole points, 0 to -100).
  let bits = 8;
  for (let s = 0; s < n && bits < 64; s++) {
    const es = g.edges[s]!;
    for (let k = 0; k < es.length; k++) {
      const d = es[k]!.deductions;
      bits = Math.max(bits, bitsFor(d.politeness), bitsFor(d.accuracy), bitsFor(d.judgment));
    }
  }
  const deductions = bits === 8 ? new Int8Array(3 * m) : bits === 32 ? new Int32Array(3 * m) : new Float64Array(3 * m);
  for (let s = 0; s < n; s++) {
    if (g.states[s]!.ending) ended[s] = 1;
    let i = start[s]!;
    const es = g.edges[s]!;
    for (let k = 0; k < es.length; k++) {
      const e = es[k]!;
      to[i] = e.to;
      turned[i] = e.turned ? 1 : 0;
      gaveUp[i] = e.gaveUp ? 1 : 0;
      deductions[3 * i] = e.deductions.politeness;
      deductions[3 * i + 1] = e.deductions.accuracy;
      deductions[3 * i + 2] = e.deductions.judgment;
      i++;
    }
  }
  packed = { start, to, turned, gaveUp, deductions, ended };
  packs.set(g, packed);
  return packed;
}

/** The bits of the smallest array that holds v exactly: 8 or 32 for a whole number (not -0), else 64. */
const bitsFor = (v: number) => ((v | 0) !== v || Object.is(v, -0) ? 64 : v >= -128 && v <= 127 ? 8 : 32);

const orders = new WeakMap<StateGraph, Int32Array | null>();

/** States in an order where every edge goes forward, or null if the graph has a cycle. Computed once per graph. */
export function topologicalOrder(g: StateGraph): Int32Array | null {
  if (!orders.has(g)) orders.set(g, computeOrder(g));
  return orders.get(g)!;
}

function computeOrder(g: StateGraph): Int32Array | null {
  const n = g.states.length;
  const { start, to } = packedEdges(g);
  const indegree = new Int32Array(n);
  for (let i = 0; i < to.length; i++) indegree[to[i]!]!++;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let s = 0; s < n; s++) if (indegree[s] === 0) order[tail++] = s;
  while (head < tail) {
    const s = order[head++]!;
    for (let i = start[s]!; i < start[s + 1]!; i++) if (--indegree[to[i]!]! === 0) order[tail++] = to[i]!;
  }
  return tail === n ? order : null;
}
