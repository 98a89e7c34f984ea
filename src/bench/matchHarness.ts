// The page side of `npm run bench -- match`: the calls loaded and the matcher timed in the
// browser, exactly as the game runs it. Bundled by match.bench.ts (and tests/match/browserParity.test.ts); exposes two globals.
import { loadScenarioFiles, type Scenario, type SourceText } from '../engine/index.js';
import { matchReply, type MatchResult } from '../engine/match/index.js';

export interface Trial {
  readonly call: string;
  readonly node: string;
  readonly text: string;
}

function load(sources: readonly SourceText[]): Map<string, Scenario> {
  const calls = new Map<string, Scenario>();
  for (const r of loadScenarioFiles(sources)) if (r.ok) calls.set(`${r.scenario.id}.${r.scenario.locale}`, r.scenario);
  return calls;
}

/** What the matcher says of each trial (all the node's replies on offer). */
export function matchTrials(sources: readonly SourceText[], trials: readonly Trial[]): MatchResult[] {
  const calls = load(sources);
  return trials.map((t) => {
    const s = calls.get(t.call)!;
    return matchReply(s, t.node, s.nodes.get(t.node)!.replies.map((r) => r.id), t.text);
  });
}

/** Per trial, the mean ms of one matchReply over `reps` calls, the best of three rounds (after one call that builds the node's index). */
export function timeTrials(sources: readonly SourceText[], trials: readonly Trial[], reps: number): number[] {
  const calls = load(sources);
  return trials.map((t) => {
    const s = calls.get(t.call)!;
    const offered = s.nodes.get(t.node)!.replies.map((r) => r.id);
    matchReply(s, t.node, offered, t.text);
    // The best of three rounds: a round the machine spent elsewhere (another process, a GC) says nothing of the matcher.
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      for (let i = 0; i < reps; i++) matchReply(s, t.node, offered, t.text);
      best = Math.min(best, (performance.now() - start) / reps);
    }
    return best;
  });
}

(globalThis as { htlMatchBench?: typeof timeTrials; htlMatchTrials?: typeof matchTrials }).htlMatchBench = timeTrials;
(globalThis as { htlMatchTrials?: typeof matchTrials }).htlMatchTrials = matchTrials;
