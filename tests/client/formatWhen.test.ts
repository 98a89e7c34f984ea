// The short "when" of the recent-calls list: relative today, day and time this year, the year
// before that; in the viewer's language.
import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../src/leaderboard/format.js';

const NOW = new Date(2026, 11, 1, 21, 15).getTime();
const at = (...p: [number, number, number, number?, number?]) => new Date(p[0], p[1], p[2], p[3] ?? 0, p[4] ?? 0).toISOString();

describe('formatWhen', () => {
  it('says how long ago for a result played today', () => {
    expect(formatWhen(at(2026, 11, 1, 18, 10), 'en-US', NOW)).toBe('3 hours ago');
    expect(formatWhen(at(2026, 11, 1, 21, 5), 'en-US', NOW)).toBe('10 minutes ago');
    expect(formatWhen(at(2026, 11, 1, 18, 10), 'ru', NOW)).toBe('3 часа назад');
  });
  it('gives day, month and time earlier this year, in the locale\'s clock', () => {
    expect(formatWhen(at(2026, 10, 30, 15, 48), 'en-US', NOW)).toMatch(/^Nov 30, 3:48\s?PM$/);
    expect(formatWhen(at(2026, 10, 30, 15, 48), 'en-GB', NOW)).toBe('30 Nov, 15:48');
    expect(formatWhen(at(2026, 10, 30, 15, 48), 'pl', NOW)).toBe('30 lis, 15:48');
  });
  it('gives the year, not the time, for an earlier year', () => {
    expect(formatWhen(at(2025, 0, 5, 9, 0), 'en-GB', NOW)).toBe('5 Jan 2025');
  });
  it('does not call a time later today (a clock ahead) "in 2 hours"', () => {
    expect(formatWhen(at(2026, 11, 1, 23, 0), 'en-GB', NOW)).toBe('1 Dec, 23:00');
  });
});
