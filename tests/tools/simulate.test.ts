// simulate's bounds are checked against brute force — every path played through the engine's
// own rules with its real turn count, scored by the engine's scoreCall — on small generated
// calls and on loops, and --path against the engine's replay of the transcript it produces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, afterMove, answeredContext, movesAt, replay, scoreCall, weightedLoss, type MoveOptions, type Scenario, type SessionContext } from '../../src/engine/index.js';
import { generateScenario } from '../../src/tools/generate/generateScenario.js';
import { parsePath, playPath, PathError } from '../../src/tools/simulate/playPath.js';
import { formatSimulation } from '../../src/tools/simulate/formatReport.js';
import { simulateCall } from '../../src/tools/simulate/simulateCall.js';
import { edited, load, templateText } from './support.js';

/** Best and worst of each skill over every path, one by one (exponential: small calls only). */
function bruteForce(s: Scenario, options: MoveOptions) {
  const best = { politeness: -1, accuracy: -1, judgment: -1 };
  const worst = { politeness: 101, accuracy: 101, judgment: 101 };
  const endings = new Set<string>();
  // The ideal path as docs/scoring.md defines it: fewest weighted points lost, then fewest turns.
  let ideal = { cost: Infinity, turns: Infinity };
  const cheapest = new Map<string, number>();
  const walk = (ctx: SessionContext) => {
    if (ctx.phase === 'ended') {
      const card = scoreCall(s, ctx);
      for (const d of DIMENSIONS) [best[d], worst[d]] = [Math.max(best[d], card[d]), Math.min(worst[d], card[d])];
      endings.add(ctx.node);
      const lost = { politeness: 0, accuracy: 0, judgment: 0 };
      for (const e of card.ledger) lost[e.dimension] -= e.points;
      const cost = weightedLoss(s, lost);
      cheapest.set(ctx.node, Math.min(cheapest.get(ctx.node) ?? Infinity, cost));
      const turns = ctx.history.length;
      if (card.ideal && (cost < ideal.cost - 1e-9 || (Math.abs(cost - ideal.cost) <= 1e-9 && turns < ideal.turns))) ideal = { cost, turns };
      return;
    }
    for (const m of movesAt(s, ctx, options)) walk(afterMove(s, ctx, m));
  };
  walk(answeredContext(s));
  return { best, worst, endings, ideal, cheapest };
}

function expectAgreement(s: Scenario, options: { timeouts: boolean; hangUp: boolean }) {
  const report = simulateCall(s, options);
  const truth = bruteForce(s, options);
  for (const d of DIMENSIONS) {
    expect([d, report.bounds[d].best, report.bounds[d].worst]).toEqual([d, truth.best[d], truth.worst[d]]);
    // The paths given really score that: play them on a live Session.
    for (const [path, score] of [[report.bounds[d].bestPath.path, report.bounds[d].best], [report.bounds[d].worstPath.path, report.bounds[d].worst]] as const) {
      expect(playPath(s, parsePath(path)).score[d]).toBe(score);
    }
  }
  expect(new Set(report.endings.map((e) => e.node))).toEqual(truth.endings);
  expect(report.idealPath?.turns ?? Infinity).toBe(truth.ideal.turns);
  expect(report.idealPath?.pointsLost ?? Infinity).toBeCloseTo(truth.ideal.cost, 9);
  for (const e of report.endings) {
    expect([e.node, e.best.pointsLost]).toEqual([e.node, expect.closeTo(truth.cheapest.get(e.node)!, 9)]);
    // The cheapest path given really plays to that ending with that overall score.
    const played = playPath(s, parsePath(e.best.path));
    expect([e.node, played.ending?.node, played.score.overall]).toEqual([e.node, e.node, e.best.overall]);
  }
  if (report.idealPath) expect(playPath(s, parsePath(report.idealPath.path)).score.ideal).toBe(true);
}

describe('simulate agrees with brute force', () => {
  it('on small generated calls (replies; replies and hanging up)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 19 }), fc.nat(10_000), fc.boolean(), (nodes, seed, hangUp) => {
        expectAgreement(load(generateScenario(nodes, seed)), { timeouts: false, hangUp });
      }),
      { numRuns: 25 },
    );
  });

  it('on the template with timeouts counted', () => {
    expectAgreement(load(templateText()), { timeouts: true, hangUp: true });
  });

  it('on a call with a free loop, where only the 60-turn limit ends it (exact turns)', () => {
    const s = load(
      edited((d) => {
        d.nodes.unconvinced.replies.push({ say: 'Sorry, say again?', polite: -1, feedback: 'x', next: 'unconvinced' });
      }),
    );
    const report = simulateCall(s);
    expect(report.exactTurns).toBe(true);
    expectAgreement(s, { timeouts: false, hangUp: false });
  });
});

describe('simulate agrees with brute force on format 2', () => {
  it('on the memory fixture: counters, flags, entry effects, $return, conditions on turns and earlier replies', () => {
    const s = load(readFileSync(join(import.meta.dirname, '../engine/fixtures/memory.json'), 'utf8'), 'fixtures/memory.json');
    expectAgreement(s, { timeouts: false, hangUp: true });
  });
});

describe('simulate marks an ending ideal only where the path it shows is', () => {
  it('says "can be" when the cheapest way to an ideal outcome skips what the ideal requires', () => {
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, '../engine/fixtures/memory.json'), 'utf8'));
    // Checking costs more than skipping it does: the cheapest way to "kept" is not the ideal one.
    doc.nodes.opening.replies[0].judgment = -60;
    doc.nodes.opening.replies.push({ id: 'skip', say: 'You sound like the owner; here you go.', next: 'kept' });
    const s = load(JSON.stringify(doc), 'fixtures/memory.json');
    const report = simulateCall(s, { timeouts: false, hangUp: false });
    const kept = report.endings.find((e) => e.node === 'kept')!;
    expect([kept.ideal, kept.best.ideal, kept.best.path]).toEqual([true, false, '5']);
    const text = formatSimulation(report);
    expect(text).toMatch(/kept\s+retained\s+can be /);
    expect(text).toContain('"can be": ideal only with every fact its ideal requires');
  });
});

describe('simulate --path plays the engine', () => {
  it('takes reply ids as well as positions, and names the replies when an id is not there', () => {
    const s = load(templateText());
    const byId = playPath(s, parsePath('look-up,send-tracking'));
    const byPosition = playPath(s, parsePath('1,1'));
    expect(byId.score).toEqual(byPosition.score);
    expect(() => playPath(s, parsePath('look-up,nope'))).toThrow('node "status" has no reply "nope" (its replies: send-tracking, pass-to-supervisor)');
  });

  it('scores and ledger equal the replay of the transcript it produced', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.array(fc.nat(8), { minLength: 1, maxLength: 12 }), fc.constantFrom('exam' as const, 'practice' as const), (seed, picks, mode) => {
        const s = load(generateScenario(20, seed));
        // Turn arbitrary picks into moves that are on offer, as a trainer would type them.
        const tokens: number[] = [];
        let ctx = answeredContext(s);
        for (const p of picks) {
          if (ctx.phase !== 'listening') break;
          const moves = movesAt(s, ctx, { timeouts: false, hangUp: false });
          const move = moves[p % moves.length]!;
          if (move.kind !== 'reply') break;
          tokens.push(move.reply.index + 1);
          ctx = afterMove(s, ctx, move);
        }
        const played = playPath(s, tokens, { seed, mode });
        const replayed = replay(s, played.transcript);
        expect(played.score).toEqual(replayed.score);
        expect(played.turns.flatMap((t) => t.ledger).concat(played.endLedger)).toEqual(expect.arrayContaining([...replayed.score.ledger]));
        expect(played.turns.length).toBe(tokens.length);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a move that is not on offer, saying what is', () => {
    const s = load(templateText());
    expect(() => playPath(s, [2, 3])).toThrow(PathError);
    expect(() => playPath(s, [2, 3])).toThrow(/node "unconvinced" has 2 replies/);
    expect(() => parsePath('1,Look Up')).toThrow(/"Look Up" is not a move: write a reply's id or its position/);
  });
});
