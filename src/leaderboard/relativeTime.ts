// "3 days ago", "yesterday", "5 minutes ago" in the viewer's language, from the browser's own
// Intl.RelativeTimeFormat: the largest unit that fits.
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function relativeTime(iso: string, locale: string, now: number = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) if (Math.abs(ms) >= size) return format.format(Math.trunc(ms / size), unit);
  return format.format(0, 'minute');
}
