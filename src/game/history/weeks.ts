// The player's average per skill week by week, for the progress chart the team page draws
// (leaderboard/progressChart.ts): from the week of the first call shown to this week, every
// week (empty ones too), each week starting on Monday at midnight in the player's own time zone.
import type { Progress, ProgressWeek } from '../../client/teamTypes.js';
import type { HistoryRow } from './rows.js';

/** The chart covers at most this many weeks, the latest ones. */
export const MAX_WEEKS = 52;

/** Monday 00:00 (local time) of the week `ms` falls in. */
export function weekStart(ms: number): Date {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Weekly means of the rows' skills and overall, as the chart's `Progress` (the player named for its title). */
export function weeklyProgress(rows: readonly HistoryRow[], player: Progress['player'], now: number = Date.now()): Progress {
  if (rows.length === 0) return { player, weeks: [] };
  const last = weekStart(now);
  let first = weekStart(Math.min(...rows.map((r) => r.playedAt)));
  const earliest = new Date(last.getFullYear(), last.getMonth(), last.getDate() - 7 * (MAX_WEEKS - 1));
  if (first < earliest) first = earliest;
  const weeks: ProgressWeek[] = [];
  for (let d = first; d <= last; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7)) {
    const end = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7).getTime();
    const inWeek = rows.filter((r) => r.playedAt >= d.getTime() && r.playedAt < end);
    weeks.push({
      start: d.toISOString(),
      results: inWeek.length,
      politeness: mean(inWeek.map((r) => r.skills.politeness)),
      accuracy: mean(inWeek.map((r) => r.skills.accuracy)),
      judgment: mean(inWeek.map((r) => r.skills.judgment)),
      overall: mean(inWeek.map((r) => r.skills.overall)),
    });
  }
  return { player, weeks };
}
