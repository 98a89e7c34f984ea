// npm run bench -- tools: lint and simulate on generated calls of 1,000 / 10,000 / 100,000
// nodes (time should grow about linearly with the size), and, side by side in the same run,
// simulate against path enumeration with xstate/graph's getSimplePaths on calls small enough
// for enumeration to finish — showing why the tools work over states, not paths.
import { PerformanceObserver } from 'node:perf_hooks';
import { getSimplePaths } from 'xstate/graph';
import { compileScenario, loadScenario, type Scenario, type SessionContext, type SessionEvent } from '../engine/index.js';
import { generateScenario } from '../tools/generate/generateScenario.js';
import { lintScenarios } from '../tools/lint/lintScenarios.js';
import { buildStateGraph } from '../engine/index.js';
import { simulateCall } from '../tools/simulate/simulateCall.js';
import { collect, timeOwn, timeThenCollect } from './collect.js';

const SEED = 1;
const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

function loaded(text: string): Scenario {
  const r = loadScenario(text, 'generated.json');
  if (!r.ok) throw new Error('generated scenario does not load');
  return r.scenario;
}

/** The mean of `runs` timings: what the work costs with the garbage collection it causes. */
function time(runs: number, f: () => void): number {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  return ms(t0) / runs;
}

/**
 * The mean time of `runs` runs of `f`, charged as timeOwn charges it, and the share of it the
 * main thread spent paused for garbage collection: growth that the share does not account for
 * is the work's own. (The pauses are reported a moment after they happen, hence the wait.)
 */
async function gcShare(runs: number, f: () => void): Promise<{ ms: number; gc: number }> {
  let paused = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) paused += e.duration;
  });
  collect();
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.observe({ entryTypes: ['gc'] });
  const t = timeThenCollect(runs, f);
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return { ms: t, gc: paused / runs / t };
}

const pct = (share: number) => `${(share * 100).toFixed(0)}%`;

const SIZES = [1_000, 10_000, 100_000];
/**
 * Each size is measured in this many rounds, the sizes taking turns (1,000, 10,000, 100,000,
 * then again): a machine that speeds up or slows down over the minutes of a run then moves
 * every row alike, instead of the row that happened to run at the time.
 */
const ROUNDS = 4;
/** Nodes of work per size and round: the 1,000-node call 100 times, the 100,000-node call once. */
const PER_ROUND = 100_000;

interface Row {
  parse: number;
  load: number;
  lint: number;
  lintPaused: number;
  sim: number;
  simPaused: number;
}

async function scaling(): Promise<void> {
  // Warm up the JIT on a small call first, so the first row is not paying for it: both tools.
  const warm = generateScenario(2000, 99);
  for (let i = 0; i < 3; i++) {
    lintScenarios([{ file: 'warm.json', text: warm }], { fileExists: () => true });
    simulateCall(loaded(warm));
  }
  const texts = SIZES.map((nodes) => generateScenario(nodes, SEED));
  const sums: Row[] = SIZES.map(() => ({ parse: 0, load: 0, lint: 0, lintPaused: 0, sim: 0, simPaused: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [j, nodes] of SIZES.entries()) {
      const text = texts[j]!;
      const sum = sums[j]!;
      // The same work at every size, PER_ROUND nodes of it each round: the 1,000-node call
      // 100 times, the 100,000-node call once. So each row pays its share of garbage
      // collection, which a large call cannot escape and a best of a few 60 ms runs at 1,000
      // nodes left out (that best also moved by half from one bench run to the next, and every
      // growth figure is divided by it).
      const runs = PER_ROUND / nodes;
      // The runtime's own linear work on the same file, side by side: JSON.parse makes the
      // file's objects and nothing else, so its growth is what this machine's memory adds to
      // any work that reads a call of that size.
      sum.parse += runs * timeOwn(runs, () => JSON.parse(text));
      // Each tool is timed with nothing alive but what it makes itself (and the texts): a call
      // loaded or a graph built for another row would be garbage collected on the tool's time.
      sum.load += runs * timeOwn(runs, () => loadScenario(text, 'generated.json'));
      const lint = await gcShare(runs, () => {
        const ds = lintScenarios([{ file: 'generated.json', text }], { fileExists: () => true });
        if (ds.some((d) => d.severity === 'error')) throw new Error(`generated call has lint errors: ${ds[0]!.message}`);
      });
      sum.lint += runs * lint.ms;
      sum.lintPaused += runs * lint.ms * lint.gc;
      const s = loaded(text);
      const sim = await gcShare(runs, () => simulateCall(s));
      sum.sim += runs * sim.ms;
      sum.simPaused += runs * sim.ms * sim.gc;
    }
  }
  const runsOf = (j: number) => (ROUNDS * PER_ROUND) / SIZES[j]!;
  const mean = (j: number, k: keyof Row) => sums[j]![k] / runsOf(j);
  const growth = (j: number, k: keyof Row) => `${((mean(j, k) / mean(0, k)) / (SIZES[j]! / SIZES[0]!)).toFixed(2)}`;
  const rows = SIZES.map((nodes, j) => {
    const states = buildStateGraph(loaded(texts[j]!), { timeouts: false, hangUp: false }).states.length;
    const [load, lint, sim] = [mean(j, 'load'), mean(j, 'lint'), mean(j, 'sim')];
    return [
      nodes.toLocaleString('en'),
      states.toLocaleString('en'),
      fmt(load),
      fmt(lint),
      fmt(lint - load),
      fmt(sim),
      fmt(load + sim),
      growth(j, 'lint'),
      growth(j, 'sim'),
      growth(j, 'parse'),
      pct(sums[j]!.lintPaused / sums[j]!.lint),
      pct(sums[j]!.simPaused / sums[j]!.sim),
    ];
  });
  table(
    ['nodes', 'states', 'load ms', 'lint ms', 'lint − load', 'simulate ms', 'load+simulate', 'lint growth', 'simulate growth', 'JSON.parse growth', 'lint in GC', 'simulate in GC'],
    rows,
  );
  console.log('growth = (time / time at 1,000 nodes) / (nodes / 1,000): 1.00 is exactly linear.');
  console.log(`Sizes take turns over ${ROUNDS} rounds; every figure is the mean over all of them.`);
  console.log('JSON.parse growth: the same figure for JSON.parse of the same file, in the same rounds — the runtime\'s own linear work, for comparison.');
  console.log('in GC = the share of that time the main thread spent paused for garbage collection.');
}

/** The trainee's choices as xstate events: replies, and time for a running action to finish. */
const events = (snapshot: { context: SessionContext }): SessionEvent[] => {
  const c = snapshot.context;
  if (c.phase === 'ringing') return [{ type: 'ANSWER' }];
  if (c.phase === 'listening') return c.order.map((_, i) => ({ type: 'CHOOSE', n: i + 1 }));
  if (c.phase === 'working') return [{ type: 'TICK', ms: c.work!.totalMs - c.waitMs }];
  return [];
};
const serialize = (snapshot: { context: SessionContext }) => {
  const c = snapshot.context;
  return `${c.phase}|${c.node}|${c.facts.join(',')}|${c.mood}|${c.patience}|${c.work?.reply ?? ''}`;
};

function enumeration(): void {
  const rows: string[][] = [];
  let last = 0;
  for (const nodes of [14, 17, 20, 23, 26, 29]) {
    const s = loaded(generateScenario(nodes, SEED));
    let count = 0;
    const enumerate = time(1, () => {
      count = getSimplePaths(compileScenario(s), { input: { seed: 1, mode: 'exam' }, events: events as never, serializeState: serialize as never }).length;
    });
    const sim = time(3, () => simulateCall(s));
    const states = buildStateGraph(s, { timeouts: false, hangUp: false }).states.length;
    rows.push([String(nodes), count.toLocaleString('en'), fmt(enumerate), states.toLocaleString('en'), fmt(sim), `${(enumerate / sim).toFixed(0)}×`]);
    // Paths multiply with each size: stop when the next would take over a minute (or exhaust memory).
    if (last > 0 && enumerate * (enumerate / last) > 60_000) break;
    last = enumerate;
  }
  table(['nodes', 'simple paths (getSimplePaths)', 'enumerate ms', 'states', 'simulate ms', 'enumerate / simulate'], rows);
}

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log([line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}

export async function run(): Promise<void> {
  console.log('lint and simulate on generated calls (seed 1):\n');
  await scaling();
  console.log('\nsimulate (over states) against path enumeration (xstate/graph getSimplePaths), same calls, same run:\n');
  enumeration();
}
