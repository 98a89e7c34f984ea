// The editor's strings (src/i18n/locales/<lang>/editor.json), in a small i18next instance of
// its own: the editor runs without the game.
import i18next from 'i18next';
import en from '../../i18n/locales/en/editor.json';
import pl from '../../i18n/locales/pl/editor.json';
import ru from '../../i18n/locales/ru/editor.json';
import uk from '../../i18n/locales/uk/editor.json';
import { browserLanguage } from '../../leaderboard/i18n.js';

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export const EDITOR_LANGUAGES = ['en', 'ru', 'pl', 'uk'] as const;
const NS = 'editor';

export function editorTranslator(lang?: string | null): { t: Translate; lang: string } {
  const chosen = lang && (EDITOR_LANGUAGES as readonly string[]).includes(lang) ? lang : browserLanguage();
  const inst = i18next.createInstance();
  void inst.init({
    lng: chosen,
    fallbackLng: 'en',
    ns: [NS],
    defaultNS: NS,
    resources: { en: { [NS]: en }, ru: { [NS]: ru }, pl: { [NS]: pl }, uk: { [NS]: uk } },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return { t: inst.getFixedT(chosen, NS) as unknown as Translate, lang: chosen };
}
