// Interface text: every language has every string (with the plural forms its grammar needs),
// every key the game asks for exists, labels that describe the customer agree with the customer's
// gender, and nothing addressed to the trainee assumes theirs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutCustomer, browserLanguage, createI18n, GAME_RESOURCES, LANGUAGES } from '../../src/i18n/index.js';
import { MOOD_BANDS } from '../../src/engine/index.js';
import { ROOT } from './support/scenarios.js';

type Tree = { [k: string]: string | Tree };

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** i18next's context for a label that describes the customer (see aboutCustomer). */
const GENDER = /_(female|male)$/;
/** Keys without their plural and gender suffixes. */
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '').replace(GENDER, '')));
const LEADERBOARD = Object.fromEntries(LANGUAGES.map((l) => [l, JSON.parse(readFileSync(join(ROOT, `src/i18n/locales/${l}/leaderboard.json`), 'utf8')) as Tree]));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('interface text', () => {
  const en = flatten(GAME_RESOURCES.en as unknown as Tree);

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has the same strings as English, none empty', (lang) => {
    const other = flatten(GAME_RESOURCES[lang] as unknown as Tree);
    expect([...baseKeys(other)].sort()).toEqual([...baseKeys(en)].sort());
    for (const [k, v] of other) expect(v.trim(), k).not.toBe('');
  });

  it.each(LANGUAGES)('%s has every plural form its grammar uses', (lang) => {
    const strings = flatten(GAME_RESOURCES[lang] as unknown as Tree);
    const plural = new Set([...strings.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const key of plural) for (const f of forms) expect(strings.has(`${key}_${f}`), `${lang}: ${key}_${f}`).toBe(true);
  });

  it('has every key the game asks for', () => {
    const keys = new Set<string>();
    for (const file of sources(join(ROOT, 'src/game'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z.]+)'/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(50);
    const known = baseKeys(en);
    expect([...keys].filter((k) => !known.has(k))).toEqual([]);
  });

  it('counts in each language', () => {
    const i = createI18n('ru');
    expect(i.t('call.secondsLeft', { count: 1 })).toBe('осталась 1 секунда');
    expect(i.t('call.secondsLeft', { count: 3 })).toBe('осталось 3 секунды');
    expect(i.t('call.secondsLeft', { count: 7 })).toBe('осталось 7 секунд');
    void i.changeLanguage('pl');
    expect(i.t('debrief.factsFound', { count: 2 })).toBe('Znaleziono 2 fakty');
    expect(i.t('skill.judgment')).toBe('Osąd');
  });

  it.each(['ru', 'pl', 'uk'] as const)('%s: every gendered label has both forms and a neutral default of its own', (lang) => {
    const strings = flatten(GAME_RESOURCES[lang] as unknown as Tree);
    const gendered = [...strings.keys()].filter((k) => GENDER.test(k)).map((k) => k.replace(GENDER, ''));
    expect(gendered.length).toBeGreaterThan(0);
    for (const key of new Set(gendered)) {
      for (const form of [key, `${key}_female`, `${key}_male`]) expect(strings.has(form), `${lang}: ${form}`).toBe(true);
    }
    // The customer's mood and hang-up are told apart by gender in all three; the neutral wording
    // is neither the masculine nor the feminine form.
    for (const key of [...MOOD_BANDS.map((b) => `mood.${b}`), 'outcome.hung-up']) {
      expect(strings.get(`${key}_female`), `${lang}: ${key}_female`).toBeDefined();
      expect(strings.get(key), `${lang}: ${key}`).not.toBe(strings.get(`${key}_male`));
      expect(strings.get(key), `${lang}: ${key}`).not.toBe(strings.get(`${key}_female`));
    }
  });

  it('names the mood and the hang-up in the customer’s gender, neutrally without one', () => {
    const i = createI18n('pl');
    const mood = (gender: 'female' | 'male' | null) => MOOD_BANDS.map((b) => i.t(`mood.${b}`, aboutCustomer(gender)));
    // From the dial's bottom: furious, angry, annoyed, calm.
    expect(mood('female')).toEqual(['Wściekła', 'Zła', 'Zirytowana', 'Spokojna']);
    expect(mood('male')).toEqual(['Wściekły', 'Zły', 'Zirytowany', 'Spokojny']);
    expect(mood(null)).toEqual(['Wściekłość', 'Złość', 'Irytacja', 'Spokój']);
    expect(i.t('outcome.hung-up', aboutCustomer('female'))).toBe('Klientka się rozłączyła');
    void i.changeLanguage('ru');
    expect(mood('female')).toEqual(['В ярости', 'Сердита', 'Раздражена', 'Спокойна']);
    expect(mood('male')).toEqual(['В ярости', 'Сердит', 'Раздражён', 'Спокоен']);
    expect(mood(null)).toEqual(['Ярость', 'Злость', 'Раздражение', 'Спокойствие']);
    expect(i.t('outcome.hung-up', aboutCustomer('female'))).toBe('Клиентка бросила трубку');
    expect(i.t('outcome.hung-up', aboutCustomer(null))).toBe('Трубку бросили на том конце');
    void i.changeLanguage('uk');
    expect(mood('female')).toEqual(['Розлючена', 'Сердита', 'Роздратована', 'Спокійна']);
    expect(mood(null)).toEqual(['Лють', 'Злість', 'Роздратування', 'Спокій']);
    // English has one form for everyone: the plain key.
    void i.changeLanguage('en');
    expect(mood('female')).toEqual(['Furious', 'Angry', 'Annoyed', 'Calm']);
    expect(i.t('outcome.hung-up', aboutCustomer('male'))).toBe('Customer hung up');
  });

  it('never assumes the trainee’s gender in Polish (no past tense in -łeś / -łaś)', () => {
    // Russian and Ukrainian address the trainee as «Вы», whose past tense is plural and so
    // gender-neutral; Polish addresses them as "Ty", whose past tense is not.
    const texts = [...flatten(GAME_RESOURCES.pl as unknown as Tree), ...flatten(LEADERBOARD.pl!)];
    const gendered = (v: string) => /\p{L}(łeś|łaś|łbyś|łabyś)(?!\p{L})/u.test(v) || /(?<!\p{L})(sam|sama|gotowy|gotowa)(?!\p{L})/iu.test(v);
    expect(gendered('Rozłączyłeś się')).toBe(true);
    expect(texts.filter(([, v]) => gendered(v))).toEqual([]);
  });

  it('starts in the browser’s language when it is one of ours', () => {
    expect(browserLanguage(['uk-UA', 'en'])).toBe('uk');
    expect(browserLanguage(['de-DE', 'pl'])).toBe('pl');
    expect(browserLanguage(['de-DE'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});
