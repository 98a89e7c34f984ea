// What the matcher knows of each language: how its words are written (normalisation), which
// words carry no meaning of their own (stop words) and how a word is cut to its stem. The only
// module that imports the stemmers (nlp.js's, one module each, no sentiment tables).
import StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en.js';
import StemmerPl from '@nlpjs/lang-pl/src/stemmer-pl.js';
import StemmerRu from '@nlpjs/lang-ru/src/stemmer-ru.js';
import StemmerUk from '@nlpjs/lang-uk/src/stemmer-uk.js';

export type MatchLanguage = 'en' | 'ru' | 'pl' | 'uk';

/** One word of a text: where it is (as typed), how it reads normalised, and its stem. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly norm: string;
  readonly stem: string;
  /** A word with no meaning of its own ("the", "и", "się"): it joins matched words into a phrase, never matches. */
  readonly stop: boolean;
}

// Function words only: negations ("not", "не", "nie", "ні") are kept, since they turn a reply round.
const STOP: Record<MatchLanguage, string> = {
  en: 'a an the i me my mine we us our you your yours he him his she her it its they them their to of in on at for with by from into about as and or but so if then than is am are was were be been being do does did done have has had will would shall should can could may might must this that these those there here just really very well oh um uh ok okay right sir madam mr mrs ms some any all also too now what which who whom whose how let lets like please get got',
  ru: 'и в во на с со к ко по о об обо от до из у за для а но или либо же ли бы б то это этот эта эти этого этой тот та те я мы вы ты он она оно они мне меня мной нас нам нами вам вас вами тебе тебя тобой ему его ее ей им их ими мой моя мое мои ваш ваша ваше ваши вашего вашей наш наша наше так как что чтобы уже еще вот ну да там тут здесь был была было были быть есть будет буду будем очень просто сейчас пожалуйста',
  uk: "і й та в у на з зі із до від по за для а але або чи ж же б би то це цей ця ці цього цієї той я ми ви ти він вона воно вони мені мене мною нас нам нами вам вас вами тобі тебе тобою йому його її їй їм їх ними мій моя моє мої ваш ваша ваше ваші вашого вашої наш наша наше так як що щоб вже ще ось ну там тут був була було були бути є буде буду будемо дуже просто зараз будь ласка",
  pl: 'i w we na z ze do od po za dla a ale lub albo czy że żeby by bym to ten ta te tego tej tym ja my wy ty on ona ono oni one mi mnie mną nas nam nami wam was wami ci cię ciebie mu go jej jemu im ich mój moja moje moi pan pani panu pana panią panem państwo państwa się jest są był była było byli być będzie będę bardzo tak jak co już jeszcze no tu tam tutaj więc też także o u przy teraz proszę',
};

const stopSets = new Map<MatchLanguage, ReadonlySet<string>>();
const stopsOf = (lang: MatchLanguage) => {
  let set = stopSets.get(lang);
  if (!set) stopSets.set(lang, (set = new Set(STOP[lang].split(' '))));
  return set;
};

type Stemmer = { stemWord(word: string): string };
const STEMMERS: Record<MatchLanguage, new () => Stemmer> = { en: StemmerEn, ru: StemmerRu, pl: StemmerPl, uk: StemmerUk };
const stemmers = new Map<MatchLanguage, Stemmer>();
/** Stems by language, then word (no key string made per word: lint stems every word of a call). */
const stemCaches = new Map<MatchLanguage, Map<string, string>>();
const STEM_CACHE_MAX = 20_000;

function stemOf(lang: MatchLanguage, word: string): string {
  let cache = stemCaches.get(lang);
  if (!cache) stemCaches.set(lang, (cache = new Map()));
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let stemmer = stemmers.get(lang);
  if (!stemmer) stemmers.set(lang, (stemmer = new STEMMERS[lang]()));
  const stem = word.length <= 2 ? word : stemmer.stemWord(word) || word;
  if (cache.size >= STEM_CACHE_MAX) cache.clear();
  cache.set(word, stem);
  return stem;
}

/** The language a scenario's locale ("pl", "uk-UA") is matched in; English for any other. */
export function matchLanguage(locale: string): MatchLanguage {
  const lang = locale.slice(0, 2).toLowerCase();
  return lang === 'ru' || lang === 'pl' || lang === 'uk' ? lang : 'en';
}

/**
 * A word as the matcher compares it: lower case; "ё" read as "е" (Russian writes both); every
 * apostrophe (’ ʼ ` ´) as "'" (Ukrainian "обов’язково", English "don’t"). Polish keeps its
 * diacritics: "się" and "sie" are different words to the stemmer.
 */
function normalizeWord(lang: MatchLanguage, word: string): string {
  let w = word.toLowerCase().replace(/[’ʼ`´‘]/g, "'");
  if (lang === 'ru' || lang === 'uk') w = w.replace(/ё/g, 'е');
  return w;
}

// English contractions: "can't" is "can" + "not"; "I'll", "we're", "it's" lose their tail.
const EN_NOT: Record<string, string> = { "can't": 'can', "won't": 'will', "shan't": 'shall', "ain't": 'is' };

const WORD = /[\p{L}\p{N}]+(?:['’ʼ`´‘][\p{L}\p{N}]+)*/gu;

/** A word of a text as a token (a function of its own, not a closure made per text: lint tokenizes every reply of a call). */
function pushToken(out: Token[], lang: MatchLanguage, stops: ReadonlySet<string>, start: number, end: number, norm: string): void {
  const stop = stops.has(norm);
  out.push({ start, end, norm, stem: stop ? norm : stemOf(lang, norm), stop });
}

/** The words of a text, in order, each with its place in the text as typed. */
export function tokenize(lang: MatchLanguage, text: string): Token[] {
  const out: Token[] = [];
  const stops = stopsOf(lang);
  // exec, not matchAll: no iterator result per word (lint tokenizes every reply of a call).
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    let norm = normalizeWord(lang, m[0]);
    if (lang === 'en' && norm.includes("'")) {
      if (norm.endsWith("n't")) {
        pushToken(out, lang, stops, start, end, EN_NOT[norm] ?? norm.slice(0, -3));
        pushToken(out, lang, stops, start, end, 'not');
        continue;
      }
      norm = norm.replace(/'(ll|re|ve|m|d|s)$/, '');
    }
    if (lang === 'pl' || lang === 'ru') norm = norm.replace(/'/g, '');
    pushToken(out, lang, stops, start, end, norm);
  }
  return out;
}
