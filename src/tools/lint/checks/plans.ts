// Golden plans (`<call id>.plans.json` beside a call, written by `scenario pin`): each plan must
// still play as written on the call and on each of its translations, and end as pinned. A plan
// that no longer does is an error in the plan file, naming the plan and the first step that
// differs (or every pinned value that does), and the file of the call it was played on.
import type { Diagnostic, Scenario } from '../../../engine/index.js';
import { loadScenario } from '../../../engine/index.js';
import { callIdOfPlans, isPlansFile, parsePlanFile, plansFileFor } from '../../plans/planFile.js';
import { planDifferences } from '../../plans/playPlan.js';
import { LINT_CODES } from '../codes.js';
import type { LintEnv } from '../context.js';
import type { Loaded } from './acrossFiles.js';

export { isPlansFile };

const baseOf = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** Checks one plan file's plans on every call given (the original and its translations). */
function checkPlanFile(file: string, text: string, calls: readonly { file: string; scenario: Scenario }[], out: Diagnostic[]): void {
  const parsed = parsePlanFile(text, file);
  if (!parsed.ok) {
    out.push(...parsed.diagnostics);
    return;
  }
  const id = callIdOfPlans(file);
  if (calls.length === 0) {
    out.push(parsed.doc.diagnostic([], LINT_CODES['plan-mismatch'], 'plan-mismatch', `no call with id "${id}" beside this plan file`, `a plan file is named after its call: ${id}.plans.json beside ${id}.json`));
    return;
  }
  parsed.plans.forEach((plan, i) => {
    for (const call of calls) {
      const diffs = planDifferences(call.scenario, plan);
      if (diffs.length === 0) continue;
      const first = diffs[0]!;
      const path = 'step' in first.at ? ['plans', i, 'steps', first.at.step] : first.at.expect ? ['plans', i, 'expect', first.at.expect] : ['plans', i, 'steps'];
      out.push(
        parsed.doc.diagnostic(
          path,
          LINT_CODES['plan-mismatch'],
          'plan-mismatch',
          `plan "${plan.name}" no longer plays as pinned on ${baseOf(call.file)}: ${diffs.map((d) => d.message).join('; ')}`,
          `if the change to the call is meant, pin the plan again: npm run scenario -- pin ${call.file} --path ${plan.steps.map((s) => s[1]).join(',')}${plan.mode ? ` --mode ${plan.mode}` : ''}${plan.seed !== undefined ? ` --seed ${plan.seed}` : ''} --name "${plan.name}"`,
        ),
      );
      break; // one message per plan: the first file it fails on
    }
  });
}

/**
 * The plan files of the calls linted (read through env.readFile, when the caller can read),
 * and any plan files named among the sources, each checked on the calls of its id.
 */
export function checkPlans(loaded: readonly Loaded[], planSources: readonly { file: string; text: string }[], env: LintEnv, out: Diagnostic[]): void {
  const files = new Map<string, string | null>();
  for (const src of planSources) files.set(src.file, src.text);
  if (env.readFile) for (const l of loaded) {
    const file = plansFileFor(l.file, l.scenario.id);
    if (!files.has(file)) files.set(file, env.readFile(file));
  }
  for (const [file, text] of files) {
    if (text === null) continue;
    const id = callIdOfPlans(file);
    const calls = loaded.filter((l) => l.scenario.id === id && plansFileFor(l.file, id) === file);
    if (calls.length === 0 && env.readFile) {
      // A plan file named alone: its call is the file of its id beside it.
      const callFile = file.slice(0, -'.plans.json'.length) + '.json';
      const callText = env.readFile(callFile);
      const result = callText === null ? null : loadScenario(callText, callFile);
      if (result?.ok) calls.push({ file: callFile, doc: result.doc, scenario: result.scenario });
    }
    checkPlanFile(file, text, calls, out);
  }
}
