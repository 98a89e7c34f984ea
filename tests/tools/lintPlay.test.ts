// The lint checks that read the call's reachable states for what the trainee is offered and
// where the call can go: each with a fixture that triggers it and the same call fixed
// (tests/tools/fixtures/lint/<code>.json and <code>.clean.json), the place and words of the
// message, the shipped case that motivated it, and the cases it must stay quiet on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, codes, edited, lint } from './support.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/lint');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const lintFixture = (name: string) => lint({ [name]: fixture(name) });
const only = (code: string, name: string) => lintFixture(name).filter((d) => d.code === code);

describe.each(['single-penalised-reply', 'vanishing-recovery', 'branch-never-taken', 'catastrophic-passes'])('%s', (code) => {
  it('is found in its fixture, with a place and a hint', () => {
    const found = only(code, `${code}.json`);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.severity).toBe('warning');
      expect(d.line).toBeGreaterThan(1);
      expect(d.hint).toBeTruthy();
    }
  });

  it('is gone once the fixture is fixed, and nothing else is found', () => {
    expect(lintFixture(`${code}.clean.json`)).toEqual([]);
  });
});

describe('single-penalised-reply', () => {
  it('names the node, the state, the shortest path and the reply with what it costs', () => {
    const [d] = only('single-penalised-reply', 'single-penalised-reply.json');
    expect(d!.path).toEqual(['nodes', 'unconvinced', 'replies', 1]);
    expect(d!.message).toContain('at node "unconvinced" after --path 3 (knowing nothing yet, mood 40, patience 80)');
    expect(d!.message).toContain('the only reply on offer is "unconvinced.2", which costs politeness -30, accuracy -20');
  });
});

describe('vanishing-recovery', () => {
  it('names the reply that vanished, why, the replies left, and suggests "repeat"', () => {
    const ds = lintFixture('vanishing-recovery.json');
    expect(codes(ds)).toEqual(['vanishing-recovery']); // not also single-penalised-reply for the same state
    const d = ds[0]!;
    expect(d.path).toEqual(['nodes', 'unconvinced', 'replies', 0]);
    expect(d.message).toContain('after --path 1,3 (knowing order-found');
    expect(d.message).toContain('"unconvinced.2" (politeness -30, accuracy -20)');
    expect(d.message).toContain('reply "unconvinced.1", which costs nothing, is hidden: every fact it reveals ("order-found") is already known');
    expect(d.hint).toContain('"repeat": true');
  });

  it('finds the shipped case: licence-key after "check… then send a fresh key", as it was before its fix', () => {
    const shipped = readFileSync(join(ROOT, 'scenarios/licence-key.json'), 'utf8');
    const before = JSON.parse(shipped);
    const node = before.nodes['new-key-fails'];
    node.replies = node.replies.filter((r: { id: string }) => r.id !== 'keys-fine-see-screen');
    const ds = lint({ 'licence-key.json': JSON.stringify(before, null, 2) }).filter((d) => d.code === 'vanishing-recovery');
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('at node "new-key-fails"');
    expect(ds[0]!.message).toContain('"third-key"');
    expect(ds[0]!.message).toContain('reply "check-key-after-new"');
    // The fix: a reply for the trainee who already knows the key is valid.
    expect(codes(lint({ 'licence-key.json': shipped }))).toEqual([]);
  });
});

describe('branch-never-taken', () => {
  it('points at the branch and gives the values that make it so', () => {
    const [d] = only('branch-never-taken', 'branch-never-taken.json');
    expect(d!.path).toEqual(['nodes', 'unconvinced', 'replies', 1, 'next', 0]);
    expect(d!.message).toContain('branch 1 (to "waits-it-out") of reply "unconvinced.2" of node "unconvinced" is never taken');
    expect(d!.message).toContain('"mood>=80" never holds then: mood is 40–60 when this reply is chosen');
  });

  it('never-reached and ending-unreachable say which way in fails and why', () => {
    const [ending] = only('ending-unreachable', 'branch-never-taken.json');
    expect(ending!.message).toContain('branch 1 of reply "unconvinced.2" of node "unconvinced" is never taken ("mood>=80" never holds then');
    const text = edited((d) => {
      d.nodes.secret = { say: 'A secret.', replies: [{ say: 'Bye.', feedback: 'x', next: 'thanks' }] };
      d.nodes.status.replies.push({ say: 'Secret?', if: '!order-found', feedback: 'x', next: 'secret' });
    });
    const [node] = lint({ 'base-call.json': text }).filter((d) => d.code === 'never-reached');
    expect(node!.message).toContain('reply "status.3" of node "status" is never on offer');
  });

  it('an earlier branch that always matches is named', () => {
    const text = edited((d) => void (d.nodes.unconvinced.replies[1].next = [{ to: 'hangs-up', if: 'mood<=100' }, { to: 'escalated' }]));
    const [d] = lint({ 'base-call.json': text }).filter((x) => x.code === 'branch-never-taken');
    expect(d!.path).toEqual(['nodes', 'unconvinced', 'replies', 1, 'next', 1]);
    expect(d!.message).toContain('an earlier branch matches first every time: branch 1 (to "hangs-up")');
  });

  it('stays quiet where an exam\'s silence could still take the branch (the timer lowers mood; patience drains)', () => {
    const lowMood = edited((d) => void (d.nodes.unconvinced.replies[1].next = [{ to: 'escalated', if: 'mood<30' }, { to: 'hangs-up' }]));
    expect(codes(lint({ 'base-call.json': lowMood }))).not.toContain('branch-never-taken');
    const lowPatience = edited((d) => void (d.nodes.greeting.replies[0].next = [{ to: 'hangs-up', if: 'patience<15' }, { to: 'status' }]));
    expect(codes(lint({ 'base-call.json': lowPatience }))).not.toContain('branch-never-taken');
  });
});

describe('catastrophic-passes', () => {
  it('an ending that takes all of judgment while the call still grades D: the path, the scores, the weights that fix it', () => {
    const [d] = only('catastrophic-passes', 'catastrophic-passes.json');
    expect(d!.path).toEqual(['nodes', 'escalated']);
    expect(d!.message).toContain('ending "escalated" ("end": "escalated") costs all of judgment (-100 at the end of the call)');
    expect(d!.message).toContain('--path 1,2 scores politeness 100, accuracy 100, judgment 0: overall 67, grade D');
    expect(d!.hint).toContain('"weights": {"judgment": 2}');
    expect(d!.hint).toContain('"credit"');
  });

  it('a reply that costs 100 of a skill on its own while a call through it still passes', () => {
    const text = edited((d) => void (d.nodes.status.replies[0].accuracy = -100));
    const [d] = lint({ 'base-call.json': text }).filter((x) => x.code === 'catastrophic-passes');
    expect(d!.path).toEqual(['nodes', 'status', 'replies', 0, 'accuracy']);
    expect(d!.message).toContain('reply "send-tracking" of node "status" costs all of accuracy (-100) on its own');
    expect(d!.message).toContain('grade D');
  });

  it('the customer running out of patience (the built-in ending) points at the scoring', () => {
    const text = edited((d) => {
      d.facts['order-found'].key = false;
      d.nodes.greeting.replies[0].takes = 400;
    });
    const [d] = lint({ 'base-call.json': text }).filter((x) => x.code === 'catastrophic-passes');
    expect(d!.path).toEqual(['scoring']);
    expect(d!.message).toContain('ending "$hung-up" (the customer running out of patience) costs all of judgment');
    expect(d!.hint).toContain('give "hung-up" a "credit" under "scoring"');
  });

  it('is quiet when the catastrophe fails the call anyway', () => {
    const text = edited((d) => {
      d.nodes.status.replies[0].accuracy = -100;
      d.nodes.status.replies[0].polite = -40;
    });
    expect(codes(lint({ 'base-call.json': text }))).not.toContain('catastrophic-passes');
  });
});
