// Scoring: each rule of docs/scoring.md, checked on real calls.
import { describe, expect, it } from 'vitest';
import { Session, gradeOf, loadScenario, reviewCall } from '../../src/engine/index.js';
import { editedScenario, loadFile, loadFixture, SCENARIO_DIR } from './support.js';

const mechanics = loadFixture('mechanics.json');

function play(s: Session, ...starts: string[]) {
  for (const start of starts) {
    const r = s.view.replies.find((x) => x.say.startsWith(start));
    if (!r) throw new Error(`no reply "${start}"`);
    s.choose(r.n);
    while (s.view.phase === 'working') s.advance(100);
  }
  return s;
}
const practice = (scenario = mechanics) => {
  const s = new Session(scenario, { seed: 5, mode: 'practice' });
  s.answer();
  return s;
};

describe('scoring', () => {
  it('reproduces the worked example of docs/scoring.md', () => {
    const firstCall = loadFile(`${SCENARIO_DIR}/first-call.json`);
    const s = play(practice(firstCall), 'Deliveries usually take a week', 'Trust me');
    const score = s.score();
    expect(score.outcome).toBe('hung-up');
    expect({ p: score.politeness, a: score.accuracy, j: score.judgment, o: score.overall, g: score.grade }).toEqual({ p: 90, a: 0, j: 0, o: 30, g: 'F' });
    expect(score.ledger.map((e) => [e.turn, e.dimension, e.points, e.cause.kind])).toEqual([
      [1, 'accuracy', -40, 'reply'],
      [1, 'judgment', -10, 'reply'],
      [2, 'politeness', -10, 'reply'],
      [2, 'accuracy', -20, 'reply'],
      [null, 'accuracy', -25, 'missed-fact'],
      [null, 'accuracy', -25, 'missed-fact'],
      [null, 'judgment', -100, 'outcome'],
    ]);
    expect(score.ledger[0]!.note).toBe('A promise made without looking: you do not know when it will arrive.');
  });

  it('charges each required fact missing at an ideal ending ("too early") and each missed key fact', () => {
    const score = play(practice(), 'I understand', 'Have a nice day').score();
    expect(score.outcome).toBe('retained');
    expect(score.matchedIdeal?.outcome).toBe('retained');
    expect(score.ideal).toBe(false);
    expect(score.judgment).toBe(70);
    expect(score.accuracy).toBe(100 - 10 - 25);
    expect(score.factsMissed).toEqual(['account-checked']);
  });

  it('matches the ideal whose requirements are met among several', () => {
    const score = play(practice(), 'One more insult', "I'm ending this call").score();
    expect(score.outcome).toBe('parted');
    expect(score.ideal).toBe(true);
    expect(score.judgment).toBe(100);
  });

  it('gives the credit set for a non-ideal outcome', () => {
    const score = play(practice(), "I'll pass you").score();
    expect(score.outcome).toBe('escalated');
    expect(score.judgment).toBe(40 - 5);
    expect(score.ledger.find((e) => e.cause.kind === 'outcome')).toMatchObject({ points: -60, cause: { outcome: 'escalated', credit: 40 } });
  });

  it('charges turns beyond par', () => {
    // Mood 50 → 20 → 50 (still on the hub) → 80 (calmed): 5 turns, par 4, one over at 10.
    const s = play(practice(), 'Let me check', 'Please calm down', 'I understand', 'I understand', 'Your account is fine');
    const score = s.score();
    expect(score.turns).toBe(5);
    expect(score.ledger.filter((e) => e.cause.kind === 'over-par')).toEqual([
      { turn: null, dimension: 'judgment', points: -10, cause: { kind: 'over-par', turns: 5, par: 4 }, note: null },
    ]);
    expect(score.judgment).toBe(90);
    expect(score.politeness).toBe(80);
  });

  it('clamps at 0 and weighs the overall by the scenario\'s weights', () => {
    const weighted = loadScenario(editedScenario('mechanics.json', (d) => (d.scoring.weights = { politeness: 3, accuracy: 1, judgment: 0 })));
    if (!weighted.ok) throw new Error('fixture');
    const s = play(practice(weighted.scenario), 'Please calm down', 'Please calm down', 'Please calm down', 'Please calm down', 'Please calm down', 'Please calm down');
    s.hangUp();
    const score = s.score();
    expect(score.politeness).toBe(0);
    expect(score.overall).toBe(Math.round((3 * 0 + 1 * score.accuracy) / 4));
  });

  it('shows the scores so far during the call, without end-of-call entries', () => {
    const s = play(practice(), 'Please calm down');
    const score = s.score();
    expect(score.final).toBe(false);
    expect(score.outcome).toBeNull();
    expect(score.politeness).toBe(80);
    expect(score.judgment).toBe(100);
    expect(score.ledger.every((e) => e.turn !== null)).toBe(true);
  });

  it('grades by the overall score', () => {
    expect([100, 90, 89, 80, 79, 70, 69, 60, 59, 0].map(gradeOf).join('')).toBe('AABBCCDDFF');
  });

  it('suggests the better reply where the trainee missed it, and none where they chose well', () => {
    const s = play(practice(), 'I understand', 'Have a nice day');
    const better = reviewCall(mechanics, s.transcript()).turns.flatMap((t) => (t.better ? [t.better] : []));
    expect(better).toHaveLength(1);
    // Checking the account and keeping the customer, or warning and parting, both lose nothing;
    // the better reply is the first of the cheapest way on with the fewest turns: the warning.
    expect(better[0]).toMatchObject({ turn: 1, reply: 'warn', overall: 100, ending: { node: 'parted-end', outcome: 'parted' } });
    const good = play(practice(), 'Let me check', 'I understand', 'Your account is fine');
    expect(reviewCall(mechanics, good.transcript()).turns.map((t) => t.better)).toEqual([null, null, null]);
  });
});
