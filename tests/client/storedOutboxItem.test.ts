// Outbox items come back from storage repaired: today's entries load unchanged, older ones migrate,
// a damaged field is filled in, a transcript the engine cannot read is shown refused but kept, an
// entry from a newer version is not touched — and the rest are still sent, once each.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../src/client/api.js';
import { Outbox } from '../../src/client/outbox.js';
import { restoreOutboxItem } from '../../src/client/storedOutboxItem.js';
import { MemoryStorage } from '../support/memoryStorage.js';
import { fakeClient, validIdentity, validTranscript } from './support.js';

const PREFIX = 'holdtheline.outbox.';
const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** An item as the outbox wrote it before items carried a version. */
function todays(key: string, fields: Record<string, unknown> = {}) {
  return {
    key,
    status: 'waiting',
    title: 'First call',
    transcript: validTranscript(1),
    claimed: { politeness: 90, accuracy: 80, judgment: 70, overall: 80 },
    identity: validIdentity,
    playedAt: '2026-11-30T09:00:00.000Z',
    attempts: 0,
    error: null,
    result: null,
    sentAt: null,
    ...fields,
  };
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());
const warnings = () => warn.mock.calls.map((c: unknown[]) => String(c[0]));

function outboxOn(entries: Record<string, unknown>) {
  const storage = new MemoryStorage(Object.fromEntries(Object.entries(entries).map(([k, v]) => [PREFIX + k, typeof v === 'string' ? v : JSON.stringify(v)])));
  const client = fakeClient();
  return { storage, client, outbox: () => new Outbox({ client: client.api as ApiClient, storage }) };
}

describe('restoreOutboxItem', () => {
  it('loads an item written by today’s code (v0) unchanged, and the current version (v1) too', () => {
    const item = todays(KEY);
    // Written before exams had tickets: sent without one (played offline).
    expect(restoreOutboxItem(item, KEY)).toEqual({ ...item, ticket: null });
    expect(restoreOutboxItem({ ...item, v: 1 }, KEY)).toEqual({ ...item, ticket: null });
    const online = todays(KEY, { ticket: 'T0123456789abcdef' });
    expect(restoreOutboxItem({ ...online, v: 1 }, KEY)).toEqual(online);
    expect(restoreOutboxItem({ ...online, ticket: 42, v: 1 }, KEY)).toEqual({ ...online, ticket: null });
  });

  it('repairs each field it can', () => {
    const now = new Date('2026-12-01T10:00:00.000Z');
    const { playedAt: _p, attempts: _a, title: _t, ...bare } = todays(KEY);
    expect(restoreOutboxItem({ ...bare, status: 'lost', sentAt: '2026-11-30T10:00:00Z' }, KEY, { now })).toMatchObject({
      status: 'waiting',
      title: 'first-call', // the scenario's id stands in for a lost title
      playedAt: '2026-11-30T10:00:00.000Z', // sent at: the call ended before that
      attempts: 0,
    });
    expect(restoreOutboxItem(bare, KEY, { now })!.playedAt).toBe(now.toISOString());
    const garbled = restoreOutboxItem({ ...todays('another'), claimed: 'many', identity: { token: 5 }, attempts: -3, error: [], result: { id: 'x' }, sentAt: 'yesterday', title: 'x'.repeat(5000) }, KEY)!;
    expect(garbled).toMatchObject({ key: KEY, claimed: null, identity: null, attempts: 0, error: null, result: null, sentAt: null });
    expect(garbled.title).toHaveLength(200);
  });

  it('leaves out what is not an object, or from a newer version, and says so', () => {
    const report = vi.fn();
    for (const raw of [null, [], 'waiting', 3]) expect(restoreOutboxItem(raw, KEY, { report })).toBeNull();
    expect(restoreOutboxItem({ ...todays(KEY), v: 9 }, KEY, { report })).toBeNull();
    expect(report).toHaveBeenCalledTimes(5);
    expect(report).toHaveBeenLastCalledWith(expect.stringContaining('written by a newer version of the game (format 9'));
  });
});

describe('an outbox over damaged storage', () => {
  it('starts with an entry missing playedAt, and sends every good entry exactly once', async () => {
    const { playedAt: _, ...noTime } = todays('k1');
    const { outbox, client, storage } = outboxOn({ k1: noTime, k2: todays('k2'), k3: '{"key":"k3",', k4: 'null', k5: todays('k5', { transcript: validTranscript(2), playedAt: '2026-11-29T09:00:00.000Z' }) });
    const tab = outbox();
    await tab.flush();
    await tab.flush();
    expect(tab.snapshot()).toMatchObject({ sent: 3, waiting: 0, refused: 0 });
    expect(warnings()).toEqual([
      expect.stringContaining(`"${PREFIX}k3" (not valid JSON:`),
      expect.stringContaining(`"${PREFIX}k4" (expected an object, found null)`),
    ]); // once each, however often the list was read
    await outbox().flush(); // a reload: nothing is sent again
    expect(client.sent.map((s) => s.idempotencyKey).sort()).toEqual(['k1', 'k2', 'k5']);
    // The entries it could not read are still there, as they were.
    expect(storage.getItem(`${PREFIX}k3`)).toBe('{"key":"k3",');
    expect(storage.getItem(`${PREFIX}k4`)).toBe('null');
  });

  it('writes older and repaired entries back in the current version once, so a repaired time stays put', () => {
    const { playedAt: _, ...noTime } = todays('k1');
    const { outbox, storage } = outboxOn({ k1: noTime, k2: todays('k2') });
    const first = outbox().snapshot().items.find((i) => i.key === 'k1')!.playedAt;
    expect(storage.json(`${PREFIX}k1`)).toMatchObject({ v: 1, playedAt: first });
    expect(storage.json(`${PREFIX}k2`)).toEqual({ ...todays('k2'), ticket: null, v: 1 });
    const written = storage.getItem(`${PREFIX}k2`);
    expect(outbox().snapshot().items.find((i) => i.key === 'k1')!.playedAt).toBe(first);
    expect(storage.getItem(`${PREFIX}k2`)).toBe(written);
  });

  it('sends an item left "sending" by a closed page again (the server keeps it once)', async () => {
    const { outbox, client, storage } = outboxOn({ k1: todays('k1', { status: 'sending', attempts: 1 }) });
    const tab = outbox();
    expect(storage.json(`${PREFIX}k1`)).toMatchObject({ status: 'waiting' });
    await tab.flush();
    expect(client.sent).toHaveLength(1);
    expect(tab.snapshot().items[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('shows an item whose transcript the engine cannot read as refused, keeps it, and never sends it', async () => {
    const bad = todays('k1', { transcript: { ...validTranscript(1), events: 'lost' } });
    const { outbox, client, storage } = outboxOn({ k1: bad, k2: todays('k2', { transcript: { v: 99 } }), k3: todays('k3', { transcript: undefined }), k4: todays('k4') });
    const tab = outbox();
    const before = storage.getItem(`${PREFIX}k1`);
    await tab.flush();
    expect(client.sent.map((s) => s.idempotencyKey)).toEqual(['k4']);
    const refused = tab.snapshot().items.filter((i) => i.status === 'refused');
    expect(refused.map((i) => i.key).sort()).toEqual(['k1', 'k2', 'k3']);
    expect(refused[0]!.error).toEqual({ code: 'unreadable-transcript', message: expect.stringMatching(/^This version of the game cannot read the record of this call \(.+\), so it cannot be sent\. It stays saved/) });
    expect(refused.find((i) => i.key === 'k1')!.error!.message).toContain('at events');
    // In storage it is still waiting, transcript and all, for a version of the game that can read it.
    expect(storage.getItem(`${PREFIX}k1`)).toBe(before);
    expect(storage.json(`${PREFIX}k1`)).toMatchObject({ status: 'waiting', transcript: bad.transcript });
    // The player may dismiss it.
    tab.dismiss('k1');
    expect(storage.getItem(`${PREFIX}k1`)).toBeNull();
  });

  it('leaves an entry from a newer version exactly as it is: not listed, sent, pruned or dismissed', async () => {
    const future = JSON.stringify({ ...todays('k1'), v: 2, status: 'sent', somethingNew: [1, 2] });
    const { storage, client } = outboxOn({ k1: future, k2: todays('k2') });
    const tab = new Outbox({ client: client.api as ApiClient, storage, keepSent: 0 });
    await tab.flush();
    tab.dismiss('k1');
    expect(tab.snapshot().items.map((i) => i.key)).toEqual([]); // k2 sent and pruned (keepSent 0)
    expect(client.sent.map((s) => s.idempotencyKey)).toEqual(['k2']);
    expect(storage.getItem(`${PREFIX}k1`)).toBe(future);
    expect(warnings()).toEqual([expect.stringMatching(/"holdtheline\.outbox\.k1" untouched and unused, written by a newer version .* reload the page/)]);
  });
});
