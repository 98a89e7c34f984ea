// Numbers, dates and names as the leaderboard shows them, in the viewer's language.
import type { Dimension } from '../engine/scoring/dimensions.js';
import type { Translate } from './index.js';

export function formatDate(iso: string, locale: string, withTime = true): string {
  const d = new Date(iso);
  return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { day: 'numeric', month: 'short' }).format(d);
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
