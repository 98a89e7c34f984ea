// docs/authoring.md is checked like code: every JSON example in it loads cleanly (or, where it
// says so, fails with exactly the message it illustrates), the tutorial call can be played to its
// ideal ending, the complete format-2 call plays exactly as the guide's table says, every field
// of the format (both versions) is in the reference with the engine's real defaults, and every
// message code the loader and the checker can report is explained.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, Session, formatDiagnostic, loadScenario, type Scenario } from '../../src/engine/index.js';
import { SCHEMA_VERSION } from '../../src/engine/format/schema.js';
import { LINT_CODES, LOADER_CODES } from '../../src/tools/lint/codes.js';
import { lintScenarios } from '../../src/tools/lint/lintScenarios.js';
import { scenarioTemplate } from '../../src/tools/scaffold/template.js';
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
  schemaVersion: 2,
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
const complete = all.filter((e) => e.kind === 'scenario' && !e.error);
/** The tutorial: the first complete call. */
const tutorial = complete[0]!;
/** Section 3's complete call, which uses everything format 2 adds. */
const format2 = complete.find((e) => (JSON.parse(e.text) as { id: string }).id === 'locked-out')!;

function loaded(text: string, file = 'docs/authoring.md'): Scenario {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.scenario;
}

describe('the JSON examples in docs/authoring.md', () => {
  it('are there: complete calls, fragments, replies, and errors', () => {
    expect(complete.length).toBeGreaterThanOrEqual(2);
    expect(format2, 'the complete format-2 call "locked-out"').toBeDefined();
    expect(all.filter((e) => e.kind === 'fragment' && !e.error).length).toBeGreaterThanOrEqual(10);
    expect(all.filter((e) => e.kind === 'reply').length).toBeGreaterThanOrEqual(1);
    expect(all.filter((e) => e.error).length).toBeGreaterThanOrEqual(2);
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

  it('teach the newest format: the tutorial, the complete call, the fragments and the `new` template', () => {
    expect(JSON.parse(tutorial.text).schemaVersion).toBe(SCHEMA_VERSION);
    expect(JSON.parse(format2.text).schemaVersion).toBe(SCHEMA_VERSION);
    expect(BASE.schemaVersion).toBe(SCHEMA_VERSION);
    const template = loaded(scenarioTemplate({ id: 'late-parcel', locale: 'en', schema: './scenario.schema.json' }), 'scenarios/late-parcel.json');
    expect(template.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('show the message for a typo in the tutorial exactly as the checker prints it', () => {
    const typo = tutorial.text.replace('"next": "checked"', '"next": "chekced"');
    const result = loadScenario(typo, 'scenarios/double-charge.json');
    const printed = result.diagnostics.map(formatDiagnostic);
    const shown = /```text\n([^\n]*)\n/.exec(section('### Check it'))![1];
    expect(printed).toEqual([shown]);
  });

  it.each([
    ['the tutorial call', () => tutorial, 'double-charge.json'],
    ['the complete format-2 call', () => format2, 'locked-out.json'],
  ] as const)('include %s, which the full checker passes without a warning', (_, example, name) => {
    const file = join(SCENARIO_DIR, name);
    expect(lintScenarios([{ file, text: example().text }], { fileExists: existsSync }).map(formatDiagnostic)).toEqual([]);
  });

  it('include a tutorial call that can be played to its ideal ending without losing a point', () => {
    const path = idealPath(repliesOnly(loaded(tutorial.text)));
    expect(path?.cost).toBe(0);
  });
});

/** Answers the call on a pinned seed, then chooses each reply by its id, letting actions finish. */
function play(s: Scenario, ids: readonly string[]): Session {
  const session = new Session(s, { seed: 7, mode: 'practice' });
  session.answer();
  for (const id of ids) {
    const shown = session.view.replies.find((r) => r.id === id);
    if (!shown) throw new Error(`"${id}" is not on offer at "${session.view.line?.id}": ${session.view.replies.map((r) => r.id).join(', ')}`);
    expect(session.choose(shown.n)).toBe(true);
    while (session.view.phase === 'working') session.advance(100);
  }
  expect(session.ended, `${ids.join(', ')} ends the call`).toBe(true);
  return session;
}

describe('the complete format-2 call in docs/authoring.md', () => {
  const s = () => loaded(format2.text);
  const part = () => section('### 3.7 All of it in one call');

  it('uses everything format 2 adds', () => {
    const call = s();
    const nodes = [...call.nodes.values()];
    expect(call.flags.size).toBeGreaterThan(0);
    expect(call.counters.size).toBeGreaterThan(0);
    expect(call.memory).toMatchObject({ returns: true, turns: true, hidden: true });
    expect([...call.flags.keys()].some((f) => f.startsWith('chose:'))).toBe(true);
    expect(nodes.some((n) => n.enter && n.enter.mood !== 0)).toBe(true);
    expect(nodes.some((n) => n.enter && n.enter.reveals.length > 0)).toBe(true);
    expect(nodes.some((n) => n.replies.some((r) => r.set.length > 0))).toBe(true);
    expect(nodes.some((n) => n.label !== null && n.credit !== null)).toBe(true);
    expect(nodes.some((n) => n.feedbackVariants.length > 0)).toBe(true);
    expect(call.ideal.some((i) => i.forbids.length > 0)).toBe(true);
  });

  /** The table of section 3.7: replies by id, the ending (and whether it is ideal), the three skills, the grade, the comment's start. */
  const rows = () =>
    part()
      .split('\n')
      .filter((l) => /^\| [a-z]/.test(l) && !l.startsWith('| replies'))
      .map((l) => {
        const cells = l.split('|').slice(1, -1).map((c) => c.trim());
        const [replies, ending, politeness, accuracy, judgment, grade, comment] = cells as [string, string, string, string, string, string, string];
        return {
          replies: replies.split(',').map((r) => r.trim()),
          node: /`([^`]+)`/.exec(ending)![1]!,
          ideal: ending.includes('(ideal)'),
          scores: [Number(politeness), Number(accuracy), Number(judgment)],
          grade,
          comment: comment.replace(/\s*…$/, ''),
        };
      });

  it('has a table of plays covering every ending', () => {
    expect(rows().length).toBeGreaterThanOrEqual(5);
    const endings = [...s().nodes.values()].filter((n) => n.end && !n.builtIn).map((n) => n.id);
    expect(new Set(rows().map((r) => r.node))).toEqual(new Set(endings));
  });

  it.each(rows().map((r) => [r.replies.join(', '), r] as const))('plays %s as the guide says', (_, row) => {
    const call = play(s(), row.replies);
    const score = call.score();
    expect(call.view.ending?.node).toBe(row.node);
    expect(score.ideal).toBe(row.ideal);
    expect([score.politeness, score.accuracy, score.judgment]).toEqual(row.scores);
    expect(score.grade).toBe(row.grade);
    expect(call.view.ending?.feedback?.startsWith(row.comment), `comment "${call.view.ending?.feedback}"`).toBe(true);
    const label = s().nodes.get(row.node)!.label;
    expect(call.view.ending?.label ?? null).toBe(label);
  });

  it('is right about what "credit" changes: the same play without it scores as the guide says', () => {
    const claim = /without it, `([a-z-]+)` would be .*?\(judgment (\d+), an? ([A-F]) overall\)/s.exec(part());
    expect(claim, 'the sentence on credit in section 3.7').not.toBeNull();
    const [, node, judgment, grade] = claim!;
    const doc = JSON.parse(format2.text);
    delete doc.nodes[node!].credit;
    const row = rows().find((r) => r.node === node && !r.ideal && r.replies.length > 1)!;
    const score = play(loaded(JSON.stringify(doc)), row.replies).score();
    expect([score.judgment, score.grade]).toEqual([Number(judgment), grade]);
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
  it('lists every field of the format, version 1 and version 2', () => {
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
    // Version 2's own fields are among them: the walk reaches into every version's schema.
    for (const v2 of ['flags', 'counters', 'max', 'note', 'enter', 'set', 'label', 'credit', 'text']) expect(names).toContain(v2);
    const reference = section('## 9. The fields');
    const firstCells = reference
      .split('\n')
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
    expect(row('### `flags` and `counters`', 'max')).toMatch(new RegExp(`\\| ${DEFAULTS.counterMax} \\|$`));
    expect(section('### 3.1 Hidden flags and counters')).toContain(`(${DEFAULTS.counterMax} unless you say)`);
    expect(section('## 2. How a call works')).toContain(
      `after ${DEFAULTS.timeout.after} seconds the customer loses ${-DEFAULTS.timeout.mood} mood and the trainee ${-DEFAULTS.timeout.polite} politeness`,
    );
  });
});

/** Every code the loader can report: its list in codes.ts, and what its sources spell out. */
function loaderCodes(): Set<string> {
  const codes = new Set<string>(LOADER_CODES);
  const dir = join(ROOT, 'src/engine/load');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    // doc.diagnostic(path, 'error', 'code', …), error(path, 'code', `message`…), { code: 'internal' }, `${key}-without-end`
    for (const m of src.matchAll(/'(?:error|warning)',\s*'([a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of src.matchAll(/\berror\([^;]*?,\s*'([a-z]+(?:-[a-z]+)+)',\s*[`'"]/g)) codes.add(m[1]!);
    for (const m of src.matchAll(/code: '([a-z-]+)'/g)) codes.add(m[1]!);
    for (const m of src.matchAll(/for \(const key of \[([^\]]*)\] as const\)[\s\S]{0,400}?`\$\{key\}(-[a-z-]+)`/g)) {
      for (const k of m[1]!.matchAll(/'([a-z]+)'/g)) codes.add(`${k[1]}${m[2]}`);
    }
  }
  return codes;
}

const MESSAGES = "## 10. What the checker's messages mean";

describe('the messages in docs/authoring.md', () => {
  it('explain every code the loader can report', () => {
    const codes = loaderCodes();
    for (const v2 of ['unknown-flag', 'unknown-counter', 'unknown-reply', 'name-clash', 'reserved-name', 'label-without-end', 'credit-without-end', 'feedback-variants-without-end', 'bad-version']) {
      expect(codes).toContain(v2);
    }
    const explained = section(MESSAGES);
    for (const code of codes) expect(explained, code).toContain(`| \`${code}\``);
  });

  it('explain every code the checker adds (src/tools/lint/codes.ts), marking its warnings', () => {
    const explained = section(MESSAGES);
    for (const [code, severity] of Object.entries(LINT_CODES)) {
      const line = explained.split('\n').find((l) => l.startsWith(`| \`${code}\``));
      expect(line, code).toBeDefined();
      expect(line!.includes('(warning)'), `${code} is ${severity === 'warning' ? 'a warning' : 'an error'}`).toBe(severity === 'warning');
    }
  });

  it('list only codes the checker really has, and send the reader to lint.md for the rest', () => {
    const explained = section(MESSAGES);
    expect(explained).toContain('](lint.md)');
    const listed = [...explained.matchAll(/^\| `([a-z-]+)`/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(50);
    const real = new Set<string>([...Object.keys(LINT_CODES), ...loaderCodes()]);
    for (const code of listed) expect(real.has(code), `${code} is not a code the checker reports`).toBe(true);
  });
});
