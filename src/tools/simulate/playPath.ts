// simulate --path: plays a sequence of moves on the engine's own Session, exactly as the game
// would (replies given at once, actions and timers running their time in 100 ms ticks), and
// renders the engine's review of that call: each turn with its ledger entries and the better
// reply, and the final score card. Nothing here judges a turn.
import { Session, TICK_MS, reviewCall, type BetterReply, type LedgerEntry, type Mode, type ScoreCard, type Scenario, type Transcript, type TurnChoice } from '../../engine/index.js';

/** A move as typed: a reply's position in the file under its node (from 1), "t" (timeout) or "h" (hang up). */
export type PathToken = number | 't' | 'h';

export class PathError extends Error {
  override readonly name = 'PathError';
}

export function parsePath(text: string): PathToken[] {
  const tokens = text.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (tokens.length === 0) throw new PathError('--path needs at least one move, e.g. --path 1,3,2');
  return tokens.map((t) => {
    if (t === 't' || t === 'h') return t;
    if (!/^[1-9]$/.test(t)) throw new PathError(`"${t}" is not a move: write a reply's position under its node (1-9), "t" to let the timer run out, or "h" to hang up`);
    return Number(t);
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

export interface PlayReport {
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

function play(session: Session, token: PathToken, index: number): void {
  const fail = (why: string): never => {
    session.stop();
    throw new PathError(`move ${index + 1} ("${token}") ${why}`);
  };
  if (session.ended) fail('comes after the call ended');
  const ctx = session.context;
  const node = session.scenario.nodes.get(ctx.node)!;
  if (token === 'h') {
    session.hangUp();
    return;
  }
  if (token === 't') {
    const timer = session.view.timer;
    if (!timer) fail(session.options.mode === 'exam' ? `is impossible: node "${node.id}" has no timeout` : 'is impossible in practice mode (no timer)');
    const turn = session.view.turn;
    while (!session.ended && session.view.turn === turn) session.ticks(TICK_MS, Math.max(1, Math.ceil((session.view.timer?.leftMs ?? TICK_MS) / TICK_MS)));
    return finishWork(session);
  }
  const reply = node.replies[token - 1];
  if (!reply) fail(`is impossible: node "${node.id}" has ${node.replies.length} replies`);
  const shown = session.view.replies.find((r) => r.id === reply!.id);
  if (!shown) {
    const offered = session.view.replies.map((r) => node.replies.findIndex((x) => x.id === r.id) + 1).sort();
    fail(`is impossible: reply ${token} of node "${node.id}" is not on offer now (on offer: ${offered.join(', ')})`);
  }
  session.choose(shown!.n);
  finishWork(session);
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

export function playPath(s: Scenario, tokens: readonly PathToken[], options: { seed?: number; mode?: Mode } = {}): PlayReport {
  const session = new Session(s, { seed: options.seed ?? 1, mode: options.mode ?? 'exam' });
  session.answer();
  tokens.forEach((t, i) => play(session, t, i));
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
