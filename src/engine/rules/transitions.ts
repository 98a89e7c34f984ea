// Every rule of a call, as pure functions from one state to the next. The dialogue machine's
// guards and actions call these; so do the analyses. Nothing here reads the clock or draws random numbers of its own.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Branch, DialogueNode, Effects, Entry, Reply, Scenario, Timeout } from '../format/model.js';
import { RETURN_TARGET } from '../format/schema.js';
import { holds, type ConditionSubject } from './conditions.js';
import { draftOf } from './contextDraft.js';
import { changeMemory } from './memory.js';
import type { Mode, SessionContext, TurnChoice, TurnRecord } from './state.js';

const clamp = (v: number) => Math.max(0, Math.min(100, v));

/**
 * Patience lost by waiting `ms`: `drain` points per 10 s for a calm customer (mood 100),
 * up to twice that for a furious one (mood 0). Whole points, rounded down, computed from the
 * start of the wait so ticks of any size add up to the same thing.
 */
export function drainCost(ms: number, mood: number, drain: number): number {
  return Math.floor((ms * drain * (200 - mood)) / 1_000_000);
}

/** Patience left once the current wait has lasted `ms` in all (0 if it runs out). */
export function patienceAfterWaiting(ctx: SessionContext, ms: number): number {
  return clamp(ctx.phaseStartPatience - drainCost(ms, ctx.mood, ctx.drain));
}

/** No real call has this many exchanges: the customer gives up, so every call ends. */
export const MAX_TURNS = 60;

/** The customer hangs up: out of patience, or worn out by an endless call. */
export function customerGivesUp(ctx: SessionContext): boolean {
  return ctx.patience <= 0 || ctx.history.length >= MAX_TURNS;
}

const NO_FLAGS: readonly string[] = Object.freeze([]);
const NO_COUNTERS: readonly number[] = Object.freeze([]);

export function initialContext(s: Scenario, seed: number, mode: Mode): SessionContext {
  return {
    mode,
    speakingMs: null,
    seed,
    phase: 'ringing',
    node: s.start,
    mood: s.customer.mood,
    patience: s.customer.patience,
    drain: s.customer.drain,
    facts: [],
    flags: NO_FLAGS,
    counters: s.counters.size === 0 ? NO_COUNTERS : new Array<number>(s.counters.size).fill(0),
    cameFrom: null,
    elapsedMs: 0,
    waitMs: 0,
    phaseStartPatience: s.customer.patience,
    order: [],
    work: null,
    history: [],
    ending: null,
  };
}

/**
 * The replies on offer: those whose condition holds, minus those whose facts are all known
 * already (looking the order up twice teaches nothing) unless marked "repeat" — but never
 * hide everything that way.
 */
export function availableReplies(node: DialogueNode, s: ConditionSubject): Reply[] {
  return availableReplyIndices(node, s).map((i) => node.replies[i]!);
}

/** Whether a reply would still teach something: marked "repeat", revealing nothing, or a fact not known yet. */
function isFresh(r: Reply, facts: readonly string[]): boolean {
  if (r.repeat || r.reveals.length === 0) return true;
  for (let k = 0; k < r.reveals.length; k++) if (!facts.includes(r.reveals[k]!)) return true;
  return false;
}

/**
 * availableReplies as the replies' places in the node (a reply's `index`), in the node's order:
 * what entering a node shuffles. One list, no closure per reply: the analyses enter nodes a
 * million times in a large call.
 */
export function availableReplyIndices(node: DialogueNode, s: ConditionSubject): number[] {
  const replies = node.replies;
  const allowed: number[] = [];
  let fresh = 0;
  for (let i = 0; i < replies.length; i++) {
    const r = replies[i]!;
    if (!holds(r.when, s)) continue;
    allowed.push(i);
    if (isFresh(r, s.facts)) fresh++;
  }
  if (fresh === 0 || fresh === allowed.length) return allowed;
  let kept = 0;
  for (let k = 0; k < allowed.length; k++) if (isFresh(replies[allowed[k]!]!, s.facts)) allowed[kept++] = allowed[k]!;
  allowed.length = kept;
  return allowed;
}

/** The first branch whose condition holds; -1 if none (the loader forbids that for the last). */
export function pickBranch(branches: readonly Branch[], s: ConditionSubject): number {
  for (let i = 0; i < branches.length; i++) if (holds(branches[i]!.when, s)) return i;
  return -1;
}

function union(facts: readonly string[], more: readonly string[]): string[] {
  const out = [...facts];
  for (const f of more) if (!out.includes(f)) out.push(f);
  return out;
}

/** Where a branch leads from here: its node, or for "$return" the node the call came from (or this one). */
export function targetOf(ctx: SessionContext, to: string): string {
  return to === RETURN_TARGET ? (ctx.cameFrom ?? ctx.node) : to;
}

/**
 * Speaking a node's line does what its "enter" says, each time: mood, patience, facts, memory —
 * recorded on the turn that led here (its facts, its "arrival"), so the debrief can show them
 * beside the line. Applied before the replies are offered, so they see it.
 */
export function enterEffects(ctx: SessionContext, e: Entry): SessionContext {
  const mood = clamp(ctx.mood + e.mood);
  const patience = clamp(ctx.patience + e.patience);
  const revealed = e.reveals.filter((f, i, all) => !ctx.facts.includes(f) && all.indexOf(f) === i);
  const memory = changeMemory(ctx, e.set);
  // The turn that led here owns what the line did: its facts, and its change of mood and patience.
  let history = ctx.history;
  if (history.length > 0 && (revealed.length > 0 || mood !== ctx.mood || patience !== ctx.patience)) {
    const last = history[history.length - 1]!;
    const arrival = { mood: (last.arrival?.mood ?? 0) + mood - ctx.mood, patience: (last.arrival?.patience ?? 0) + patience - ctx.patience };
    const changed = arrival.mood !== 0 || arrival.patience !== 0;
    history = [...history.slice(0, -1), { ...last, revealed: revealed.length > 0 ? [...last.revealed, ...revealed] : last.revealed, ...(changed ? { arrival } : {}) }];
  }
  return withEffects(ctx, mood, patience, revealed, memory, history);
}

/** The context after effects: mood, patience, the facts revealed added, memory, and the history. */
function withEffects(ctx: SessionContext, mood: number, patience: number, revealed: readonly string[], memory: Pick<SessionContext, 'flags' | 'counters'>, history: readonly TurnRecord[]): SessionContext {
  const next = draftOf(ctx);
  next.mood = mood;
  next.patience = patience;
  if (revealed.length > 0) next.facts = [...ctx.facts, ...revealed];
  next.flags = memory.flags;
  next.counters = memory.counters;
  next.history = history;
  return next;
}

/** The call moves to another node's line: for "$return", remember where it came from. */
export function arriveAt(s: Scenario, ctx: SessionContext, id: string): SessionContext {
  if (!(s.memory.returns && id !== ctx.node && ctx.phase !== 'ringing')) return ctx;
  const next = draftOf(ctx);
  next.cameFrom = ctx.node;
  return next;
}

/** FNV-1a: mixes a node's id into the seed. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Speaking a node's line: the wait starts and the replies on offer are shuffled, so the best one
 * is not always in the same place. The order depends only on the seed and the node, so a call
 * shows a node's replies the same way each time it comes back, and every state of the call
 * (node, facts, mood, patience) has one order — which keeps replays and analyses exact.
 */
export function enterNode(ctx: SessionContext, node: DialogueNode): SessionContext {
  const offered = availableReplyIndices(node, ctx);
  if (offered.length > 1) {
    const rng = xoroshiro128plus((ctx.seed ^ hashId(node.id)) >>> 0);
    for (let i = offered.length - 1; i > 0; i--) {
      const j = uniformInt(rng, 0, i);
      const swapped = offered[i]!;
      offered[i] = offered[j]!;
      offered[j] = swapped;
    }
  }
  const next = draftOf(ctx);
  next.phase = 'listening';
  next.node = node.id;
  next.order = offered;
  next.waitMs = 0;
  next.speakingMs = null;
  next.phaseStartPatience = ctx.patience;
  return next;
}

/** Time passing. While ringing or listening, only an exam drains patience; an action always does. */
export function wait(ctx: SessionContext, ms: number, limitMs: number | null): SessionContext {
  const waitMs = ctx.waitMs + ms;
  const drains = ctx.phase === 'working' || ctx.mode === 'exam';
  const counted = limitMs === null ? waitMs : Math.min(waitMs, limitMs);
  const patience = drains ? patienceAfterWaiting(ctx, counted) : ctx.patience;
  const next = draftOf(ctx);
  next.waitMs = waitMs;
  next.patience = patience;
  if (ctx.phase !== 'ringing') next.elapsedMs = ctx.elapsedMs + ms;
  return next;
}

/** Shown position (from 1) → the reply's index in the node, or -1. */
export function shownReply(ctx: SessionContext, n: number): number {
  return Number.isInteger(n) && n >= 1 && n <= ctx.order.length ? ctx.order[n - 1]! : -1;
}

function applyEffects(ctx: SessionContext, node: DialogueNode, choice: TurnChoice, e: Effects, revealNow: boolean): SessionContext {
  const mood = clamp(ctx.mood + e.mood);
  const patience = clamp(ctx.patience + e.patience);
  const revealed = revealNow && e.reveals.length > 0 ? e.reveals.filter((f, i, all) => !ctx.facts.includes(f) && all.indexOf(f) === i) : [];
  const turn: TurnRecord = {
    turn: ctx.history.length + 1,
    node: node.id,
    shown: ctx.order.map((i) => node.replies[i]!.id),
    choice,
    atMs: ctx.elapsedMs,
    moodBefore: ctx.mood,
    moodAfter: mood,
    patienceBefore: ctx.patience,
    patienceAfter: patience,
    revealed,
    deductions: { politeness: e.polite, accuracy: e.accuracy, judgment: e.judgment },
  };
  return withEffects(ctx, mood, patience, revealed, changeMemory(ctx, e.set), [...ctx.history, turn]);
}

/** The trainee's reply lands. An action starts working; its facts arrive when it finishes. */
export function applyReply(ctx: SessionContext, node: DialogueNode, reply: Reply): SessionContext {
  const choice: TurnChoice = { kind: 'reply', reply: reply.id, index: reply.index, shownAs: ctx.order.indexOf(reply.index) + 1 };
  const isAction = reply.takesMs > 0;
  const next = applyEffects(ctx, node, choice, reply, !isAction);
  if (!isAction) return next;
  const working = draftOf(next);
  working.phase = 'working';
  working.work = { node: node.id, reply: reply.index, totalMs: reply.takesMs };
  working.waitMs = 0;
  working.phaseStartPatience = next.patience;
  return working;
}

/** An action finished: its facts are known now, credited to the turn that started it. */
export function finishWork(ctx: SessionContext, reply: Reply): SessionContext {
  const revealed = reply.reveals.filter((f) => !ctx.facts.includes(f));
  const history = ctx.history.slice();
  const last = history[history.length - 1];
  if (last) history[history.length - 1] = { ...last, revealed, patienceAfter: ctx.patience };
  const next = draftOf(ctx);
  next.facts = union(ctx.facts, reply.reveals);
  next.work = null;
  next.history = history;
  return next;
}

/** The trainee said nothing for too long. */
export function applyTimeout(ctx: SessionContext, node: DialogueNode, t: Timeout): SessionContext {
  return applyEffects(ctx, node, { kind: 'timeout' }, t, true);
}

/** The trainee hung up: a turn of its own, costing politeness. */
export function hangUpByTrainee(ctx: SessionContext, node: DialogueNode, politenessCost: number): SessionContext {
  const e: Effects = { polite: politenessCost, accuracy: 0, judgment: 0, mood: 0, patience: 0, reveals: [], set: [], feedback: null };
  return applyEffects(ctx, node, { kind: 'hang-up' }, e, false);
}

export function answer(ctx: SessionContext): SessionContext {
  const next = draftOf(ctx);
  next.waitMs = 0;
  return next;
}

export function finish(ctx: SessionContext, node: DialogueNode): SessionContext {
  const next = draftOf(ctx);
  next.phase = 'ended';
  next.node = node.id;
  next.order = [];
  next.work = null;
  next.ending = { node: node.id, outcome: node.end ?? 'abandoned' };
  return next;
}

/** A call that has just ended before it was answered: marked so, for the scoring (rules/ringing.ts). */
export function finishUnanswered(ended: SessionContext): SessionContext {
  if (!ended.ending) return ended;
  const next = draftOf(ended);
  next.ending = { ...ended.ending, unanswered: true };
  return next;
}
