// The typed replies' aims on the held-out test set (src/bench/matchParaphrases.json, never copied
// into the calls' examples): per language, at least 80% of paraphrases matched confidently, at
// least 90% of confident matches right, at most 5% of off-topic texts matched confidently, and no
// ambiguous text taken confidently as a reply it does not fit. `npm run bench -- match` prints the table.
import { describe, expect, it } from 'vitest';
import { AIMS, evaluate, MATCH_LANGUAGES, setCalls, testSet } from '../../src/bench/matchSet.js';

const results = evaluate();

describe('typed replies on the held-out test set', () => {
  it('has at least 10 paraphrases per language, over several calls, and off-topic and ambiguous texts', () => {
    const set = testSet();
    expect(new Set(set.nodes.map((n) => n.call)).size).toBeGreaterThanOrEqual(3);
    for (const r of results) {
      expect(r.paraphrases, r.language).toBeGreaterThanOrEqual(10);
      expect(r.offTopic, r.language).toBeGreaterThan(0);
      expect(r.ambiguous, r.language).toBeGreaterThan(0);
    }
    expect(results.map((r) => r.language)).toEqual([...MATCH_LANGUAGES]);
  });

  it.each(results.map((r) => [r.language, r] as const))('meets the aims in %s', (_, r) => {
    const why = r.misses.join('\n');
    expect(r.confident / r.paraphrases, why).toBeGreaterThanOrEqual(AIMS.paraphrasesConfident);
    expect(r.right / Math.max(1, r.confident), why).toBeGreaterThanOrEqual(AIMS.rightAmongConfident);
    expect(r.offTopicConfident / r.offTopic, why).toBeLessThanOrEqual(AIMS.offTopicConfident);
    expect(r.ambiguousWrong, why).toBe(0);
  });

  it('never copies a test sentence into a call\'s examples', () => {
    const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const examples = new Set([...setCalls().values()].flatMap((s) => [...s.nodes.values()].flatMap((n) => n.replies.flatMap((r) => [r.say, ...r.examples].map(norm)))));
    const set = testSet();
    const texts = set.nodes.flatMap((n) => Object.values(n.paraphrases).flatMap((ps) => ps.map((p) => p.text)));
    for (const t of texts) expect(examples.has(norm(t)), t).toBe(false);
  });
});
