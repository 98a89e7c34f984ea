// Settings survive anything in storage: valid fields are kept, the rest fall back to defaults.
import { describe, expect, it } from 'vitest';
import { defaultSettings, restoreSettings } from '../../src/game/settings/settings.js';
import { SettingsStore } from '../../src/game/settings/SettingsStore.js';
import { parseLaunch } from '../../src/game/flow/launch.js';

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('settings', () => {
  it('repairs whatever storage holds', () => {
    expect(restoreSettings(null, 'pl')).toEqual(defaultSettings('pl'));
    expect(restoreSettings('nonsense', 'en')).toEqual(defaultSettings('en'));
    const r = restoreSettings({ volume: { master: 2, voice: -1, music: '0.3', effects: 0.25 }, language: 'de', textSpeed: 'fast', replyTimer: 'yes', motion: 'reduce' }, 'uk');
    expect(r).toEqual({ ...defaultSettings('uk'), volume: { master: 1, voice: 0, effects: 0.25, music: defaultSettings('uk').volume.music }, textSpeed: 'fast', motion: 'reduce' });
  });

  it('keeps changes for the next visit and says when motion is reduced', () => {
    const storage = memory();
    const a = new SettingsStore('en', storage);
    expect(a.reducedMotion).toBe(false);
    a.update({ motion: 'reduce', language: 'ru', volume: { ...a.get().volume, music: 0 } });
    expect(a.reducedMotion).toBe(true);
    const b = new SettingsStore('en', storage);
    expect(b.get()).toMatchObject({ motion: 'reduce', language: 'ru', volume: { music: 0 } });
    expect(new SettingsStore('pl', memory({ 'holdtheline.settings': '{broken' })).get()).toEqual(defaultSettings('pl'));
  });
});

describe('launch address', () => {
  it('reads the call, mode, language, inspector and time scale', () => {
    expect(parseLaunch('?scenario=first-call&mode=practice')).toEqual({ scenario: { id: 'first-call', locale: null, mode: 'practice' }, inspect: false, lang: null, timeScale: 1, seed: null });
    expect(parseLaunch('?scenario=x&mode=exam&locale=ru&inspect&lang=uk&timeScale=20')).toEqual({ scenario: { id: 'x', locale: 'ru', mode: 'exam' }, inspect: true, lang: 'uk', timeScale: 20, seed: null });
    // Unknown values fall back; time never runs slower than real time (that would ease an exam).
    expect(parseLaunch('?mode=hard&lang=xx&timeScale=0.1')).toEqual({ scenario: null, inspect: false, lang: null, timeScale: 1, seed: null });
  });

  it('pins the replies’ shuffle with ?seed=N for a whole number 0..4294967295, and ignores anything else', () => {
    const seed = (search: string) => parseLaunch(search).seed;
    expect(seed('?scenario=first-call&mode=practice&seed=7')).toBe(7);
    expect(seed('?seed=0')).toBe(0);
    expect(seed('?seed=4294967295')).toBe(4294967295);
    expect(seed('?seed=007')).toBe(7);
    // Out of range, signed, fractional, hex, exponent, padded, empty, bare: a random seed as before.
    for (const bad of ['4294967296', '99999999999', '-1', '+1', '1.5', '1.0', '0x10', '1e3', ' 7', '7 ', '', 'seven']) expect(seed(`?seed=${encodeURIComponent(bad)}`), bad).toBeNull();
    expect(seed('?seed')).toBeNull();
    expect(seed('?scenario=first-call')).toBeNull();
  });
});
