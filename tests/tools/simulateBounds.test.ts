// simulate's bounds with the shortest path to each: every skill's best and worst and the overall
// score's, checked against brute force (every path played through the engine's own rules and
// scored by its scoreCall) for both the score and the fewest moves that reach it, and each path
// given played on a live Session.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, MAX_TURNS, afterMove, answeredContext, movesAt, scoreCall, type MoveOptions, type Scenario, type SessionContext } from '../../src/engine/index.js';
import { generateScenario } from '../../src/tools/generate/generateScenario.js';
import { formatSimulation } from '../../src/tools/simulate/formatReport.js';
import { parsePath, playPath } from '../../src/tools/simulate/playPath.js';
import { simulateCall } from '../../src/tools/simulate/simulateCall.js';
import { SCENARIOS, edited, load } from './support.js';

type Key = (typeof DIMENSIONS)[number] | 'overall';
const KEYS: readonly Key[] = [...DIMENSIONS, 'overall'];

/** For each skill and overall: the best and worst score, and the fewest moves reaching each (exponential: small calls only). */
function bruteForce(s: Scenario, options: MoveOptions) {
  const out = Object.fromEntries(KEYS.map((k) => [k, { best: -1, bestMoves: Infinity, worst: 101, worstMoves: Infinity }])) as Record<Key, { best: number; bestMoves: number; worst: number; worstMoves: number }>;
  const walk = (ctx: SessionContext, moves: number) => {
    if (ctx.phase === 'ended') {
      const card = scoreCall(s, ctx);
      for (const k of KEYS) {
        const o = out[k];
        const v = card[k];
        if (v > o.best || (v === o.best && moves < o.bestMoves)) [o.best, o.bestMoves] = [v, moves];
        if (v < o.worst || (v === o.worst && moves < o.worstMoves)) [o.worst, o.worstMoves] = [v, moves];
      }
      return;
    }
    for (const m of movesAt(s, ctx, options)) walk(afterMove(s, ctx, m), moves + 1);
  };
  walk(answeredContext(s), 0);
  return out;
}

function expectShortest(s: Scenario, options: { timeouts: boolean; hangUp: boolean }) {
  const report = simulateCall(s, options);
  const truth = bruteForce(s, options);
  expect(report.overall).not.toBeNull();
  for (const k of KEYS) {
    const r = k === 'overall' ? report.overall! : report.bounds[k];
    expect([k, r.best, r.bestPath.turns, r.worst, r.worstPath.turns]).toEqual([k, truth[k].best, truth[k].bestMoves, truth[k].worst, truth[k].worstMoves]);
    for (const [path, score] of [[r.bestPath.path, r.best], [r.worstPath.path, r.worst]] as const) {
      expect(playPath(s, parsePath(path), { mode: 'practice' }).score[k]).toBe(score);
    }
  }
}

describe('the shortest path to each bound', () => {
  it('agrees with brute force on small generated calls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 18 }), fc.nat(10_000), fc.boolean(), (nodes, seed, hangUp) => {
        expectShortest(load(generateScenario(nodes, seed)), { timeouts: false, hangUp });
      }),
      { numRuns: 20 },
    );
  });

  it('agrees with brute force on format 2 (the memory fixture)', () => {
    expectShortest(load(readFileSync(join(import.meta.dirname, '../engine/fixtures/memory.json'), 'utf8'), 'fixtures/memory.json'), { timeouts: false, hangUp: true });
  });

  it('on a call with a loop: the worst is a few turns, not the 60-turn limit', () => {
    const s = load(
      edited((d) => {
        d.nodes.unconvinced.replies.push({ say: 'Sorry, say again?', polite: -40, feedback: 'x', next: 'unconvinced' });
      }),
    );
    const report = simulateCall(s);
    expect(report.exactTurns).toBe(true);
    // Rude three times and politeness is at 0: no need to go round any longer.
    expect(report.bounds.politeness.worst).toBe(0);
    expect(report.bounds.politeness.worstPath.turns).toBeLessThan(8);
    expect(playPath(s, parsePath(report.bounds.politeness.worstPath.path), { mode: 'practice' }).score.politeness).toBe(0);
  });

  it('on the shipped calls: no example path runs to the turn limit; the overall score is printed beside the skills', () => {
    for (const id of ['abusive-caller', 'never-satisfied', 'update-warning']) {
      const file = join(SCENARIOS, `${id}.json`);
      const s = load(readFileSync(file, 'utf8'), file);
      const report = simulateCall(s);
      for (const k of KEYS) {
        const r = k === 'overall' ? report.overall! : report.bounds[k];
        expect([id, k, r.worstPath.turns < MAX_TURNS, r.bestPath.turns < MAX_TURNS]).toEqual([id, k, true, true]);
        expect([id, k, playPath(s, parsePath(r.worstPath.path), { mode: 'practice' }).score[k]]).toEqual([id, k, r.worst]);
      }
      const text = formatSimulation(report);
      expect(text).toMatch(new RegExp(`^overall {6}${report.overall!.best} [A-F] +${report.overall!.worst} [A-F]$`, 'm'));
      expect(text).toMatch(/^overall:\n {2}best {2}\d+: --path /m);
    }
  });
});
