// "My history" in the game's flow: reachable from the title and the picker, BACK returning to
// where it was opened; a reopened call's debrief goes back to the history, and Try again plays
// that call again in its mode; a call played after it makes the debrief an ordinary one again.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { SCENES } from '../../src/game/config.js';
import { sceneFor } from '../../src/game/flow/director.js';
import { flowMachine, type CallRef, type FinishedCall } from '../../src/game/flow/flowMachine.js';

const calls: CallRef[] = [
  { id: 'first-call', locale: 'en' },
  { id: 'late-defect', locale: 'pl' },
];

function started() {
  const a = createActor(flowMachine).start();
  a.send({ type: 'LOADED', calls, launch: null, player: { name: 'Anna', team: 'Desk' }, offline: false });
  return a;
}
const scene = (a: ReturnType<typeof started>) => sceneFor(a.getSnapshot());
const kept = { selection: { id: 'late-defect', locale: 'pl', mode: 'exam' } } as FinishedCall;

describe('my history in the flow', () => {
  it('opens from the title and from the picker, and BACK returns to each', () => {
    const a = started();
    a.send({ type: 'HISTORY' });
    expect(scene(a)).toBe(SCENES.history);
    a.send({ type: 'BACK' });
    expect(scene(a)).toBe(SCENES.title);
    a.send({ type: 'PLAY' });
    a.send({ type: 'HISTORY' });
    expect(scene(a)).toBe(SCENES.history);
    a.send({ type: 'BACK' });
    expect(scene(a)).toBe(SCENES.picker);
    a.send({ type: 'HISTORY' });
    a.send({ type: 'PICKER' });
    expect(scene(a)).toBe(SCENES.picker);
  });

  it('reopens a call in the debrief; BACK goes to the history; Try again plays that call in its mode', () => {
    const a = started();
    a.send({ type: 'HISTORY' });
    a.send({ type: 'OPEN_ENTRY', finished: kept });
    expect(scene(a)).toBe(SCENES.debrief);
    expect(a.getSnapshot().context).toMatchObject({ finished: kept, reopened: kept, selection: kept.selection });
    a.send({ type: 'BACK' });
    expect(scene(a)).toBe(SCENES.history);
    a.send({ type: 'OPEN_ENTRY', finished: kept });
    a.send({ type: 'RETRY' });
    expect(scene(a)).toBe(SCENES.call);
    expect(a.getSnapshot().context.selection).toEqual(kept.selection);
    // The call just played has its own debrief: BACK is not the history's there.
    a.send({ type: 'ENDED', finished: { selection: kept.selection } as FinishedCall });
    a.send({ type: 'BACK' });
    expect(scene(a)).toBe(SCENES.debrief);
  });

  it('keeps the history behind the leaderboard and settings opened from it', () => {
    const a = started();
    a.send({ type: 'HISTORY' });
    a.send({ type: 'SETTINGS' });
    expect(scene(a)).toBe(SCENES.settings);
    a.send({ type: 'BACK' });
    expect(scene(a)).toBe(SCENES.history);
  });
});
