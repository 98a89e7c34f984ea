// How a board ranks (src/server/board.ts): skill over volume, the minimum of attempts for a rank
// and for champions, shared ranks, unranked players after ranked ones, coverage, one call's board.
import { describe, expect, it } from 'vitest';
import { RANKING, shapeBoard, type BoardContext } from '../../src/server/board.js';
import type { PlayerCallBest } from '../../src/server/store/store.js';

const CALLS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
let nextId = 1;
/** One player's best on one call: `best` as [overall, politeness, accuracy, judgment]. */
function best(player: number, scenario: string, results: number, sum: number, best: [number, number, number, number]): PlayerCallBest {
  return {
    player_id: player,
    player_name: `P${player}`,
    scenario,
    results,
    overall_sum: sum,
    best_id: nextId++,
    best_overall: best[0],
    best_politeness: best[1],
    best_accuracy: best[2],
    best_judgment: best[3],
    best_played_at: 0,
  };
}
const ctx = (over: Partial<BoardContext['base']> = {}, minAttempts = 3): BoardContext => ({
  base: { team: { name: 'T', code: 'ABCDEFGH', season: 1 }, period: 'season', since: null, season: 1, scenario: null, ...over },
  titles: new Map(CALLS.map((c) => [c, `Call ${c}`])),
  minAttempts,
  callIds: new Set(CALLS),
});

describe('board ranking', () => {
  it('ranks skill over volume: a volume player with a judgment of 0 does not beat a careful one', () => {
    // P1 played every call once, badly on judgment; P2 played three calls well, three times each.
    const volume = CALLS.map((c) => best(1, c, 3, 150, [50, 90, 60, 0]));
    const careful = ['a', 'b', 'c'].map((c) => best(2, c, 3, 240, [85, 85, 85, 85]));
    const board = shapeBoard([...volume, ...careful], ctx());
    expect(board.rows.map((r) => [r.player.name, r.rank, r.standing, r.calls, r.callsAvailable])).toEqual([
      ['P2', 1, 85, 3, 9],
      ['P1', 2, 50, 9, 9],
    ]);
    expect(board.rows[1]).toMatchObject({ attempts: 27, average: 50, judgment: 0, politeness: 90 });
    expect(board.champions.judgment?.player.name).toBe('P2');
    expect(board.champions.politeness).toMatchObject({ player: { name: 'P1' }, average: 90, results: 27 });
    expect([board.ranking, board.minAttempts, board.callsAvailable]).toEqual([RANKING, 3, 9]);
  });

  it('needs the minimum of attempts to be ranked or champion; the others follow, unranked', () => {
    // One lucky 100 does not beat 27 results.
    const lucky = best(1, 'a', 1, 100, [100, 100, 100, 100]);
    const steady = CALLS.map((c) => best(2, c, 3, 210, [75, 75, 75, 75]));
    const twoTries = best(3, 'b', 2, 160, [90, 90, 90, 90]);
    const board = shapeBoard([lucky, ...steady, twoTries], ctx());
    expect(board.rows.map((r) => [r.player.name, r.rank, r.ranked])).toEqual([
      ['P2', 1, true],
      ['P1', null, false],
      ['P3', null, false],
    ]);
    for (const s of ['politeness', 'accuracy', 'judgment'] as const) expect(board.champions[s]?.player.name).toBe('P2');
    // With a minimum of 1 the lucky one leads.
    expect(shapeBoard([lucky, ...steady, twoTries], ctx({}, 1)).rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    // Nobody with enough attempts: no champion.
    expect(shapeBoard([lucky, twoTries], ctx()).champions).toEqual({ politeness: null, accuracy: null, judgment: null });
  });

  it("counts the minimum over every call of the period, on one call's board too", () => {
    // P1 tried call a once but played 4 other attempts this period: ranked on a's board.
    // P2 played a twice and nothing else: not ranked there, and told how many attempts it needs.
    const rows = [best(1, 'a', 1, 90, [90, 90, 90, 90]), best(1, 'b', 4, 240, [70, 70, 70, 70]), best(2, 'a', 2, 190, [95, 95, 95, 95])];
    const one = shapeBoard(rows, ctx({ scenario: 'a' }));
    expect(one.rows.map((r) => [r.player.name, r.rank, r.attempts, r.periodAttempts])).toEqual([
      ['P1', 1, 1, 5],
      ['P2', null, 2, 2],
    ]);
    expect(one.champions.politeness?.player.name).toBe('P1');
  });

  it('names a tie for champion instead of hiding it', () => {
    const rows = [best(1, 'a', 3, 300, [100, 100, 100, 100]), best(2, 'a', 4, 400, [100, 100, 90, 100]), best(3, 'a', 3, 240, [80, 80, 80, 80])];
    const { champions } = shapeBoard(rows, ctx());
    // Same politeness: P2 (more attempts) is named, P1 shown as tied.
    expect([champions.politeness?.player.name, champions.politeness?.tied.map((p) => p.name)]).toEqual(['P2', ['P1']]);
    // Accuracy is P1's alone.
    expect([champions.accuracy?.player.name, champions.accuracy?.tied]).toEqual(['P1', []]);
  });

  it('shares a rank between equal standings (1, 2, 2, 4), as shown to one decimal', () => {
    const rows = [
      best(1, 'a', 3, 270, [90, 0, 0, 0]),
      best(2, 'a', 3, 240, [80, 0, 0, 0]),
      best(3, 'a', 3, 240, [80, 0, 0, 0]),
      // 80.04 shows as 80: the same standing on screen, so the same rank.
      ...[best(4, 'a', 3, 0, [80, 0, 0, 0]), best(4, 'b', 0, 0, [80, 0, 0, 0])].map((b, i) => ({ ...b, best_overall: i === 0 ? 80.08 : 80 })),
      best(5, 'a', 3, 210, [70, 0, 0, 0]),
    ];
    expect(shapeBoard(rows, ctx()).rows.map((r) => [r.player.name, r.rank])).toEqual([
      ['P1', 1],
      ['P4', 2],
      ['P2', 2],
      ['P3', 2],
      ['P5', 5],
    ]);
  });

  it("shows one call's board with every call's tab, and counts a call no longer in the folder as available", () => {
    const rows = [best(1, 'a', 3, 210, [80, 70, 60, 50]), best(1, 'gone', 3, 150, [60, 60, 60, 60]), best(2, 'a', 4, 200, [70, 70, 70, 70])];
    const all = shapeBoard(rows, ctx());
    expect(all.callsAvailable).toBe(10);
    expect(all.calls.map((c) => [c.scenario, c.results, c.average])).toEqual([
      ['a', 7, 58.6],
      ['gone', 3, 50],
    ]);
    const one = shapeBoard(rows, ctx({ scenario: 'a' }));
    expect(one.callsAvailable).toBe(1);
    expect(one.rows.map((r) => [r.player.name, r.rank, r.standing, r.attempts, r.bestResult])).toEqual([
      ['P1', 1, 80, 3, rows[0]!.best_id],
      ['P2', 2, 70, 4, rows[2]!.best_id],
    ]);
    expect(one.calls).toEqual(all.calls);
    // On every call's board, a player's best result is their highest.
    expect(all.rows.find((r) => r.player.id === 1)?.bestResult).toBe(rows[0]!.best_id);
    expect(shapeBoard([], ctx()).rows).toEqual([]);
  });
});
