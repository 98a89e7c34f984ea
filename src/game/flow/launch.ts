// What the page's address asks for: `?scenario=<id>&mode=practice|exam[&locale=ru]` opens that
// call ringing (trainers' preview and tests); `?inspect` connects the Stately inspector;
// `?lang=` picks the interface language for this visit; `?timeScale=` speeds an answered call up
// (benchmarks, tests; the ring keeps real time); `?seed=N` fixes the order of the replies in every
// call of this visit (previews, golden tests).
import type { Mode } from '../../engine/index.js';
import { isLanguage, type Language } from '../../i18n/index.js';

export interface Launch {
  readonly scenario: { readonly id: string; readonly locale: string | null; readonly mode: Mode } | null;
  readonly inspect: boolean;
  readonly lang: Language | null;
  /** Game time per real time, at least 1 (slowing time down would make exams easier). */
  readonly timeScale: number;
  /** The seed that shuffles every call's replies (0..2^32-1); null: a random one per call. */
  readonly seed: number | null;
}

const MAX_SEED = 0xffff_ffff;

/** A whole number 0..2^32-1 written in decimal digits; anything else (sign, point, hex) is no seed. */
function parseSeed(text: string | null): number | null {
  if (text === null || !/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_SEED ? n : null;
}

export function parseLaunch(search: string): Launch {
  const q = new URLSearchParams(search);
  const id = q.get('scenario');
  const mode: Mode = q.get('mode') === 'exam' ? 'exam' : 'practice';
  const lang = q.get('lang');
  const scale = Number(q.get('timeScale'));
  return {
    scenario: id ? { id, locale: q.get('locale'), mode } : null,
    inspect: q.has('inspect'),
    lang: isLanguage(lang) ? lang : null,
    timeScale: Number.isFinite(scale) && scale >= 1 ? Math.min(scale, 100) : 1,
    seed: parseSeed(q.get('seed')),
  };
}
