// Transcripts: replay reproduces a call exactly; a transcript that does not fit is refused, saying why.
import { describe, expect, it } from 'vitest';
import { RULES_VERSION, Session, TRANSCRIPT_VERSION, TranscriptError, replay, transcriptSchema, type Transcript } from '../../src/engine/index.js';
import { loadFile, loadFixture, SCENARIO_DIR } from './support.js';

const scenario = loadFixture('mechanics.json');

function recorded(): Session {
  const s = new Session(scenario, { seed: 99, mode: 'exam' });
  s.advance(1234);
  s.answer();
  s.advance(2000);
  s.choose(s.view.replies.find((r) => r.say.startsWith('Let me check'))!.n);
  while (s.view.phase === 'working') s.advance(16.7); // frames of any length
  s.choose(s.view.replies.find((r) => r.say.startsWith('I understand'))!.n);
  s.advance(3000);
  s.choose(s.view.replies.find((r) => r.say.startsWith('Your account'))!.n);
  return s;
}

function refusal(t: unknown, requireEnd = true): TranscriptError {
  try {
    replay(scenario, t, { requireEnd });
  } catch (e) {
    if (e instanceof TranscriptError) return e;
    throw e;
  }
  throw new Error('the transcript was accepted');
}

describe('replay', () => {
  it('reproduces the call and its scores exactly', () => {
    const live = recorded();
    expect(live.ended).toBe(true);
    const again = replay(scenario, JSON.parse(JSON.stringify(live.transcript())), { requireEnd: true });
    expect(again.score).toEqual(live.score());
    expect(again.session.context).toEqual(live.context);
  });

  it('keeps transcripts short: runs of equal ticks are one entry', () => {
    const t = recorded().transcript();
    expect(t.events.length).toBeLessThan(15);
    expect(t.events.filter((e) => e.type === 'TICK').every((e) => e.type === 'TICK' && e.ms === 100)).toBe(true);
  });

  it('refuses a transcript for another version of the scenario', () => {
    const t = recorded().transcript();
    const e = refusal({ ...t, hash: 'f'.repeat(64) });
    expect(e.code).toBe('wrong-version');
    expect(e.message).toMatch(/another version of "mechanics"/);
  });

  it('refuses a transcript for another scenario or locale', () => {
    const t = recorded().transcript();
    expect(refusal({ ...t, scenario: 'other' }).code).toBe('wrong-scenario');
    expect(refusal({ ...t, locale: 'ru' }).code).toBe('wrong-scenario');
  });

  it('refuses an impossible choice, naming the event', () => {
    const t: Transcript = { ...recorded().transcript(), events: [{ type: 'ANSWER' }, { type: 'CHOOSE', n: 9 }] };
    const e = refusal(t);
    expect(e).toMatchObject({ code: 'impossible-event', index: 1 });
    expect(e.message).toBe('event 2 (CHOOSE 9) is impossible: 5 replies were on offer at node "hub"');
  });

  it('refuses a choice before the phone is answered', () => {
    const t: Transcript = { ...recorded().transcript(), events: [{ type: 'CHOOSE', n: 1 }] };
    expect(refusal(t).message).toMatch(/the call was ringing/);
  });

  it('refuses events after the end, and an unfinished call when an ending is required', () => {
    const t = recorded().transcript();
    expect(refusal({ ...t, events: [...t.events, { type: 'HANG_UP' }] }).code).toBe('after-end');
    expect(refusal({ ...t, events: t.events.slice(0, 3) }).code).toBe('unfinished');
    expect(() => replay(scenario, { ...t, events: t.events.slice(0, 3) })).not.toThrow();
  });

  it('refuses what is not a transcript, with the reason', () => {
    expect(refusal(null).code).toBe('malformed');
    expect(refusal({ ...recorded().transcript(), seed: -1 }).message).toMatch(/at seed/);
    expect(refusal({ ...recorded().transcript(), events: [{ type: 'TICK', ms: 0 }] }).code).toBe('malformed');
    expect(refusal({ ...recorded().transcript(), events: [{ type: 'CHEAT' }] }).code).toBe('malformed');
    expect(refusal({ ...recorded().transcript(), v: 99 }).code).toBe('malformed');
    expect(refusal({ ...recorded().transcript(), rules: RULES_VERSION + 1 }).code).toBe('malformed');
  });

  it('reads a version-1 transcript as scored under rules 1, and says it no longer replays to its scores', () => {
    const { v: _v, rules: _rules, ...old } = recorded().transcript();
    const parsed = transcriptSchema.parse({ v: 1, ...old });
    expect(parsed.rules).toBe(1);
    expect(parsed.v).toBe(TRANSCRIPT_VERSION);
    const refused = refusal({ v: 1, ...old });
    expect(refused.code).toBe('old-rules');
    expect(refused.message).toMatch(/rules version 1/);
  });

  it('detects altered events: a different choice gives a different score, not the claimed one', () => {
    const firstCall = loadFile(`${SCENARIO_DIR}/first-call.json`);
    const s = new Session(firstCall, { seed: 3, mode: 'practice' });
    s.answer();
    s.choose(s.view.replies.find((r) => r.say.startsWith('Did you check'))!.n);
    s.hangUp();
    const t = s.transcript();
    const altered = { ...t, events: t.events.map((e) => (e.type === 'CHOOSE' ? { ...e, n: e.n === 1 ? 2 : 1 } : e)) };
    const { score } = replay(firstCall, altered);
    expect(score.politeness).not.toBe(s.score().politeness);
  });
});
