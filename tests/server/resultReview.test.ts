// The review summary kept with each result (src/server/resultReview.ts), on the shipped warm-up
// call played by reply ids with pinned seeds: the key facts missed and the weaker replies are the
// engine's review's own, checked here by hand against first-call.json.
import { describe, expect, it } from 'vitest';
import { reviewCall, RULES_VERSION } from '../../src/engine/index.js';
import { parseReview, resultReview } from '../../src/server/resultReview.js';
import { playedByIds } from './playByIds.js';
import { loadShipped } from './support.js';

const call = loadShipped('first-call.json');
const play = (moves: string[], seed = 3) => playedByIds(call, moves, { seed }).transcript;

describe('resultReview', () => {
  it('finds nothing to say about the ideal call', () => {
    const r = resultReview(call, play(['opening.1', 'order-shipped.1', 'delay-known.1']));
    expect(r).toEqual({ v: 1, rules: RULES_VERSION, ok: true, missed: [], nodes: ['opening', 'order-shipped', 'delay-known'], weaker: [] });
  });

  it('names the key fact missed and the turn where a better reply was on offer', () => {
    // Shrugging the delay off to the courier ends the call before the courier's delay is known.
    const r = resultReview(call, play(['opening.1', 'order-shipped.2']));
    expect(r.missed).toEqual(['courier-delay']);
    expect(r.nodes).toEqual(['opening', 'order-shipped']);
    expect(r.weaker).toEqual([{ turn: 2, node: 'order-shipped', reply: 'order-shipped.2', better: 'order-shipped.1' }]);
  });

  it('lists every weaker reply the engine review names, in turn order, and no others', () => {
    const t = play(['opening.2', 'promise-doubt.1', 'order-shipped.1', 'delay-known.2'], 11);
    const r = resultReview(call, t);
    const review = reviewCall(call, t);
    expect(r.weaker.map((w) => w.turn)).toEqual(review.turns.filter((x) => x.better).map((x) => x.turn));
    expect(r.weaker[0]).toEqual({ turn: 1, node: 'opening', reply: 'opening.2', better: 'opening.1' });
    // The cold but correct last reply: kept, coldly — a better reply was on offer.
    expect(r.weaker.at(-1)).toEqual({ turn: 4, node: 'delay-known', reply: 'delay-known.2', better: 'delay-known.1' });
    expect(r.missed).toEqual([]);
  });

  it('does not count a timeout as a wrong reply', () => {
    const r = resultReview(call, play(['timeout', 'opening.1', 'order-shipped.1', 'delay-known.1']));
    expect(r.weaker.every((w) => w.reply !== null && w.reply !== 'timeout')).toBe(true);
    expect(r.ok).toBe(true);
  });

  it('marks a transcript scored under rules it cannot reproduce as unavailable', () => {
    const t = play(['opening.1', 'order-shipped.2']);
    expect(resultReview(call, { ...t, rules: 0 })).toMatchObject({ ok: false, missed: [], weaker: [] });
  });

  it('reads back only its own JSON under today’s rules', () => {
    const r = resultReview(call, play(['opening.1', 'order-shipped.2']));
    expect(parseReview(JSON.stringify(r))).toEqual(r);
    expect(parseReview(null)).toBeNull();
    expect(parseReview('not json')).toBeNull();
    expect(parseReview('{"v":2}')).toBeNull();
    expect(parseReview(JSON.stringify({ ...r, rules: RULES_VERSION + 1 }))).toBeNull();
  });
});
