// Waiting (issue 12): in practice a slow action can be fast-forwarded, and the call comes out
// exactly as if the trainee had waited — clock, patience, scores and transcript; an unanswered
// ring ends within 30 s and scores below 100 on every skill.
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, RING_MS, RULES_VERSION, Session, TranscriptError, replay, reviewCall, type Scenario, type Transcript } from '../../src/engine/index.js';
import { shippedCalls } from '../support/shipped.js';
import { loadFixture } from './support.js';

const SEED = 20261;
/** The shipped calls in their own language (the translations are the same calls, in other words). */
const originals = (): Scenario[] => shippedCalls().filter((s) => s.file === `scenarios/${s.id}.json`);

/** Waits out an action in 100 ms frames, as the game's clock would. */
function waitOut(session: Session): void {
  for (let i = 0; session.view.phase === 'working' && i < 10_000; i++) session.advance(100);
}

/** A practice call played along `path` (reply ids), waiting out every action. */
function played(s: Scenario, path: readonly string[]): Session {
  const session = new Session(s, { seed: SEED, mode: 'practice' });
  session.answer();
  for (const id of path) {
    const r = session.view.replies.find((x) => x.id === id);
    if (!r) throw new Error(`${s.id}: reply "${id}" is not on offer after ${path.join(' → ')}`);
    session.choose(r.n);
    waitOut(session);
  }
  return session;
}

interface SlowTry {
  readonly node: string;
  readonly reply: string;
  /** The replies that reach a state offering it. */
  readonly path: readonly string[];
}

/** Every action of the call, each with a path that offers it, found by breadth-first play. */
function slowReplies(s: Scenario): SlowTry[] {
  const found = new Map<string, SlowTry>();
  const seen = new Set<string>();
  const queue: string[][] = [[]];
  while (queue.length > 0 && seen.size < 400) {
    const path = queue.shift()!;
    const session = played(s, path);
    const ctx = session.context;
    const key = JSON.stringify([ctx.node, ctx.facts, ctx.flags, ctx.counters]);
    if (session.ended || seen.has(key)) continue;
    seen.add(key);
    for (const r of session.view.replies) {
      if (r.isAction && !found.has(`${ctx.node}/${r.id}`)) found.set(`${ctx.node}/${r.id}`, { node: ctx.node, reply: r.id, path });
      queue.push([...path, r.id]);
    }
    session.stop();
  }
  return [...found.values()];
}

const actionsOf = (s: Scenario) => [...s.nodes.values()].flatMap((n) => n.replies.filter((r) => r.takesMs > 0).map((r) => `${n.id}/${r.id}`)).sort();

describe('fast-forward', () => {
  for (const s of originals()) {
    it(`${s.id}: skipping each action gives the call, scores and transcript of waiting`, () => {
      const tries = slowReplies(s);
      // Every action the call has was reached and tried.
      expect(tries.map((t) => `${t.node}/${t.reply}`).sort()).toEqual(actionsOf(s));
      for (const t of tries) {
        const waited = played(s, t.path);
        const skipped = played(s, t.path);
        const n = waited.view.replies.find((r) => r.id === t.reply)!.n;
        waited.choose(n);
        skipped.choose(n);
        expect(skipped.view.canFastForward).toBe(true);
        waitOut(waited);
        expect(skipped.fastForward()).toBe(true);
        expect(skipped.view.phase).not.toBe('working');
        expect(skipped.context, `${t.node}/${t.reply}`).toEqual(waited.context);
        expect(skipped.score()).toEqual(waited.score());
        expect(skipped.transcript()).toEqual(waited.transcript());
        // Played on to the end (the trainee hangs up), both replay to the same final scores.
        waited.hangUp();
        skipped.hangUp();
        const again = replay(s, JSON.parse(JSON.stringify(skipped.transcript())), { requireEnd: true });
        expect(again.score).toEqual(waited.score());
        expect(again.score.final).toBe(true);
      }
    });
  }

  it('half-way through an action, skipping the rest still equals waiting', () => {
    const s = originals().find((c) => c.id === 'vague-refund')!;
    const t = slowReplies(s).find((x) => x.reply === 'remote-check')!;
    const waited = played(s, t.path);
    const skipped = played(s, t.path);
    const n = waited.view.replies.find((r) => r.id === 'remote-check')!.n;
    for (const c of [waited, skipped]) {
      c.choose(n);
      c.advance(12_345); // a frame that leaves 45 ms pending
    }
    waitOut(waited);
    expect(skipped.fastForward()).toBe(true);
    expect(skipped.context).toEqual(waited.context);
    expect(skipped.transcript()).toEqual(waited.transcript());
  });

  it('is refused in an exam, and when nothing is under way, changing nothing', () => {
    const s = originals().find((c) => c.id === 'vague-refund')!;
    const path = slowReplies(s).find((x) => x.reply === 'remote-check')!.path;
    const exam = new Session(s, { seed: SEED, mode: 'exam' });
    exam.answer();
    expect(exam.view.canFastForward).toBe(false);
    expect(exam.fastForward()).toBe(false);
    const practice = played(s, path);
    expect(practice.view.canFastForward).toBe(false); // listening: nothing to skip
    const before = practice.transcript();
    expect(practice.fastForward()).toBe(false);
    expect(practice.transcript()).toEqual(before);
    // An exam's action runs in real time.
    for (const id of path) exam.choose(exam.view.replies.find((r) => r.id === id)!.n) && waitOut(exam);
    exam.choose(exam.view.replies.find((r) => r.id === 'remote-check')!.n);
    expect(exam.view.phase).toBe('working');
    const mid = exam.transcript();
    expect(exam.fastForward()).toBe(false);
    expect(exam.view.phase).toBe('working');
    expect(exam.transcript()).toEqual(mid);
  });
});

describe('an unanswered ring', () => {
  for (const s of originals()) {
    for (const mode of ['practice', 'exam'] as const) {
      it(`${s.id} (${mode}): ends within 30 s, unanswered, below 100 on every skill`, () => {
        const session = new Session(s, { seed: SEED, mode });
        let rang = 0;
        while (!session.ended && rang < 10 * 60_000) {
          session.advance(100);
          rang += 100;
        }
        expect(session.ended).toBe(true);
        expect(rang).toBeLessThanOrEqual(30_000);
        const score = session.score();
        expect(score.final).toBe(true);
        for (const d of DIMENSIONS) expect(score[d], d).toBeLessThan(100);
        expect(score.ledger.every((e) => e.cause.kind === 'unanswered')).toBe(true);
        expect(score.ideal).toBe(false);
        expect(session.view.ending).toMatchObject({ unanswered: true, say: '', feedback: null });
        expect(session.view.line).toBeNull();
        expect(session.context.history).toEqual([]);
        // The transcript replays to the same end and score; the review hears no ending line.
        expect(replay(s, session.transcript(), { requireEnd: true }).score).toEqual(score);
        expect(reviewCall(s, session.transcript()).ending).toMatchObject({ unanswered: true, say: '', feedback: null });
      });
    }
  }

  const s = loadFixture('mechanics.json');

  it('can still be answered a moment before the caller gives up, and not after', () => {
    const late = new Session(s, { seed: 1, mode: 'practice' });
    late.advance(RING_MS - 100);
    expect(late.view.phase).toBe('ringing');
    expect(late.view.ringLeftMs).toBe(100);
    expect(late.answer()).toBe(true);
    expect(late.view.phase).toBe('listening');
    expect(late.view.ringLeftMs).toBeNull();
    const gone = new Session(s, { seed: 1, mode: 'practice' });
    gone.advance(RING_MS);
    expect(gone.ended).toBe(true);
    expect(gone.answer()).toBe(false);
  });

  it('one long tick rings out at once; the call clock never started', () => {
    const session = new Session(s, { seed: 1, mode: 'exam' });
    expect(session.send({ type: 'TICK', ms: 45_000 })).toBe(true);
    expect(session.ended).toBe(true);
    expect(session.view.elapsedMs).toBe(0);
    expect(session.score().overall).toBe(0);
  });

  it('declining the ringing call is not answering it: no turn, 0 on every skill', () => {
    const session = new Session(s, { seed: 1, mode: 'practice' });
    expect(session.hangUp()).toBe(true);
    expect(session.context.history).toEqual([]);
    const score = session.score();
    expect([score.politeness, score.accuracy, score.judgment, score.overall]).toEqual([0, 0, 0, 0]);
    expect(score.grade).toBe('F');
  });

  it('scores below any answered call: answering and hanging up at once earns more', () => {
    for (const c of originals()) {
      const rude = new Session(c, { seed: SEED, mode: 'practice' });
      rude.answer();
      rude.hangUp();
      const never = new Session(c, { seed: SEED, mode: 'practice' });
      never.advance(RING_MS);
      expect(never.score().overall).toBeLessThanOrEqual(rude.score().overall);
    }
  });

  it('a transcript of the older rules replays when answered within 30 s; one that rang longer is refused as old rules', () => {
    const quick = new Session(s, { seed: 1, mode: 'exam' });
    quick.advance(5_000);
    quick.answer();
    quick.hangUp();
    const old = (t: Transcript): Transcript => ({ ...t, rules: RULES_VERSION - 1 });
    expect(replay(s, old(quick.transcript()), { requireEnd: true }).score).toEqual(quick.score());
    const slow = new Session(s, { seed: 1, mode: 'exam' });
    slow.advance(RING_MS);
    const refused = () => replay(s, old(slow.transcript()));
    expect(refused).toThrow(TranscriptError);
    expect(refused).toThrow(/rules version 2/);
    const declined = new Session(s, { seed: 1, mode: 'exam' });
    declined.hangUp();
    expect(() => replay(s, old(declined.transcript()))).toThrow(/rules version 2/);
    // Under today's rules the same transcripts replay.
    expect(replay(s, slow.transcript(), { requireEnd: true }).score.overall).toBe(0);
  });
});
