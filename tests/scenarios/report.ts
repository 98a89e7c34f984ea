// Prints what the scenario tests measure, per call: npx tsx tests/scenarios/report.ts [file.json …]
// (no arguments: every file in scenarios/).
import { examRun, loadScenarioFile, measure, replyIds, scenarioFileNames } from './support/analysis.js';

const names = process.argv.slice(2).map((a) => a.replace(/^.*\//, ''));
for (const name of names.length > 0 ? names : scenarioFileNames()) {
  const s = loadScenarioFile(name);
  const m = measure(s);
  const b = m.bounds;
  const fmt = (d: keyof typeof b) => `${d} ${b[d].best}/${b[d].worst}`;
  console.log(`${name}  (${m.states} states)`);
  console.log(`  best/worst: ${fmt('politeness')}, ${fmt('accuracy')}, ${fmt('judgment')}`);
  const outcomes = [...new Set(m.endings.values())];
  console.log(`  endings (${m.endings.size}; outcomes ${outcomes.join(', ')}): ${[...m.endings.keys()].join(', ')}`);
  if (m.ideal) console.log(`  ideal path (${m.ideal.edges.length} decisions, ${m.ideal.cost} points lost): ${replyIds(m.ideal).join(' → ')}`);
  else console.log('  ideal path: NONE');
  if (m.ideal) {
    const runs = [8_000, 12_000, 16_000].map((ms) => {
      const r = examRun(s, m.ideal!, ms);
      return `${ms / 1000} s → ${r.ending ?? 'unfinished'} (patience ${r.patience})`;
    });
    console.log(`  exam, thinking per decision: ${runs.join('; ')}`);
  }
}
