// The package's own strings (src/i18n/locales/<lang>/lms.json) beside the game's: one i18next
// instance, the "lms" namespace added to it.
import type { i18n } from 'i18next';
import en from '../i18n/locales/en/lms.json';
import pl from '../i18n/locales/pl/lms.json';
import ru from '../i18n/locales/ru/lms.json';
import uk from '../i18n/locales/uk/lms.json';
import { createI18n, type Language } from '../i18n/index.js';

export const LMS_RESOURCES: Record<Language, typeof en> = { en, ru, pl, uk };

export function packageI18n(language: Language): i18n {
  const inst = createI18n(language);
  for (const [lang, strings] of Object.entries(LMS_RESOURCES)) inst.addResourceBundle(lang, 'lms', strings);
  return inst;
}
