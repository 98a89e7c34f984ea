// Interface text: every language has every string (with the plural forms its grammar needs), and
// every key the game asks for exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserLanguage, createI18n, GAME_RESOURCES, LANGUAGES } from '../../src/i18n/index.js';
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
/** Keys without their plural suffix. */
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));

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

  it('starts in the browser’s language when it is one of ours', () => {
    expect(browserLanguage(['uk-UA', 'en'])).toBe('uk');
    expect(browserLanguage(['de-DE', 'pl'])).toBe('pl');
    expect(browserLanguage(['de-DE'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});
