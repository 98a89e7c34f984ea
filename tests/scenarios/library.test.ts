// The scenario library's promises, proved on each call's state graph (the trainee's replies
// only: no hanging up, no letting the timer run out), not by hand: every skill can be aced
// and failed, there are several endings, the ideal path is long enough and has a slow action
// whose cost the customer feels, there is no shortcut to an A, every reply explains itself, the
// right reply is not the one that stands out, the ideal can be reached, every ideal ending can
// be reached with an A, and an ideal exam at a
// normal pace does not run the customer out of patience. And the whole library lints clean.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableReplies, bestPaths, subjectOf, formatDiagnostic, idealMet, type Scenario } from '../../src/engine/index.js';
import { lintScenarios } from '../../src/tools/lint/lintScenarios.js';
import { LIBRARY, SCENARIO_DIR, TRANSLATED, bestEndingWithin, examRun, loadScenarioFile, measure, type Measures } from './support/analysis.js';

const FILES = [
  ...LIBRARY.map((id) => `${id}.json`),
  ...Object.entries(TRANSLATED).flatMap(([id, locales]) => locales.map((l) => `${id}.${l}.json`)),
];

/** Calls whose ideal parting may come early: the caller who won't stop after a limit and a warning. */
const EARLY_PARTING = new Set(['abusive-caller']);

/** Every branch condition of every reply, flattened. */
function branchConditions(s: Scenario) {
  return [...s.nodes.values()].flatMap((n) => n.replies.flatMap((r) => r.next.map((b) => b.when).filter((c) => c !== null)));
}

describe.each(FILES)('%s', (file) => {
  // Loaded lazily, so that a broken or missing file fails its own tests, not the whole suite.
  let loaded: Scenario | undefined;
  let m: Measures | undefined;
  const scenario = () => (loaded ??= loadScenarioFile(file));
  const measures = () => (m ??= measure(scenario()));

  it('is named after its file and introduces its customer', () => {
    expect(file).toBe(scenario().locale === 'en' ? `${scenario().id}.json` : `${scenario().id}.${scenario().locale}.json`);
    expect(scenario().customer.persona.length).toBeGreaterThan(40);
    expect(scenario().brief.length).toBeGreaterThan(40);
  });

  it('gives feedback on every reply and every ending, and hints on the hard nodes', () => {
    const nodes = [...scenario().nodes.values()].filter((n) => !n.builtIn);
    for (const n of nodes) {
      for (const r of n.replies) expect(r.feedback?.trim(), `${n.id} → ${r.id}`).toBeTruthy();
      if (n.end) expect(n.feedback?.trim(), `ending ${n.id}`).toBeTruthy();
      if (n.timeout) expect(n.timeout.feedback?.trim(), `timeout at ${n.id}`).toBeTruthy();
    }
    expect(nodes.filter((n) => n.hint).length).toBeGreaterThanOrEqual(3);
  });

  it('discriminates: each skill can be aced (≥ 90) and failed (≤ 30)', () => {
    for (const [skill, b] of Object.entries(measures().bounds)) {
      expect(b.best, `best ${skill}`).toBeGreaterThanOrEqual(90);
      expect(b.worst, `worst ${skill}`).toBeLessThanOrEqual(30);
    }
  });

  it('has at least three distinct endings, with at least three outcomes', () => {
    const { endings } = measures();
    expect(endings.size).toBeGreaterThanOrEqual(3);
    expect(new Set(endings.values()).size).toBeGreaterThanOrEqual(3);
  });

  it('takes at least six decisions to play ideally, one of them a slow action the customer feels', () => {
    const { ideal, graph } = measures();
    expect(ideal, 'an ideal path').not.toBeNull();
    expect(ideal!.cost, 'the ideal path loses no points').toBe(0);
    expect(ideal!.edges.length).toBeGreaterThanOrEqual(6);
    const felt = ideal!.edges.some((e, i) => {
      if (e.move.kind !== 'reply' || e.move.reply.takesMs === 0) return false;
      const before = graph.states[ideal!.states[i]!]!.patience;
      const after = graph.states[ideal!.states[i + 1]!]!.patience;
      return before - after >= 5;
    });
    expect(felt, 'an action on the ideal path costs at least 5 patience').toBe(true);
  });

  it('cannot be played to an A in fewer than six decisions', () => {
    // Any way to end the call in five decisions or fewer scores below an A: no shortcuts —
    // except the lesson of the abusive caller: one who won't stop after a limit and a warning
    // may be parted with, politely, as soon as that is so (EARLY_PARTING).
    // (Every call's par is above five, so no turn is over par here.)
    expect(scenario().scoring.par ?? Infinity).toBeGreaterThan(5);
    const early = EARLY_PARTING.has(scenario().id);
    const quickest = bestEndingWithin(scenario(), measures().graph, 5, (e) => !(early && e.ideal && e.outcome === 'parted'));
    expect(quickest === null || quickest.overall < 90, `${quickest?.replies.join(' → ')} scores ${quickest?.overall}`).toBe(true);
  });

  it('can reach every ideal ending with everything it requires known', () => {
    const { graph } = measures();
    for (const ideal of scenario().ideal) {
      const reached = graph.states.some((st) => st.ending?.outcome === ideal.outcome && idealMet(ideal, st.facts));
      expect(reached, `${ideal.outcome} with ${ideal.requires.join(', ')}`).toBe(true);
    }
  });

  it('reaches every ideal ending with an A: due diligence, then the right ending, earns 90+', () => {
    const { graph } = measures();
    const paths = bestPaths(graph);
    const idealNodes = new Set(graph.states.filter((st) => st.ending?.ideal).map((st) => st.ending!.node));
    expect(idealNodes.size).toBeGreaterThan(0);
    for (const node of idealNodes) {
      const best = paths.endings.get(node)!;
      expect(best.ideal, `the cheapest way to ${node} is ideal`).toBe(true);
      expect(best.scores.overall, `${node}: ${JSON.stringify(best.lost)}`).toBeGreaterThanOrEqual(90);
    }
  });

  it('lets mood and patience change the course of the call', () => {
    const compares = branchConditions(scenario()).flatMap((c) => c.compare.map((x) => x.on));
    expect(compares).toContain('mood');
    expect(compares).toContain('patience');
  });

  it('does not give the right reply away by its length', () => {
    // A trainee who learns "pick the longest answer" must not ace the call: on the ideal path the
    // right reply is the longest on offer at no more than half the decisions, and no single
    // length rank (longest, second longest, …) holds for more than two thirds of them.
    const { ideal, graph } = measures();
    const ranks = ideal!.edges.map((e, i) => {
      const st = graph.states[ideal!.states[i]!]!;
      const offered = availableReplies(scenario().nodes.get(st.node)!, subjectOf(st));
      const chosen = e.move.kind === 'reply' ? e.move.reply : null;
      return offered.filter((r) => r.say.length > (chosen?.say.length ?? 0)).length + 1;
    });
    const count = (rank: number) => ranks.filter((r) => r === rank).length;
    expect(count(1), `ranks ${ranks.join(' ')}`).toBeLessThanOrEqual(ranks.length / 2);
    for (const rank of new Set(ranks)) expect(count(rank), `ranks ${ranks.join(' ')}`).toBeLessThanOrEqual((ranks.length * 2) / 3);
  });

  it('survives an exam played ideally at 12 seconds a decision', () => {
    const { ideal } = measures();
    const run = examRun(scenario(), ideal!, 12_000);
    expect(run.score.ideal, `ended at ${run.ending}`).toBe(true);
    expect(run.patience).toBeGreaterThan(0);
  });
});

describe('the library as a whole', () => {
  it('lints clean: no errors and no warnings, translations and voice files included', () => {
    const sources = FILES.map((name) => {
      const file = join(SCENARIO_DIR, name);
      return { file, text: readFileSync(file, 'utf8') };
    });
    expect(lintScenarios(sources, { fileExists: existsSync }).map(formatDiagnostic)).toEqual([]);
  });

  it('gives update-warning a voice in every language', () => {
    for (const name of ['update-warning.json', 'update-warning.ru.json', 'update-warning.pl.json']) {
      const s = loadScenarioFile(name);
      const voiced = [...s.nodes.values()].filter((n) => !n.builtIn && n.say !== '');
      expect(voiced.every((n) => n.voice === `voice/${s.id}/${s.locale}/${n.id}.webm`), name).toBe(true);
    }
  });
});
