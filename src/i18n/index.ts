// Interface text: one i18next instance for the game, with the game's own "game" namespace
// bundled and other areas' namespaces (the leaderboard's) loaded when their screen opens.
// Scenario text is not translated here: each scenario file is written in its own language.
import i18next, { type i18n, type TFunction } from 'i18next';
import en from './locales/en/game.json';
import pl from './locales/pl/game.json';
import ru from './locales/ru/game.json';
import uk from './locales/uk/game.json';

export const LANGUAGES = ['en', 'ru', 'pl', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский', pl: 'Polski', uk: 'Українська' };

export const GAME_RESOURCES: Record<Language, typeof en> = { en, ru, pl, uk };

/**
 * The options that make a label describing the customer ("Angry", "The customer hung up") agree
 * with the customer's grammatical gender: i18next's context, so `mood.angry` becomes
 * `mood.angry_female` or `mood.angry_male` where a language has those forms. Without a gender the
 * plain key is used, which each language words neutrally.
 */
export function aboutCustomer(gender: 'female' | 'male' | null | undefined): { context?: 'female' | 'male' } {
  return gender ? { context: gender } : {};
}

export function isLanguage(v: unknown): v is Language {
  return (LANGUAGES as readonly unknown[]).includes(v);
}

/** The first supported language among the browser's preferences, else English. */
export function browserLanguage(prefs: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  for (const p of prefs) {
    const base = p.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function createI18n(language: Language): i18n {
  const inst = i18next.createInstance();
  void inst.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: ['game'],
    defaultNS: 'game',
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { game: GAME_RESOURCES[l] }])),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return inst;
}

// Other areas' strings, loaded with their screens rather than before the title.
const OTHER_NAMESPACES = {
  leaderboard: import.meta.glob<{ default: object }>('./locales/*/leaderboard.json'),
};

/** Loads another area's namespace (e.g. "leaderboard") for every language, once. */
export async function loadNamespace(inst: i18n, ns: keyof typeof OTHER_NAMESPACES): Promise<TFunction> {
  if (!inst.getResourceBundle('en', ns)) {
    const files = OTHER_NAMESPACES[ns];
    await Promise.all(
      LANGUAGES.map(async (l) => {
        const load = files[`./locales/${l}/${ns}.json`];
        if (load) inst.addResourceBundle(l, ns, (await load()).default, true, false);
      }),
    );
  }
  return inst.getFixedT(null, ns);
}
