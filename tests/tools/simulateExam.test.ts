// simulate --mode exam --think: the trainee takes that long per decision. Time reaches the
// engine only as TICK events on its Session, so what it reports must be what a Session left to
// run for the same time reports, and its transcript must replay to the same scores.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session, TICK_MS, replay } from '../../src/engine/index.js';
import { parsePath, playPath } from '../../src/tools/simulate/playPath.js';
import { simulateCall } from '../../src/tools/simulate/simulateCall.js';
import { SCENARIOS, cli, load } from './support.js';

const call = load(readFileSync(join(SCENARIOS, 'update-warning.json'), 'utf8'), join(SCENARIOS, 'update-warning.json'));
const ideal = parsePath(simulateCall(call).idealPath!.path);

describe('simulate --think', () => {
  it('drains patience while the trainee thinks, as a Session left to run for that long does', () => {
    const played = playPath(call, ideal, { mode: 'exam', thinkMs: 5_000 });
    expect(played.pacing.map((p) => p.result)).toEqual(ideal.map(() => 'answered'));
    expect(played.stopped).toBeNull();
    // The first decision by hand: answer, let 5 s pass, look at the patience.
    const s = new Session(call, { seed: 1, mode: 'exam' });
    s.answer();
    const before = s.view.patience;
    s.ticks(TICK_MS, 5_000 / TICK_MS);
    expect(played.pacing[0]).toMatchObject({ turn: 1, node: call.start, patienceAtStart: before, patienceAtEnd: s.view.patience, thoughtMs: 5_000, timerMs: s.view.timer!.totalMs });
    s.stop();
    expect(played.pacing[0]!.patienceAtEnd).toBeLessThan(before);
    // Thinking costs patience and nothing else here: the same ending and scores as at once.
    const atOnce = playPath(call, ideal, { mode: 'exam' });
    expect(played.turns.at(-1)!.patienceAfter).toBeLessThan(atOnce.turns.at(-1)!.patienceAfter);
    expect([played.ending?.node, played.score.overall]).toEqual([atOnce.ending?.node, atOnce.score.overall]);
    // The transcript holds the thinking time and replays to the same scores.
    expect(replay(call, played.transcript, { requireEnd: true }).score).toEqual(played.score);
    expect(played.transcript.events.some((e) => e.type === 'TICK')).toBe(true);
  });

  it('reports a hang-up when patience runs out while thinking, and stops there', () => {
    const played = playPath(call, ideal, { mode: 'exam', thinkMs: 30_000 });
    const last = played.pacing.at(-1)!;
    expect(last).toMatchObject({ result: 'hung-up', patienceAtEnd: 0 });
    expect(last.thoughtMs).toBeLessThan(30_000);
    expect(played.pacing.slice(0, -1).every((p) => p.result === 'answered')).toBe(true);
    expect(played.ending?.outcome).toBe('hung-up');
    expect(played.stopped).toMatch(new RegExp(`hung up at ${last.node} while the trainee was thinking; move ${played.pacing.length} and after were not played`));
    expect(replay(call, played.transcript, { requireEnd: true }).score).toEqual(played.score);
  });

  it('reports the timer running out before the answer', () => {
    const played = playPath(call, ideal, { mode: 'exam', thinkMs: 40_000 });
    expect(played.pacing).toEqual([expect.objectContaining({ turn: 1, result: 'timed-out', thoughtMs: played.pacing[0]!.timerMs })]);
    expect(played.turns[0]!.move).toBe('(said nothing: the timer ran out)');
    expect(played.stopped).toMatch(/^the timer \(35 s\) ran out at opening before the trainee answered \(thinking 40 s\)/);
  });

  it('on the command line: the ideal path by default, patience each turn; bad values are wrong usage', () => {
    const r = cli(['simulate', 'scenarios/update-warning.json', '--think', '30']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('exam pacing: the trainee takes 30 s per decision');
    expect(r.stdout).toMatch(/^ {2}thinking: patience 80 → \d+ while waiting \(timer 35 s\); answered after 30 s$/m);
    expect(r.stdout).toMatch(/the customer hung up after [\d.]+ s, before the answer/);
    expect(r.stdout).toMatch(/^pacing: lowest patience 0, 0 timeout\(s\), the customer hung up$/m);
    const withPath = cli(['simulate', 'scenarios/update-warning.json', '--think', '40', '--path', '1,1', '--json']);
    expect(JSON.parse(withPath.stdout).pacing).toHaveLength(1);
    for (const bad of [['--think', 'soon'], ['--think', '-1'], ['--think', '5', '--mode', 'practice']]) {
      const wrong = cli(['simulate', 'scenarios/update-warning.json', ...bad]);
      expect([bad, wrong.status]).toEqual([bad, 2]);
    }
    expect(cli(['simulate', 'scenarios/update-warning.json', '--think', 'soon']).stderr).toContain('--think is the seconds the trainee takes per decision (e.g. 8 or 2.5), not "soon"');
  }, 60_000);
});
