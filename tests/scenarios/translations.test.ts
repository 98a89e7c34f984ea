// Translations are the same call in another language: same id, the locale in the file name,
// and the same structure down to every number and condition — only the words differ. Each is a
// string table, read here as the call it composes to with its original. And the
// words must really be translated: no English left behind in a customer line or a reply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedText } from '../support/shipped.js';
import { SCENARIO_DIR, TRANSLATED, loadScenarioFile } from './support/analysis.js';

/** Fields that hold words (or, for voice, a per-language file); everything else is structure. */
const WORDS = new Set(['title', 'brief', 'name', 'persona', 'text', 'why', 'say', 'hint', 'feedback', 'doing', 'voice', 'locale']);

/** The file with its words blanked out: what a translation must not change. */
function structure(value: unknown, key = ''): unknown {
  if (WORDS.has(key) && typeof value === 'string') return '…';
  // A fact may be a bare string: it is words too.
  if (key.startsWith('fact:') && typeof value === 'string') return '…';
  if (Array.isArray(value)) return value.map((v) => structure(v));
  if (value !== null && typeof value === 'object') {
    const facts = key === 'facts';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structure(v, facts ? `fact:${k}` : k)]));
  }
  return value;
}

const read = (name: string) => JSON.parse(readFileSync(join(SCENARIO_DIR, name), 'utf8')) as Record<string, unknown>;

/** Every customer line, reply, hint and piece of feedback, with where it is. */
function lines(doc: Record<string, any>): [string, string][] {
  const out: [string, string][] = [];
  for (const [id, node] of Object.entries<any>(doc.nodes)) {
    for (const k of ['say', 'hint', 'feedback']) if (node[k]) out.push([`${id}.${k}`, node[k]]);
    for (const r of node.replies ?? []) for (const k of ['say', 'feedback', 'doing']) if (r[k]) out.push([`${r.id}.${k}`, r[k]]);
  }
  return out;
}

const SCRIPT: Record<string, RegExp> = { ru: /[а-яё]/i, pl: /[a-ząćęłńóśźż]/i };
const PROOF: Record<string, RegExp> = { ru: /[а-яё]/i, pl: /[ąćęłńóśźż]/i };

describe.each(Object.entries(TRANSLATED).flatMap(([id, locales]) => locales.map((locale) => ({ id, locale }))))(
  '$id in $locale',
  ({ id, locale }) => {
    const en = read(`${id}.json`);
    // A translation is a string table: compared as the call it composes to.
    const tr = JSON.parse(shippedText(`${id}.${locale}.json`)) as Record<string, unknown>;

    it('is the same call: same id, its own locale, identical structure', () => {
      const s = loadScenarioFile(`${id}.${locale}.json`);
      expect(s.id).toBe(id);
      expect(s.locale).toBe(locale);
      // The composed call names no editor schema; everything else must match.
      const { $schema: _, ...body } = en;
      expect(structure(tr)).toEqual(structure(body));
    });

    it('is translated throughout, not copied', () => {
      const english = new Map(lines(en));
      const translated = lines(tr);
      expect(translated.map(([where]) => where)).toEqual([...english.keys()]);
      for (const [where, text] of translated) {
        expect(text, where).not.toBe(english.get(where));
        expect(text, where).toMatch(SCRIPT[locale]!);
      }
      // Written with the language's own letters (ё or Cyrillic; Polish diacritics), in names too.
      expect(JSON.stringify(tr)).toMatch(PROOF[locale]!);
      expect((tr.customer as { name: string }).name).not.toBe((en.customer as { name: string }).name);
    });
  },
);
