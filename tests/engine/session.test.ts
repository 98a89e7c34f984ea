// The call as a player lives it: ringing, replies, actions, timeouts, patience, endings.
import { describe, expect, it } from 'vitest';
import { MAX_TURNS, Session, drainCost } from '../../src/engine/index.js';
import { loadFixture } from './support.js';

const scenario = loadFixture('mechanics.json');

function answered(mode: 'exam' | 'practice' = 'exam', seed = 7): Session {
  const s = new Session(scenario, { seed, mode });
  expect(s.answer()).toBe(true);
  return s;
}

const pick = (s: Session, start: string) => {
  const r = s.view.replies.find((x) => x.say.startsWith(start));
  if (!r) throw new Error(`no reply starting "${start}" in ${JSON.stringify(s.view.replies)}`);
  return r.n;
};

function finishWork(s: Session) {
  while (s.view.phase === 'working') s.advance(100);
}

describe('a call', () => {
  it('rings until answered, then the customer speaks and replies are numbered from 1', () => {
    const s = new Session(scenario, { seed: 1, mode: 'exam' });
    expect(s.view.phase).toBe('ringing');
    expect(s.view.line).toBeNull();
    expect(s.choose(1)).toBe(false);
    s.advance(2000);
    expect(s.view.phase).toBe('ringing');
    s.answer();
    expect(s.view.phase).toBe('listening');
    expect(s.view.line).toMatchObject({ id: 'hub', say: 'Well? Do something!' });
    expect(s.view.replies.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
    expect(s.view.moodBand).toBe('annoyed');
  });

  it('shuffles replies by the seed: the same seed gives the same order, other seeds other orders', () => {
    const order = (seed: number) => answered('exam', seed).view.replies.map((r) => r.id).join();
    expect(order(3)).toBe(order(3));
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map(order));
    expect(orders.size).toBeGreaterThan(3);
  });

  it('refuses a reply number that is not on offer, and changes nothing', () => {
    const s = answered();
    const before = s.context;
    expect(s.choose(6)).toBe(false);
    expect(s.choose(0)).toBe(false);
    expect(s.choose(1.5)).toBe(false);
    expect(s.context).toBe(before);
    expect(s.transcript().events).toEqual([{ type: 'ANSWER' }]);
  });

  it('runs an action: progress while patience drains, facts when it finishes, then the reply hides', () => {
    const s = answered('practice');
    s.choose(pick(s, 'Let me check'));
    expect(s.view.phase).toBe('working');
    expect(s.view.work).toMatchObject({ label: 'Checking…', progress: 0, leftMs: 20_000 });
    s.advance(10_000);
    expect(s.view.work?.progress).toBeCloseTo(0.5);
    expect(s.view.patience).toBe(40 - drainCost(10_000, 50, 10));
    expect(s.view.facts).toEqual([]);
    finishWork(s);
    expect(s.view.phase).toBe('listening');
    expect(s.view.facts.map((f) => f.id)).toEqual(['account-checked']);
    expect(s.view.patience).toBe(40 - drainCost(20_000, 50, 10));
    expect(s.view.replies.some((r) => r.say.startsWith('Let me check'))).toBe(false);
    expect(s.view.lastTurn?.revealed).toEqual(['account-checked']);
  });

  it('drains patience while the trainee thinks in an exam, not in practice', () => {
    const exam = answered('exam');
    exam.advance(5000);
    expect(exam.view.patience).toBe(40 - drainCost(5000, 50, 10));
    expect(exam.view.timer).toEqual({ totalMs: 10_000, leftMs: 5000 });
    const practice = answered('practice');
    practice.advance(5000);
    expect(practice.view.patience).toBe(40);
    expect(practice.view.timer).toBeNull();
    expect(practice.view.hint).toBe('Check first.');
    expect(exam.view.hint).toBeNull();
  });

  it('fires the timeout in an exam: its effects land and the customer repeats the line', () => {
    const s = answered('exam');
    s.advance(10_000);
    expect(s.view.turn).toBe(1);
    expect(s.view.lastTurn?.choice).toEqual({ kind: 'timeout' });
    expect(s.view.mood).toBe(40);
    expect(s.view.line?.id).toBe('hub');
    expect(s.score().politeness).toBe(90);
    expect(s.score().ledger[0]).toMatchObject({ turn: 1, dimension: 'politeness', points: -10, note: 'Silence.' });
  });

  it('branches on mood: empathy calms the customer, "calm down" does not', () => {
    const kind = answered();
    kind.choose(pick(kind, 'I understand'));
    expect(kind.view.line?.id).toBe('calmed');
    const rude = answered();
    rude.choose(pick(rude, 'Please calm down'));
    expect(rude.view.line?.id).toBe('hub');
    expect(rude.view.mood).toBe(20);
    expect(rude.view.moodBand).toBe('angry');
  });

  it('shows a conditional reply only when its facts are known', () => {
    const s = answered('practice');
    s.choose(pick(s, 'I understand'));
    expect(s.view.replies.map((r) => r.say)).toEqual(['Have a nice day.']);
    const t = answered('practice');
    t.choose(pick(t, 'Let me check'));
    finishWork(t);
    t.choose(pick(t, 'I understand'));
    expect(t.view.replies).toHaveLength(2);
  });

  it('plays the ideal call to the end with full marks', () => {
    const s = answered('practice');
    s.choose(pick(s, 'Let me check'));
    finishWork(s);
    s.choose(pick(s, 'I understand'));
    s.choose(pick(s, 'Your account is fine'));
    expect(s.ended).toBe(true);
    expect(s.view.ending).toEqual({ node: 'retained-end', outcome: 'retained', label: null, say: 'Thanks.', feedback: 'Kept.', unanswered: false });
    const score = s.score();
    expect(score).toMatchObject({ politeness: 100, accuracy: 100, judgment: 100, overall: 100, grade: 'A', ideal: true, final: true });
    expect(score.ledger).toEqual([]);
    expect(s.send({ type: 'CHOOSE', n: 1 })).toBe(false);
  });

  it('hangs up for the customer when patience runs out, on the scenario\'s hang-up ending', () => {
    const s = answered('exam');
    // Furious customers drain twice as fast; waiting ten minutes is more than anyone will take.
    for (let i = 0; i < 6000 && !s.ended; i++) s.advance(100);
    expect(s.ended).toBe(true);
    expect(s.view.ending?.outcome).toBe('hung-up');
    expect(s.view.ending?.node).toBe('slams');
    expect(s.view.line?.say).toBe("I've had enough!");
    expect(s.score().judgment).toBe(0);
  });

  it('ends an endless call: after MAX_TURNS exchanges the customer gives up and hangs up', () => {
    const s = answered('practice');
    for (let i = 0; i < MAX_TURNS && !s.ended; i++) s.choose(pick(s, 'Please calm down'));
    expect(s.view.turn).toBe(MAX_TURNS);
    expect(s.view.ending).toMatchObject({ node: 'slams', outcome: 'hung-up' });
  });

  it('lets the trainee hang up, at a politeness cost, ending the call as abandoned', () => {
    const s = answered();
    expect(s.hangUp()).toBe(true);
    expect(s.view.ending?.outcome).toBe('abandoned');
    expect(s.view.line).toBeNull();
    const score = s.score();
    expect(score.politeness).toBe(50);
    expect(score.accuracy).toBe(75);
    expect(score.judgment).toBe(0);
  });

  it('never lets patience run out in the middle of an action and still reveal its facts', () => {
    const s = answered('exam');
    s.advance(16_000); // first timeout at 10 s, then 6 s more of thinking
    const p = s.view.patience;
    s.choose(pick(s, 'Let me check'));
    finishWork(s);
    // 20 s at this mood costs more than what is left: the customer hangs up before the answer comes.
    expect(p - drainCost(20_000, s.context.mood, 10)).toBeLessThanOrEqual(0);
    expect(s.view.ending?.outcome).toBe('hung-up');
    expect(s.view.facts).toEqual([]);
  });

  it('tells subscribers about every change and stops telling them when unsubscribed', () => {
    const s = new Session(scenario, { seed: 1, mode: 'practice' });
    const seen: string[] = [];
    const off = s.subscribe((v) => seen.push(v.phase));
    s.answer();
    s.choose(1);
    off();
    s.advance(5000);
    expect(seen.slice(0, 1)).toEqual(['listening']);
    expect(seen.length).toBe(2);
  });
});
