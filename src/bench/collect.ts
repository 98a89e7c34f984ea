// Garbage collection on demand, for benches that compare sizes: each measurement is charged
// with collecting exactly the garbage it made, no more and no less.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// node's --expose-gc, turned on from here: `npm run bench` needs no flag.
setFlagsFromString('--expose-gc');

/** A full garbage collection, now. */
export const collect = runInNewContext('gc') as () => void;

/**
 * The mean of `runs` timings of `f`, charged with collecting exactly the garbage they made:
 * what an earlier measurement left is collected before the clock starts, and what these runs
 * left before it stops. Where sizes take turns, a 1,000-node row would otherwise pay for the
 * 100,000-node row before it, and the last of a few large runs would leave its garbage unpaid.
 */
export function timeOwn(runs: number, f: () => void): number {
  collect();
  return timeThenCollect(runs, f);
}

/** The mean of `runs` timings of `f`, the clock stopped once their garbage is collected. */
export function timeThenCollect(runs: number, f: () => void): number {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  collect();
  return (performance.now() - t0) / runs;
}
