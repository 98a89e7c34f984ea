// The transcript panel's lines come from the engine's record of the call, only ever grow while
// the call runs, and say what was said, done and found.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/index.js';
import { transcriptLines } from '../../src/game/call/transcriptModel.js';
import { scenario, scenarioFiles } from './support/scenarios.js';

const labels = { silence: '(silence)', hungUp: '(hung up)', working: '(working)' };

describe('transcript', () => {
  it.each(Object.keys(scenarioFiles()))('%s: lines only grow, keys stay', (file) => {
    const s = scenario(file);
    const session = new Session(s, { seed: 9, mode: 'exam' });
    let prev: string[] = [];
    const check = () => {
      const keys = transcriptLines(s, session.context, labels).map((l) => l.key);
      expect(keys.slice(0, prev.length)).toEqual(prev);
      expect(new Set(keys).size).toBe(keys.length);
      prev = keys;
    };
    session.subscribe(check);
    session.answer();
    // Slow replies: the exam's timers and patience get their say too.
    for (let i = 0; i < 400 && !session.ended; i++) {
      session.advance(700);
      if (i % 9 === 8 && session.view.phase === 'listening') session.choose(1 + (i % session.view.replies.length));
    }
    expect(session.ended).toBe(true);
    const lines = transcriptLines(s, session.context, labels);
    const endLine = s.nodes.get(session.context.ending!.node)!.say;
    if (endLine) expect(lines.at(-1)).toMatchObject({ who: 'customer', text: endLine });
    expect(lines.filter((l) => l.who === 'you' || l.text === labels.silence || l.text === labels.hungUp)).toHaveLength(session.context.history.length);
    expect(lines.filter((l) => l.who === 'fact').map((l) => l.key.split(':')[1])).toEqual(session.context.facts);
    session.stop();
  });

  it('writes down what the customer said into a silence, as the caption showed it, not the line again', () => {
    const s = scenario('vague-refund.json');
    const session = new Session(s, { seed: 9, mode: 'exam' });
    session.answer();
    const said: string[] = [session.view.line!.say];
    for (let turn = 1; turn <= 2; turn++) {
      for (let t = 0; t < 200 && session.view.turn < turn; t++) session.advance(500);
      said.push(session.view.line!.say);
    }
    const opening = s.nodes.get(s.start)!;
    expect(said).toEqual([opening.say, opening.timeout!.silence[0]!.say, opening.timeout!.silence[1]!.say]);
    expect(transcriptLines(s, session.context, labels).filter((l) => l.who === 'customer').map((l) => l.text)).toEqual(said);
    session.stop();
  });

  it('shows an action as what it does, and its facts when it finishes', () => {
    const s = scenario();
    const session = new Session(s, { seed: 1, mode: 'practice' });
    session.answer();
    const action = session.view.replies.find((r) => r.isAction)!;
    session.choose(action.n);
    let lines = transcriptLines(s, session.context, labels);
    expect(lines.map((l) => l.who)).toEqual(['customer', 'you', 'note']);
    expect(lines[2]!.text).toBe('Looking up the order…');
    session.advance(13_000);
    lines = transcriptLines(s, session.context, labels);
    expect(lines.map((l) => l.who)).toEqual(['customer', 'you', 'note', 'fact', 'customer']);
    expect(lines[3]!.text).toBe(s.facts.get('order-found')!.text);
    session.stop();
  });
});
