// npm run bench -- engine: how the engine scales with the size of a call. Generated calls of
// 1,000 / 10,000 / 100,000 nodes are validated (parse, schema, references, defaults), compiled to
// an xstate machine, and played choice by choice. Times per node show whether growth is linear.
import { PerformanceObserver } from 'node:perf_hooks';
import { Session, compileScenario, loadScenario, type Scenario } from '../engine/index.js';
import { generateScenario } from '../tools/generate/generateScenario.js';
import { timeOwn } from './collect.js';

const SIZES = [1_000, 10_000, 100_000];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

/** Median time of one choice (reply landing, next node entered), over a long walk. */
function stepTime(s: Scenario, choices: number): number {
  const times: number[] = [];
  let session = new Session(s, { seed: 1, mode: 'practice' });
  session.answer();
  while (times.length < choices) {
    if (session.ended) {
      session.stop();
      session = new Session(s, { seed: times.length, mode: 'practice' });
      session.answer();
    }
    const n = 1 + (times.length % session.view.replies.length);
    const [, ms] = time(() => session.choose(n));
    times.push(ms);
    // An action runs to its end in one tick; that is time passing, not a choice.
    if (session.view.work) session.send({ type: 'TICK', ms: Math.min(60_000, session.view.work.leftMs) });
  }
  session.stop();
  return median(times);
}

export async function run(): Promise<void> {
  // Warm the JIT first, so the smallest size is not charged for it.
  for (let i = 0; i < 3; i++) {
    const warm = loadScenario(generateScenario(1_000, 7), 'warm-up.json');
    if (warm.ok) stepTime(warm.scenario, 200), compileScenario(warm.scenario);
  }
  const rows: { nodes: number; bytes: number; parse: number; validate: number; compile: number; gc: number; step: number }[] = [];
  // The main thread's garbage-collection pauses (reported a moment after they happen).
  let paused = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) paused += e.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  for (const nodes of SIZES) {
    const text = generateScenario(nodes, 42);
    // The same work at every size, 200,000 nodes of it (the 1,000-node call 200 times, the
    // 100,000-node call twice), and its mean: each row pays its share of garbage collection,
    // which a median of five small runs left out.
    const runs = 200_000 / nodes;
    // The runtime's own linear work on the same file, for comparison, in runs of its own (as
    // the tools bench times it): JSON.parse makes the file's objects and nothing else, and
    // validation starts by doing just that. It also leaves nothing of the size before to
    // collect on validation's time.
    const parse = timeOwn(runs, () => JSON.parse(text));
    let validate = 0;
    let compile = 0;
    let scenario: Scenario | null = null;
    await new Promise((resolve) => setTimeout(resolve, 20));
    paused = 0;
    for (let i = 0; i < runs; i++) {
      scenario = null; // the last run's call is not kept alive through this one's
      const [loaded, v] = time(() => loadScenario(text, `generated-${nodes}.json`));
      if (!loaded.ok) throw new Error(`generated scenario does not load: ${loaded.diagnostics[0]?.message}`);
      scenario = loaded.scenario;
      validate += v;
      compile += time(() => compileScenario(loaded.scenario))[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const gc = paused / (validate + compile);
    rows.push({ nodes, bytes: text.length, parse, validate: validate / runs, compile: compile / runs, gc, step: stepTime(scenario!, 2000) });
  }
  observer.disconnect();
  const base = rows[0]!;
  const perNode = (ms: number, n: number) => ((ms * 1000) / n).toFixed(1);
  console.log('| nodes | file | validate ms | compile ms | µs/node validate | µs/node JSON.parse | µs/node compile | choice step µs (median) | validate+compile vs 1k, per node | validate+compile in GC |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const scale = ((r.validate + r.compile) / r.nodes / ((base.validate + base.compile) / base.nodes)).toFixed(2);
    console.log(
      `| ${r.nodes.toLocaleString('en')} | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.validate.toFixed(0)} | ${r.compile.toFixed(0)} | ${perNode(r.validate, r.nodes)} | ${perNode(r.parse, r.nodes)} | ${perNode(r.compile, r.nodes)} | ${(r.step * 1000).toFixed(0)} | ${scale}× | ${(r.gc * 100).toFixed(0)}% |`,
    );
  }
  console.log('\nLinear growth shows as a constant time per node (validate+compile vs 1k near 1×). A choice costs the same whatever the size of the call.');
  console.log('JSON.parse: the same file parsed by JSON.parse alone, just before — the runtime\'s own linear work, whose time per node shows what this machine adds at each size.');
  console.log('In GC: the share of validating and compiling the main thread spent paused for garbage collection.');
}
