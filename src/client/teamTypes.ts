// The wire format of the team page: its members, a member's weeks and the team's insights
// (GET /api/teams/:code/members, …/members/:id/progress, …/insights). Times are ISO strings.
import type { Dimension } from '../engine/scoring/dimensions.js';

/** One member of the team, played or not, with what they did in the period asked for. */
export interface Member {
  readonly player: { readonly id: number; readonly name: string };
  readonly joinedAt: string;
  /** Their last result (any season); null if they never played. */
  readonly lastPlayedAt: string | null;
  /** Results in the period. */
  readonly resultsInPeriod: number;
  /** Distinct calls played in the period. */
  readonly callsInPeriod: number;
  /** Means over every result in the period; null when there is none. */
  readonly politeness: number | null;
  readonly accuracy: number | null;
  readonly judgment: number | null;
  readonly overall: number | null;
  /** At least one result in the last 7 days. */
  readonly practisedThisWeek: boolean;
}

export interface MembersPage {
  readonly team: { readonly name: string; readonly season: number };
  /** Start of the period (ISO); null for the whole season. */
  readonly since: string | null;
  readonly members: readonly Member[];
}

export interface ProgressWeek {
  /** The week's first moment (ISO), in the viewer's time zone when they sent `weekStart`. */
  readonly start: string;
  readonly results: number;
  /** Means over the week's results; null in a week without any. */
  readonly politeness: number | null;
  readonly accuracy: number | null;
  readonly judgment: number | null;
  readonly overall: number | null;
}

export interface Progress {
  readonly player: { readonly id: number; readonly name: string };
  /** From the week of their first result in the period to this week, every week (empty ones too). */
  readonly weeks: readonly ProgressWeek[];
}

export interface WeakestSkill {
  readonly skill: Dimension;
  readonly average: number;
}

/** A key fact calls ended without. */
export interface MissedFact {
  readonly scenario: string;
  /** The language of the call's version these texts are from (BCP 47; null if no version is stored). */
  readonly lang: string | null;
  /** The call's title in the viewer's language when that version exists. */
  readonly title: string;
  readonly fact: string;
  /** The fact's text from the call, in the viewer's language when that version exists. */
  readonly text: string;
  /** Results that missed it … */
  readonly missed: number;
  /** … of the results on that call (each could have). */
  readonly of: number;
  /** A result that missed it, to replay (the latest). */
  readonly example: number;
}

/** On one call, the weaker reply chosen most often where the engine rates another reply on offer better. */
export interface WrongReply {
  readonly scenario: string;
  /** The language of the call's version these texts are from (BCP 47; null if no version is stored). */
  readonly lang: string | null;
  readonly title: string;
  /** Where it was chosen. */
  readonly node: string;
  readonly reply: string;
  readonly text: string;
  /** Results that chose it there … */
  readonly count: number;
  /** … of the results that took a turn at that node. */
  readonly of: number;
  readonly example: number;
}

export interface Insights {
  /** Start of the period (ISO); null for the whole season. */
  readonly since: string | null;
  /** Results the insights are counted from. */
  readonly results: number;
  /** Results not reviewed yet (a large backlog is reviewed a batch per request): left out of the counts. */
  readonly pending: number;
  readonly weakestSkill: WeakestSkill | null;
  readonly missedFacts: readonly MissedFact[];
  readonly wrongReplies: readonly WrongReply[];
}
