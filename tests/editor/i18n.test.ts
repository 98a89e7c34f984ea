// The call editor's strings (src/i18n/locales/<lang>/editor.json): the same keys in English,
// Russian, Polish and Ukrainian, none empty, every plural form each language needs, Ukrainian
// its own, and every key the editor's code asks for present.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const LANGS = ['en', 'ru', 'pl', 'uk'] as const;
type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, p = ''): Map<string, string> =>
  new Map(Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${p}${k}`, v] as [string, string]] : [...flat(v, `${p}${k}.`)])));
const strings = Object.fromEntries(LANGS.map((l) => [l, flat(JSON.parse(readFileSync(join(ROOT, `src/i18n/locales/${l}/editor.json`), 'utf8')) as Tree)]));
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
const FORMS: Record<string, string[]> = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'], pl: ['one', 'few', 'many', 'other'], uk: ['one', 'few', 'many', 'other'] };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the editor’s strings', () => {
  it.each(['ru', 'pl', 'uk'])('%s has the same strings as English, none empty', (l) => {
    expect([...base(strings[l]!)].sort()).toEqual([...base(strings.en!)].sort());
    for (const [k, v] of strings[l]!) expect(v.trim(), k).not.toBe('');
  });

  it.each(LANGS)('%s has every plural form it needs', (l) => {
    const plural = new Set([...strings[l]!.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    expect(plural.size).toBeGreaterThan(0);
    for (const k of plural) for (const f of FORMS[l]!) expect(strings[l]!.has(`${k}_${f}`), `${l}: ${k}_${f}`).toBe(true);
  });

  it('Ukrainian is not Russian (a few words, such as "Токен тренера", are the same in both)', () => {
    const same = [...strings.uk!].filter(([k, v]) => strings.ru!.get(k) === v && /[а-яіїєґ]/i.test(v));
    expect(same.length).toBeLessThan(strings.uk!.size / 20);
  });

  it('has every key the editor asks for', () => {
    const keys = new Set<string>();
    for (const file of [...sources(join(ROOT, 'src/editor')), join(ROOT, 'src/game/library/editorTest.ts')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:t|say)\(\s*'([a-zA-Z.-]+)'/g)) keys.add(m[1]!);
      // Keys made from a value: outcome.<outcome>, skill.<skill>, kind.<kind>, field.<field>.
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(`([a-z]+)\.\$\{/g)) keys.add(`${m[1]}.*`);
    }
    expect(keys.size).toBeGreaterThan(40);
    const known = base(strings.en!);
    const prefixes = new Set([...known].map((k) => `${k.slice(0, k.indexOf('.'))}.*`));
    expect([...keys].filter((k) => !known.has(k) && !prefixes.has(k))).toEqual([]);
  });
});
