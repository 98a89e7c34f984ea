// The settings come back through restore(): today's value loads, each field is repaired on its
// own, garbage means defaults, and settings saved by a newer version are left alone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../src/game/settings/settings.js';
import { SettingsStore } from '../../src/game/settings/SettingsStore.js';
import { MemoryStorage } from '../support/memoryStorage.js';

const KEY = 'holdtheline.settings';
const holding = (value: unknown) => new MemoryStorage({ [KEY]: typeof value === 'string' ? value : JSON.stringify(value) });
const chosen: Settings = { volume: { master: 0.5, voice: 0.9, effects: 0.1, music: 0 }, language: 'pl', textSpeed: 'fast', replyTimer: false, motion: 'reduce' };

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('stored settings', () => {
  it('loads what today’s code saved (v0) unchanged, and saves with the version', () => {
    const storage = holding(chosen);
    const store = new SettingsStore('en', storage);
    expect(store.get()).toEqual(chosen);
    store.update({ textSpeed: 'slow' });
    expect(storage.json(KEY)).toEqual({ ...chosen, textSpeed: 'slow', v: 1 });
    expect(new SettingsStore('en', storage).get()).toEqual({ ...chosen, textSpeed: 'slow' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('repairs each field on its own', () => {
    const store = new SettingsStore('uk', holding({ v: 1, volume: { master: 7, voice: -2, effects: 'loud', music: 0.3 }, language: 'de', textSpeed: 'fast', replyTimer: 'yes', motion: null }));
    const d = defaultSettings('uk');
    expect(store.get()).toEqual({ ...d, volume: { master: 1, voice: 0, effects: d.volume.effects, music: 0.3 }, textSpeed: 'fast' });
    expect(new SettingsStore('en', holding({ ...chosen, volume: [0.1, 0.2] })).get()).toEqual({ ...chosen, volume: defaultSettings('en').volume });
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to the defaults for anything else, says why, and saves over it', () => {
    for (const garbage of ['{broken', 'null', '[]', '"loud"', '0', 'x'.repeat(200_000), '{"v":"2"}']) {
      const storage = holding(garbage);
      const store = new SettingsStore('pl', storage);
      expect(store.get()).toEqual(defaultSettings('pl'));
      store.update({ motion: 'full' });
      expect(storage.json(KEY)).toMatchObject({ v: 1, motion: 'full' });
    }
    expect(warn).toHaveBeenCalledTimes(7);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^Hold the Line: cannot read the saved settings in "holdtheline\.settings" \(not valid JSON: .+\); the defaults are used until they are changed\.$/);
  });

  it('leaves settings saved by a newer version alone: defaults here, changes last this visit', () => {
    const future = JSON.stringify({ ...chosen, v: 2, subtitlesSize: 'large' });
    const storage = holding(future);
    const store = new SettingsStore('en', storage);
    expect(store.get()).toEqual(defaultSettings('en'));
    store.update({ language: 'ru' });
    expect(store.get().language).toBe('ru');
    expect(storage.getItem(KEY)).toBe(future);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('left the saved settings in "holdtheline.settings" untouched and unused, written by a newer version'));
  });
});
