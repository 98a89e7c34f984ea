// What the package tells its LMS, whichever standard it speaks: the state to resume from, and
// once the calls have ended, completion, pass or fail, the scores and each skill as an objective.
import type { PackageOutcome } from '../../engine/assignment/packageOutcome.js';

/** One turn of a finished call, from the engine's review: the reply chosen and the points it lost per skill. */
export interface TurnReport {
  readonly call: string;
  readonly turn: number;
  readonly node: string;
  readonly kind: 'reply' | 'timeout' | 'hang-up';
  readonly reply: string | null;
  readonly say: string | null;
  /** Points lost on the turn, per skill (0 or more). */
  readonly lost: { readonly politeness: number; readonly accuracy: number; readonly judgment: number };
}

export interface Report {
  readonly outcome: PackageOutcome;
  readonly tries: number;
  /** The turns of the call just finished. */
  readonly turns: readonly TurnReport[];
  /** Ms the learner spent in this session. */
  readonly sessionMs: number;
}

export interface LmsAdapter {
  /** Connects; returns the suspend data to resume from ('' for a first launch). */
  start(): Promise<string>;
  /** The pass mark the LMS sets (cmi5's masteryScore, 0–100), if it sets one. */
  readonly masteryScore: number | null;
  /** False when the LMS records nothing of this launch (cmi5's Browse or Review mode); absent: it does. */
  readonly records?: boolean;
  /** Keeps the state to resume from (after every turn). */
  save(suspend: string): Promise<void>;
  /** A call has ended: what it and the package stand at. */
  report(report: Report, suspend: string): Promise<void>;
  /** The learner leaves (the page closes): suspended if the package is not complete. */
  exit(complete: boolean, sessionMs: number): void;
}

export class LmsError extends Error {
  override readonly name = 'LmsError';
  constructor(
    readonly code: 'no-api' | 'refused' | 'launch' | 'network',
    message: string,
  ) {
    super(message);
  }
}

/** A turn's interaction id in SCORM: the call, the try (counted over the package) and the turn. */
export const interactionId = (t: TurnReport, tries: number): string => `${t.call}-try${tries}-turn${t.turn}`;

export const lostNothing = (t: TurnReport): boolean => t.lost.politeness === 0 && t.lost.accuracy === 0 && t.lost.judgment === 0;
