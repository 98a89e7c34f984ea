// The guided first call, without a browser: where its notes go (never over what they explain),
// when each has its moment, what the browser remembers, how the flow leads to it (the first
// "Play" only, never a call opened by its address), and its texts in every language.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Session, type SessionView } from '../../src/engine/index.js';
import { SCENES, STORAGE } from '../../src/game/config.js';
import { sceneFor } from '../../src/game/flow/director.js';
import { flowMachine, type CallRef, type FinishedCall, type Selection } from '../../src/game/flow/flowMachine.js';
import { CALL_NOTES, noteApplies } from '../../src/game/guide/CallGuidePresenter.js';
import { DEBRIEF_NOTES } from '../../src/game/guide/debriefGuide.js';
import { guideDue, rememberGuide } from '../../src/game/guide/guideStore.js';
import { overlap, placeNote, type Box } from '../../src/game/guide/place.js';
import { createI18n, LANGUAGES } from '../../src/i18n/index.js';
import { scenario } from './support/scenarios.js';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(initial));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('placing a note', () => {
  const note = { width: 360, height: 190 };
  const options = { gap: 18, margin: 8 };
  const frames = [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
    { width: 360, height: 640 },
  ];

  it('never covers its target and stays inside the frame, wherever the target is', () => {
    for (const frame of frames) {
      const n = { width: Math.min(note.width, frame.width - 16), height: note.height };
      for (let x = 0; x + 40 <= frame.width; x += 37) {
        for (let y = 0; y + 30 <= frame.height; y += 41) {
          const target: Box = { x, y, width: 40 + ((x * 7) % 200), height: 30 + ((y * 3) % 90) };
          if (target.x + target.width > frame.width || target.y + target.height > frame.height) continue;
          const p = placeNote(target, n, frame, options);
          const box = { x: p.x, y: p.y, ...n };
          expect(p.x, `${JSON.stringify({ frame, target })}`).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeGreaterThanOrEqual(0);
          expect(p.x + n.width).toBeLessThanOrEqual(frame.width);
          expect(p.y + n.height).toBeLessThanOrEqual(frame.height);
          expect(p.clear).toBe(true);
          expect(overlap(box, target), `${JSON.stringify({ frame, target, p })}`).toBe(0);
        }
      }
    }
  });

  it('finds a side clear of the target for the call screen’s parts in all three sizes', () => {
    // Roughly where the mood dial, a reply and the mode badge sit in each layout.
    const cases: [typeof frames[number], Box][] = [
      [frames[0]!, { x: 24, y: 455, width: 360, height: 170 }],
      [frames[0]!, { x: 400, y: 420, width: 856, height: 48 }],
      [frames[0]!, { x: 945, y: 28, width: 92, height: 32 }],
      [frames[1]!, { x: 150, y: 60, width: 228, height: 100 }],
      [frames[2]!, { x: 12, y: 300, width: 336, height: 52 }],
      [frames[2]!, { x: 260, y: 52, width: 90, height: 26 }],
    ];
    for (const [frame, target] of cases) {
      const n = { width: Math.min(note.width, frame.width - 16), height: note.height };
      expect(placeNote(target, n, frame, options).clear, JSON.stringify(target)).toBe(true);
    }
  });

  it('prefers the side that covers least of what it should avoid', () => {
    const frame = frames[0]!;
    const target = { x: 24, y: 455, width: 360, height: 170 };
    const replies = { x: 400, y: 300, width: 856, height: 360 };
    const p = placeNote(target, note, frame, { ...options, prefer: ['right', 'above'], avoid: [replies] });
    expect(p.side).toBe('above');
    expect(placeNote(target, note, frame, { ...options, prefer: ['right', 'above'] }).side).toBe('right');
  });

  it('points its arrow at the target’s middle', () => {
    const p = placeNote({ x: 500, y: 300, width: 100, height: 40 }, note, frames[0]!, options);
    expect(p.side).toBe('right');
    expect(p.y + p.arrow).toBeCloseTo(320, 0);
  });
});

describe('when each note of the call has its moment', () => {
  const views = (): { view: SessionView; spoken: boolean }[] => {
    const s = new Session(scenario(), { seed: 7, mode: 'practice' });
    const out = [{ view: s.view, spoken: false }];
    s.answer();
    out.push({ view: s.view, spoken: true });
    const action = s.view.replies.find((r) => r.id === 'opening.1')!;
    s.choose(action.n);
    out.push({ view: s.view, spoken: true });
    return out;
  };

  it('nothing while the phone rings; mood, patience, hint, timer and "takes time" once the customer speaks; the wait while an action runs', () => {
    const [ringing, listening, working] = views();
    expect(CALL_NOTES.filter((id) => noteApplies(id, ringing!.view, ringing!.spoken))).toEqual([]);
    expect(CALL_NOTES.filter((id) => noteApplies(id, listening!.view, listening!.spoken))).toEqual(['mood', 'patience', 'hint', 'timer', 'takesTime']);
    expect(working!.view.phase).toBe('working');
    expect(CALL_NOTES.filter((id) => noteApplies(id, working!.view, working!.spoken))).toEqual(['wait', 'mood', 'patience']);
  });
});

describe('remembering the guide', () => {
  it('is due in a fresh browser, and not once started or skipped', () => {
    const storage = memoryStorage();
    expect(guideDue(storage)).toBe(true);
    expect(rememberGuide(storage, 'seen', new Date('2026-12-01T10:00:00Z'))).toBe(true);
    expect(JSON.parse(storage.getItem(STORAGE.guide)!)).toEqual({ v: 1, state: 'seen', at: '2026-12-01T10:00:00.000Z' });
    expect(guideDue(storage)).toBe(false);
    const skipped = memoryStorage();
    rememberGuide(skipped, 'skipped');
    expect(guideDue(skipped)).toBe(false);
  });

  it('counts a damaged entry as seen (and says so), and leaves a newer version’s entry alone', () => {
    const said: string[] = [];
    expect(guideDue(memoryStorage({ [STORAGE.guide]: '{not json' }), (m) => said.push(m))).toBe(false);
    expect(said[0]).toMatch(/guided first call.*counts as seen/);
    // Version 0 (no "v") reads as the same fields.
    expect(guideDue(memoryStorage({ [STORAGE.guide]: '{"state":"skipped"}' }), () => {})).toBe(false);
    const newer = memoryStorage({ [STORAGE.guide]: '{"v":9,"whatever":1}' });
    expect(guideDue(newer, () => {})).toBe(false);
    rememberGuide(newer, 'skipped');
    expect(newer.getItem(STORAGE.guide)).toBe('{"v":9,"whatever":1}');
  });
});

describe('the flow to the guide', () => {
  const calls: CallRef[] = [{ id: 'first-call', locale: 'en' }, { id: 'update-warning', locale: 'en' }];
  const start = (guideDue: boolean | undefined, launch: Selection | null = null, offline = false) => {
    const a = createActor(flowMachine).start();
    a.send({ type: 'LOADED', calls, launch, player: null, offline, ...(guideDue === undefined ? {} : { guideDue }) });
    return a;
  };
  const scene = (a: ReturnType<typeof start>) => sceneFor(a.getSnapshot());
  const finished = (selection: Selection) => ({ selection, result: {} } as unknown as FinishedCall);

  it('plays the guided call after sign-in (or offline) on the first Play, then its debrief explains the scores', () => {
    const a = start(true);
    a.send({ type: 'PLAY' });
    expect(scene(a)).toBe(SCENES.signIn);
    a.send({ type: 'OFFLINE' });
    expect(a.getSnapshot().matches({ main: 'guide' })).toBe(true);
    expect(scene(a)).toBe(SCENES.call);
    expect(a.getSnapshot().context.guideDue).toBe(false);
    const played = { id: 'first-call', locale: 'en', mode: 'practice' } as const;
    a.send({ type: 'ENDED', finished: finished(played) });
    expect(scene(a)).toBe(SCENES.debrief);
    expect(a.getSnapshot().context.finished?.guided).toBe(true);
    // Try again plays the same call, as any practice call.
    a.send({ type: 'RETRY' });
    expect(a.getSnapshot().matches({ main: 'call' })).toBe(true);
    expect(a.getSnapshot().context.selection).toEqual(played);
    a.send({ type: 'ENDED', finished: finished(played) });
    expect(a.getSnapshot().context.finished?.guided).toBeUndefined();
    // Once seen, Play goes to the picker.
    a.send({ type: 'HOME' });
    a.send({ type: 'PLAY' });
    expect(scene(a)).toBe(SCENES.picker);
  });

  it('a player already offline or signed in gets the guide on Play; skipping it goes to the picker', () => {
    const a = start(true, null, true);
    a.send({ type: 'PLAY' });
    expect(a.getSnapshot().matches({ main: 'guide' })).toBe(true);
    a.send({ type: 'QUIT' });
    expect(scene(a)).toBe(SCENES.picker);
  });

  it('never on a second visit, nor when the address opens a call; the title replays it any time', () => {
    const seen = start(false, null, true);
    seen.send({ type: 'PLAY' });
    expect(scene(seen)).toBe(SCENES.picker);
    // Older senders of LOADED (no guideDue) behave as before.
    const older = start(undefined, null, true);
    older.send({ type: 'PLAY' });
    expect(scene(older)).toBe(SCENES.picker);
    const launched = start(true, { id: 'update-warning', locale: 'en', mode: 'exam' });
    expect(launched.getSnapshot().matches({ main: 'call' })).toBe(true);
    const replay = start(false);
    replay.send({ type: 'GUIDE' });
    expect(replay.getSnapshot().matches({ main: 'guide' })).toBe(true);
  });
});

describe('the guide’s texts', () => {
  it.each(LANGUAGES)('%s has every note, the bar and the title’s button', (lang) => {
    const t = createI18n(lang).t;
    const keys = [
      'title.guide',
      'guide.kicker',
      'guide.bar',
      'guide.skip',
      'guide.next',
      'guide.gotIt',
      'guide.debrief.overallTitle',
      ...CALL_NOTES.flatMap((id) => [`guide.call.${id}.title`, `guide.call.${id}.text`]),
      ...DEBRIEF_NOTES.map((id) => `guide.debrief.${id}`),
    ];
    const i = createI18n(lang);
    for (const key of keys) expect(i.exists(key, { lng: lang, fallbackLng: false } as never), `${lang}: ${key}`).toBe(true);
    expect(t('guide.skip')).not.toBe('guide.skip');
  });

  it('Ukrainian is its own, not Russian', () => {
    const ru = createI18n('ru').t;
    const uk = createI18n('uk').t;
    for (const id of CALL_NOTES) expect(uk(`guide.call.${id}.text`)).not.toBe(ru(`guide.call.${id}.text`));
  });
});
