// Golden plans as data: the plan file's format and its errors (with their places), lint playing
// plan files on their call, and `scenario pin` writing them, as a trainer runs it.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatPlanFile, parsePlanFile, type Plan } from '../../src/tools/plans/planFile.js';
import { expectationOf, playSteps } from '../../src/tools/plans/playPlan.js';
import { ROOT, cli, codes, lint, load, templateText } from './support.js';

const IDEAL: Plan['steps'] = [
  ['greeting', 'look-up'],
  ['status', 'send-tracking'],
];

/** The template's ideal path, played on the engine and pinned. */
function pinned(steps = IDEAL, name = 'ideal'): Plan {
  const played = playSteps(load(templateText()), steps);
  played.session.stop();
  return { name, steps, expect: expectationOf(played)! };
}

const errorsOf = (text: string) => {
  const r = parsePlanFile(text, 'scenarios/base-call.plans.json');
  if (r.ok) throw new Error('expected errors');
  return r.diagnostics;
};

describe('the plan file', () => {
  it('is written one step a line and read back to the same plans', () => {
    const plans = [pinned(), { ...pinned([['greeting', 'guess-courier'], ['unconvinced', 'stonewall']], 'a guess, then giving up'), note: 'why', seed: 7, mode: 'exam' as const }];
    const text = formatPlanFile(plans);
    expect(text).toContain('        ["greeting", "look-up"],\n        ["status", "send-tracking"]\n');
    const back = parsePlanFile(text, 'x.plans.json');
    expect(back.ok && back.plans).toEqual(plans);
  });

  it('the template\'s ideal path pins an ideal A', () => {
    expect(pinned().expect).toEqual({ ending: 'thanks', outcome: 'retained', ideal: true, politeness: 100, accuracy: 100, judgment: 100, overall: 100 });
  });

  it('bad input: file:line:column with what to write', () => {
    const good = formatPlanFile([pinned()]);
    const [syntax] = errorsOf(good.replace('"send-tracking"]', '"send-tracking"],'));
    expect([syntax!.code, syntax!.line, syntax!.col]).toEqual(['json-syntax', 8, 7]);
    expect(syntax!.hint).toContain('remove a trailing comma');

    const typo = errorsOf(good.replace('"expect"', '"expected"')).find((d) => d.code === 'unknown-property');
    expect(typo!.line).toBe(9);
    expect(typo!.hint).toContain('did you mean "expect"?');

    const [shape] = errorsOf(good.replace('["status", "send-tracking"]', '["status"]'));
    expect(shape!.code).toBe('schema');
    expect([shape!.line, shape!.col]).toEqual([7, 9]);
    expect(shape!.message).toContain('must have at least 2 entries');

    const [outcome] = errorsOf(good.replace('"retained"', '"kept"'));
    expect(outcome!.code).toBe('schema');
    expect(outcome!.message).toContain('"kept"');
    expect(outcome!.hint).toBe('did you mean "parted"?');

    const [twice] = errorsOf(formatPlanFile([pinned(), pinned()]));
    expect(twice!.code).toBe('duplicate-plan');
    expect(twice!.line).toBe(12);

    expect(errorsOf('[]')[0]!.code).toBe('not-a-plan-file');
  });
});

describe('lint plays plan files', () => {
  const call = templateText();

  it('a plan that still plays as pinned: nothing to say', () => {
    expect(lint({ 'base-call.json': call, 'base-call.plans.json': formatPlanFile([pinned()]) })).toEqual([]);
  });

  it('a pinned score that moved: the plan, the file, the value and the command to pin again', () => {
    const stale = formatPlanFile([{ ...pinned(), expect: { ...pinned().expect, overall: 88, judgment: 64 } }]);
    const ds = lint({ 'base-call.json': call, 'base-call.plans.json': stale });
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['plan-mismatch', 'error']]);
    expect(ds[0]!.file).toMatch(/base-call\.plans\.json$/);
    expect(ds[0]!.message).toBe('plan "ideal" no longer plays as pinned on base-call.json: judgment is 100, not 64 as pinned; overall is 100, not 88 as pinned');
    expect(stale.split('\n')[ds[0]!.line - 1]).toContain('"judgment": 64');
    expect(ds[0]!.hint).toContain('pin ');
    expect(ds[0]!.hint).toContain('--path look-up,send-tracking --name "ideal"');
  });

  it('a step that no longer plays: the first one, and why', () => {
    const steps: Plan['steps'] = [['greeting', 'guess-courier'], ['status', 'send-tracking']];
    const text = formatPlanFile([{ ...pinned(), steps }]);
    const [d] = lint({ 'base-call.json': call, 'base-call.plans.json': text });
    expect(d!.code).toBe('plan-mismatch');
    expect(d!.message).toContain('step 2 ["status","send-tracking"] no longer plays: the call is at "unconvinced", not "status"');
    expect(text.split('\n')[d!.line - 1]).toContain('["status", "send-tracking"]');
    const notOffered = formatPlanFile([{ ...pinned(), steps: [['greeting', 'look-up'], ['status', 'nope']] }]);
    expect(lint({ 'base-call.json': call, 'base-call.plans.json': notOffered })[0]!.message).toContain('node "status" has no reply "nope"');
  });

  it('a plan file whose call is not there, and a broken plan file', () => {
    expect(codes(lint({ 'base-call.json': call, 'other-call.plans.json': formatPlanFile([pinned()]) }))).toEqual(['plan-mismatch']);
    const ds = lint({ 'base-call.json': call, 'base-call.plans.json': '{"plans": [{"name": "x"}]}' });
    expect(codes(ds)).toEqual(['schema']);
  });

  it('the shipped plan files all play as pinned (every call and translation)', () => {
    const names = ['update-warning.json', 'update-warning.ru.json', 'update-warning.plans.json'];
    const files = Object.fromEntries(names.map((n) => [n, readFileSync(join(ROOT, 'scenarios', n), 'utf8')]));
    expect(lint(files).filter((d) => d.code.startsWith('plan') || d.severity === 'error')).toEqual([]);
  });
});

describe('scenario pin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'htl-pin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'base-call.json');
  const plans = join(dir, 'base-call.plans.json');
  writeFileSync(file, templateText());
  copyFileSync(join(ROOT, 'scenarios/scenario.schema.json'), join(dir, 'scenario.schema.json'));

  it('plays the path (reply ids or positions) and writes the plan beside the call, printing what it pinned', () => {
    const r = cli(['pin', file, '--path', 'look-up,1', '--name', 'ideal: look it up, then the facts and the link']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('added plan "ideal: look it up, then the facts and the link"');
    expect(r.stdout).toContain('2. at "status": send-tracking');
    expect(r.stdout).toContain('ends at "thanks" (retained, ideal): politeness 100, accuracy 100, judgment 100, overall 100');
    const parsed = parsePlanFile(readFileSync(plans, 'utf8'), plans);
    expect(parsed.ok && parsed.plans).toEqual([{ ...pinned(), name: 'ideal: look it up, then the facts and the link' }]);
  });

  it('the same name replaces, another name adds; lint then plays both', () => {
    expect(cli(['pin', file, '--path', '2,2', '--name', 'a guess, then giving up']).status).toBe(0);
    const again = cli(['pin', file, '--path', '3,2', '--name', 'a guess, then giving up', '--note', 'a shrug this time']);
    expect(again.stdout).toContain('replaced plan "a guess, then giving up"');
    const parsed = parsePlanFile(readFileSync(plans, 'utf8'), plans);
    expect(parsed.ok && parsed.plans.map((p) => [p.name, p.steps[0]![1], p.note])).toEqual([
      ['ideal: look it up, then the facts and the link', 'look-up', undefined],
      ['a guess, then giving up', 'brush-off', 'a shrug this time'],
    ]);
    const linted = cli(['lint', dir]);
    expect(linted.stdout).toContain('0 error(s), 0 warning(s)');
  });

  it('an exam plan that lets the timer run out, and one that hangs up', () => {
    const silent = cli(['pin', file, '--path', 't,1,1', '--mode', 'exam', '--name', 'silence first']);
    expect(silent.stdout).toContain('1. at "greeting": timeout');
    expect(silent.stdout).toContain('politeness 90');
    expect(cli(['pin', file, '--path', '1,h', '--name', 'hangs up']).stdout).toContain('2. at "status": hang-up');
    const parsed = parsePlanFile(readFileSync(plans, 'utf8'), plans);
    const silence = parsed.ok ? parsed.plans.find((p) => p.name === 'silence first') : undefined;
    expect(silence?.mode).toBe('exam');
    expect(cli(['lint', dir]).stdout).toContain('0 error(s), 0 warning(s)');
    // In practice there is no timer: the plan says so.
    const practice = formatPlanFile([{ ...silence!, mode: undefined }]);
    expect(lint({ 'base-call.json': templateText(), 'base-call.plans.json': practice })[0]!.message).toContain('the timer only runs in an exam: add "mode": "exam" to the plan');
  });

  it('wrong usage: a move that is not there, a path that does not end, no name', () => {
    const bad = cli(['pin', file, '--path', 'look-up,nope', '--name', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('move 2 ("nope"): node "status" has no reply "nope"');
    const short = cli(['pin', file, '--path', '2', '--name', 'x']);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('the call has not ended (the customer is at "unconvinced")');
    expect(cli(['pin', file, '--path', '1']).stderr).toContain('pin needs --name');
  });
});
