// A call counts once per team: a result's content is the call it was played on, its seed and what
// was done in it, and the team keeps each content once (results.content_hash, unique per team).
// The same call copied from another player's replay, or sent again with a new idempotency key, is
// the same content. Time between two decisions counts as its total, however the ticks are cut, so
// re-encoding the ticks of a copy does not make it new. And an online exam is bound to its player:
// it carries the ticket its seed came with (store/tickets.ts).
import type { Transcript } from '../engine/index.js';
import { HttpError } from './httpError.js';
import { sha256, type Store } from './store/store.js';
import { ticketById, ticketBySeed } from './store/tickets.js';

/** What a transcript did, in a canonical form: each run of ticks as its total ms. */
export function contentOf(t: Pick<Transcript, 'scenario' | 'hash' | 'seed' | 'events'>): string {
  const events: (string | number)[] = [];
  let ms = 0;
  for (const e of t.events) {
    if (e.type === 'TICK') {
      ms += e.ms * (e.repeat ?? 1);
      continue;
    }
    if (ms > 0) events.push(ms);
    ms = 0;
    events.push(e.type === 'CHOOSE' ? `CHOOSE ${e.n}` : e.type);
  }
  if (ms > 0) events.push(ms);
  return JSON.stringify([t.scenario, t.hash, t.seed, events]);
}

/** The hash a team's results are unique by. */
export const contentHash = (t: Pick<Transcript, 'scenario' | 'hash' | 'seed' | 'events'>): string => sha256(contentOf(t));

/**
 * Whether a verified exam may be stored as this player's, and how: with its ticket (the seed the
 * server chose for this player and call, unused and unexpired), or offline (no ticket, and a seed
 * the server never chose for the team's call: an online exam's seed comes with its ticket). Throws
 * the refusal otherwise. Returns the ticket to use in the same transaction as the result.
 */
export async function admission(store: Store, o: { teamId: number; playerId: number; transcript: Transcript; ticket: string | undefined; now: number }): Promise<{ offline: boolean; ticket: string | null }> {
  const t = o.transcript;
  const restart = 'start the call again from the game to get a new one';
  if (o.ticket === undefined) {
    const issued = await ticketBySeed(store.db, o.teamId, t.scenario, t.seed);
    if (issued) {
      throw new HttpError(422, 'ticket-required', `this call was started online with a ticket (seed ${t.seed} was chosen by the server); send the result with its ticket`);
    }
    return { offline: true, ticket: null };
  }
  const ticket = await ticketById(store.db, o.teamId, o.ticket);
  if (!ticket) throw new HttpError(422, 'unknown-ticket', `this team has no ticket "${o.ticket}"; ${restart}`);
  if (ticket.player_id !== o.playerId) throw new HttpError(422, 'ticket-not-yours', 'this ticket was given to another player: a result counts only for the player who started the call');
  if (ticket.scenario !== t.scenario || ticket.seed !== t.seed) {
    throw new HttpError(422, 'ticket-mismatch', `this ticket is for the call "${ticket.scenario}" with seed ${ticket.seed}, but the result is of "${t.scenario}" with seed ${t.seed}`);
  }
  if (ticket.used_at !== null) throw new HttpError(409, 'ticket-used', `this ticket was used for result ${ticket.result_id} already; each ticket counts once — ${restart}`);
  if (ticket.expires_at <= o.now) throw new HttpError(422, 'ticket-expired', `this ticket expired at ${new Date(ticket.expires_at).toISOString()}; ${restart}`);
  if (Number(ticket.typed_only) === 1) refuseButtons(o.transcript);
  return { offline: false, ticket: ticket.id };
}

/**
 * An exam on a "typed replies only" ticket (the team's setting when it was issued): every reply
 * must have been typed. A reply chosen with a button is refused, naming its turn.
 */
function refuseButtons(t: Transcript): void {
  let turn = 0;
  for (const e of t.events) {
    if (e.type !== 'CHOOSE') continue;
    turn++;
    if (!('typed' in e) || typeof e.typed !== 'string') {
      throw new HttpError(422, 'typed-only', `this exam was started while the team's exams take typed replies only, but reply ${turn} was chosen with a button; play the exam again in the game, which hides the buttons`);
    }
  }
}

/** Refuses content the team has already (before the replay's cost; the unique index makes sure). */
export async function refuseCopies(store: Store, teamId: number, hash: string): Promise<void> {
  const first = await store.resultByContent(teamId, hash);
  if (first) throw alreadyPlayed(first.id);
}

export const alreadyPlayed = (id: number) =>
  new HttpError(409, 'already-played', `this call is on the team's board already (result ${id}): a call counts once, whoever sends it — play the call again for a new result`);
