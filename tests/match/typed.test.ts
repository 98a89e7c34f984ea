// Typed replies in the engine (issue 13): the transcript's typed text and how it was taken,
// replayed to the same scores; the server's check of every typed turn; the debrief's
// explanation; and the matcher's plain verdicts on a shipped call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFiles, replay, Session, transcriptSchema, TYPED_MAX_CHARS, walkTranscript } from '../../src/engine/index.js';
import { checkTypedChoices, explainTyped, matchReply } from '../../src/engine/match/index.js';
import { finished } from '../server/playCall.js';
import { SHIPPED_DIR, shippedCall } from '../support/shipped.js';
import { typedTranscript } from './typedSupport.js';

const firstCall = shippedCall('first-call.json');
const offeredAt = (node: string) => firstCall.nodes.get(node)!.replies.map((r) => r.id);

describe('typed text in transcripts', () => {
  const base = { v: 2, rules: 1, scenario: 'a', locale: 'en', hash: 'a'.repeat(64), seed: 1, mode: 'exam' };
  const parses = (e: Record<string, unknown>) => transcriptSchema.safeParse({ ...base, events: [{ type: 'CHOOSE', n: 1, ...e }] }).success;

  it('takes typed text with how it was taken, both or neither, 1 to TYPED_MAX_CHARS characters without control characters', () => {
    expect(parses({})).toBe(true);
    expect(parses({ typed: 'Let me look up your order', took: 'match' })).toBe(true);
    expect(parses({ typed: '  sorry  ', took: 'suggestion' })).toBe(true);
    expect(parses({ typed: 'x'.repeat(TYPED_MAX_CHARS), took: 'match' })).toBe(true);
    expect(parses({ typed: 'x'.repeat(TYPED_MAX_CHARS + 1), took: 'match' })).toBe(false);
    expect(parses({ typed: 'sorry' })).toBe(false);
    expect(parses({ took: 'match' })).toBe(false);
    expect(parses({ typed: '   ', took: 'match' })).toBe(false);
    expect(parses({ typed: 'one\ntwo', took: 'match' })).toBe(false);
    expect(parses({ typed: 'sorry', took: 'guess' })).toBe(false);
  });

  it('keeps what was typed in the session\'s transcript, refuses a bad text, and replays to the same scores as buttons', () => {
    const played = finished(firstCall, { seed: 7 });
    const typed = typedTranscript(firstCall, played.transcript);
    expect(typed.events.filter((e) => e.type === 'CHOOSE').every((e) => e.type === 'CHOOSE' && e.typed !== undefined)).toBe(true);
    expect(replay(firstCall, typed, { requireEnd: true }).score).toEqual(played.score);

    const s = new Session(firstCall, { seed: 3, mode: 'practice' });
    s.advance(800);
    s.answer();
    while (s.view.replies.length === 0) s.advance(100);
    const reply = s.view.replies.find((r) => r.id === 'whole-history')!;
    expect(s.choose(reply.n, { text: 'bad\u0007text', took: 'match' })).toBe(false);
    expect(s.choose(reply.n, { text: 'let me see your whole order history', took: 'match' })).toBe(true);
    expect(s.transcript().events.at(-1)).toEqual({ type: 'CHOOSE', n: reply.n, typed: 'let me see your whole order history', took: 'match' });
    s.stop();
  });
});

describe('checkTypedChoices and explainTyped', () => {
  const played = finished(firstCall, { seed: 11 });

  it('accepts a call typed in the replies\' own words and explains each turn by the words that matched', () => {
    const typed = typedTranscript(firstCall, played.transcript);
    expect(checkTypedChoices(firstCall, typed)).toBeNull();
    const turns = explainTyped(firstCall, typed);
    const { before } = walkTranscript(firstCall, typed);
    expect(turns.map((t) => t.turn)).toEqual(before.map((_, i) => i + 1));
    for (const t of turns) {
      expect(t.took).toBe('match');
      expect(t.evidence.length).toBeGreaterThan(0);
      for (const phrase of t.evidence) expect(t.text).toContain(phrase);
    }
    expect(checkTypedChoices(firstCall, played.transcript)).toBeNull();
    expect(explainTyped(firstCall, played.transcript)).toEqual([]);
  });

  it('refuses a typed text the matcher takes as another reply, or as none, naming the turn', () => {
    const forged = typedTranscript(firstCall, played.transcript, (turn) => (turn === 1 ? { text: 'Did you check your spam folder for the shipping e-mail?', took: 'match' } : null));
    expect(checkTypedChoices(firstCall, forged)).toMatchObject({ turn: 1, code: 'typed-mismatch', message: expect.stringContaining('turn 1') });
    const offTopic = typedTranscript(firstCall, played.transcript, (turn) => (turn === 2 ? { text: 'what is the weather like today', took: 'suggestion' } : null));
    expect(checkTypedChoices(firstCall, offTopic)).toMatchObject({ turn: 2, message: expect.stringContaining('no reply') });
  });

  it('accepts a suggestion only among the closest replies of an unsure match', () => {
    const first = walkTranscript(firstCall, played.transcript).before[0]!;
    const tookFirst = firstCall.nodes.get(first.node)!.replies[first.order[(played.transcript.events.find((e) => e.type === 'CHOOSE') as { n: number }).n - 1]!]!.id;
    expect([first.node, tookFirst]).toEqual(['opening', 'opening.1']);
    const unsure = matchReply(firstCall, 'opening', offeredAt('opening'), 'your order');
    expect(unsure.verdict).toBe('unsure');
    expect(unsure.candidates.map((c) => c.reply)).toContain('opening.1');
    const suggested = typedTranscript(firstCall, played.transcript, (turn) => (turn === 1 ? { text: 'your order', took: 'suggestion' } : null));
    expect(checkTypedChoices(firstCall, suggested)).toBeNull();
    expect(explainTyped(firstCall, suggested)[0]).toMatchObject({ turn: 1, took: 'suggestion', reply: 'opening.1', evidence: ['order'] });
    // Text the matcher is sure of is no suggestion, and an unsure text is no match.
    const sure = typedTranscript(firstCall, played.transcript, (turn) => (turn === 1 ? { text: "I'm sorry it's late. Let me look up your order", took: 'suggestion' } : null));
    expect(checkTypedChoices(firstCall, sure)).toMatchObject({ turn: 1, code: 'typed-mismatch' });
    const unsureAsMatch = typedTranscript(firstCall, played.transcript, (turn) => (turn === 1 ? { text: 'your order', took: 'match' } : null));
    expect(checkTypedChoices(firstCall, unsureAsMatch)).toMatchObject({ turn: 1, code: 'typed-mismatch' });
  });
});

describe('matchReply on a shipped call', () => {
  it('takes a reply in its own words, says none for off-topic text, and is deterministic', () => {
    const offered = offeredAt('opening');
    const own = matchReply(firstCall, 'opening', offered, "I'm sorry it's late. Let me look up your order — one moment, please.");
    expect(own).toMatchObject({ verdict: 'confident', reply: 'opening.1' });
    expect(own.evidence.join(' ')).toContain('order');
    for (const text of ["what's the weather", 'asdf', 'I like pizza', '!!!', '']) expect(matchReply(firstCall, 'opening', offered, text).verdict, text).toBe('none');
    expect(matchReply(firstCall, 'opening', offered, 'spam folder?')).toEqual(matchReply(firstCall, 'opening', offered, 'spam folder?'));
    // A reply not on offer is never taken.
    expect(matchReply(firstCall, 'opening', offered.filter((id) => id !== 'opening.3'), 'Did you check your spam folder for the shipping e-mail?').reply).not.toBe('opening.3');
  });
});

describe('examples in string tables', () => {
  const original = readFileSync(join(SHIPPED_DIR, 'first-call.json'), 'utf8');
  const table = readFileSync(join(SHIPPED_DIR, 'first-call.ru.json'), 'utf8');
  const compose = (text: string) => {
    const [r] = loadScenarioFiles([{ file: 'scenarios/first-call.ru.json', text }, { file: 'scenarios/first-call.json', text: original }]);
    if (!r?.ok) throw new Error('does not load');
    return r;
  };

  it('composes a table\'s own examples, one per line; without them the reply has its translated say alone, with a warning', () => {
    const ru = compose(table);
    expect(ru.scenario.nodes.get('opening')!.replies[0]!.examples).toEqual(['Извините, что так вышло. Давайте я проверю, где ваш заказ.', 'Простите за ожидание, сейчас найду заказ.']);
    const without = table.replace(/^\s*"reply\.opening\.1\.examples".*\n/m, '');
    expect(without).not.toBe(table);
    const bare = compose(without);
    expect(bare.scenario.nodes.get('opening')!.replies[0]!.examples).toEqual([]);
    expect(bare.diagnostics.find((d) => d.code === 'missing-string' && d.message.includes('reply.opening.1.examples'))?.message).toContain('translated text alone');
    // A stale one is still used, and reported.
    const stale = compose(table.replace(/("reply\.opening\.1\.examples": \{ "source": ")[0-9a-f]{8}/, '$100000000'));
    expect(stale.scenario.nodes.get('opening')!.replies[0]!.examples).toHaveLength(2);
    expect(stale.diagnostics.some((d) => d.code === 'stale-string' && d.message.includes('reply.opening.1.examples'))).toBe(true);
  });
});
