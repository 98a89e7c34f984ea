// Format 2's silence lines: when the trainee says nothing and the call stays on a line, the
// customer says the next of the timeout's "say" lines (in turn, round) instead of repeating the
// line word for word — live, in the review, in a translation, and with a voice file of its own.
import { describe, expect, it } from 'vitest';
import { Session, loadScenario, loadScenarioFiles, reviewCall, type Scenario } from '../../src/engine/index.js';
import { spokenLines, voiceName } from '../../src/engine/format/voices.js';
import { editedScenario } from './support.js';

const SEED = 3;

const text = editedScenario('memory.json', (doc) => {
  doc.timeout.say = ['Hello? Are you still there?', 'I can hear you typing. Say something.'];
  doc.nodes.pushy.timeout = { after: 10, mood: -5, say: ['Well? I am waiting.'] };
});

function load(): Scenario {
  const r = loadScenario(text, 'fixtures/memory.json');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.scenario;
}

/** Answers and lets the timer run out `times` times at the opening. */
function silent(s: Scenario, times: number): Session {
  const session = new Session(s, { seed: SEED, mode: 'exam' });
  session.answer();
  for (let i = 0; i < times; i++) for (let t = 0; t < 160 && session.view.turn === i; t++) session.advance(100);
  return session;
}

describe('silence lines', () => {
  const s = load();

  it('says the call’s silence lines in turn, round, and the line itself first', () => {
    const said = [0, 1, 2, 3].map((n) => silent(s, n).view.line?.say);
    expect(said).toEqual(['I need into this account right now.', 'Hello? Are you still there?', 'I can hear you typing. Say something.', 'Hello? Are you still there?']);
    // The same line, by node: the replies stay the same.
    expect(silent(s, 2).view.line?.id).toBe('opening');
    expect(silent(s, 2).view.replies.map((r) => r.id).sort()).toEqual(silent(s, 0).view.replies.map((r) => r.id).sort());
  });

  it('names a voice file for each silence line, by its key', () => {
    expect(silent(s, 1).view.line?.voice).toBe('voice/memory/en/silence-1.webm');
    expect(silent(s, 0).view.line?.voice).toBe('voice/memory/en/opening.webm');
    expect(voiceName('line.pushy.timeout.say.1')).toBe('pushy.silence-1');
    const voices = spokenLines(s).map((l) => l.voice);
    expect(voices).toContain('voice/memory/en/silence-2.webm');
    expect(voices).toContain('voice/memory/en/pushy.silence-1.webm');
    // The call's default lines are shared by every node: listed once.
    expect(voices.filter((v) => v.endsWith('/silence-1.webm'))).toHaveLength(1);
  });

  it('shows in the review what was said at each turn', () => {
    const call = silent(s, 2);
    call.hangUp();
    expect(reviewCall(s, call.transcript()).turns.map((t) => t.line)).toEqual([
      'I need into this account right now.',
      'Hello? Are you still there?',
      'I can hear you typing. Say something.',
    ]);
  });

  it('a node’s own timeout has its own lines', () => {
    const session = new Session(s, { seed: SEED, mode: 'exam' });
    session.answer();
    session.choose(session.view.replies.find((r) => r.id === 'push-back')!.n);
    expect(session.view.line?.id).toBe('pushy');
    for (let t = 0; t < 120 && session.view.turn === 1; t++) session.advance(100);
    expect(session.view.line?.say).toBe('Well? I am waiting.');
  });

  it('is translated in a string table', () => {
    const table = JSON.stringify({
      schemaVersion: 2,
      translates: 'memory',
      locale: 'pl',
      strings: { 'timeout.say.1': { text: 'Halo? Jest tam ktoś?' } },
    });
    const files = loadScenarioFiles([
      { file: 'fixtures/memory.json', text },
      { file: 'fixtures/memory.pl.json', text: table },
    ]);
    const pl = files.find((f) => f.file === 'fixtures/memory.pl.json')!;
    if (!pl.ok) throw new Error(pl.diagnostics.map((d) => d.message).join('\n'));
    const call = silent(pl.scenario, 1);
    expect(call.view.line?.say).toBe('Halo? Jest tam ktoś?');
    expect(call.view.line?.voice).toBe('voice/memory/pl/silence-1.webm');
  });

  it('is refused outside format 2, and an empty list is refused', () => {
    const v1 = editedScenario('mechanics.json', (doc) => {
      doc.timeout = { after: 10, say: ['Hello?'] };
    });
    const r = loadScenario(v1, 'fixtures/mechanics.json');
    expect(r.ok).toBe(false);
    const empty = loadScenario(editedScenario('memory.json', (doc) => (doc.timeout.say = [])), 'fixtures/memory.json');
    expect(empty.ok).toBe(false);
  });
});
