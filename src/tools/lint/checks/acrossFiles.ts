// Checks across files: one file per (id, locale), and translations — the same id in another
// locale — structurally identical to their original, so scores and transcripts mean the same
// in every language. Only words may differ: say, feedback, hint, doing, titles, texts, voices.
//
// The original of a call is its "en" file if there is one, otherwise the first locale in
// alphabetical order.
import type { Diagnostic, Reply, Scenario, Timeout } from '../../../engine/index.js';

type JsonPath = Diagnostic['path'];
import type { JsonDocument } from '../../../engine/load/jsonDocument.js';
import { LINT_CODES } from '../codes.js';

export interface Loaded {
  readonly file: string;
  readonly doc: JsonDocument;
  readonly scenario: Scenario;
}

const MAX_DIFFERENCES = 20;

const effects = (e: Reply | Timeout) => ({ polite: e.polite, accuracy: e.accuracy, judgment: e.judgment, mood: e.mood, patience: e.patience, reveals: e.reveals });
const replyShape = (r: Reply) => ({ id: r.id, ...effects(r), when: r.when, next: r.next, takesMs: r.takesMs, repeat: r.repeat });
const timeoutShape = (t: Timeout | null) => (t ? { afterMs: t.afterMs, ...effects(t), next: t.next } : null);

/** What must be equal in a translation, call-wide. */
function callShape(s: Scenario) {
  return {
    difficulty: s.difficulty,
    customer: { mood: s.customer.mood, patience: s.customer.patience, drain: s.customer.drain },
    facts: [...s.facts.values()].map((f) => ({ id: f.id, key: f.key })),
    ideal: s.ideal.map((i) => ({ outcome: i.outcome, requires: i.requires })),
    scoring: s.scoring,
    start: s.start,
    hangUp: s.hangUpNode,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compare(original: Loaded, translation: Loaded, out: Diagnostic[]): void {
  const o = original.scenario;
  const t = translation.scenario;
  const where = (path: JsonPath) => {
    const at = original.doc.locate(path, true);
    return `${original.file}:${at.line}:${at.col}`;
  };
  let count = 0;
  const report = (path: JsonPath, origPath: JsonPath, what: string) => {
    if (count++ >= MAX_DIFFERENCES) return;
    out.push(
      translation.doc.diagnostic(path, LINT_CODES['translation-mismatch'], 'translation-mismatch', `this translation (${t.locale}) differs from its original (${o.locale}, ${where(origPath)}): ${what}`, 'change only the words in a translation; change the structure in the original and in every translation together', true),
    );
  };

  const shapeO = callShape(o);
  const shapeT = callShape(t);
  for (const key of Object.keys(shapeO) as (keyof typeof shapeO)[]) {
    if (!same(shapeO[key], shapeT[key])) report([key], [key], `"${key}" is not the same`);
  }
  for (const [id, node] of o.nodes) {
    if (node.builtIn) continue;
    const other = t.nodes.get(id);
    if (!other) {
      report(['nodes'], ['nodes', id], `node "${id}" is missing`);
      continue;
    }
    if (node.end !== other.end) report(['nodes', id], ['nodes', id], `node "${id}" ends with ${other.end ?? 'nothing'} here, ${node.end ?? 'nothing'} there`);
    if (!same(timeoutShape(node.timeout), timeoutShape(other.timeout))) report(['nodes', id, 'timeout'], ['nodes', id], `the timeout of node "${id}" differs`);
    if (node.replies.length !== other.replies.length) {
      report(['nodes', id, 'replies'], ['nodes', id, 'replies'], `node "${id}" has ${other.replies.length} replies here, ${node.replies.length} there`);
      continue;
    }
    node.replies.forEach((r, i) => {
      const a = replyShape(r);
      const b = replyShape(other.replies[i]!);
      const fields = (Object.keys(a) as (keyof typeof a)[]).filter((k) => !same(a[k], b[k]));
      if (fields.length > 0) report(['nodes', id, 'replies', i], ['nodes', id, 'replies', i], `reply ${i + 1} of node "${id}" differs in ${fields.join(', ')}`);
    });
  }
  for (const [id, node] of t.nodes) {
    if (!node.builtIn && !o.nodes.has(id)) report(['nodes', id], ['nodes'], `node "${id}" is not in the original`);
  }
}

export function checkAcrossFiles(loaded: readonly Loaded[], out: Diagnostic[]): void {
  const byKey = new Map<string, Loaded>();
  const byId = new Map<string, Loaded[]>();
  for (const l of loaded) {
    const key = `${l.scenario.id}\u0000${l.scenario.locale}`;
    const first = byKey.get(key);
    if (first) {
      const at = first.doc.locate(['id']);
      out.push(
        l.doc.diagnostic(['id'], LINT_CODES['duplicate-scenario'], 'duplicate-scenario', `scenario "${l.scenario.id}" (${l.scenario.locale}) is also defined in ${first.file}:${at.line}:${at.col}`, 'give one of them another "id", or another "locale" if it is a translation'),
      );
      continue;
    }
    byKey.set(key, l);
    byId.set(l.scenario.id, [...(byId.get(l.scenario.id) ?? []), l]);
  }
  for (const versions of byId.values()) {
    if (versions.length < 2) continue;
    const sorted = [...versions].sort((a, b) => (a.scenario.locale === 'en' ? -1 : b.scenario.locale === 'en' ? 1 : a.scenario.locale.localeCompare(b.scenario.locale)));
    const [original, ...translations] = sorted;
    for (const t of translations) compare(original!, t, out);
  }
}
