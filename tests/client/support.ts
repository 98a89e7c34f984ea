// For the tests of what the browser keeps: a valid identity and transcript, and an API client that
// accepts every submission (once per idempotency key, as the server does) and records it.
import type { ApiClient } from '../../src/client/api.js';
import type { Identity, SubmitRequest } from '../../src/client/types.js';
import type { Transcript } from '../../src/engine/index.js';
import { finished, loadShipped } from '../server/support.js';

export const validIdentity: Identity = { team: { name: 'Blue', code: 'BLUE1234', season: 2 }, player: { id: 7, name: 'Lou' }, token: 'tok-0123456789abcdef' };

const transcripts = new Map<number, Transcript>();

/** A real exam call's transcript, made by the engine (so it has whatever shape the engine writes). */
export function validTranscript(seed: number): Transcript {
  if (!transcripts.has(seed)) transcripts.set(seed, finished(loadShipped('first-call.json'), { seed }).transcript);
  return transcripts.get(seed)!;
}

export function fakeClient(): { api: Pick<ApiClient, 'submit'>; sent: SubmitRequest[] } {
  const sent: SubmitRequest[] = [];
  const ids = new Map<string, number>();
  const api: Pick<ApiClient, 'submit'> = {
    submit: async (_identity, request) => {
      if (!ids.has(request.idempotencyKey)) {
        ids.set(request.idempotencyKey, ids.size + 1);
        sent.push(request);
      }
      const id = ids.get(request.idempotencyKey)!;
      return { result: { id, overall: 80, grade: 'B' }, duplicate: false } as unknown as Awaited<ReturnType<ApiClient['submit']>>;
    },
  };
  return { api, sent };
}
