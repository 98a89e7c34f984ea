// The trend's buckets on a fixed clock: days, weeks or months by the period's span, "all time"
// covering the whole range (not 12 weeks), weeks from a Monday, at most 400 points.
import { describe, expect, it } from 'vitest';
import { chooseUnit, MAX_POINTS, trendOrigin, trendPoints } from '../../src/server/trend.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 18, 12, 0); // Wednesday 18 June 2025
const day = (y: number, m: number, d: number) => Date.UTC(y, m, d);
const midday = (t: number) => t + DAY / 2;

describe('trend buckets', () => {
  it('draws days up to a month, weeks up to about a year, months beyond', () => {
    expect(chooseUnit(NOW - 7 * DAY, NOW)).toBe('day');
    expect(chooseUnit(NOW - 31 * DAY, NOW)).toBe('day');
    expect(chooseUnit(NOW - 32 * DAY, NOW)).toBe('week');
    expect(chooseUnit(NOW - 365 * DAY, NOW)).toBe('week');
    expect(chooseUnit(NOW - 400 * DAY, NOW)).toBe('month');
  });

  it('covers a whole season of ten months in weeks from the Monday of its first result', () => {
    const first = day(2024, 7, 22); // a Thursday, ten months ago
    const unit = chooseUnit(first, NOW);
    const origin = trendOrigin(unit, 0, first);
    expect([unit, new Date(origin).getUTCDay(), origin]).toEqual(['week', 1, day(2024, 7, 19)]);
    const points = trendPoints(unit, origin, NOW, [
      { at: midday(first), results: 2, sum: 150 },
      { at: midday(day(2024, 7, 25)), results: 1, sum: 90 }, // the Sunday: same week
      { at: midday(day(2025, 5, 16)), results: 4, sum: 200 },
    ]);
    expect(points[0]).toEqual({ start: new Date(day(2024, 7, 19)).toISOString(), results: 3, average: 80 });
    expect(points.at(-1)).toEqual({ start: new Date(day(2025, 5, 16)).toISOString(), results: 4, average: 50 });
    expect(points.length).toBe(44); // far more than 12 weeks
    expect(points.filter((p) => p.results === 0).every((p) => p.average === null)).toBe(true);
  });

  it('goes to months over about a year, and keeps at most 400 points', () => {
    const first = day(2022, 2, 9);
    const unit = chooseUnit(first, NOW);
    const origin = trendOrigin(unit, 0, first);
    expect([unit, origin]).toEqual(['month', day(2022, 2, 1)]);
    const points = trendPoints(unit, origin, NOW, [{ at: midday(first), results: 1, sum: 70 }, { at: midday(day(2024, 1, 29)), results: 2, sum: 100 }]);
    expect(points.map((p) => p.start).slice(0, 2)).toEqual([new Date(day(2022, 2, 1)).toISOString(), new Date(day(2022, 3, 1)).toISOString()]);
    expect(points.length).toBe(40); // March 2022 to June 2025
    expect(points.find((p) => p.start === new Date(day(2024, 1, 1)).toISOString())).toMatchObject({ results: 2, average: 50 });
    // Days asked for over years: the last 400.
    const days = trendPoints('day', trendOrigin('day', 0, first), NOW, [{ at: first, results: 1, sum: 1 }]);
    expect(days.length).toBe(MAX_POINTS);
    expect(days.at(-1)!.start).toBe(new Date(day(2025, 5, 18)).toISOString());
  });

  it("starts at the period's own start: the viewer's midnight, the first partial day in the first bucket", () => {
    const since = Date.UTC(2025, 4, 31, 22, 0); // 1 June 00:00 in UTC+2
    const points = trendPoints('week', trendOrigin('week', since, 0), NOW, [
      { at: since, results: 1, sum: 60 }, // 22:00–24:00 UTC on 31 May
      { at: midday(day(2025, 5, 7)), results: 1, sum: 80 }, // Saturday 7 June, the first week
      { at: midday(day(2025, 5, 8)), results: 1, sum: 40 },
    ]);
    expect(points.map((p) => [p.start, p.results])).toEqual([
      [new Date(since).toISOString(), 2],
      [new Date(since + 7 * DAY).toISOString(), 1],
      [new Date(since + 14 * DAY).toISOString(), 0],
    ]);
    expect(trendPoints('day', since, since + 2 * DAY + 1, [])).toHaveLength(3);
  });
});
