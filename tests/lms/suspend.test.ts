// The package's suspend data: read back as written, damaged data refused, and the longest there
// can be (every call of the largest assignment finished at 100, the longest call under way)
// under SCORM 1.2's 4,096 characters. Its strings: the same in all four languages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RESUME_CODE } from '../../src/engine/index.js';
import { LANGUAGES } from '../../src/i18n/index.js';
import { LMS_RESOURCES } from '../../src/lms/i18n.js';
import { MAX_PACKAGE_CALLS } from '../../src/lms/packageConfig.js';
import { decodeState, encodeState, freshState } from '../../src/lms/suspend.js';
import { ROOT } from './support.js';

describe('suspend data', () => {
  it('reads back what it wrote', () => {
    const s = { tries: 3, current: 1, code: 'r1.7.e.12t', done: [{ overall: 88, politeness: 85, accuracy: 100, judgment: 80 }, null] };
    expect(encodeState(s)).toBe('h1;3;1;r1.7.e.12t;88.85.100.80;-');
    expect(decodeState(encodeState(s), 2)).toEqual(s);
    expect(decodeState(encodeState(freshState(2)), 2)).toEqual(freshState(2));
  });

  it('refuses what it did not write, or for another number of calls', () => {
    for (const text of ['', 'h2;1;0;-;-', 'h1;1;0;-', 'h1;x;0;-;-', 'h1;1;5;-;-', 'h1;1;0;-;101.0.0.0', 'h1;1;0;-;1.2.3']) expect(decodeState(text, 1), text).toBeNull();
    expect(decodeState('h1;1;0;-;-;-', 1)).toBeNull();
  });

  it('stays under 4,096 characters at its longest', () => {
    const done = Array.from({ length: MAX_PACKAGE_CALLS }, () => ({ overall: 100, politeness: 100, accuracy: 100, judgment: 100 }));
    const longest = encodeState({ tries: 999_999, current: MAX_PACKAGE_CALLS - 1, code: 'x'.repeat(MAX_RESUME_CODE), done });
    expect(longest.length).toBeLessThan(4096);
  });
});

type Tree = { [k: string]: string | Tree };
const flatten = (t: Tree, p = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [p + k] : flatten(v, `${p}${k}.`)));
const PLURAL = /_(zero|one|two|few|many|other)$/;
const sources = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? sources(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));

describe('the package\'s strings', () => {
  const en = new Set(flatten(LMS_RESOURCES.en as unknown as Tree).map((k) => k.replace(PLURAL, '')));

  it.each(LANGUAGES)('%s has every string, with the plural forms its grammar uses', (lang) => {
    const keys = flatten(LMS_RESOURCES[lang] as unknown as Tree);
    expect(new Set(keys.map((k) => k.replace(PLURAL, '')))).toEqual(en);
    for (const f of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) expect(keys, `${lang}: tries_${f}`).toContain(`tries_${f}`);
    if (lang !== 'en') expect(JSON.stringify(LMS_RESOURCES[lang])).not.toBe(JSON.stringify(LMS_RESOURCES.en));
  });

  it('has every key the package asks for', () => {
    const asked = new Set<string>();
    for (const f of sources(join(ROOT, 'src/lms'))) for (const m of readFileSync(f, 'utf8').matchAll(/'lms:([a-zA-Z.-]+)'/g)) asked.add(m[1]!);
    // Chosen at run time: the error's code and the verdict.
    for (const code of ['no-api', 'refused', 'launch', 'network']) asked.add(`error.${code}`);
    for (const v of ['passed', 'failed', 'incomplete']) asked.add(`result.${v}`);
    expect([...asked].filter((k) => !en.has(k))).toEqual([]);
    expect(asked.size).toBeGreaterThan(12);
  });

  it('Ukrainian is not Russian', () => {
    expect(LMS_RESOURCES.uk.retry).not.toBe(LMS_RESOURCES.ru.retry);
    expect(LMS_RESOURCES.uk.sent).not.toBe(LMS_RESOURCES.ru.sent);
  });
});
