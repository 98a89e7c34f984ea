// The leaderboard's strings. The game passes its own i18next `t` for the "leaderboard" namespace;
// the meeting page and tests, which run without the game, get a small i18next instance of their own.
import i18next from 'i18next';
import en from '../i18n/locales/en/leaderboard.json';
import pl from '../i18n/locales/pl/leaderboard.json';
import ru from '../i18n/locales/ru/leaderboard.json';
import uk from '../i18n/locales/uk/leaderboard.json';
import type { Translate } from './index.js';

export const LANGUAGES = ['en', 'ru', 'pl', 'uk'] as const;
const NAMESPACE = 'leaderboard';
const resources = { en: { [NAMESPACE]: en }, ru: { [NAMESPACE]: ru }, pl: { [NAMESPACE]: pl }, uk: { [NAMESPACE]: uk } };

/** The first supported language the browser prefers, else English. */
export function browserLanguage(): string {
  const prefs = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en'];
  for (const p of prefs) {
    const base = p.slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(base)) return base;
  }
  return 'en';
}

const own = new Map<string, Translate>();

export function translator(opts: { t?: Translate; lang?: string }): Translate {
  if (opts.t) return opts.t;
  const lang = opts.lang ?? browserLanguage();
  let t = own.get(lang);
  if (!t) {
    const inst = i18next.createInstance();
    void inst.init({ lng: lang, fallbackLng: 'en', ns: [NAMESPACE], defaultNS: NAMESPACE, resources, initAsync: false, interpolation: { escapeValue: false } });
    t = inst.getFixedT(lang, NAMESPACE) as unknown as Translate;
    own.set(lang, t);
  }
  return t;
}

/** The locale used for numbers and dates. */
export function localeOf(opts: { lang?: string }): string {
  return opts.lang ?? browserLanguage();
}
