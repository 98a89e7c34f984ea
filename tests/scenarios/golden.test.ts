// Golden plans: every `<id>.plans.json` in scenarios/ (written by `npm run scenario -- pin`)
// played step by step on the real Session — replies picked by id — on the call and on every
// translation of it, with the ending and every score pinned. The order the replies are shown in
// must not matter (another seed plays the same), and the server's replay must agree. A change to
// a call that moves any of these numbers must be deliberate: pin the plan again in the same commit.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadScenarioFiles, replay, type Scenario } from '../../src/engine/index.js';
import { scenarioFilesIn } from '../../src/tools/folder/scenarioFolder.js';
import { callIdOfPlans, isPlansFile, parsePlanFile, type Plan } from '../../src/tools/plans/planFile.js';
import { expectationOf, playPlan } from '../../src/tools/plans/playPlan.js';
import { LIBRARY, SCENARIO_DIR } from './support/analysis.js';

/** Every call in scenarios/, loaded as the game loads them (string tables composed with their original). */
function calls(): { file: string; scenario: Scenario }[] {
  const files = scenarioFilesIn(SCENARIO_DIR);
  return loadScenarioFiles(files.map((file) => ({ file, text: readFileSync(file, 'utf8') }))).map((r) => {
    if (!r.ok) throw new Error(`${r.file} does not load:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
    return { file: r.file.slice(SCENARIO_DIR.length + 1), scenario: r.scenario };
  });
}

function plansOf(name: string): readonly Plan[] {
  const file = join(SCENARIO_DIR, name);
  const parsed = parsePlanFile(readFileSync(file, 'utf8'), `scenarios/${name}`);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
  return parsed.plans;
}

const planFiles = readdirSync(SCENARIO_DIR).filter(isPlansFile).sort();
const all = calls();

describe('golden plan files', () => {
  it('every call of the library has its plans, and every plan file has its call', () => {
    expect(planFiles.map(callIdOfPlans)).toEqual(expect.arrayContaining([...LIBRARY]));
    for (const name of planFiles) expect(all.some((c) => c.scenario.id === callIdOfPlans(name)), name).toBe(true);
  });
});

const cases = planFiles.flatMap((name) => {
  const id = callIdOfPlans(name);
  return all.filter((c) => c.scenario.id === id).map((c) => ({ name, file: c.file, scenario: c.scenario }));
});

describe.each(cases)('$file ($name)', ({ name, scenario }) => {
  for (const plan of plansOf(name)) {
    it(plan.name, () => {
      const played = playPlan(scenario, plan);
      expect(played.stopped).toBeNull();
      expect(expectationOf(played)).toEqual(plan.expect);
      expect(played.score.turns).toBe(plan.steps.length);
      // The order the replies are shown in must not matter, and the server's replay must agree.
      const other = playPlan(scenario, plan, (plan.seed ?? 1) + 976);
      expect(other.score).toEqual(played.score);
      expect(replay(scenario, played.session.transcript(), { requireEnd: true }).score).toEqual(played.score);
      played.session.stop();
      other.session.stop();
    });
  }
});
