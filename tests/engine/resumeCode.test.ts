import { describe, expect, it } from 'vitest';
import {
  afterMove,
  answeredContext,
  loadScenario,
  MAX_RESUME_CODE,
  MAX_TURNS,
  movesAt,
  parseResumeCode,
  replay,
  resumeCode,
  resumeTranscript,
  scoreCall,
  type Move,
  type Scenario,
  type SessionContext,
} from '../../src/engine/index.js';
import { shippedScenarios } from './support.js';

const SUSPEND_DATA_LIMIT = 4096;

/** What makes two states the same for the rest of the call (the turns taken aside). */
const stateKey = (c: SessionContext) => JSON.stringify([c.phase, c.node, c.mood, c.patience, c.facts, c.flags, c.counters, c.cameFrom, c.order]);

/**
 * A longest call, by walking the machine: at each turn a move that neither ends the call nor
 * comes back to a state already seen, while there is one (else one that keeps the call going);
 * the turn cap (MAX_TURNS) ends a call that loops. The bound itself is MAX_RESUME_CODE.
 */
function longestCall(s: Scenario, seed: number): SessionContext {
  const seen = new Set<string>();
  let ctx = answeredContext(s, seed);
  while (ctx.phase === 'listening') {
    seen.add(stateKey(ctx));
    const next = movesAt(s, ctx, { hangUp: false }).map((m) => afterMove(s, ctx, m));
    ctx = next.find((c) => c.phase !== 'ended' && !seen.has(stateKey(c))) ?? next.find((c) => c.phase !== 'ended') ?? next.at(-1)!;
  }
  return ctx;
}

/** A call that never ends by itself: two customers' lines in a loop, so only the turn cap stops it. */
function loopCall(): Scenario {
  const r = loadScenario(
    JSON.stringify({
      schemaVersion: 2,
      id: 'endless',
      title: 'Endless',
      locale: 'en',
      brief: 'A loop.',
      customer: { name: 'Lou Loop' },
      ideal: { outcome: 'retained' },
      nodes: {
        opening: { say: 'Again?', replies: [{ id: 'a', say: 'Yes.', next: 'more' }, { id: 'b', say: 'Bye.', next: 'bye' }] },
        more: { say: 'And again?', replies: [{ id: 'c', say: 'Yes.', next: 'opening' }, { id: 'd', say: 'Once more.', next: 'opening' }, { id: 'e', say: 'Bye.', next: 'bye' }] },
        bye: { say: 'Bye.', end: 'retained' },
      },
    }),
    'endless.json',
  );
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.scenario;
}

/** Plays every move written in `moves` (each reply by its place under the node). */
function walkMoves(s: Scenario, seed: number, pick: (ctx: SessionContext, moves: Move[]) => Move): SessionContext {
  let ctx = answeredContext(s, seed);
  while (ctx.phase === 'listening') ctx = afterMove(s, ctx, pick(ctx, movesAt(s, ctx, { hangUp: false })));
  return ctx;
}

describe('resume codes (an LMS suspend_data: seed and moves only)', () => {
  it('fits any call: the header and one character a turn stay far under SCORM 1.2\'s 4,096 characters', () => {
    expect(MAX_RESUME_CODE).toBeLessThan(SUSPEND_DATA_LIMIT);
    const s = loopCall();
    // The last reply written under each node that keeps the loop going: the turn cap ends the call.
    const end = walkMoves(s, 0xffff_ffff, (ctx, moves) => moves.filter((m) => m.kind === 'reply' && m.reply.next.every((b) => b.to !== 'bye')).at(-1)!);
    expect(end.history.length).toBe(MAX_TURNS);
    const code = resumeCode(end);
    expect(code.length).toBeLessThanOrEqual(MAX_RESUME_CODE);
    expect(code).toMatch(/^r1\.1z141z3\.e\.[12]{60}$/);
    const replayed = replay(s, resumeTranscript(s, code)!).session;
    expect(replayed.ended).toBe(true);
    expect(replayed.context.history.map((t) => t.choice)).toEqual(end.history.map((t) => t.choice));
  });

  it('on the longest possible call of every shipped scenario: under the bound, and replayed to the same state and scores', () => {
    for (const s of shippedScenarios()) {
      const end = longestCall(s, 12345);
      const code = resumeCode(end);
      expect(code.length, s.id).toBeLessThanOrEqual(MAX_RESUME_CODE);
      // Interrupted half way: the code replays to the state it was made in.
      const half = end.history.length >> 1;
      let ctx = answeredContext(s, 12345);
      for (let i = 0; i < half; i++) {
        const t = end.history[i]!;
        const move = movesAt(s, ctx).find((m) => (t.choice.kind === 'reply' ? m.kind === 'reply' && m.reply.index === t.choice.index : m.kind === t.choice.kind))!;
        ctx = afterMove(s, ctx, move);
      }
      const resumed = replay(s, resumeTranscript(s, resumeCode(ctx))!).session;
      expect(stateKey(resumed.context), `${s.id}.${s.locale}`).toBe(stateKey(ctx));
      expect(resumed.score().overall).toBe(scoreCall(s, ctx).overall);
      resumed.stop();
      // The whole call: the same turns; the same ending where the last turn ended it (a customer
      // who hangs up as patience runs out takes no turn: the code holds the call just before).
      const whole = replay(s, resumeTranscript(s, code)!).session;
      expect(whole.context.history).toEqual(end.history);
      if (whole.ended) expect(whole.score().overall).toBe(scoreCall(s, end).overall);
      else expect(whole.context.phase).toBe('listening');
      whole.stop();
    }
  });

  it('refuses a damaged code, and moves that do not fit the call', () => {
    const s = loopCall();
    expect(parseResumeCode('r1.abc.e.12')).toEqual({ seed: parseInt('abc', 36), mode: 'exam', moves: [{ kind: 'reply', index: 0 }, { kind: 'reply', index: 1 }] });
    expect(parseResumeCode('r2.abc.e.12')).toBeNull();
    expect(parseResumeCode('r1.abc.x.12')).toBeNull();
    expect(parseResumeCode(`r1.0.e.${'1'.repeat(MAX_TURNS + 1)}`)).toBeNull();
    // "opening" has two replies: a third is not there; "b" ends the call, so nothing may follow it.
    expect(resumeTranscript(s, 'r1.0.e.3')).toBeNull();
    expect(resumeTranscript(s, 'r1.0.e.21')).toBeNull();
    // No timer in practice.
    expect(resumeTranscript(s, 'r1.0.p.t')).toBeNull();
  });
});
