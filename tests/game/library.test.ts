// The game's library of calls: every shipped scenario loads, translations group under one call,
// a broken save keeps the last good version and says where the problem is, voice files resolve.
import { describe, expect, it, vi } from 'vitest';
import { callRefs, launchSelection } from '../../src/game/library/calls.js';
import { ScenarioLibrary } from '../../src/game/library/ScenarioLibrary.js';
import { parseLaunch } from '../../src/game/flow/launch.js';
import { scenarioFiles } from './support/scenarios.js';

const files = scenarioFiles();

describe('scenario library', () => {
  it('loads every shipped scenario, one call per id with each language', () => {
    const lib = new ScenarioLibrary(files, {});
    expect(lib.problems()).toEqual([]);
    const calls = lib.calls();
    // A string table names its call by "translates".
    const ids = new Set(
      Object.values(files).map((t) => {
        const v = JSON.parse(t) as { id?: string; translates?: string };
        return v.id ?? v.translates;
      }),
    );
    expect(calls.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(calls[0]!.id).toBe('first-call');
    for (const call of calls) expect([...call.versions.keys()].sort(), call.id).toEqual(['en', 'pl', 'ru', 'uk']);
  });

  it('offers each call in the player’s language when it has one', () => {
    const lib = new ScenarioLibrary(files, {});
    const ru = callRefs(lib, 'ru');
    expect(ru.find((c) => c.id === 'update-warning')).toEqual({ id: 'update-warning', locale: 'ru' });
    expect(ru.find((c) => c.id === 'first-call')).toEqual({ id: 'first-call', locale: 'ru' });
    // A language no call is written in: each call in its own.
    expect(callRefs(lib, 'de').every((c) => c.locale === 'en')).toBe(true);
  });

  it('finds the call an address asks for, in the language asked, or says there is none', () => {
    const lib = new ScenarioLibrary(files, {});
    expect(launchSelection(lib, parseLaunch('?scenario=update-warning&mode=exam&locale=pl'), 'en')).toEqual({ id: 'update-warning', locale: 'pl', mode: 'exam' });
    expect(launchSelection(lib, parseLaunch('?scenario=update-warning'), 'ru')).toEqual({ id: 'update-warning', locale: 'ru', mode: 'practice' });
    expect(launchSelection(lib, parseLaunch('?scenario=update-warning&locale=xx'), 'en')).toEqual({ id: 'update-warning', locale: 'en', mode: 'practice' });
    expect(launchSelection(lib, parseLaunch('?scenario=nope'), 'en')).toBeNull();
    expect(launchSelection(lib, parseLaunch(''), 'en')).toBeNull();
  });

  it('keeps playing the last good version when a trainer saves a broken file, and names the place', () => {
    const lib = new ScenarioLibrary(files, {});
    const before = lib.get({ id: 'first-call', locale: 'en' });
    const heard = vi.fn();
    lib.subscribe(heard);
    const broken = files['scenarios/first-call.json']!.replace('"next": "order-shipped"', '"next": "no-such-node"');
    lib.update('scenarios/first-call.json', broken);
    expect(heard).toHaveBeenCalledWith('scenarios/first-call.json');
    expect(lib.get({ id: 'first-call', locale: 'en' })).toBe(before);
    const problem = lib.problemIn('scenarios/first-call.json')!;
    expect(problem.messages.length).toBeGreaterThan(0);
    expect(problem.messages[0]).toMatch(/^scenarios\/first-call\.json:\d+:\d+: error: .*no-such-node/);
    expect(problem.messages.join('\n')).not.toMatch(/\bat \w+ \(|node_modules/);

    lib.update('scenarios/first-call.json', files['scenarios/first-call.json']!.replace('Where is my order?', 'Where is my parcel?'));
    expect(lib.problemIn('scenarios/first-call.json')).toBeNull();
    expect(lib.get({ id: 'first-call', locale: 'en' })!.title).toBe('Where is my parcel?');
  });

  it('replays a call so far on a new version, and refuses one it no longer fits', () => {
    const lib = new ScenarioLibrary(files, {});
    const s = lib.get({ id: 'first-call', locale: 'en' })!;
    const session = lib.newSession(s, { seed: 3, mode: 'practice' });
    session.answer();
    session.choose(1);
    lib.update('scenarios/first-call.json', files['scenarios/first-call.json']!.replace('Where is my order?', 'Where is my parcel?'));
    const edited = lib.get({ id: 'first-call', locale: 'en' })!;
    const resumed = lib.replayOn(edited, session.transcript())!;
    expect(resumed.scenario.title).toBe('Where is my parcel?');
    expect(resumed.context.history).toHaveLength(1);
    expect(resumed.view.turn).toBe(session.view.turn);
    const other = lib.get({ id: 'never-satisfied', locale: 'en' })!;
    expect(lib.replayOn(other, session.transcript())).toBeNull();
  });

  it('finds voice files next to their scenario, and none that do not exist', () => {
    const lib = new ScenarioLibrary(files, { 'scenarios/voice/first-call/en/opening.webm': '/assets/opening-123.webm' });
    const s = lib.get({ id: 'first-call', locale: 'en' })!;
    expect(lib.voiceUrl(s, 'voice/first-call/en/opening.webm')).toBe('/assets/opening-123.webm');
    expect(lib.voiceUrl(s, './voice/first-call/en/../en/opening.webm')).toBe('/assets/opening-123.webm');
    expect(lib.voiceUrl(s, 'voice/first-call/en/missing.webm')).toBeNull();
    expect(lib.voiceUrl(s, null)).toBeNull();
  });
});
