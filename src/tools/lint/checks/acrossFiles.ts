// Checks across files: one file per (id, locale), and translations — the same id in another
// locale — structurally identical to their original, so scores and transcripts mean the same
// in every language. Only words may differ: say, feedback, hint, doing, titles, texts, voices.
//
// The original of a call is its "en" file if there is one, otherwise the first locale in
// alphabetical order. A string table is the same call by construction (composed from its
// original), so only whole-file translations are compared; a difference names the field and
// both values. Missing, extra and stale strings of a table are the engine's (translation/).
import { differences, pathText, valueText, type Diagnostic, type DialogueNode, type Reply, type Scenario, type Timeout } from '../../../engine/index.js';

type JsonPath = Diagnostic['path'];
import type { JsonDocument } from '../../../engine/load/jsonDocument.js';
import { LINT_CODES } from '../codes.js';

export interface Loaded {
  readonly file: string;
  readonly doc: JsonDocument;
  readonly scenario: Scenario;
  /** A string table (composed with its original). */
  readonly table?: boolean;
}

const MAX_DIFFERENCES = 20;

const effects = (e: Reply | Timeout) => ({ polite: e.polite, accuracy: e.accuracy, judgment: e.judgment, mood: e.mood, patience: e.patience, reveals: e.reveals, set: e.set });
const replyShape = (r: Reply) => ({ id: r.id, ...effects(r), if: r.when, next: r.next, takes: r.takesMs / 1000, repeat: r.repeat });
const timeoutShape = (t: Timeout | null) => (t ? { after: t.afterMs / 1000, ...effects(t), next: t.next } : false);

/** What must be equal in a node besides its replies and timeout: entry effects, an ending's scoring and its feedback's conditions. */
const nodeShape = (n: DialogueNode) => ({ enter: n.enter, credit: n.credit, needs: n.needs, feedback: n.feedbackVariants.map((v) => ({ if: v.when })) });

/** What must be equal in a translation, call-wide, keyed as in the file. */
function callShape(s: Scenario) {
  return {
    difficulty: s.difficulty,
    customer: { mood: s.customer.mood, patience: s.customer.patience, drain: s.customer.drain },
    facts: Object.fromEntries([...s.facts.values()].map((f) => [f.id, { key: f.key }])),
    flags: [...s.flags.keys()],
    counters: Object.fromEntries([...s.counters.values()].map((c) => [c.id, { max: c.max }])),
    ideal: s.ideal.map((i) => ({ outcome: i.outcome, requires: i.requires, forbids: i.forbids })),
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
  /** Each field that differs, with both values: "customer.mood is 40 here and 55 in the original". */
  const reportDifferences = (here: unknown, there: unknown, base: JsonPath, label: (path: JsonPath) => string = pathText) => {
    for (const d of differences(here, there, MAX_DIFFERENCES, base)) {
      report(d.path, d.path, `${label(d.path)} is ${valueText(d.here)} here and ${valueText(d.there)} in the original`);
    }
  };

  const shapeO = callShape(o);
  const shapeT = callShape(t);
  for (const key of Object.keys(shapeO) as (keyof typeof shapeO)[]) {
    if (!same(shapeO[key], shapeT[key])) reportDifferences(shapeT[key], shapeO[key], [key]);
  }
  for (const [id, node] of o.nodes) {
    if (node.builtIn) continue;
    const other = t.nodes.get(id);
    if (!other) {
      report(['nodes'], ['nodes', id], `node "${id}" is missing`);
      continue;
    }
    if (node.end !== other.end) report(['nodes', id], ['nodes', id], `node "${id}" ends with ${other.end ?? 'nothing'} here, ${node.end ?? 'nothing'} there`);
    else if (!same(nodeShape(node), nodeShape(other))) reportDifferences(nodeShape(other), nodeShape(node), ['nodes', id], (p) => `node "${id}": ${pathText(p.slice(2))}`);
    const to = timeoutShape(other.timeout);
    const ti = timeoutShape(node.timeout);
    if (!same(ti, to)) {
      if (ti && to) reportDifferences(to, ti, ['nodes', id, 'timeout'], (p) => `the timeout of node "${id}": ${pathText(p.slice(3)) || 'it'}`);
      else report(['nodes', id, 'timeout'], ['nodes', id], `node "${id}" has ${to ? 'a timeout' : 'no timeout'} here and ${ti ? 'one' : 'none'} in the original (a call-wide default counts)`);
    }
    if (node.replies.length !== other.replies.length) {
      report(['nodes', id, 'replies'], ['nodes', id, 'replies'], `node "${id}" has ${other.replies.length} replies here, ${node.replies.length} there`);
      continue;
    }
    node.replies.forEach((r, i) => {
      const label = (p: JsonPath) => `reply ${i + 1} ("${r.id}") of node "${id}": ${pathText(p.slice(4))}`;
      if (!same(replyShape(r), replyShape(other.replies[i]!))) reportDifferences(replyShape(other.replies[i]!), replyShape(r), ['nodes', id, 'replies', i], label);
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
    // A table is never the original (it has none of its own structure), and is never compared.
    const sorted = [...versions].sort((a, b) => Number(!!a.table) - Number(!!b.table) || (a.scenario.locale === 'en' ? -1 : b.scenario.locale === 'en' ? 1 : a.scenario.locale.localeCompare(b.scenario.locale)));
    const [original, ...translations] = sorted;
    for (const t of translations) if (!t.table) compare(original!, t, out);
  }
}
