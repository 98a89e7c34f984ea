// The player's bests come back through restore(), entry by entry: a damaged entry is forgotten,
// the others kept; an entry from a newer version is kept exactly as it is, even when others change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Bests } from '../../src/game/library/bests.js';
import { restoreBests } from '../../src/game/library/storedBests.js';
import { MemoryStorage } from '../support/memoryStorage.js';

const KEY = 'holdtheline.bests';
const best = { overall: 72, grade: 'C', mode: 'exam', at: '2026-11-30T09:00:00.000Z' } as const;
const holding = (value: unknown) => new MemoryStorage({ [KEY]: typeof value === 'string' ? value : JSON.stringify(value) });

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('bests', () => {
  it('loads what today’s code saved (v0) and writes each entry with its version', () => {
    const storage = holding({ 'first-call:en': best });
    const bests = new Bests(storage);
    expect(bests.get('first-call', 'en')).toEqual(best);
    expect(bests.record('first-call', 'en', { overall: 60, grade: 'D', mode: 'exam' })).toBe(false);
    expect(bests.record('late-defect', 'pl', { overall: 90, grade: 'A', mode: 'practice' }, new Date('2026-12-01T10:00:00Z'))).toBe(true);
    expect(storage.json(KEY)).toEqual({ 'first-call:en': { ...best, v: 1 }, 'late-defect:pl': { overall: 90, grade: 'A', mode: 'practice', at: '2026-12-01T10:00:00.000Z', v: 1 } });
    expect(new Bests(storage).get('first-call', 'en')).toEqual(best);
    expect(warn).not.toHaveBeenCalled();
  });

  it('repairs an entry where it can and forgets it where it cannot, keeping the others', () => {
    const { bests } = restoreBests({
      'a:en': { ...best, mode: 'ranked', at: 'whenever' },
      'b:en': { ...best, grade: 'Z' },
      'c:en': { ...best, overall: '72' },
      'd:en': null,
      'e:en': best,
    });
    expect([...bests.keys()]).toEqual(['a:en', 'e:en']);
    expect(bests.get('a:en')).toEqual({ ...best, mode: 'practice', at: '1970-01-01T00:00:00.000Z' });
    expect(warn).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[0]![0])).toBe('Hold the Line: cannot read a best score in "holdtheline.bests → b:en" (at grade: expected one of "A", "B", "C", "D", "F"); it is forgotten.');
  });

  it('starts empty from anything else, reports it once, and writes over it', () => {
    for (const garbage of ['{', 'null', '[1,2]', '"best"', 'x'.repeat(200_000), '{"__proto__": {"overall": 100}}']) {
      const storage = holding(garbage);
      const bests = new Bests(storage);
      expect(bests.get('first-call', 'en')).toBeNull();
      expect(bests.get('first-call', 'en')).toBeNull();
      expect(bests.record('first-call', 'en', { overall: 50, grade: 'D', mode: 'exam' })).toBe(true);
      expect(new Bests(storage).get('first-call', 'en')).toMatchObject({ overall: 50 });
    }
    expect(warn).toHaveBeenCalledTimes(5); // once per damaged value ("__proto__" is not a call and is just skipped)
  });

  it('keeps an entry from a newer version exactly as it is, and does not write over it', () => {
    const future = { overall: 95, grade: 'A', mode: 'exam', at: best.at, v: 3, streak: 4 };
    const storage = holding({ 'first-call:en': future, 'late-defect:en': best });
    const bests = new Bests(storage);
    expect(bests.get('first-call', 'en')).toBeNull();
    expect(bests.record('first-call', 'en', { overall: 99, grade: 'A', mode: 'exam' })).toBe(false);
    expect(bests.record('late-defect', 'en', { overall: 99, grade: 'A', mode: 'exam' })).toBe(true);
    expect(storage.json(KEY)).toMatchObject({ 'first-call:en': future, 'late-defect:en': { overall: 99, v: 1 } });
    // A whole value from a newer version (the object itself versioned) is not written at all.
    const whole = JSON.stringify({ v: 1, calls: {} });
    const later = holding(whole);
    expect(new Bests(later).record('first-call', 'en', { overall: 99, grade: 'A', mode: 'exam' })).toBe(false);
    expect(later.getItem(KEY)).toBe(whole);
  });
});
