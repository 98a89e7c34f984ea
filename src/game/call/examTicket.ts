// An exam starts online with a ticket from the server: the seed that shuffles its replies, chosen
// there for this player and call, used once (the result is sent with it). When the server cannot
// be reached (or says no) the exam is played offline as before — a seed of our own, no ticket —
// and the board marks it "played offline". A seed pinned in the address (`?seed=N`, for previews
// and tests) is always offline: it is not the server's.
//
// The ticket also says whether the team's exams take typed replies only (the trainer's setting):
// the game remembers the last answer for the team ("holdtheline.typed-only"), so an exam played
// offline keeps to it. Practice always has both the buttons and the text box.
import { z } from 'zod/mini';
import type { ApiClient, Identity } from '../../client/index.js';
import { readStored, writeStored, type StoredFormat } from '../../client/restore.js';
import type { Mode } from '../../engine/index.js';
import { STORAGE } from '../config.js';

/** How long an exam waits for its ticket before it starts offline. */
export const TICKET_WAIT_MS = 3000;

export interface ExamStart {
  readonly seed: number;
  /** The ticket to send the result with; null when played offline (or not an exam). */
  readonly ticket: string | null;
  /** An exam with no reply buttons: only the text box (the team's setting). */
  readonly typedOnly: boolean;
}

interface TypedOnlyRecord {
  /** The team's join code the answer is for. */
  readonly team: string;
  readonly typedOnly: boolean;
}

export const typedOnlyFormat: StoredFormat<TypedOnlyRecord> = {
  what: "whether the team's exams take typed replies only",
  ifUnreadable: 'offline exams show the reply buttons until the next online exam',
  migrations: [(v0) => v0],
  schema: z.object({ team: z.string(), typedOnly: z.catch(z.boolean(), false) }),
};

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The last answer the server gave this team, for an exam played offline; false when none is known. */
export function rememberedTypedOnly(storage: Store | null, team: string): boolean {
  if (!storage) return false;
  const r = readStored(storage, STORAGE.typedOnly, typedOnlyFormat);
  return r.kind === 'restored' && r.value.team === team && r.value.typedOnly;
}

const ownSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

const storageOr = (s: Store | null | undefined): Store | null => (s !== undefined ? s : typeof localStorage === 'undefined' ? null : localStorage);

export async function examStart(o: { client: ApiClient; identity: Identity | null; scenario: string; mode: Mode; pinnedSeed: number | null; waitMs?: number; storage?: Store | null }): Promise<ExamStart> {
  const storage = storageOr(o.storage);
  const offline = (seed: number): ExamStart => ({ seed, ticket: null, typedOnly: o.mode === 'exam' && o.identity !== null && rememberedTypedOnly(storage, o.identity.team.code) });
  if (o.pinnedSeed !== null) return offline(o.pinnedSeed);
  if (o.mode !== 'exam' || !o.identity) return offline(ownSeed());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), o.waitMs ?? TICKET_WAIT_MS)));
  try {
    const t = await Promise.race([o.client.ticket(o.identity, o.scenario), late]);
    if (t && Number.isInteger(t.seed) && t.seed >= 0 && t.seed <= 0xffffffff && t.scenario === o.scenario) {
      const typedOnly = t.typedOnly === true;
      if (storage) writeStored(storage, STORAGE.typedOnly, typedOnlyFormat, { team: o.identity.team.code, typedOnly });
      return { seed: t.seed, ticket: t.ticket, typedOnly };
    }
  } catch {
    // unreachable, or refused: the exam is played offline
  } finally {
    clearTimeout(timer);
  }
  return offline(ownSeed());
}
