// Turns the store's per-player-per-call aggregates into the boards the API returns: ranks,
// averages and the three skill champions.
import type { Board, BoardRow, CallSummary, Champion } from '../client/types.js';
import { DIMENSIONS as SKILLS } from '../engine/index.js';
import type { PlayerCallAggregate } from './store/store.js';

const round1 = (n: number) => Math.round(n * 10) / 10;

interface PlayerTotals {
  player: { id: number; name: string };
  score: number;
  calls: number;
  attempts: number;
  politeness: number;
  accuracy: number;
  judgment: number;
  overall: number;
}

function totals(aggs: readonly PlayerCallAggregate[]): PlayerTotals[] {
  const by = new Map<number, PlayerTotals>();
  for (const a of aggs) {
    let p = by.get(a.player_id);
    if (!p) by.set(a.player_id, (p = { player: { id: a.player_id, name: a.player_name }, score: 0, calls: 0, attempts: 0, politeness: 0, accuracy: 0, judgment: 0, overall: 0 }));
    p.score += a.best;
    p.calls += 1;
    p.attempts += a.results;
    p.politeness += a.politeness;
    p.accuracy += a.accuracy;
    p.judgment += a.judgment;
    p.overall += a.overall;
  }
  return [...by.values()];
}

/** Highest average in the skill; ties go to the player with more results, then the name. */
function champion(players: readonly PlayerTotals[], skill: (typeof SKILLS)[number]): Champion | null {
  let best: Champion | null = null;
  for (const p of players) {
    const c: Champion = { player: p.player, average: round1(p[skill] / p.attempts), results: p.attempts };
    if (!best || c.average > best.average || (c.average === best.average && (c.results > best.results || (c.results === best.results && c.player.name < best.player.name)))) best = c;
  }
  return best;
}

export function shapeBoard(
  aggs: readonly PlayerCallAggregate[],
  base: Pick<Board, 'team' | 'period' | 'since' | 'season' | 'scenario'>,
  titles: ReadonlyMap<string, string>,
  bestResults: ReadonlyMap<number, number> | null,
  allCalls: readonly PlayerCallAggregate[],
): Board {
  const players = totals(aggs).sort((a, b) => b.score - a.score || b.overall / b.attempts - a.overall / a.attempts || a.player.name.localeCompare(b.player.name));
  const rows: BoardRow[] = [];
  players.forEach((p, i) => {
    const prev = rows[i - 1];
    // Equal scores share a rank (1, 2, 2, 4).
    const rank = prev && prev.score === p.score ? prev.rank : i + 1;
    rows.push({
      rank,
      player: p.player,
      score: p.score,
      calls: p.calls,
      attempts: p.attempts,
      politeness: round1(p.politeness / p.attempts),
      accuracy: round1(p.accuracy / p.attempts),
      judgment: round1(p.judgment / p.attempts),
      overall: round1(p.overall / p.attempts),
      bestResult: bestResults?.get(p.player.id) ?? null,
    });
  });
  const callMap = new Map<string, { results: number; sum: number }>();
  for (const a of allCalls) {
    const c = callMap.get(a.scenario) ?? { results: 0, sum: 0 };
    c.results += a.results;
    c.sum += a.overall;
    callMap.set(a.scenario, c);
  }
  const calls: CallSummary[] = [...callMap.entries()]
    .map(([scenario, c]) => ({ scenario, title: titles.get(scenario) ?? scenario, results: c.results, average: round1(c.sum / c.results) }))
    .sort((a, b) => a.title.localeCompare(b.title));
  const all = totals(aggs);
  return {
    ...base,
    rows,
    champions: { politeness: champion(all, 'politeness'), accuracy: champion(all, 'accuracy'), judgment: champion(all, 'judgment') },
    calls,
  };
}
