// restore(): the one way back from the browser's storage — versions checked, older ones migrated,
// fields repaired, and whatever cannot be read reported and left out, never thrown. The property at
// the end holds it to that for every key the game keeps: any JSON, or any text at all, under any of
// them, and the game still starts.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import type { ApiClient } from '../../src/client/api.js';
import { loadIdentity } from '../../src/client/identity.js';
import { Outbox } from '../../src/client/outbox.js';
import { readStored, reportOnce, restore, restoreText, stamped, writeStored, type StoredFormat } from '../../src/client/restore.js';
import { transcriptSchema } from '../../src/engine/index.js';
import { Bests } from '../../src/game/library/bests.js';
import { restoreSettings } from '../../src/game/settings/settings.js';
import { SettingsStore } from '../../src/game/settings/SettingsStore.js';
import { MemoryStorage } from '../support/memoryStorage.js';
import { fakeClient, validIdentity, validTranscript } from './support.js';

// A format with two versions: v0 called the field `name`, v1 calls it `title`.
const format: StoredFormat<{ title: string; count: number }> = {
  what: 'the test value',
  ifUnreadable: 'it is ignored',
  migrations: [({ name, ...rest }) => ({ ...rest, title: name })],
  schema: z.object({ title: z.string(), count: z.catch(z.number(), 0) }),
};

let warnings: string[];
const report = (m: string) => void warnings.push(m);
beforeEach(() => {
  warnings = [];
});

describe('restore', () => {
  it('reads the current version, and migrates one written before versions (v0)', () => {
    expect(restore(format, { v: 1, title: 'a', count: 2 }, 'k', report)).toEqual({ kind: 'restored', value: { title: 'a', count: 2 } });
    expect(restore(format, { name: 'old', count: 3 }, 'k', report)).toEqual({ kind: 'restored', value: { title: 'old', count: 3 } });
    expect(restore(format, { v: 0, name: 'old' }, 'k', report)).toEqual({ kind: 'restored', value: { title: 'old', count: 0 } });
    expect(warnings).toEqual([]);
  });

  it('repairs a field that has a fallback, and reports what cannot be repaired', () => {
    expect(restore(format, { v: 1, title: 'a', count: 'many' }, 'k', report)).toEqual({ kind: 'restored', value: { title: 'a', count: 0 } });
    expect(restore(format, { v: 1, count: 1 }, 'k', report)).toMatchObject({ kind: 'unreadable', problem: 'at title: expected string' });
    expect(warnings).toEqual(['Hold the Line: cannot read the test value in "k" (at title: expected string); it is ignored.']);
  });

  it('leaves out, with a report, anything that is not an object or has a version it cannot read', () => {
    for (const raw of [null, [], [1, 2], 'text', 'x'.repeat(100_000), 42, true, { v: '1', title: 'a' }, { v: -1 }, { v: 1.5 }]) {
      expect(restore(format, raw, 'k', report).kind, JSON.stringify(raw).slice(0, 40)).toBe('unreadable');
    }
    expect(warnings).toHaveLength(10);
    expect(warnings.every((w) => w.length < 300)).toBe(true); // a huge value is described, not repeated
  });

  it('reports a value from a newer version and does not touch it', () => {
    expect(restore(format, { v: 2, title: 'from the future' }, 'k', report)).toEqual({ kind: 'newer', version: 2 });
    expect(warnings[0]).toMatch(/^Hold the Line: left the test value in "k" untouched and unused, written by a newer version of the game \(format 2; this one reads up to 1\): reload the page/);
  });

  it('reads from storage: nothing stored, invalid JSON, a browser that refuses, and writes the version', () => {
    const storage = new MemoryStorage({ bad: '{not json', good: '{"name":"x"}' });
    expect(readStored(storage, 'missing', format, report)).toEqual({ kind: 'absent' });
    expect(readStored(storage, 'bad', format, report).kind).toBe('unreadable');
    expect(readStored(storage, 'good', format, report)).toEqual({ kind: 'restored', value: { title: 'x', count: 0 } });
    const blocked = { getItem: () => { throw new Error('SecurityError: access denied'); } };
    expect(readStored(blocked, 'good', format, report)).toEqual({ kind: 'absent' });
    expect(warnings).toEqual([
      expect.stringMatching(/^Hold the Line: cannot read the test value in "bad" \(not valid JSON: .+\); it is ignored\.$/),
      'Hold the Line: the browser does not let the game read the test value ("good"): SecurityError: access denied; it is ignored.',
    ]);
    expect(writeStored(storage, 'good', format, { title: 't', count: 1 })).toBe(true);
    expect(storage.json('good')).toEqual({ title: 't', count: 1, v: 1 });
    expect(writeStored({ setItem: () => { throw new Error('QuotaExceededError'); } }, 'k', format, { title: 't', count: 1 })).toBe(false);
    expect(restoreText(format, JSON.stringify(stamped(format, { title: 'round', count: 5 })), 'k', report)).toEqual({ kind: 'restored', value: { title: 'round', count: 5 } });
  });

  it('reportOnce says each thing once', () => {
    const once = reportOnce(report);
    once('a');
    once('a');
    once('b');
    expect(warnings).toEqual(['a', 'b']);
  });
});

describe('anything in storage', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  // Mostly valid, sometimes anything: so the generated values reach every field's repair.
  const maybe = (valid: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 });
  const version = maybe(fc.constantFrom(0, 1, 2));
  const outboxItem = fc.record(
    {
      v: version,
      key: maybe(fc.stringMatching(/^[0-9a-f]{32}$/)),
      status: maybe(fc.constantFrom('waiting', 'sending', 'sent', 'refused')),
      title: maybe(fc.string()),
      transcript: maybe(fc.constant(validTranscript(1))),
      claimed: maybe(fc.constant(null)),
      identity: maybe(fc.constant(validIdentity)),
      playedAt: maybe(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
      attempts: maybe(fc.nat()),
      error: maybe(fc.constant(null)),
      result: maybe(fc.constant({ id: 1, overall: 80, grade: 'B' })),
      sentAt: maybe(fc.constant(null)),
    },
    { requiredKeys: [] },
  );
  const best = fc.record({ v: version, overall: maybe(fc.integer({ min: 0, max: 100 })), grade: maybe(fc.constantFrom('A', 'F')), mode: maybe(fc.constant('exam')), at: maybe(fc.constant('2026-01-01T00:00:00.000Z')) }, { requiredKeys: [] });
  const settings = fc.record({ v: version, volume: maybe(fc.record({ master: maybe(fc.double()) })), language: maybe(fc.constantFrom('en', 'pl', 'xx')), textSpeed: fc.jsonValue(), replyTimer: fc.jsonValue(), motion: fc.jsonValue() }, { requiredKeys: [] });
  const identity = fc.record({ v: version, team: maybe(fc.constant(validIdentity.team)), player: maybe(fc.constant(validIdentity.player)), token: maybe(fc.string()) }, { requiredKeys: [] });
  /** What a key may hold: JSON shaped like the real thing, any JSON, or any text. */
  const text = (shaped: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: shaped.map((v) => JSON.stringify(v)), weight: 3 }, { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 }, { arbitrary: fc.string(), weight: 1 });

  it('never keeps the game from starting, and never sends a transcript that does not parse', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          settings: text(settings),
          bests: text(fc.dictionary(fc.constantFrom('first-call:en', 'late-defect:pl', '__proto__', 'v'), best)),
          identity: text(identity),
          outbox: fc.array(text(outboxItem), { maxLength: 3 }),
        }),
        async (stored) => {
          const storage = new MemoryStorage({ 'holdtheline.settings': stored.settings, 'holdtheline.bests': stored.bests, 'holdtheline.identity': stored.identity });
          stored.outbox.forEach((t, i) => storage.setItem(`holdtheline.outbox.item${i}`, t));

          const settingsStore = new SettingsStore('en', storage);
          expect(restoreSettings(settingsStore.get(), 'en')).toEqual(settingsStore.get());
          settingsStore.update({ motion: 'reduce' });

          const bests = new Bests(storage);
          bests.get('first-call', 'en');
          bests.record('first-call', 'en', { overall: 50, grade: 'C', mode: 'exam' });

          const who = loadIdentity(storage);
          expect(who === null || typeof who.token === 'string').toBe(true);

          const client = fakeClient();
          const outbox = new Outbox({ client: client.api as ApiClient, storage });
          for (const item of outbox.snapshot().items) expect(Number.isFinite(Date.parse(item.playedAt)), item.playedAt).toBe(true);
          await outbox.flush();
          expect(client.sent.every((s) => transcriptSchema.safeParse(s.transcript).success)).toBe(true);
          // The server takes everything here, so whatever could be read and sent was sent.
          expect(outbox.snapshot().items.filter((i) => i.status === 'waiting' && i.identity !== null)).toEqual([]);
          expect(new Set(client.sent.map((s) => s.idempotencyKey)).size).toBe(client.sent.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
