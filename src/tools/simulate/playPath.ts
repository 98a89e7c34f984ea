// simulate --path: plays a sequence of moves on the engine's own Session, exactly as the game
// would (replies given at once, or after --think seconds; actions and timers running their time
// in 100 ms ticks), and renders the engine's review of that call: each turn with its ledger
// entries and the better reply, and the final score card. Nothing here judges a turn, and time
// is only ever TICK events sent to the Session: the engine alone says what waiting costs.
import { Session, TICK_MS, reviewCall, type BetterReply, type LedgerEntry, type Mode, type ScoreCard, type Scenario, type Transcript, type TurnChoice } from '../../engine/index.js';

/** A move as typed: a reply's position in the file under its node (from 1), "t" (timeout) or "h" (hang up). */
/** A move: a reply's position under its node in the file (1-9), a reply's id, "t" (the timer runs out) or "h" (hang up). */
export type PathToken = number | 't' | 'h' | { readonly id: string };

export class PathError extends Error {
  override readonly name = 'PathError';
}

export function parsePath(text: string): PathToken[] {
  const tokens = text.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (tokens.length === 0) throw new PathError('--path needs at least one move, e.g. --path 1,3,2');
  return tokens.map((t) => {
    if (t === 't' || t === 'h') return t;
    if (/^[1-9]$/.test(t)) return Number(t);
    // A reply id, as golden plans and the debrief name replies ("look-up", "greeting.2").
    if (/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*(?:\.[1-9])?$/.test(t)) return { id: t };
    throw new PathError(`"${t}" is not a move: write a reply's id or its position under its node (1-9), "t" to let the timer run out, or "h" to hang up`);
  });
}

export interface PlayedTurn {
  readonly turn: number;
  readonly node: string;
  readonly customer: string;
  /** What the trainee did: the reply (position in the file and words), or the timer / hanging up. */
  readonly move: string;
  readonly moodBefore: number;
  readonly moodAfter: number;
  readonly patienceBefore: number;
  readonly patienceAfter: number;
  readonly revealed: readonly string[];
  readonly ledger: readonly LedgerEntry[];
  /** The engine's better reply where the move was not on a cheapest way on; null where it was. */
  readonly better: { readonly reply: string; readonly say: string; readonly why: string | null; readonly overall: number; readonly yours: number | null } | null;
  /** The best overall score still reachable before this move (null where nothing could be explored). */
  readonly bestReachable: number | null;
}

/** A decision made after thinking (--think): what the wait cost, and what ended it. */
export interface PacedDecision {
  readonly turn: number;
  readonly node: string;
  /** Patience when the customer's line ended (the decision began), and when the wait ended. */
  readonly patienceAtStart: number;
  readonly patienceAtEnd: number;
  /** The node's reply timer in this mode (ms), or null when it has none. */
  readonly timerMs: number | null;
  /** How long the trainee thought before the wait ended (ms). */
  readonly thoughtMs: number;
  /** answered: the move was made; timed-out: the timer ran out first; hung-up: the customer ran out of patience first. */
  readonly result: 'answered' | 'timed-out' | 'hung-up';
}

export interface PlayReport {
  /** The time the trainee took per decision (ms), or null when replies were given at once. */
  readonly thinkMs: number | null;
  /** Each decision's wait, with --think. */
  readonly pacing: readonly PacedDecision[];
  /** Why the moves stopped before the path's end (the timer ran out or the customer hung up while thinking), or null. */
  readonly stopped: string | null;
  readonly turns: readonly PlayedTurn[];
  readonly ended: boolean;
  readonly ending: { readonly node: string; readonly outcome: string; readonly say: string; readonly feedback: string | null } | null;
  /** Entries judged at the end of the call (missed facts, the outcome, turns beyond par). */
  readonly endLedger: readonly LedgerEntry[];
  readonly score: ScoreCard;
  readonly transcript: Transcript;
}

/** Lets time pass in whole ticks until the running action finishes (or the customer hangs up). */
function finishWork(session: Session): void {
  while (session.view.phase === 'working') session.ticks(TICK_MS, Math.max(1, Math.ceil((session.view.work?.leftMs ?? TICK_MS) / TICK_MS)));
}

/**
 * The trainee thinks for `ms` before the move: time passes in ticks until then, or until the
 * timer runs out or the customer hangs up (whichever the engine says comes first).
 */
function think(session: Session, ms: number): PacedDecision {
  const turn = session.view.turn;
  const node = session.context.node;
  /** The turn this decision is (from 1), as in the turns' list. */
  const number = session.context.history.length + 1;
  const patienceAtStart = session.view.patience;
  const timerMs = session.view.timer?.totalMs ?? null;
  const turnsBefore = session.context.history.length;
  const waiting = () => !session.ended && session.view.turn === turn && session.view.phase === 'listening';
  let thought = 0;
  while (thought < ms && waiting()) {
    // Up to the timer's end at most, so a timeout is seen at the tick it happens.
    const left = Math.min(ms - thought, session.view.timer?.leftMs ?? Infinity);
    const taken = session.ticks(TICK_MS, Math.max(1, Math.ceil(left / TICK_MS)));
    if (taken === 0) break;
    thought += taken * TICK_MS;
  }
  const timedOut = session.context.history.slice(turnsBefore).some((t) => t.choice.kind === 'timeout');
  const result = waiting() ? 'answered' : timedOut ? 'timed-out' : 'hung-up';
  return { turn: number, node, patienceAtStart, patienceAtEnd: session.view.patience, timerMs, thoughtMs: Math.min(thought, ms), result };
}

function play(session: Session, token: PathToken, index: number, thinkMs: number, pacing: PacedDecision[]): string | null {
  const fail = (why: string): never => {
    session.stop();
    throw new PathError(`move ${index + 1} ("${typeof token === 'object' ? token.id : token}") ${why}`);
  };
  if (session.ended) fail('comes after the call ended');
  if (thinkMs > 0 && token !== 't' && session.view.phase === 'listening') {
    const paced = think(session, thinkMs);
    pacing.push(paced);
    if (paced.result === 'timed-out') {
      finishWork(session);
      return `the timer (${paced.timerMs! / 1000} s) ran out at ${paced.node} before the trainee answered (thinking ${thinkMs / 1000} s); move ${index + 1} and after were not played`;
    }
    if (paced.result === 'hung-up') return `the customer ran out of patience and hung up at ${paced.node} while the trainee was thinking; move ${index + 1} and after were not played`;
  }
  const ctx = session.context;
  const node = session.scenario.nodes.get(ctx.node)!;
  if (token === 'h') {
    session.hangUp();
    return null;
  }
  if (token === 't') {
    const timer = session.view.timer;
    if (!timer) fail(session.options.mode === 'exam' ? `is impossible: node "${node.id}" has no timeout` : 'is impossible in practice mode (no timer)');
    const turn = session.view.turn;
    while (!session.ended && session.view.turn === turn) session.ticks(TICK_MS, Math.max(1, Math.ceil((session.view.timer?.leftMs ?? TICK_MS) / TICK_MS)));
    finishWork(session);
    return null;
  }
  const reply = typeof token === 'object' ? node.replies.find((r) => r.id === token.id) : node.replies[token - 1];
  if (!reply) {
    fail(typeof token === 'object' ? `is impossible: node "${node.id}" has no reply "${token.id}" (its replies: ${node.replies.map((r) => r.id).join(', ')})` : `is impossible: node "${node.id}" has ${node.replies.length} replies`);
  }
  const shown = session.view.replies.find((r) => r.id === reply!.id);
  if (!shown) {
    const offered = session.view.replies.map((r) => node.replies.findIndex((x) => x.id === r.id) + 1).sort();
    fail(`is impossible: reply ${typeof token === 'object' ? `"${token.id}"` : token} of node "${node.id}" is not on offer now (on offer: ${offered.join(', ')})`);
  }
  session.choose(shown!.n);
  finishWork(session);
  return null;
}

function describeMove(s: Scenario, node: string, choice: TurnChoice): string {
  switch (choice.kind) {
    case 'timeout':
      return '(said nothing: the timer ran out)';
    case 'hang-up':
      return '(hung up on the customer)';
    case 'reply': {
      const reply = s.nodes.get(node)!.replies[choice.index]!;
      return `${choice.index + 1}. ${reply.say}${reply.takesMs > 0 ? ` [action, ${reply.takesMs / 1000} s]` : ''}`;
    }
  }
}

export interface PlayOptions {
  readonly seed?: number;
  readonly mode?: Mode;
  /** The time the trainee takes to decide, in ms (rounded up to whole ticks); default 0: at once. */
  readonly thinkMs?: number;
}

export function playPath(s: Scenario, tokens: readonly PathToken[], options: PlayOptions = {}): PlayReport {
  const session = new Session(s, { seed: options.seed ?? 1, mode: options.mode ?? 'exam' });
  const thinkMs = Math.ceil((options.thinkMs ?? 0) / TICK_MS) * TICK_MS;
  const pacing: PacedDecision[] = [];
  let stopped: string | null = null;
  session.answer();
  for (let i = 0; i < tokens.length && stopped === null; i++) stopped = play(session, tokens[i]!, i, thinkMs, pacing);
  const review = reviewCall(s, session.transcript());
  const score = review.score;
  const betterOf = (b: BetterReply | null) => (b ? { reply: b.reply, say: b.say, why: b.why, overall: b.overall, yours: b.yours } : null);
  const turns = session.context.history.map((t, i) => ({
    turn: t.turn,
    node: t.node,
    customer: s.nodes.get(t.node)?.say ?? '',
    move: describeMove(s, t.node, t.choice),
    moodBefore: t.moodBefore,
    moodAfter: t.moodAfter,
    patienceBefore: t.patienceBefore,
    patienceAfter: t.patienceAfter,
    revealed: t.revealed,
    ledger: review.turns[i]!.ledger,
    better: betterOf(review.turns[i]!.better),
    bestReachable: review.turns[i]!.bestReachable,
  }));
  const view = session.view;
  const report: PlayReport = {
    thinkMs: options.thinkMs === undefined ? null : thinkMs,
    pacing,
    stopped,
    turns,
    ended: session.ended,
    ending: view.ending ? { node: view.ending.node, outcome: view.ending.outcome, say: view.ending.say, feedback: view.ending.feedback } : null,
    endLedger: score.ledger.filter((e) => e.turn === null),
    score,
    transcript: session.transcript(),
  };
  session.stop();
  return report;
}
