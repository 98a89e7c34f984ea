// The team leaderboard in plain DOM and SVG: the in-game board (inside the Leaderboard scene's
// DOM overlay), the meeting view for a projector, and the outbox status strip.
import type { ApiClient, Outbox } from '../client/index.js';
import { mountBoard } from './boardPage.js';
import { mountCertificate } from './certificatePage.js';
import { mountCompare } from './compareView.js';
import { isMeetingPeriod, mountMeeting, type MeetingPeriod } from './meetingPage.js';
import { mountOutbox } from './outboxStatus.js';
import { mountTrainer } from './trainerPage.js';
import { mountTeam, TEAM_PERIODS, type TeamPeriod } from './teamPage.js';

/** i18next's `t` bound to the "leaderboard" namespace, or anything that acts like it. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface LeaderboardOptions {
  readonly client: ApiClient;
  /** The team's join code: it is what lets anyone read the board. */
  readonly code: string;
  /** The signed-in player, highlighted on the board. */
  readonly playerId?: number;
  /** Interface language: "en" | "ru" | "pl" | "uk" (default: the browser's). Ignored when `t` is given. */
  readonly lang?: string;
  /** The game's translator for the "leaderboard" namespace; without it, the board loads its own strings. */
  readonly t?: Translate;
  /** Shows what waits to be sent and what was sent, above the board. */
  readonly outbox?: Outbox;
  /** A trainer's token: shows CSV export, remove result, rename and new season. */
  readonly trainerToken?: string;
  /** Shows a Back button that calls this. */
  readonly onClose?: () => void;
  /** The board's first period: last7 (default), month, season, all (boardPage.ts PERIODS). */
  readonly period?: import('./boardPage.js').BoardPeriod;
  /** Controls the game adds to each turn of a replayed result (its own: "Try another reply"). */
  readonly turnActions?: import('./replayView.js').TurnActionsFor;
}

export interface MeetingViewOptions {
  readonly client: ApiClient;
  readonly code: string;
  readonly lang?: string;
  readonly t?: Translate;
  /** Time on each slide before moving to the next call (default 20 s). */
  readonly advanceMs?: number;
  /** Default "last7", the last 7 days; also since-meeting, month, season, all (meetingPage.ts MEETING_PERIODS). */
  readonly period?: MeetingPeriod;
}

export interface MountedView {
  /** Loads the data again. */
  refresh(): Promise<void>;
  /** Removes everything it added to the container and stops its timers. */
  destroy(): void;
}

/**
 * The team board: overall and per call, last 7 days / month / season / all time, champions, the
 * trend chart and recent results; a click on a result opens that call replayed turn by turn.
 */
export function mountLeaderboard(container: HTMLElement, opts: LeaderboardOptions): MountedView {
  return mountBoard(container, opts);
}

/**
 * The projector page (`/?view=meeting&team=<code>`): large type, high contrast, advancing on its
 * own from the overall board through each call's board; arrow keys and space step by hand.
 */
export function mountMeetingView(container: HTMLElement, opts: MeetingViewOptions): MountedView {
  return mountMeeting(container, opts);
}

/** A small strip showing results waiting to be sent, sent, or refused (with the reason). */
export function mountOutboxStatus(container: HTMLElement, opts: { outbox: Outbox; lang?: string; t?: Translate }): MountedView {
  return mountOutbox(container, opts);
}

/**
 * The trainer's page (`/?view=trainer`): sign in with the trainer token, create teams and see
 * their join codes, open a board with the trainer's tools or a team's meeting view.
 */
export function mountTrainerPage(container: HTMLElement, opts: { client: ApiClient; lang?: string; t?: Translate }): MountedView {
  return mountTrainer(container, opts);
}

/**
 * For the game's entry: mounts the page a URL asks for instead of the game — `?view=meeting&team=<code>`
 * (the projector page), `?view=trainer`, `?view=certificate&code=<code>` or `?view=compare&team=<code>&a=<id>&b=<id>` — and returns it; null for any other URL (start the game).
 */
export function mountViewForUrl(container: HTMLElement, url: string | URL, opts: { client: ApiClient; lang?: string; t?: Translate }): MountedView | null {
  const q = new URL(url, 'http://localhost').searchParams;
  const lang = q.get('lang') ?? opts.lang;
  const base = { client: opts.client, ...(lang ? { lang } : {}), ...(opts.t ? { t: opts.t } : {}) };
  switch (q.get('view')) {
    case 'meeting': {
      const period = q.get('period');
      const seconds = Number(q.get('seconds'));
      return mountMeeting(container, {
        ...base,
        code: q.get('team') ?? '',
        ...(isMeetingPeriod(period) ? { period } : {}),
        ...(seconds >= 5 ? { advanceMs: seconds * 1000 } : {}),
      });
    }
    case 'team': {
      // The team page: ?view=team&team=<code>[&period=last7|month|season|all].
      const period = q.get('period');
      return mountTeam(container, { ...base, code: q.get('team') ?? '', ...((TEAM_PERIODS as readonly (string | null)[]).includes(period) ? { period: period as TeamPeriod } : {}) });
    }
    case 'trainer':
      return mountTrainer(container, base);
    case 'certificate':
      // A certificate, public: ?view=certificate&code=<its verification code>; &verify=1 is the
      // address printed on it, where a verifier is told it is valid (and offered no Print).
      return mountCertificate(container, { ...base, code: q.get('code') ?? '', verify: q.get('verify') === '1' });
    case 'compare': {
      // Two results of the team side by side: ?view=compare&team=<code>&a=<id>&b=<id>.
      const id = (k: string) => (/^[1-9]\d{0,15}$/.test(q.get(k) ?? '') ? Number(q.get(k)) : null);
      return mountCompare(container, { ...base, code: q.get('team') ?? '', a: id('a'), b: id('b') });
    }
    default:
      return null;
  }
}
