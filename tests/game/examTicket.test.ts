// An exam starts with the server's ticket when it can (src/game/call/examTicket.ts): the server's
// seed, and the ticket sent with the result by the outbox; offline — no server, a refusal, a slow
// answer, no player signed in, or a seed pinned in the address — it plays on a seed of its own.
// The ticket says whether the team's exams take typed replies only; the last answer is
// remembered for the team, so an offline exam keeps to it, and practice never does.
import { describe, expect, it } from 'vitest';
import { ApiError, Outbox, type ApiClient, type ExamTicket } from '../../src/client/index.js';
import { examStart, rememberedTypedOnly } from '../../src/game/call/examTicket.js';
import { fakeClient, validIdentity, validTranscript } from '../client/support.js';
import { MemoryStorage } from '../support/memoryStorage.js';

function client(answer: () => Promise<ExamTicket>): { client: ApiClient; asked: string[] } {
  const asked: string[] = [];
  return { asked, client: { ticket: (_identity: unknown, scenario: string) => (asked.push(scenario), answer()) } as unknown as ApiClient };
}
const ticket: ExamTicket = { ticket: 'T0123456789abcdef', scenario: 'first-call', seed: 3_000_000_000, expiresAt: '2026-12-02T10:00:00.000Z', typedOnly: false };
const base = { identity: validIdentity, scenario: 'first-call', mode: 'exam' as const, pinnedSeed: null, storage: null };

describe('starting an exam', () => {
  it("plays an online exam on the server's seed, with its ticket", async () => {
    const c = client(async () => ticket);
    expect(await examStart({ ...base, client: c.client })).toEqual({ seed: ticket.seed, ticket: ticket.ticket, typedOnly: false });
    expect(c.asked).toEqual(['first-call']);
  });

  it('plays offline when the server cannot be reached, refuses, is slow or answers for another call', async () => {
    const answers: (() => Promise<ExamTicket>)[] = [
      () => Promise.reject(new ApiError(0, 'unreachable', 'The server cannot be reached.')),
      () => Promise.reject(new ApiError(401, 'unknown-player', 'join the team again')),
      () => new Promise<ExamTicket>(() => {}),
      async () => ({ ...ticket, scenario: 'update-warning' }),
    ];
    for (const answer of answers) {
      const start = await examStart({ ...base, client: client(answer).client, waitMs: 20 });
      expect(start.ticket).toBeNull();
      expect(Number.isInteger(start.seed) && start.seed >= 0 && start.seed <= 0xffffffff).toBe(true);
    }
  });

  it('asks for no ticket for a pinned seed, practice, or nobody signed in', async () => {
    const c = client(async () => ticket);
    expect(await examStart({ ...base, client: c.client, pinnedSeed: 42 })).toEqual({ seed: 42, ticket: null, typedOnly: false });
    expect((await examStart({ ...base, client: c.client, mode: 'practice' })).ticket).toBeNull();
    expect((await examStart({ ...base, client: c.client, identity: null })).ticket).toBeNull();
    expect(c.asked).toEqual([]);
  });

  it('takes "typed replies only" from the ticket and keeps it for the team’s offline exams, never for practice', async () => {
    const storage = new MemoryStorage();
    const typed = { ...ticket, typedOnly: true };
    expect(await examStart({ ...base, storage, client: client(async () => typed).client })).toEqual({ seed: typed.seed, ticket: typed.ticket, typedOnly: true });
    const down = client(() => Promise.reject(new ApiError(0, 'unreachable', 'The server cannot be reached.'))).client;
    const offline = await examStart({ ...base, storage, client: down });
    expect([offline.ticket, offline.typedOnly]).toEqual([null, true]);
    // A pinned seed is an offline exam too; practice has the buttons; another team knows nothing of it.
    expect((await examStart({ ...base, storage, client: down, pinnedSeed: 5 })).typedOnly).toBe(true);
    expect((await examStart({ ...base, storage, client: down, mode: 'practice' })).typedOnly).toBe(false);
    const other = { ...validIdentity, team: { ...validIdentity.team, code: 'ZZZZZZZZ' } };
    expect((await examStart({ ...base, storage, client: down, identity: other })).typedOnly).toBe(false);
    // The trainer turned it off: the next ticket says so, and offline exams follow.
    await examStart({ ...base, storage, client: client(async () => ticket).client });
    expect((await examStart({ ...base, storage, client: down })).typedOnly).toBe(false);
    // A damaged entry: the buttons are shown.
    storage.setItem('holdtheline.typed-only', '{"v":1,"team":');
    expect(rememberedTypedOnly(storage, validIdentity.team.code)).toBe(false);
  });

  it('sends the result with its ticket, and an offline one without', async () => {
    const fake = fakeClient();
    const outbox = new Outbox({ client: fake.api as ApiClient, storage: new MemoryStorage() });
    outbox.add({ transcript: validTranscript(1), title: 'First call', identity: validIdentity, ticket: ticket.ticket });
    outbox.add({ transcript: validTranscript(2), title: 'First call', identity: validIdentity });
    await outbox.flush();
    expect(fake.sent.map((r) => r.ticket ?? null).sort()).toEqual([ticket.ticket, null].sort());
    // Kept with the item as stored, so a reload still sends it with its ticket.
    expect(outbox.snapshot().items.map((i) => i.ticket).sort()).toEqual([ticket.ticket, null].sort());
  });
});
