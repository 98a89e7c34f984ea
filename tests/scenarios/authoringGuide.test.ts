// docs/authoring.md is checked like code: every JSON example in it loads cleanly (or, where it
// says so, fails with exactly the message it illustrates), the tutorial call can be played to its
// ideal ending, every field of the format is in the reference with the engine's real defaults,
// and every message code the loader can produce is explained.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, formatDiagnostic, loadScenario } from '../../src/engine/index.js';
import { LINT_CODES } from '../../src/tools/lint/codes.js';
import { lintScenarios } from '../../src/tools/lint/lintScenarios.js';
import { idealPath, repliesOnly, SCENARIO_DIR } from './support/analysis.js';

const ROOT = join(import.meta.dirname, '../..');
const GUIDE = readFileSync(join(ROOT, 'docs/authoring.md'), 'utf8');

interface Example {
  readonly line: number;
  /** "scenario": a complete call; "fragment": merged into BASE; "reply": added to BASE's first node. */
  readonly kind: 'scenario' | 'fragment' | 'reply';
  /** The message code the example is there to show, if it illustrates an error. */
  readonly error: string | null;
  readonly text: string;
}

/** Fenced ```json blocks; the info string says what the block is: "json", "json fragment", "json reply", "… error=<code>". */
function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```json(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const words = open[1]!.trim().split(/\s+/).filter(Boolean);
    const kind = words.includes('fragment') ? 'fragment' : words.includes('reply') ? 'reply' : 'scenario';
    const error = words.find((w) => w.startsWith('error='))?.slice('error='.length) ?? null;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && lines[j] !== '```'; j++) body.push(lines[j]!);
    out.push({ line: i + 1, kind, error, text: body.join('\n') });
    i = j;
  }
  return out;
}

/** The smallest call a fragment or a reply can be placed into. */
const BASE = {
  $schema: './scenario.schema.json',
  schemaVersion: 1,
  id: 'guide-example',
  title: 'Guide example',
  locale: 'en',
  brief: 'An example from the authoring guide.',
  customer: { name: 'Sam Example' },
  facts: { 'order-found': { text: 'The order was found.', key: true } } as Record<string, unknown>,
  ideal: { outcome: 'retained', requires: ['order-found'] } as unknown,
  nodes: {
    start: {
      say: 'Hello?',
      replies: [{ say: 'Let me look.', takes: 10, reveals: 'order-found', feedback: 'Check first.', next: 'order-open' }] as unknown[],
    },
    'order-open': { say: 'Well?', replies: [{ say: 'Found it.', feedback: 'Good.', next: 'thanks' }] },
    thanks: { say: 'Thanks.', end: 'retained' },
  } as Record<string, unknown>,
};

function placed(example: Example): string {
  const value = JSON.parse(example.text) as Record<string, unknown>;
  const doc = structuredClone(BASE) as Record<string, any>;
  if (example.kind === 'reply') doc.nodes.start.replies.push(value);
  else {
    // Facts and nodes are added to the base's (replacing any with the same id); anything else replaces.
    for (const [key, v] of Object.entries(value)) doc[key] = key === 'facts' || key === 'nodes' ? { ...doc[key], ...(v as object) } : v;
  }
  return JSON.stringify(doc, null, 2);
}

const all = examples(GUIDE);

describe('the JSON examples in docs/authoring.md', () => {
  it('are there: a complete call, fragments, replies, and an error', () => {
    expect(all.filter((e) => e.kind === 'scenario').length).toBeGreaterThanOrEqual(1);
    expect(all.filter((e) => e.kind === 'fragment' && !e.error).length).toBeGreaterThanOrEqual(4);
    expect(all.filter((e) => e.kind === 'reply').length).toBeGreaterThanOrEqual(1);
    expect(all.filter((e) => e.error).length).toBeGreaterThanOrEqual(1);
  });

  it.each(all.map((e) => [`${e.kind} at line ${e.line}${e.error ? ` (shows ${e.error})` : ''}`, e] as const))('%s', (_, example) => {
    const text = example.kind === 'scenario' ? example.text : placed(example);
    const result = loadScenario(text, `docs/authoring.md:${example.line}`);
    const codes = result.diagnostics.map((d) => d.code);
    if (example.error) {
      expect(codes).toContain(example.error);
    } else {
      expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it('show the message for a typo in the tutorial exactly as the checker prints it', () => {
    const tutorial = all.find((e) => e.kind === 'scenario')!;
    const typo = tutorial.text.replace('"next": "checked"', '"next": "chekced"');
    const result = loadScenario(typo, 'scenarios/double-charge.json');
    const printed = result.diagnostics.map(formatDiagnostic);
    const shown = /```text\n([^\n]*)\n/.exec(section('### Check it'))![1];
    expect(printed).toEqual([shown]);
  });

  it('include a tutorial call that the full checker passes without a warning', () => {
    const tutorial = all.find((e) => e.kind === 'scenario')!;
    const file = join(SCENARIO_DIR, 'double-charge.json');
    expect(lintScenarios([{ file, text: tutorial.text }], { fileExists: existsSync }).map(formatDiagnostic)).toEqual([]);
  });

  it('include a tutorial call that can be played to its ideal ending without losing a point', () => {
    const tutorial = all.find((e) => e.kind === 'scenario')!;
    const result = loadScenario(tutorial.text, 'docs/authoring.md');
    if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
    const path = idealPath(repliesOnly(result.scenario));
    expect(path?.cost).toBe(0);
  });
});

/** The section under a heading, up to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = GUIDE.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/authoring.md has no heading "${heading}"`);
  const level = /^#+/.exec(heading)![0];
  const rest = GUIDE.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  return end < 0 ? rest : rest.slice(0, end);
}

/** The table row for a field in a section: its first cell names the field. */
function row(heading: string, field: string): string {
  const line = section(heading)
    .split('\n')
    .find((l) => l.startsWith('|') && l.split('|')[1]!.includes(`\`${field}\``));
  if (!line) throw new Error(`no row for \`${field}\` under "${heading}"`);
  return line.replace(/−/g, '-');
}

describe('the field reference in docs/authoring.md', () => {
  it('lists every field of the format', () => {
    const schema = JSON.parse(readFileSync(join(SCENARIO_DIR, 'scenario.schema.json'), 'utf8'));
    const names = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) names.add(k);
        Object.values(o).forEach(walk);
      }
    };
    walk(schema);
    const firstCells = GUIDE.split('\n')
      .filter((l) => l.startsWith('|'))
      .map((l) => l.split('|')[1]!);
    for (const name of names) expect(firstCells.some((c) => c.includes(`\`${name}\``)), name).toBe(true);
  });

  it('gives the engine’s real defaults', () => {
    expect(row('### The scenario', 'difficulty')).toContain(`"${DEFAULTS.difficulty}"`);
    expect(row('### The scenario', 'timeout')).toContain(
      `after ${DEFAULTS.timeout.after} s: mood ${DEFAULTS.timeout.mood}, politeness ${DEFAULTS.timeout.polite}`,
    );
    expect(row('### `customer`', 'mood')).toMatch(new RegExp(`\\| ${DEFAULTS.mood} \\|$`));
    expect(row('### `customer`', 'patience')).toMatch(new RegExp(`\\| ${DEFAULTS.patience} \\|$`));
    expect(row('### `customer`', 'drain')).toMatch(new RegExp(`\\| ${DEFAULTS.drain} \\|$`));
    for (const [field, value] of Object.entries(DEFAULTS.scoring)) {
      expect(row('### `scoring`', field)).toMatch(new RegExp(`\\| ${value} \\|$`));
    }
    expect(section('## 2. How a call works')).toContain(
      `after ${DEFAULTS.timeout.after} seconds the customer loses ${-DEFAULTS.timeout.mood} mood and the trainee ${-DEFAULTS.timeout.polite} politeness`,
    );
  });
});

describe('the messages in docs/authoring.md', () => {
  it('explain every code the loader can report', () => {
    const dir = join(ROOT, 'src/engine/load');
    const codes = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      // doc.diagnostic(path, 'error', 'code', …), error(path, 'code', `message`…), { code: 'internal' }
      for (const m of src.matchAll(/'(?:error|warning)',\s*'([a-z-]+)'/g)) codes.add(m[1]!);
      for (const m of src.matchAll(/\berror\([^;]*?,\s*'([a-z]+(?:-[a-z]+)+)',\s*[`'"]/g)) codes.add(m[1]!);
      for (const m of src.matchAll(/code: '([a-z-]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThanOrEqual(18);
    const explained = section('## 6. What the checker’s messages mean'.replace('’', "'"));
    for (const code of codes) expect(explained, code).toContain(`| \`${code}\``);
  });

  it('list only codes the checker really has, and send the reader to lint.md for the rest', () => {
    const explained = section("## 6. What the checker's messages mean");
    expect(explained).toContain('](lint.md)');
    const listed = [...explained.matchAll(/^\| `([a-z-]+)`/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(20);
    const real = new Set<string>(Object.keys(LINT_CODES));
    const dir = join(ROOT, 'src/engine/load');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'([a-z]+(?:-[a-z]+)*)'/g)) real.add(m[1]!);
    }
    for (const code of listed) expect(real.has(code), `${code} is not a code the checker reports`).toBe(true);
  });
});
