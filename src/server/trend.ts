// The team trend's buckets: days for a short period, weeks up to about a year, months beyond, so
// "all time" covers the whole range in at most MAX_POINTS points. Pure: the clock is passed in.
import type { TrendPoint } from '../client/types.js';
import { DAY_MS, monthStart } from './store/bests.js';

export type TrendUnit = 'day' | 'week' | 'month';

export const WEEK_MS = 7 * DAY_MS;
export const MAX_POINTS = 400;
/** Spans up to this are drawn in days; up to YEARISH_MS in weeks; longer in months. */
export const DAYS_UP_TO_MS = 31 * DAY_MS;
export const YEARISH_MS = 370 * DAY_MS;

/** 1970-01-05, a Monday: weeks of an open-ended period start on Mondays (UTC). */
const MONDAY = 4 * DAY_MS;

export function chooseUnit(from: number, now: number): TrendUnit {
  const span = now - from;
  return span <= DAYS_UP_TO_MS ? 'day' : span <= YEARISH_MS ? 'week' : 'month';
}

/** Where the first bucket starts: at `since` when the period has one, else where the results begin. */
export function trendOrigin(unit: TrendUnit, since: number, firstDay: number): number {
  if (since > 0) return since;
  switch (unit) {
    case 'day':
      return firstDay;
    case 'week':
      return firstDay - ((((firstDay - MONDAY) % WEEK_MS) + WEEK_MS) % WEEK_MS);
    case 'month':
      return monthStart(firstDay);
  }
}

const monthIndex = (t: number) => {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const round1 = (n: number) => Math.round(n * 10) / 10;

interface Totals {
  results: number;
  sum: number;
}

/** The bucket index of a time, and the start of a bucket, from `origin`. */
function grid(unit: TrendUnit, origin: number) {
  if (unit === 'month') {
    const o = monthIndex(origin);
    return { index: (t: number) => monthIndex(t) - o, start: (k: number) => monthStart(origin, k) };
  }
  const size = unit === 'day' ? DAY_MS : WEEK_MS;
  return { index: (t: number) => Math.floor((t - origin) / size), start: (k: number) => origin + k * size };
}

/**
 * Points from `origin` to `now`, the last MAX_POINTS of them. `parts` are the results in spans
 * that each fall in one bucket, placed by `at`: a UTC day by its midday (so a week or month that
 * starts at the viewer's midnight takes the UTC day it mostly covers), a raw result by its time.
 */
export function trendPoints(unit: TrendUnit, origin: number, now: number, parts: readonly { at: number; results: number; sum: number }[]): TrendPoint[] {
  const g = grid(unit, origin);
  const by = new Map<number, Totals>();
  for (const p of parts) {
    const k = Math.max(0, g.index(p.at));
    const b = by.get(k) ?? { results: 0, sum: 0 };
    b.results += p.results;
    b.sum += p.sum;
    by.set(k, b);
  }
  const last = Math.max(g.index(now), ...by.keys());
  const points: TrendPoint[] = [];
  for (let k = Math.max(0, last - MAX_POINTS + 1); k <= last; k++) {
    const b = by.get(k);
    points.push({ start: new Date(g.start(k)).toISOString(), results: b?.results ?? 0, average: b ? round1(b.sum / b.results) : null });
  }
  return points;
}
