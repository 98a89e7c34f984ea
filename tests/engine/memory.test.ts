// Format 2's additions, played on the real Session by reply id: hidden flags and counters,
// conditions on them, on turns and on earlier replies; a node's entry effects; "$return";
// and an ending's own label, credit and feedback variants. Then the analyses: every ending
// the state graph finds is one a played path reaches, with the same scores.
import { describe, expect, it } from 'vitest';
import { Session, bestPaths, buildStateGraph, loadScenario, reviewCall, scoreBounds, type Scenario } from '../../src/engine/index.js';
import { editedScenario, loadFixture } from './support.js';

const SEED = 7;
const s = loadFixture('memory.json');

/** Answers, then chooses each reply by id, letting actions finish. */
function play(scenario: Scenario, ids: readonly string[], mode: 'practice' | 'exam' = 'practice'): Session {
  const session = new Session(scenario, { seed: SEED, mode });
  session.answer();
  for (const id of ids) {
    const shown = session.view.replies.find((r) => r.id === id);
    if (!shown) throw new Error(`"${id}" is not on offer at ${session.view.line?.id}: ${session.view.replies.map((r) => r.id).join(', ')}`);
    expect(session.choose(shown.n)).toBe(true);
    while (session.view.phase === 'working') session.advance(100);
  }
  return session;
}

describe('format 2 on a live call', () => {
  it('counts pushes in a counter, and the caller gives up at the second', () => {
    const call = play(s, ['push-back', 'apologise', 'push-back']);
    expect(call.ended).toBe(true);
    expect(call.view.ending?.node).toBe('gives-up');
    expect(call.context.counters).toEqual([2]);
  });

  it('applies a node’s entry effects each time its line is spoken, before the replies', () => {
    const call = play(s, ['push-back']);
    expect(call.view.line?.id).toBe('pushy');
    expect(call.context.mood).toBe(45); // 60, then "enter": mood -15
    expect(call.context.facts).toEqual(['caller-angry']);
    // Revealed on arrival, and the mood the line cost: recorded on the turn that led there, apart
    // from the reply's own change, and shown beside the line in the review.
    expect(call.context.history[0]).toMatchObject({ revealed: ['caller-angry'], moodBefore: 60, moodAfter: 60, arrival: { mood: -15, patience: 0 } });
    call.hangUp();
    expect(reviewCall(s, call.transcript()).turns.map((t) => t.lineMood)).toEqual([0, -15]);
  });

  it('goes back where it came from with "$return"', () => {
    const call = play(s, ['push-back', 'apologise']);
    expect(call.view.line?.id).toBe('opening');
    expect(call.context.cameFrom).toBe('pushy');
  });

  it('offers a reply only after an earlier one was chosen ("chose:")', () => {
    expect(play(s, ['verify']).view.replies.map((r) => r.id).sort()).toEqual(['restore']);
    expect(play(s, ['push-back', 'apologise', 'verify']).view.replies.map((r) => r.id).sort()).toEqual(['remind', 'restore']);
  });

  it('branches on the turns taken', () => {
    expect(play(s, ['verify', 'restore']).view.ending?.node).toBe('kept');
    expect(play(s, ['push-back', 'apologise', 'verify', 'restore']).view.ending?.node).toBe('kept-late');
  });

  it('keeps a flag hidden from the trainee, and an ideal that forbids it is not met', () => {
    const call = play(s, ['goodwill', 'verify', 'restore']);
    expect(call.context.flags).toEqual(['offered-goodwill']);
    expect(call.view.facts.map((f) => f.id)).toEqual(['identity-checked']);
    const score = call.score();
    expect(score.ideal).toBe(false);
    expect(score.ledger.filter((e) => e.turn === null).map((e) => e.cause)).toEqual([{ kind: 'forbidden', fact: 'offered-goodwill', outcome: 'retained' }]);
    // A flag's note is for trainers: the ideal's "why" speaks for it in the debrief.
    expect(score.ledger.find((e) => e.cause.kind === 'forbidden')!.note).toBe('Verified before acting, and gave nothing away.');
    expect(reviewCall(s, call.transcript()).missed).toEqual([]);
    // The feedback variant whose condition holds.
    expect(call.view.ending?.feedback).toBe('Kept, but the credit was not needed.');
    expect(play(s, ['verify', 'restore']).view.ending?.feedback).toBe('Verified and restored.');
  });

  it('judges an ending by its own credit and names it by its label', () => {
    const call = play(s, ['hand-over']);
    expect(call.view.ending).toMatchObject({ node: 'handed-over', outcome: 'retained', label: 'Account handed to an impostor' });
    const score = call.score();
    // Not "the right outcome, too early" (unmet -30) but the ending's credit 0: judgment 0.
    expect(score.judgment).toBe(0);
    expect(score.ledger.find((e) => e.cause.kind === 'outcome')?.cause).toEqual({ kind: 'outcome', outcome: 'retained', credit: 0 });
    expect(score.grade).toBe('F');
    expect(reviewCall(s, call.transcript()).ending).toMatchObject({ label: 'Account handed to an impostor', feedback: 'Nobody checked who was calling.' });
  });

  it('plays the ideal path the analysis finds, to full marks', () => {
    const ideal = bestPaths(buildStateGraph(s, { timeouts: false, hangUp: false })).ideal!;
    const ids = ideal.moves.map((e) => (e.move.kind === 'reply' ? e.move.reply.id : e.move.kind));
    expect(ids).toEqual(['verify', 'restore']);
    const score = play(s, ids).score();
    expect([score.politeness, score.accuracy, score.judgment, score.ideal]).toEqual([100, 100, 100, true]);
  });

  it('tells states apart by memory: the same node and facts with other counters are other states', () => {
    const g = buildStateGraph(s, { timeouts: false, hangUp: false });
    const opening = g.states.filter((st) => st.node === 'opening');
    const memories = new Set(opening.map((st) => `${st.counters}|${[...st.flags].sort()}|${st.cameFrom}`));
    // A line that repeats itself (goodwill leads back to the opening) is not somewhere to return from.
    expect(memories).toEqual(
      new Set(['0||null', '0|offered-goodwill|null', '1|chose:push-back|pushy', '1|chose:push-back,offered-goodwill|pushy', '2|chose:push-back|pushy', '2|chose:push-back,offered-goodwill|pushy']),
    );
    // A call whose conditions compare turns is analysed with exact turns.
    expect(g.turns).toBe('exact');
    const bounds = scoreBounds(g);
    expect(bounds.judgment.worst.score).toBe(0);
  });
});

describe('format 2 refused where it does not belong', () => {
  const problems = (text: string) => {
    const r = loadScenario(text, 'call.json');
    return r.ok ? [] : r.diagnostics.filter((d) => d.severity === 'error');
  };

  it('tells a version-1 file that uses a version-2 field how to get it', () => {
    const [d] = problems(editedScenario('mechanics.json', (d) => (d.nodes['retained-end'].label = 'Kept')));
    expect(d).toMatchObject({ code: 'unknown-property' });
    expect(d!.hint).toMatch(/new in format version 2: change "schemaVersion" to 2/);
  });

  it('names undeclared flags, counters and replies, with a place and a suggestion', () => {
    const ds = problems(
      editedScenario('memory.json', (d) => {
        d.nodes.opening.replies[1].set = 'push+1';
        d.nodes.opening.replies[2].set = 'offered-goodwil';
        d.nodes.verified.replies[1].if = 'chose:push-bak';
        d.nodes.pushy.replies[1].next[0].if = 'pushs>=2';
      }),
    );
    expect(ds.map((d) => `${d.code} ${d.message} — ${d.hint}`).sort()).toEqual([
      'unknown-counter counter "push" is not declared — did you mean "pushes"? Or declare "push" under "counters"',
      'unknown-counter counter "pushs" is not declared — did you mean "pushes"? Or declare "pushs" under "counters"',
      'unknown-flag flag "offered-goodwil" is not declared — did you mean "offered-goodwill"? Or declare "offered-goodwil" under "flags"',
      'unknown-reply "chose:push-bak" names no reply "push-bak" — did you mean "push-back"? Or declare "push-bak" under "a node\'s replies (as "id")"',
    ]);
    for (const d of ds) expect(d.line).toBeGreaterThan(1);
  });

  it('refuses a label or credit on a node that is not an ending, a counter named like a quantity, a fact set as a flag', () => {
    const ds = problems(
      editedScenario('memory.json', (d) => {
        d.nodes.pushy.label = 'x';
        d.counters.turns = {};
        d.nodes.opening.replies[2].set = 'caller-angry';
      }),
    );
    expect(ds.map((d) => d.code).sort()).toEqual(['label-without-end', 'reserved-name', 'unknown-flag']);
    expect(ds.find((d) => d.code === 'unknown-flag')!.hint).toMatch(/is a fact/);
  });

  it('explains a malformed change or condition', () => {
    const [d] = problems(editedScenario('memory.json', (d) => (d.nodes.opening.replies[1].set = 'pushes++')));
    expect(d!.message).toMatch(/a change is a flag id/);
  });
});

describe('format 2 conditions everywhere they are written', () => {
  it('compares counters in an ending’s feedback variants', () => {
    const doc = JSON.parse(editedScenario('memory.json', (d) => {
      d.nodes['gives-up'].feedback = [{ if: 'pushes>=2', text: 'Pushed twice, then let go.' }, { text: 'Let go.' }];
    }));
    const r = loadScenario(JSON.stringify(doc), 'memory.json');
    if (!r.ok) throw new Error('does not load');
    expect(play(r.scenario, ['push-back', 'apologise', 'push-back']).view.ending?.feedback).toBe('Pushed twice, then let go.');
  });

  it('refuses a comparison among an ideal’s requirements, saying where comparisons go', () => {
    const r = loadScenario(editedScenario('memory.json', (d) => (d.ideal[1].requires = 'pushes>=2')), 'memory.json');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toMatch(/compare numbers in a branch's "if" instead/);
  });
});

describe('an ending with its own credit', () => {
  it('is never ideal, even once everything the ideal requires is known', () => {
    const r = loadScenario(
      editedScenario('memory.json', (d) => d.nodes.verified.replies.push({ id: 'hand-over-late', say: 'Here are the keys.', next: 'handed-over' })),
      'memory.json',
    );
    if (!r.ok) throw new Error('does not load');
    const score = play(r.scenario, ['verify', 'hand-over-late']).score();
    expect(score.factsFound).toEqual(['identity-checked']);
    expect([score.ideal, score.matchedIdeal, score.judgment]).toEqual([false, null, 0]);
    const g = buildStateGraph(r.scenario, { timeouts: false, hangUp: false });
    expect(g.states.filter((st) => st.ending?.node === 'handed-over').every((st) => !st.ending!.ideal)).toBe(true);
  });
});
