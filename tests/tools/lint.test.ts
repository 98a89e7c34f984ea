// Every lint check: a call that triggers it, and the clean base call (the `new` template) that
// triggers nothing. Each case names the code it expects and where.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINT_CODES, LOADER_CODES } from '../../src/tools/lint/codes.js';
import { ROOT, codes, edited, lint, templateText, type Doc } from './support.js';

const status = (d: Doc) => d.nodes.status.replies;

const CASES: { code: string; edit: (d: Doc) => void; at?: string }[] = [
  { code: 'unreachable-node', edit: (d) => void (d.nodes.orphan = { say: 'Who am I?', replies: [{ say: 'Nobody.', feedback: 'x', next: 'thanks' }] }), at: 'orphan' },
  {
    code: 'never-reached',
    edit: (d) => {
      d.nodes.secret = { say: 'A secret.', replies: [{ say: 'Bye.', feedback: 'x', next: 'thanks' }] };
      status(d).push({ say: 'Secret?', if: '!order-found', feedback: 'x', next: 'secret' });
    },
    at: 'secret',
  },
  {
    code: 'ending-unreachable',
    edit: (d) => {
      d.nodes.lost = { say: 'Lost.', end: 'parted', feedback: 'x' };
      status(d).push({ say: 'Part?', if: '!order-found', feedback: 'x', next: 'lost' });
    },
    at: 'lost',
  },
  {
    code: 'reply-never-offered',
    edit: (d) => void status(d).push({ say: 'Secret?', if: '!order-found', feedback: 'x', next: 'thanks' }),
  },
  {
    code: 'ideal-unreachable',
    edit: (d) => {
      d.facts['refund-given'] = 'A refund was promised.';
      status(d)[1].reveals = 'refund-given';
      d.ideal.requires.push('refund-given');
    },
  },
  {
    code: 'stuck',
    edit: (d) => {
      status(d)[0].if = 'tracking-sent';
      status(d)[1].if = 'tracking-sent';
    },
    at: 'status',
  },
  {
    code: 'no-way-out',
    edit: (d) => {
      d.nodes.unconvinced.replies[1].next = 'loop-a';
      d.nodes['loop-a'] = { say: 'Hm?', replies: [{ say: 'Yes.', feedback: 'x', next: 'loop-b' }] };
      d.nodes['loop-b'] = { say: 'Hm!', replies: [{ say: 'No.', feedback: 'x', next: 'loop-a' }] };
    },
    at: 'loop-a',
  },
  { code: 'no-feedback', edit: (d) => void delete status(d)[1].feedback },
  {
    code: 'fact-never-revealed',
    edit: (d) => {
      d.facts.warranty = 'Under warranty.';
      status(d)[1].if = 'warranty';
    },
  },
  {
    code: 'cannot-ace',
    edit: (d) => {
      d.scoring.par = 1;
      d.scoring.overPar = 30;
    },
  },
  {
    code: 'cannot-fail',
    edit: (d) => {
      d.nodes.greeting.replies[2].polite = -5;
      d.nodes.unconvinced.replies[1].polite = -5;
    },
  },
  { code: 'missing-voice', edit: (d) => void (d.nodes.greeting.voice = 'voice/base-call/en/greeting.webm'), at: 'voice' },
  { code: 'schema-ref', edit: (d) => void delete d.$schema },
  { code: 'schema-ref', edit: (d) => void (d.$schema = '../nowhere/scenario.schema.json') },
  // Loader findings are passed on unchanged.
  { code: 'unknown-node', edit: (d) => void (status(d)[1].next = 'escalate') },
  { code: 'dead-end', edit: (d) => void delete d.nodes.thanks.end },
];

describe('lint checks', () => {
  it('the clean base call (the `new` template) triggers nothing', () => {
    expect(lint({ 'base-call.json': templateText() })).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.code} is found where it is`, () => {
      const text = edited(c.edit);
      const found = lint({ 'base-call.json': text }, ['greeting.webm', 'nowhere/scenario.schema.json']).filter((d) => d.code === c.code);
      expect(found.length, `expected ${c.code}`).toBeGreaterThan(0);
      for (const d of found) {
        expect(d.line).toBeGreaterThan(0);
        expect(d.hint, 'every message says what to write instead').toBeTruthy();
        if (c.at) expect(text.split('\n')[d.line - 1]).toContain(c.at);
      }
    });
  }

  it('translation-mismatch: a translation whose structure differs, pointing at the difference', () => {
    const ru = edited((d) => {
      d.title = 'Опоздавшая посылка';
      d.nodes.status.replies[1].judgment = -10;
    }, 'base-call', 'ru');
    const same = edited((d) => void (d.title = 'Spóźniona paczka'), 'base-call', 'pl');
    const ds = lint({ 'base-call.json': templateText(), 'base-call.ru.json': ru, 'base-call.pl.json': same });
    expect(ds.map((d) => [d.code, d.file.split('/').pop()])).toEqual([['translation-mismatch', 'base-call.ru.json']]);
    expect(ds[0]!.message).toContain('judgment');
    expect(ds[0]!.message).toMatch(/base-call\.json:\d+:\d+/);
  });

  it('duplicate-scenario: the same id and locale in two files', () => {
    const ds = lint({ 'a.json': templateText(), 'b.json': templateText() });
    expect(ds.map((d) => [d.code, d.file.split('/').pop()])).toEqual([['duplicate-scenario', 'b.json']]);
  });

  it('too-many-states: a call too big to explore is said so, not silently passed', () => {
    expect(codes(lint({ 'base-call.json': templateText() }, [], { maxStates: 3 }))).toEqual(['too-many-states']);
  });

  it('passes the shipped library without errors', () => {
    const files = Object.fromEntries(
      ['first-call.json', 'update-warning.json', 'update-warning.ru.json'].map((f) => [f, readFileSync(join(ROOT, 'scenarios', f), 'utf8')]),
    );
    expect(lint(files).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('every code is documented in docs/lint.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/lint.md'), 'utf8');
    for (const code of [...Object.keys(LINT_CODES), ...LOADER_CODES]) expect(doc, code).toContain(`\`${code}\``);
  });
});
