// The typed replies' held-out test set (matchParaphrases.json) run through the matcher: per
// language, how many paraphrases were matched confidently, how many of those were right, and how
// many off-topic texts were (wrongly) matched confidently. Shared by `npm run bench -- match` and
// tests/match/paraphrases.test.ts, which fails when the aims are missed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, loadScenarioFiles, type Scenario } from '../engine/index.js';
import { matchReply } from '../engine/match/index.js';

export const MATCH_LANGUAGES = ['en', 'ru', 'pl', 'uk'] as const;
export type SetLanguage = (typeof MATCH_LANGUAGES)[number];

/** What the issue asks of the matcher (issue 13). */
export const AIMS = { rightAmongConfident: 0.9, offTopicConfident: 0.05, paraphrasesConfident: 0.8 } as const;

interface SetNode {
  readonly call: string;
  readonly node: string;
  readonly paraphrases: Record<SetLanguage, readonly { text: string; reply: string }[]>;
  readonly ambiguous?: Partial<Record<SetLanguage, readonly { text: string; replies: readonly string[] }[]>>;
}
interface TestSet {
  readonly nodes: readonly SetNode[];
  readonly offTopic: Record<SetLanguage, readonly string[]>;
}

export const testSet = (): TestSet => JSON.parse(readFileSync(new URL('./matchParaphrases.json', import.meta.url), 'utf8')) as TestSet;

const SCENARIOS = join(import.meta.dirname, '../../scenarios');

/** The shipped calls the set asks about, by "<call>.<locale>", loaded as the game loads them. */
export function setCalls(set: TestSet = testSet()): Map<string, Scenario> {
  const ids = new Set(set.nodes.map((n) => n.call));
  const files = readdirSync(SCENARIOS).filter((f) => ids.has(f.split('.')[0]!) && /^[a-z-]+(\.[a-z]{2})?\.json$/.test(f));
  const out = new Map<string, Scenario>();
  for (const r of loadScenarioFiles(files.map((f) => ({ file: `scenarios/${f}`, text: readFileSync(join(SCENARIOS, f), 'utf8') })))) {
    if (!r.ok) throw new Error(`${r.file} does not load:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
    out.set(`${r.scenario.id}.${r.scenario.locale}`, r.scenario);
  }
  return out;
}

export interface LanguageResult {
  readonly language: SetLanguage;
  readonly paraphrases: number;
  readonly confident: number;
  readonly right: number;
  readonly offTopic: number;
  readonly offTopicConfident: number;
  readonly ambiguous: number;
  /** Ambiguous texts matched confidently to a reply they do not fit. */
  readonly ambiguousWrong: number;
  /** What went wrong, for the test's message: "<call>/<node> <text>: <what>". */
  readonly misses: readonly string[];
}

export function evaluate(calls: Map<string, Scenario> = setCalls(), set: TestSet = testSet()): LanguageResult[] {
  return MATCH_LANGUAGES.map((language) => {
    let paraphrases = 0;
    let confident = 0;
    let right = 0;
    let offTopic = 0;
    let offTopicConfident = 0;
    let ambiguous = 0;
    let ambiguousWrong = 0;
    const misses: string[] = [];
    for (const n of set.nodes) {
      const s = calls.get(`${n.call}.${language}`);
      if (!s) throw new Error(`no ${language} version of ${n.call}`);
      const offered = s.nodes.get(n.node)!.replies.map((r) => r.id);
      const where = `${n.call}.${language}/${n.node}`;
      for (const p of n.paraphrases[language]) {
        paraphrases++;
        const m = matchReply(s, n.node, offered, p.text);
        if (m.verdict === 'confident') {
          confident++;
          if (m.reply === p.reply) right++;
          else misses.push(`${where} "${p.text}": taken as ${m.reply}, meant ${p.reply}`);
        } else misses.push(`${where} "${p.text}": ${m.verdict} (${m.candidates.map((c) => `${c.reply} ${c.confidence}`).join(', ')}), meant ${p.reply}`);
      }
      for (const a of n.ambiguous?.[language] ?? []) {
        ambiguous++;
        const m = matchReply(s, n.node, offered, a.text);
        if (m.reply !== null && !a.replies.includes(m.reply)) {
          ambiguousWrong++;
          misses.push(`${where} ambiguous "${a.text}": taken as ${m.reply}`);
        }
      }
      for (const text of set.offTopic[language]) {
        offTopic++;
        const m = matchReply(s, n.node, offered, text);
        if (m.verdict === 'confident') {
          offTopicConfident++;
          misses.push(`${where} off-topic "${text}": taken as ${m.reply}`);
        }
      }
    }
    return { language, paraphrases, confident, right, offTopic, offTopicConfident, ambiguous, ambiguousWrong, misses };
  });
}

/** Every (scenario, node, offered, text) the set tries, for timing. */
export function allTrials(calls: Map<string, Scenario> = setCalls(), set: TestSet = testSet()): { scenario: Scenario; node: string; offered: string[]; text: string; language: SetLanguage }[] {
  return MATCH_LANGUAGES.flatMap((language) =>
    set.nodes.flatMap((n) => {
      const scenario = calls.get(`${n.call}.${language}`)!;
      const offered = scenario.nodes.get(n.node)!.replies.map((r) => r.id);
      const texts = [...n.paraphrases[language].map((p) => p.text), ...(n.ambiguous?.[language] ?? []).map((a) => a.text), ...set.offTopic[language]];
      return texts.map((text) => ({ scenario, node: n.node, offered, text, language }));
    }),
  );
}
