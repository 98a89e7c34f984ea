// The game's flow: which screen follows which, and the scene each state shows.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { SCENES } from '../../src/game/config.js';
import { sceneFor } from '../../src/game/flow/director.js';
import { flowMachine, nextSelection, type CallRef, type FinishedCall } from '../../src/game/flow/flowMachine.js';

const calls: CallRef[] = [
  { id: 'first-call', locale: 'en' },
  { id: 'update-warning', locale: 'ru' },
  { id: 'never-satisfied', locale: 'en' },
];

function started(launch: { id: string; locale: string; mode: 'practice' | 'exam' } | null = null, player: { name: string; team: string } | null = null) {
  const a = createActor(flowMachine).start();
  a.send({ type: 'LOADED', calls, launch, player, offline: false });
  return a;
}

const scene = (a: ReturnType<typeof started>) => sceneFor(a.getSnapshot());
const finished = {} as FinishedCall;

describe('flow', () => {
  it('starts on the preloader and shows the title once loaded', () => {
    const a = createActor(flowMachine).start();
    expect(scene(a)).toBe(SCENES.preloader);
    a.send({ type: 'LOADED', calls, launch: null, player: null, offline: false });
    expect(scene(a)).toBe(SCENES.title);
  });

  it('opens the call from the address straight away, skipping sign-in', () => {
    const a = started({ id: 'update-warning', locale: 'ru', mode: 'practice' });
    expect(scene(a)).toBe(SCENES.call);
    expect(a.getSnapshot().context.selection).toEqual({ id: 'update-warning', locale: 'ru', mode: 'practice' });
  });

  it('asks a new player to sign in, and lets them play offline', () => {
    const a = started();
    a.send({ type: 'PLAY' });
    expect(scene(a)).toBe(SCENES.signIn);
    a.send({ type: 'OFFLINE' });
    expect(scene(a)).toBe(SCENES.picker);
    expect(a.getSnapshot().context.offline).toBe(true);
  });

  it('takes a signed-in player from the title to the picker', () => {
    const a = started(null, { name: 'Ada', team: 'Blue' });
    a.send({ type: 'PLAY' });
    expect(scene(a)).toBe(SCENES.picker);
    a.send({ type: 'SIGN_IN' });
    a.send({ type: 'SIGNED_IN', player: { name: 'Bo', team: 'Red' } });
    expect(a.getSnapshot().context.player).toEqual({ name: 'Bo', team: 'Red' });
  });

  it('goes call → debrief → retry, next call (wrapping) and back to the picker', () => {
    const a = started(null, { name: 'Ada', team: 'Blue' });
    a.send({ type: 'PLAY' });
    a.send({ type: 'PICK', selection: { id: 'never-satisfied', locale: 'en', mode: 'exam' } });
    expect(scene(a)).toBe(SCENES.call);
    a.send({ type: 'ENDED', finished });
    expect(scene(a)).toBe(SCENES.debrief);
    expect(a.getSnapshot().context.finished).toBe(finished);
    a.send({ type: 'RETRY' });
    expect(scene(a)).toBe(SCENES.call);
    a.send({ type: 'ENDED', finished });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().context.selection).toEqual({ id: 'first-call', locale: 'en', mode: 'exam' });
    a.send({ type: 'ENDED', finished });
    a.send({ type: 'PICKER' });
    expect(scene(a)).toBe(SCENES.picker);
  });

  it('returns from the leaderboard and settings to where they were opened', () => {
    const a = started(null, { name: 'Ada', team: 'Blue' });
    a.send({ type: 'SETTINGS' });
    expect(scene(a)).toBe(SCENES.settings);
    a.send({ type: 'BACK' });
    expect(scene(a)).toBe(SCENES.title);
    a.send({ type: 'PLAY' });
    a.send({ type: 'PICK', selection: { id: 'first-call', locale: 'en', mode: 'practice' } });
    a.send({ type: 'ENDED', finished });
    a.send({ type: 'LEADERBOARD' });
    expect(scene(a)).toBe(SCENES.leaderboard);
    a.send({ type: 'BACK' });
    expect(scene(a)).toBe(SCENES.debrief);
  });

  it('does not leave a call for the leaderboard or settings', () => {
    const a = started({ id: 'first-call', locale: 'en', mode: 'exam' });
    a.send({ type: 'LEADERBOARD' });
    a.send({ type: 'SETTINGS' });
    expect(scene(a)).toBe(SCENES.call);
  });

  it('picks the next call after the current one, wrapping, in the same mode', () => {
    expect(nextSelection(calls, { id: 'first-call', locale: 'en', mode: 'exam' })).toEqual({ id: 'update-warning', locale: 'ru', mode: 'exam' });
    expect(nextSelection(calls, { id: 'never-satisfied', locale: 'pl', mode: 'practice' })).toEqual({ id: 'first-call', locale: 'en', mode: 'practice' });
    expect(nextSelection([], null)).toBeNull();
  });
});

describe('flow: try another reply', () => {
  const exam = { id: 'first-call', locale: 'en', mode: 'exam' as const };
  const original = { selection: exam, result: {} } as FinishedCall;
  function atDebrief() {
    const a = started(exam);
    a.send({ type: 'ENDED', finished: original });
    expect(scene(a)).toBe(SCENES.debrief);
    return a;
  }

  it('plays the call again from a turn, in practice, and keeps the run it came from', () => {
    const a = atDebrief();
    a.send({ type: 'TRY', turn: 2 });
    expect(scene(a)).toBe(SCENES.call);
    const c = a.getSnapshot().context;
    expect(c.branch).toEqual({ of: original, turn: 2 });
    expect(c.selection).toEqual({ ...exam, mode: 'practice' });
    const tried = { selection: c.selection!, result: {}, branchOf: c.branch! } as FinishedCall;
    a.send({ type: 'ENDED', finished: tried });
    expect(a.getSnapshot().context.finished).toBe(tried);
    // Back to the run it was tried from, in its own mode.
    a.send({ type: 'ORIGINAL' });
    expect(scene(a)).toBe(SCENES.debrief);
    expect(a.getSnapshot().context.finished).toBe(original);
    expect(a.getSnapshot().context.selection).toEqual(exam);
  });

  it('leaving a branch returns to the debrief it came from; Try again plays the whole call in its mode', () => {
    const a = atDebrief();
    a.send({ type: 'TRY', turn: 1 });
    a.send({ type: 'QUIT' });
    expect(scene(a)).toBe(SCENES.debrief);
    expect(a.getSnapshot().context).toMatchObject({ branch: null, finished: original, selection: exam });
    a.send({ type: 'TRY', turn: 1 });
    a.send({ type: 'ENDED', finished: { selection: { ...exam, mode: 'practice' }, result: {}, branchOf: { of: original, turn: 1 } } as FinishedCall });
    a.send({ type: 'RETRY' });
    expect(scene(a)).toBe(SCENES.call);
    expect(a.getSnapshot().context).toMatchObject({ branch: null, selection: exam });
  });

  it("tries another reply on the player's own result from the leaderboard", () => {
    const a = started(null, { name: 'Ada', team: 'Blue' });
    a.send({ type: 'LEADERBOARD' });
    a.send({ type: 'TRY_RESULT', finished: original, turn: 0 });
    expect(scene(a)).toBe(SCENES.leaderboard);
    a.send({ type: 'TRY_RESULT', finished: original, turn: 3 });
    expect(scene(a)).toBe(SCENES.call);
    expect(a.getSnapshot().context).toMatchObject({ finished: original, branch: { of: original, turn: 3 }, selection: { ...exam, mode: 'practice' } });
  });

  it('refuses a turn that is not a whole number from 1', () => {
    const a = atDebrief();
    a.send({ type: 'TRY', turn: 0 });
    a.send({ type: 'TRY', turn: 1.5 });
    expect(scene(a)).toBe(SCENES.debrief);
  });
});

describe('flow: the guided first call and signing in again', () => {
  it('a player signing in again with their personal code has played before: no guided call, straight to the picker', () => {
    const a = createActor(flowMachine).start();
    a.send({ type: 'LOADED', calls, launch: null, player: null, offline: false, guideDue: true });
    a.send({ type: 'SIGN_IN' });
    a.send({ type: 'SIGNED_IN', player: { name: 'Ada', team: 'Blue' }, returning: true });
    expect(scene(a)).toBe(SCENES.picker);
    expect(a.getSnapshot().context.guideDue).toBe(false);
    // A new player joining the same way still gets it.
    const b = createActor(flowMachine).start();
    b.send({ type: 'LOADED', calls, launch: null, player: null, offline: false, guideDue: true });
    b.send({ type: 'SIGN_IN' });
    b.send({ type: 'SIGNED_IN', player: { name: 'Bo', team: 'Blue' } });
    expect(b.getSnapshot().matches({ main: 'guide' })).toBe(true);
  });
});
