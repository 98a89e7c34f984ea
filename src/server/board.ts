// How a board ranks: the one home of the rule. From each player's best attempt on each call in
// the period (the store's PlayerCallBest rows) it makes the rows the API returns:
//   standing  the mean overall of the player's best attempt on each call they played
//   ranked    at least the team's minimum of attempts in the period, on any call (on one call's
//             board too); only ranked players get a rank or can be champion, listed first
//   rank      by standing as shown (one decimal); equal standings share a rank (1, 2, 2, 4)
// Coverage (calls played of calls available), the average over every attempt and the skills
// (means over the best attempts) are shown beside it.
//   champion  the highest skill mean among ranked players; a player whose best on a call is
//             flagged as faster than a person reads (src/server/plausibility.ts) is not champion
//             until a trainer clears it — still listed and ranked, marked as being checked
import type { Board, BoardRow, CallSummary, Champion } from '../client/types.js';
import { DIMENSIONS as SKILLS } from '../engine/index.js';
import type { PlayerCallBest } from './store/store.js';

/** The explanation the board shows under "How is this ranked?" (a key of the leaderboard's strings). */
export const RANKING = 'mean-best-per-call';

const round1 = (n: number) => Math.round(n * 10) / 10;

type Skill = (typeof SKILLS)[number];

interface PlayerTotals {
  readonly player: { id: number; name: string };
  calls: number;
  attempts: number;
  overallSum: number;
  bestSum: number;
  skills: Record<Skill, number>;
  best: PlayerCallBest;
  /** Best results (one per call) played offline, and flagged ones awaiting a trainer. */
  offline: number;
  flagged: number;
}

function totals(bests: readonly PlayerCallBest[]): PlayerTotals[] {
  const by = new Map<number, PlayerTotals>();
  for (const b of bests) {
    let p = by.get(b.player_id);
    if (!p) by.set(b.player_id, (p = { player: { id: b.player_id, name: b.player_name }, calls: 0, attempts: 0, overallSum: 0, bestSum: 0, skills: { politeness: 0, accuracy: 0, judgment: 0 }, best: b, offline: 0, flagged: 0 }));
    p.calls += 1;
    p.attempts += b.results;
    p.overallSum += b.overall_sum;
    p.bestSum += b.best_overall;
    p.skills.politeness += b.best_politeness;
    p.skills.accuracy += b.best_accuracy;
    p.skills.judgment += b.best_judgment;
    if (b.best_offline) p.offline += 1;
    if (b.best_flagged) p.flagged += 1;
    if (b.best_overall > p.best.best_overall || (b.best_overall === p.best.best_overall && b.best_id < p.best.best_id)) p.best = b;
  }
  return [...by.values()];
}

const standing = (p: PlayerTotals) => round1(p.bestSum / p.calls);
const skillMean = (p: PlayerTotals, s: Skill) => round1(p.skills[s] / p.calls);

/**
 * Highest mean in the skill among ranked players. Ties are shown, not hidden: the champion named
 * first is the one with more attempts, then by name, and the others on the same mean are `tied`.
 */
function champion(ranked: readonly PlayerTotals[], skill: Skill): Champion | null {
  let best: PlayerTotals | null = null;
  for (const p of ranked) {
    const d = best ? skillMean(p, skill) - skillMean(best, skill) : 1;
    if (!best || d > 0 || (d === 0 && (p.attempts > best.attempts || (p.attempts === best.attempts && p.player.name < best.player.name)))) best = p;
  }
  if (!best) return null;
  const top = skillMean(best, skill);
  const tied = ranked.filter((p) => p !== best && skillMean(p, skill) === top).map((p) => p.player);
  return { player: best.player, average: top, results: best.attempts, tied };
}

export interface BoardContext {
  readonly base: Pick<Board, 'team' | 'period' | 'since' | 'season' | 'scenario'>;
  /** A call's title by id. */
  readonly titles: ReadonlyMap<string, string>;
  /** Attempts in the period a player needs to be ranked (the team's setting). */
  readonly minAttempts: number;
  /** Ids of the calls a player can play now (the server's scenario folder). */
  readonly callIds: ReadonlySet<string>;
}

/**
 * The board of `o.base.scenario` (every call when null) from the period's best attempts on every
 * call: the call tabs list every call played, whichever board is shown.
 */
export function shapeBoard(allBests: readonly PlayerCallBest[], o: BoardContext): Board {
  const one = o.base.scenario;
  const bests = one === null ? allBests : allBests.filter((b) => b.scenario === one);
  const minAttempts = Math.max(1, o.minAttempts);
  // A call played once but since taken out of the folder still counts, so coverage never reads 10/9.
  const callsAvailable = o.base.scenario !== null ? 1 : new Set([...o.callIds, ...bests.map((b) => b.scenario)]).size;
  const order = (a: PlayerTotals, b: PlayerTotals) => standing(b) - standing(a) || b.calls - a.calls || b.attempts - a.attempts || a.player.name.localeCompare(b.player.name);
  const players = totals(bests);
  // The minimum is of attempts in the period on any call, also on one call's board: it keeps a
  // single lucky result off the top, and counting only that call's attempts would grey out
  // nearly everyone on every call's board (a team plays each call once or twice a week).
  const periodAttempts = new Map<number, number>();
  for (const b of allBests) periodAttempts.set(b.player_id, (periodAttempts.get(b.player_id) ?? 0) + b.results);
  const attemptsOf = (p: PlayerTotals) => periodAttempts.get(p.player.id) ?? p.attempts;
  const ranked = players.filter((p) => attemptsOf(p) >= minAttempts).sort(order);
  const unranked = players.filter((p) => attemptsOf(p) < minAttempts).sort(order);
  const eligible = ranked.filter((p) => p.flagged === 0);

  const rows: BoardRow[] = [];
  const row = (p: PlayerTotals, rank: number | null): BoardRow => ({
    rank,
    player: p.player,
    standing: standing(p),
    average: round1(p.overallSum / p.attempts),
    calls: p.calls,
    callsAvailable,
    attempts: p.attempts,
    periodAttempts: attemptsOf(p),
    ranked: rank !== null,
    politeness: skillMean(p, 'politeness'),
    accuracy: skillMean(p, 'accuracy'),
    judgment: skillMean(p, 'judgment'),
    bestResult: p.best.best_id,
    offline: p.offline,
    checking: p.flagged > 0,
  });
  ranked.forEach((p, i) => {
    const prev = rows[i - 1];
    rows.push(row(p, prev && prev.standing === standing(p) ? prev.rank : i + 1));
  });
  for (const p of unranked) rows.push(row(p, null));

  const callMap = new Map<string, { results: number; sum: number }>();
  for (const b of allBests) {
    const c = callMap.get(b.scenario) ?? { results: 0, sum: 0 };
    c.results += b.results;
    c.sum += b.overall_sum;
    callMap.set(b.scenario, c);
  }
  const calls: CallSummary[] = [...callMap.entries()]
    .map(([scenario, c]) => ({ scenario, title: o.titles.get(scenario) ?? scenario, results: c.results, average: round1(c.sum / c.results) }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return {
    ...o.base,
    minAttempts,
    callsAvailable,
    ranking: RANKING,
    rows,
    champions: { politeness: champion(eligible, 'politeness'), accuracy: champion(eligible, 'accuracy'), judgment: champion(eligible, 'judgment') },
    calls,
  };
}
