// An exam starts online with a ticket from the server: the seed that shuffles its replies, chosen
// there for this player and call, used once (the result is sent with it). When the server cannot
// be reached (or says no) the exam is played offline as before — a seed of our own, no ticket —
// and the board marks it "played offline". A seed pinned in the address (`?seed=N`, for previews
// and tests) is always offline: it is not the server's.
import type { ApiClient, Identity } from '../../client/index.js';
import type { Mode } from '../../engine/index.js';

/** How long an exam waits for its ticket before it starts offline. */
export const TICKET_WAIT_MS = 3000;

export interface ExamStart {
  readonly seed: number;
  /** The ticket to send the result with; null when played offline (or not an exam). */
  readonly ticket: string | null;
}

const ownSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

export async function examStart(o: { client: ApiClient; identity: Identity | null; scenario: string; mode: Mode; pinnedSeed: number | null; waitMs?: number }): Promise<ExamStart> {
  if (o.pinnedSeed !== null) return { seed: o.pinnedSeed, ticket: null };
  if (o.mode !== 'exam' || !o.identity) return { seed: ownSeed(), ticket: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), o.waitMs ?? TICKET_WAIT_MS)));
  try {
    const t = await Promise.race([o.client.ticket(o.identity, o.scenario), late]);
    if (t && Number.isInteger(t.seed) && t.seed >= 0 && t.seed <= 0xffffffff && t.scenario === o.scenario) return { seed: t.seed, ticket: t.ticket };
  } catch {
    // unreachable, or refused: the exam is played offline
  } finally {
    clearTimeout(timer);
  }
  return { seed: ownSeed(), ticket: null };
}
