// The remembered player comes back through restore(): today's value loads, a damaged one means
// signing in again (never a game that does not start), a newer version's is left alone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearIdentity, loadIdentity, saveIdentity } from '../../src/client/identity.js';
import { MemoryStorage } from '../support/memoryStorage.js';
import { validIdentity } from './support.js';

const KEY = 'holdtheline.identity';
const holding = (value: unknown) => new MemoryStorage({ [KEY]: typeof value === 'string' ? value : JSON.stringify(value) });

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('the remembered player', () => {
  it('loads what today’s code saved (v0), and saves it with its version', () => {
    expect(loadIdentity(holding(validIdentity))).toEqual(validIdentity);
    const storage = new MemoryStorage();
    saveIdentity(validIdentity, storage);
    expect(storage.json(KEY)).toEqual({ ...validIdentity, v: 1 });
    expect(loadIdentity(storage)).toEqual(validIdentity);
    clearIdentity(storage);
    expect(loadIdentity(storage)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('repairs the labels and drops what a submission could not be sent with', () => {
    const { name: _n, season: _s, ...team } = validIdentity.team;
    expect(loadIdentity(holding({ ...validIdentity, team: { ...team, name: 42 } }))).toEqual({ ...validIdentity, team: { ...team, name: team.code, season: 1 } });
    for (const broken of [{ ...validIdentity, token: '' }, { ...validIdentity, token: 'x'.repeat(5000) }, { ...validIdentity, player: { name: 'Lou' } }, { team: validIdentity.team }]) {
      expect(loadIdentity(holding(broken))).toBeNull();
    }
    for (const garbage of ['{', 'null', '[]', '"Lou"', '12', 'x'.repeat(200_000)]) expect(loadIdentity(holding(garbage))).toBeNull();
    expect(warn).toHaveBeenCalledTimes(10);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^Hold the Line: cannot read the signed-in player in "holdtheline\.identity" \(at token: .+\); the player signs in again\.$/);
  });

  it('keeps the personal code this browser was shown, and forgets an unreadable one without signing the player out', () => {
    const withCode = { ...validIdentity, personalCode: 'K7MP2-XQ4RT' };
    const storage = new MemoryStorage();
    saveIdentity(withCode, storage);
    expect(loadIdentity(storage)).toEqual(withCode);
    for (const bad of [42, '', 'x'.repeat(41), null]) {
      const loaded = loadIdentity(holding({ ...validIdentity, personalCode: bad }));
      expect(loaded, String(bad)).toEqual(validIdentity);
      expect(loaded!.personalCode).toBeUndefined();
    }
  });

  it('ignores a player saved by a newer version and leaves it in storage', () => {
    const future = JSON.stringify({ ...validIdentity, v: 2, sso: { provider: 'x' } });
    const storage = holding(future);
    expect(loadIdentity(storage)).toBeNull();
    expect(storage.getItem(KEY)).toBe(future);
  });
});
