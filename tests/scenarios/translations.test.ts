// Translations are the same call in another language: same id, the locale in the file name,
// and the same structure down to every number and condition — only the words differ. Each is a
// string table, read here as the call it composes to with its original. And the
// words must really be translated: no English left behind in a customer line or a reply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultReplyId } from '../../src/engine/index.js';
import { shippedText } from '../support/shipped.js';
import { SCENARIO_DIR, TRANSLATED_CALLS, loadScenarioFile } from './support/analysis.js';

/** Fields that hold words (or, for voice, a per-language file); everything else is structure. */
const WORDS = new Set(['title', 'brief', 'name', 'persona', 'text', 'why', 'say', 'hint', 'feedback', 'doing', 'label', 'voice', 'locale']);

/** The file with its words blanked out: what a translation must not change. */
function structure(value: unknown, key = ''): unknown {
  if (WORDS.has(key) && typeof value === 'string') return '…';
  // A reply's other phrasings (typed replies) are words, as many as each language needs.
  if (key === 'examples' && Array.isArray(value)) return '…';
  // A fact may be a bare string: it is words too.
  if (key.startsWith('fact:') && typeof value === 'string') return '…';
  // A list of words (a timeout's silence lines, "say") is words throughout.
  if (Array.isArray(value)) return value.map((v) => structure(v, WORDS.has(key) ? key : ''));
  if (value !== null && typeof value === 'object') {
    const facts = key === 'facts';
    // A named recording belongs to one language, and is optional in each: not structure.
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'voice').map(([k, v]) => [k, structure(v, facts ? `fact:${k}` : k)]));
  }
  return value;
}

const read = (name: string) => JSON.parse(readFileSync(join(SCENARIO_DIR, name), 'utf8')) as Record<string, unknown>;

/** Every customer line, reply, hint and piece of feedback, with where it is. */
function lines(doc: Record<string, any>): [string, string][] {
  const out: [string, string][] = [];
  const silence = (timeout: any, where: string) => (timeout?.say ?? []).forEach((t: string, i: number) => out.push([`${where}.silence.${i + 1}`, t]));
  silence(doc.timeout, 'timeout');
  for (const [id, node] of Object.entries<any>(doc.nodes)) {
    for (const k of ['say', 'hint', 'label']) if (node[k]) out.push([`${id}.${k}`, node[k]]);
    // An ending's feedback: one text, or variants [{if, text}, …].
    if (Array.isArray(node.feedback)) node.feedback.forEach((v: any, i: number) => out.push([`${id}.feedback.${i + 1}`, v.text]));
    else if (node.feedback) out.push([`${id}.feedback`, node.feedback]);
    silence(node.timeout, `${id}.timeout`);
    (node.replies ?? []).forEach((r: any, i: number) => {
      for (const k of ['say', 'feedback', 'doing']) if (r[k]) out.push([`${r.id ?? defaultReplyId(id, i)}.${k}`, r[k]]);
      if (Array.isArray(r.examples)) out.push([`${r.id ?? defaultReplyId(id, i)}.examples`, r.examples.join('\n')]);
    });
  }
  return out;
}

const SCRIPT: Record<string, RegExp> = { ru: /[а-яё]/i, pl: /[a-ząćęłńóśźż]/i, uk: /[а-щьюяєіїґ']/i };
// Letters only that language has: ё or ы/э for Russian, Polish diacritics, і/ї/є/ґ for Ukrainian.
const PROOF: Record<string, RegExp> = { ru: /[ёыэъ]/i, pl: /[ąćęłńóśźż]/i, uk: /[іїєґ]/i };

describe.each(Object.entries(TRANSLATED_CALLS).flatMap(([id, locales]) => locales.map((locale) => ({ id, locale }))))(
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
      // Written with the language's own letters (not Russian for Ukrainian, nor the reverse), in names too.
      expect(JSON.stringify(tr)).toMatch(PROOF[locale]!);
      expect((tr.customer as { name: string }).name).not.toBe((en.customer as { name: string }).name);
    });
  },
);
