// Numbers, dates and names as the leaderboard shows them, in the viewer's language.
import type { Dimension } from '../engine/scoring/dimensions.js';
import type { Translate } from './index.js';
import { relativeTime } from './relativeTime.js';

export function formatDate(iso: string, locale: string, withTime = true): string {
  const d = new Date(iso);
  return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { day: 'numeric', month: 'short' }).format(d);
}

/**
 * When a result was played, short enough for a list: "3 hours ago" today, "1 Dec, 15:48" this
 * year, "1 Dec 2025" before, each in the viewer's language and clock.
 */
export function formatWhen(iso: string, locale: string, now: number = Date.now()): string {
  const d = new Date(iso);
  const today = new Date(now);
  if (d.toDateString() === today.toDateString() && d.getTime() <= now) return relativeTime(iso, locale, now);
  const sameYear = d.getFullYear() === today.getFullYear();
  return new Intl.DateTimeFormat(locale, sameYear ? { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}

/** The skills, as the engine lists them. */
export { DIMENSIONS as SKILLS } from '../engine/scoring/dimensions.js';
export type Skill = Dimension;

export function skillLabel(t: Translate, skill: Skill | 'overall'): string {
  return t(`col.${skill}`);
}
