// The matcher: which of a node's offered replies a typed text means. Each reply's say and
// examples are its documents; the typed text's words are compared with theirs stem by stem, by
// a shared beginning (an inflection the stemmer missed) or by character trigrams (a typo).
// Words are weighted by how well they tell the node's replies apart (BM25's inverse document
// frequency, over the node's replies); a text is scored against each document by how much of
// the text it explains and how much of itself the text says. A reply scores its best document.
// The index of a node is built the first time it is asked about and kept per scenario object.
import type { DialogueNode, Scenario } from '../format/model.js';
import { TYPED_MAX_CHARS } from '../session/transcript.js';
import { matchLanguage, tokenize, type MatchLanguage, type Token } from './language.js';

/** A typed text is read up to this many characters (the box takes fewer; a pasted text may be longer). */
export const READ_CHARS = TYPED_MAX_CHARS * 4;

/** A reply is taken as meant when it scores at least this … */
export const CONFIDENT_SCORE = 0.42;
/** … and at least this much more than the next offered reply. */
export const CONFIDENT_MARGIN = 0.15;
/** Below a confident match, replies scoring at least this are offered as "Did you mean…". */
export const UNSURE_SCORE = 0.3;
/** Two words count as the same word from this similarity on (evidence, weights). */
const SAME_WORD = 0.5;
/** How much of the score is the share of the typed text explained (the rest: of the document said). */
const TEXT_SHARE = 0.6;
/** A typed word found in no reply of the node weighs this much of a word found in one reply. */
const UNKNOWN_WEIGHT = 0.5;
/** What the text's words found across all of a reply's phrasings count for, against those found in one. */
const POOLED = 0.9;

interface Doc {
  /** Distinct content stems of the document, by index into the node's vocabulary. */
  readonly words: readonly number[];
}

interface Word {
  readonly norm: string;
  readonly stem: string;
  readonly grams: ReadonlySet<string>;
  /** How well the word tells the node's replies apart (BM25's idf). */
  readonly weight: number;
}

interface NodeIndex {
  readonly lang: MatchLanguage;
  readonly vocabulary: readonly Word[];
  /** Vocabulary words by character trigram: a typed word is compared only with the words it shares one with. */
  readonly byGram: ReadonlyMap<string, readonly number[]>;
  /** By reply index. */
  readonly docs: readonly (readonly Doc[])[];
}

const indexes = new WeakMap<Scenario, Map<string, NodeIndex>>();

const idf = (replies: number, df: number) => Math.log(1 + (replies - df + 0.5) / (df + 0.5));

function trigrams(norm: string): Set<string> {
  const w = `#${norm}#`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  return out;
}

/** The texts a reply is matched by: its say, then its examples. */
export const textsOfReply = (r: { readonly say: string; readonly examples: readonly string[] }): readonly string[] => [r.say, ...r.examples];

function buildIndex(lang: MatchLanguage, replies: readonly (readonly string[])[]): NodeIndex {
  const byStem = new Map<string, { norm: string; replies: Set<number> }>();
  const tokenized = replies.map((texts, r) =>
    texts.map((text) => {
      const stems = new Set<string>();
      for (const t of tokenize(lang, text)) {
        if (t.stop) continue;
        stems.add(t.stem);
        let w = byStem.get(t.stem);
        if (!w) byStem.set(t.stem, (w = { norm: t.norm, replies: new Set() }));
        w.replies.add(r);
      }
      return stems;
    }),
  );
  const stems = [...byStem.keys()];
  const at = new Map(stems.map((s, i) => [s, i]));
  const vocabulary = stems.map((stem) => {
    const w = byStem.get(stem)!;
    return { norm: w.norm, stem, grams: trigrams(w.norm), weight: idf(replies.length, w.replies.size) };
  });
  const docs = tokenized.map((texts) => texts.map((set) => ({ words: [...set].map((s) => at.get(s)!) })));
  const byGram = new Map<string, number[]>();
  vocabulary.forEach((w, v) => {
    for (const g of w.grams) {
      const list = byGram.get(g);
      if (list) list.push(v);
      else byGram.set(g, [v]);
    }
  });
  return { lang, vocabulary, byGram, docs };
}

function nodeIndex(scenario: Scenario, node: DialogueNode): NodeIndex {
  let byNode = indexes.get(scenario);
  if (!byNode) indexes.set(scenario, (byNode = new Map()));
  let index = byNode.get(node.id);
  if (!index) byNode.set(node.id, (index = buildIndex(matchLanguage(scenario.locale), node.replies.map(textsOfReply))));
  return index;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How alike a typed word is to a word of the replies, 0..1. */
function similarity(t: Token, tGrams: ReadonlySet<string>, w: Word): number {
  if (t.stem === w.stem || t.norm === w.norm) return 1;
  const shorter = Math.min(t.norm.length, w.norm.length);
  const prefix = commonPrefix(t.norm, w.norm);
  // The same word inflected past what the stemmer knows ("sprawdzę" and "sprawdzić").
  if (prefix >= 4 && prefix >= 0.7 * shorter) return 0.85;
  if (shorter < 4) return 0;
  // A typo: most character trigrams shared (Dice).
  let shared = 0;
  for (const g of tGrams) if (w.grams.has(g)) shared++;
  const dice = (2 * shared) / (tGrams.size + w.grams.size);
  return dice >= 0.55 ? dice * 0.9 : 0;
}

export interface Scored {
  readonly reply: number;
  readonly score: number;
  /** Typed words (token indices) that matched the reply's best document. */
  readonly matched: readonly number[];
}

export interface Scoring {
  readonly tokens: readonly Token[];
  /** Offered replies, best first (ties: the node's order). */
  readonly scored: readonly Scored[];
}

/** Scores each offered reply (by index in the node) for the typed text. */
export function scoreReplies(scenario: Scenario, node: DialogueNode, offered: readonly number[], text: string): Scoring {
  const index = nodeIndex(scenario, node);
  const tokens = tokenize(index.lang, text);
  const content = tokens.flatMap((t, i) => (t.stop ? [] : [i]));
  const voc = index.vocabulary;
  // sims[q][v]: typed content word q against vocabulary word v (sparse: only the alike ones).
  const sims = content.map((qi) => {
    const t = tokens[qi]!;
    const grams = trigrams(t.norm);
    // Only words sharing a trigram can be alike (a shared stem or beginning shares the first).
    const candidates = new Set<number>();
    for (const g of grams) for (const v of index.byGram.get(g) ?? []) candidates.add(v);
    const row = new Map<number, number>();
    for (const v of candidates) {
      const s = similarity(t, grams, voc[v]!);
      if (s > 0) row.set(v, s);
    }
    for (let v = 0; v < voc.length; v++) if (!candidates.has(v) && voc[v]!.stem === t.stem) row.set(v, 1);
    return row;
  });
  const unknown = UNKNOWN_WEIGHT * idf(Math.max(1, index.docs.length), 1);
  // A typed word weighs what the reply word it is most like weighs, or an unknown word's weight.
  const qWeights = sims.map((row) => {
    let best = 0;
    let weight = unknown;
    for (const [v, s] of row) if (s > best && s >= SAME_WORD) [best, weight] = [s, voc[v]!.weight];
    return weight;
  });
  const qTotal = qWeights.reduce((a, b) => a + b, 0);
  const scored: Scored[] = offered.map((reply) => {
    let best: Scored = { reply, score: 0, matched: [] };
    if (qTotal === 0) return best;
    const docs = index.docs[reply] ?? [];
    // How much of the text the reply's phrasings explain together: a trainee may say one part as
    // the say has it and another as an example does.
    const all = new Set(docs.flatMap((d) => d.words));
    let pooled = 0;
    const pooledMatched: number[] = [];
    sims.forEach((row, q) => {
      let m = 0;
      for (const v of all) m = Math.max(m, row.get(v) ?? 0);
      pooled += qWeights[q]! * m;
      if (m >= SAME_WORD) pooledMatched.push(content[q]!);
    });
    for (const doc of docs) {
      if (doc.words.length === 0) continue;
      let explained = 0;
      const matched: number[] = [];
      const docHit = new Map<number, number>();
      sims.forEach((row, q) => {
        let m = 0;
        for (const v of doc.words) {
          const s = row.get(v) ?? 0;
          if (s > m) m = s;
          if (s > (docHit.get(v) ?? 0)) docHit.set(v, s);
        }
        explained += qWeights[q]! * m;
        if (m >= SAME_WORD) matched.push(content[q]!);
      });
      let said = 0;
      let docTotal = 0;
      for (const v of doc.words) {
        docTotal += voc[v]!.weight;
        said += voc[v]!.weight * (docHit.get(v) ?? 0);
      }
      // Rounded to a millionth: Math.pow and Math.log may differ in the last bit between engines,
      // and the browser's verdict must be the server's.
      const together = POOLED * pooled > explained;
      const text = together ? POOLED * pooled : explained;
      const score = docTotal === 0 ? 0 : Math.round(Math.pow(text / qTotal, TEXT_SHARE) * Math.pow(said / docTotal, 1 - TEXT_SHARE) * 1e6) / 1e6;
      if (score > best.score) best = { reply, score, matched: together ? pooledMatched : matched };
    }
    return best;
  });
  scored.sort((a, b) => b.score - a.score || a.reply - b.reply);
  return { tokens, scored };
}

/** The character at i of "#norm#" (35 is "#"), as `trigrams` pads a word. */
const padded = (norm: string, i: number) => (i === 0 || i === norm.length + 1 ? 35 : norm.charCodeAt(i - 1));

/**
 * The i-th of a word's norm.length character trigrams as a small integer, 10 bits a character:
 * no string made, nor a boxed number. Characters 1,024 apart share a code; that can only find
 * two words alike that are not, which costs the proof a text, never its truth.
 */
const trigramCode = (norm: string, i: number) => ((padded(norm, i) & 1023) << 20) | ((padded(norm, i + 1) & 1023) << 10) | (padded(norm, i + 2) & 1023);

/**
 * Which of a node's replies' own texts (by reply, then say and examples as textsOfReply gives
 * them) are proved to be taken confidently as their own reply with all the node's replies on
 * offer — without scoring them, so that lint can check every text of a large call. Why it holds:
 * a reply's own text scores exactly 1 against it (all its words are that document's words), so
 * it is confident unless another reply scores within CONFIDENT_MARGIN of 1. Another reply scores
 * at most (the share of the text's word weight it explains)^TEXT_SHARE, and a typed word counts
 * towards that share only if the reply has a word of the same stem, or one sharing a trigram with
 * it (the only ways `similarity` is above 0). Here a reply is given the trigrams of every way its
 * stems are written anywhere in the node, more than the index keeps, so the share is never
 * under-counted. False means only scoring can tell (matchReply).
 */
export function provedOwnTexts(scenario: Scenario, node: DialogueNode): boolean[][] {
  const lang = matchLanguage(scenario.locale);
  const replies = node.replies.length;
  // Written with loops, no per-word objects and replies as bits of a number: lint runs this on
  // every node of a call. (The schema allows 9 replies; past 30 the bits would not fit, and
  // only scoring can tell.)
  if (replies > 30) return node.replies.map((r) => textsOfReply(r).map(() => false));
  const texts: (readonly string[])[] = [];
  const words: Token[][][] = [];
  /** By stem: the replies whose texts have it (a bit each), and every way it is written in the node. */
  const usedBy = new Map<string, number>();
  const written = new Map<string, string[]>();
  for (let r = 0; r < replies; r++) {
    const own = textsOfReply(node.replies[r]!);
    texts.push(own);
    const perText: Token[][] = [];
    for (const text of own) {
      const content: Token[] = [];
      for (const t of tokenize(lang, text)) {
        if (t.stop) continue;
        content.push(t);
        usedBy.set(t.stem, (usedBy.get(t.stem) ?? 0) | (1 << r));
        const norms = written.get(t.stem);
        if (!norms) written.set(t.stem, [t.norm]);
        else if (!norms.includes(t.norm)) norms.push(t.norm);
      }
      perText.push(content);
    }
    words.push(perText);
  }
  // A word's weight, as the index gives it: how well it tells the node's replies apart.
  const weightOf = new Map<string, number>();
  usedBy.forEach((by, stem) => weightOf.set(stem, idf(replies, bitsSet(by))));
  /** By trigram: the replies with a word written with it anywhere in the node (a bit each). */
  const gramReplies = new Map<number, number>();
  usedBy.forEach((by, stem) => {
    for (const norm of written.get(stem)!) {
      for (let i = 0; i < norm.length; i++) {
        const code = trigramCode(norm, i);
        gramReplies.set(code, (gramReplies.get(code) ?? 0) | by);
      }
    }
  });
  // Far below the margin, so that rounding can never carry a reply across it.
  const reach = Math.pow(1 - CONFIDENT_MARGIN - 0.05, 1 / TEXT_SHARE);
  const share = new Float64Array(replies);
  const out: boolean[][] = [];
  for (let a = 0; a < replies; a++) {
    const proved: boolean[] = [];
    for (let k = 0; k < words[a]!.length; k++) {
      const ws = words[a]![k]!;
      if (ws.length === 0 || texts[a]![k]!.length > READ_CHARS) {
        proved.push(false);
        continue;
      }
      // Each other reply's share of the text's word weight: a word counts towards the replies
      // with its stem, or with a word sharing a trigram with it.
      let total = 0;
      share.fill(0);
      for (const w of ws) {
        const weight = weightOf.get(w.stem)!;
        total += weight;
        let alike = usedBy.get(w.stem)!;
        for (let i = 0; i < w.norm.length; i++) alike |= gramReplies.get(trigramCode(w.norm, i)) ?? 0;
        for (let b = 0; b < replies; b++) if (alike & (1 << b)) share[b]! += weight;
      }
      let clear = true;
      for (let b = 0; b < replies && clear; b++) clear = b === a || share[b]! < reach * total;
      proved.push(clear);
    }
    out.push(proved);
  }
  return out;
}

/** The bits set in a number: how many replies a bit mask names. */
function bitsSet(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}
