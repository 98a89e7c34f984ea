// The page side of `npm run bench -- match`: the calls loaded and the matcher timed in the
// browser, exactly as the game runs it. Bundled by match.bench.ts; exposes one global.
import { loadScenarioFiles, type Scenario, type SourceText } from '../engine/index.js';
import { matchReply } from '../engine/match/index.js';

export interface Trial {
  readonly call: string;
  readonly node: string;
  readonly text: string;
}

/** Per trial, the mean ms of one matchReply over `reps` calls (after one call that builds the node's index). */
export function timeTrials(sources: readonly SourceText[], trials: readonly Trial[], reps: number): number[] {
  const calls = new Map<string, Scenario>();
  for (const r of loadScenarioFiles(sources)) if (r.ok) calls.set(`${r.scenario.id}.${r.scenario.locale}`, r.scenario);
  return trials.map((t) => {
    const s = calls.get(t.call)!;
    const offered = s.nodes.get(t.node)!.replies.map((r) => r.id);
    matchReply(s, t.node, offered, t.text);
    const start = performance.now();
    for (let i = 0; i < reps; i++) matchReply(s, t.node, offered, t.text);
    return (performance.now() - start) / reps;
  });
}

(globalThis as { htlMatchBench?: typeof timeTrials }).htlMatchBench = timeTrials;
