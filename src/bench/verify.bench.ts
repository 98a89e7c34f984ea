// npm run bench -- verify: what verifying a result costs the server, for a typical transcript and
// for the worst one it accepts. Typical: each shipped call (English) played as the game records
// it, time in 100 ms ticks. Worst: the same call with every wait sent as the most TICK events a
// transcript may have in a row (session/tickRuns.ts) — short ticks of 1 and 2 ms in turn, each a
// step of its own, then the rest of the wait as one run. Each pair is timed side by side (best of
// RUNS, interleaved), so the ratio holds on a busy machine. Also: how long refusing the 9,000-tick
// transcript of issue 16 takes (it used to be replayed, at 238–380 ms).
import { finished } from '../../tests/server/playCall.js';
import { shippedCalls } from '../../tests/support/shipped.js';
import { MAX_TICK_RUNS_IN_A_ROW, replay, TranscriptError, type Scenario, type Transcript, type TranscriptEvent } from '../engine/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);

/** The same call with each wait as MAX_TICK_RUNS_IN_A_ROW TICK events: single 1 ms and 2 ms ticks, then one run for the rest. */
export function worstAccepted(t: Transcript): Transcript {
  const events: TranscriptEvent[] = [];
  let wait = 0;
  const flush = () => {
    let left = wait;
    for (let i = 0; i < MAX_TICK_RUNS_IN_A_ROW - 1 && left > 3; i++) {
      const ms = 1 + (i % 2);
      events.push({ type: 'TICK', ms });
      left -= ms;
    }
    if (left > 0) events.push(left === 1 ? { type: 'TICK', ms: 1 } : { type: 'TICK', ms: 1, repeat: left });
    wait = 0;
  };
  for (const e of t.events) {
    if (e.type === 'TICK') wait += e.ms * (e.repeat ?? 1);
    else {
      if (wait > 0) flush();
      events.push(e);
    }
  }
  if (wait > 0) flush();
  return { ...t, events };
}

function best(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

const verify = (s: Scenario, t: Transcript) => () => void replay(s, t, { requireEnd: true });

export async function run(): Promise<void> {
  const calls = shippedCalls().filter((s) => s.locale === 'en');
  const rows: { id: string; turns: number; events: [number, number]; typical: number; worst: number }[] = [];
  for (const s of calls) {
    // The longest of a few plays, answering with each reply position in turn.
    const plays = [1, 2, 3].map((k) => finished(s, { seed: k, pick: (turn, count) => 1 + ((turn + k) % count) }));
    const typical = plays.reduce((a, b) => (b.score.turns > a.score.turns ? b : a)).transcript;
    const worst = worstAccepted(typical);
    const a = replay(s, typical, { requireEnd: true });
    const b = replay(s, worst, { requireEnd: true });
    if (b.score.overall !== a.score.overall || b.score.turns !== a.score.turns) throw new Error(`${s.id}: the worst transcript plays another call (${b.score.turns} turns, ${b.score.overall}) than the typical (${a.score.turns}, ${a.score.overall})`);
    let t = Infinity;
    let w = Infinity;
    for (let i = 0; i < RUNS; i++) {
      t = Math.min(t, best(verify(s, typical)));
      w = Math.min(w, best(verify(s, worst)));
    }
    rows.push({ id: s.id, turns: a.score.turns, events: [typical.events.length, worst.events.length], typical: t, worst: w });
  }

  console.log(`verification of a result (replay, best of ${RUNS}); at most ${MAX_TICK_RUNS_IN_A_ROW} TICK events in a row`);
  console.log('| call | turns | events typical / worst | typical ms | worst ms | worst / typical | worst ms per turn |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.id} | ${r.turns} | ${r.events[0]} / ${r.events[1]} | ${r.typical.toFixed(2)} | ${r.worst.toFixed(2)} | ${(r.worst / r.typical).toFixed(2)} | ${(r.worst / r.turns).toFixed(3)} |`);
  }
  const ratio = Math.max(...rows.map((r) => r.worst / r.typical));
  const perTurn = Math.max(...rows.map((r) => r.worst / r.turns));
  console.log(`\nworst accepted against typical: at most ${ratio.toFixed(2)}×; the worst accepted costs at most ${perTurn.toFixed(3)} ms a turn`);

  // The transcript of issue 16: 9,000 ticks of 1 ms and 2 ms in turn before a real call.
  const first = calls.find((s) => s.id === 'first-call')!;
  const real = finished(first, { seed: 3 }).transcript;
  const forged = { ...real, events: [...Array.from({ length: 9000 }, (_, i): TranscriptEvent => ({ type: 'TICK', ms: 1 + (i % 2) })), ...real.events] };
  let refused = Infinity;
  for (let i = 0; i < RUNS; i++) {
    refused = Math.min(
      refused,
      best(() => {
        try {
          replay(first, forged, { requireEnd: true });
          throw new Error('the 9,000-tick transcript was accepted');
        } catch (e) {
          if (!(e instanceof TranscriptError && e.code === 'too-many-ticks')) throw e;
        }
      }),
    );
  }
  console.log(`9,000 alternating 1 ms / 2 ms ticks (${JSON.stringify(forged).length.toLocaleString('en')} bytes): refused (too-many-ticks) in ${refused.toFixed(2)} ms`);
}
