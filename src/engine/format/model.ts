// The scenario as the engine uses it: every default applied, every shorthand expanded,
// every reference checked. Built from a validated file by load/normalize.ts.
import type { Emotion, Outcome } from './schema.js';

export type { Emotion, Outcome } from './schema.js';

export type Quantity = 'mood' | 'patience';
export type Comparator = '>=' | '<=' | '>' | '<' | '==';

/** All parts must hold: facts known, facts not known, comparisons on mood or patience. */
export interface Condition {
  readonly known: readonly string[];
  readonly unknown: readonly string[];
  readonly compare: readonly { readonly on: Quantity; readonly op: Comparator; readonly value: number }[];
}

/** One possible destination; the first branch whose condition holds is taken. */
export interface Branch {
  readonly to: string;
  readonly when: Condition | null;
}

/** What a choice does to the scores (deductions, 0 or below) and to the customer. */
export interface Effects {
  readonly polite: number;
  readonly accuracy: number;
  readonly judgment: number;
  readonly mood: number;
  readonly patience: number;
  readonly reveals: readonly string[];
  readonly feedback: string | null;
}

export interface Reply extends Effects {
  /** Stable id, "<node>.<position>" unless the trainer named it. */
  readonly id: string;
  /** Position in the node's list, from 0. */
  readonly index: number;
  readonly say: string;
  readonly when: Condition | null;
  readonly next: readonly Branch[];
  /** 0 for a plain reply; otherwise an action that takes this long. */
  readonly takesMs: number;
  readonly doing: string | null;
  readonly repeat: boolean;
}

export interface Timeout extends Effects {
  readonly afterMs: number;
  /** Empty: the call stays on the same node and the customer repeats the line. */
  readonly next: readonly Branch[];
}

export interface DialogueNode {
  readonly id: string;
  readonly say: string;
  readonly emotion: Emotion | null;
  readonly voice: string | null;
  readonly hint: string | null;
  readonly replies: readonly Reply[];
  readonly timeout: Timeout | null;
  /** Set on endings, which have no replies. */
  readonly end: Outcome | null;
  readonly feedback: string | null;
  /** For endings: the facts a call ending here should have found (null: the default, see scoring/). */
  readonly needs: readonly string[] | null;
  /** True for the two endings every scenario gets from the engine. */
  readonly builtIn: boolean;
}

export interface Fact {
  readonly id: string;
  readonly text: string;
  readonly key: boolean;
}

export interface Ideal {
  readonly outcome: Outcome;
  /** Facts that must be known when the call ends this way. */
  readonly requires: readonly string[];
  /** Facts that must not be ("!fact" in the file): a call that ends this way after one is no model ending. */
  readonly forbids: readonly string[];
  readonly why: string | null;
}

export interface ScoringRules {
  readonly weights: { readonly politeness: number; readonly accuracy: number; readonly judgment: number };
  readonly par: number | null;
  readonly overPar: number;
  readonly missedFact: number;
  readonly unmet: number;
  readonly credit: Readonly<Partial<Record<Outcome, number>>>;
  readonly hangUp: number;
}

export interface Customer {
  readonly name: string;
  readonly persona: string;
  readonly mood: number;
  readonly patience: number;
  readonly drain: number;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly locale: string;
  readonly difficulty: 'easy' | 'medium' | 'hard';
  readonly tags: readonly string[];
  readonly brief: string;
  readonly customer: Customer;
  readonly facts: ReadonlyMap<string, Fact>;
  readonly ideal: readonly Ideal[];
  readonly scoring: ScoringRules;
  readonly start: string;
  /** The ending reached when patience runs out. */
  readonly hangUpNode: string;
  readonly nodes: ReadonlyMap<string, DialogueNode>;
  /** SHA-256 of the file's content (canonical JSON), so transcripts name the exact version. */
  readonly hash: string;
  /** Where it was loaded from, for messages. */
  readonly file: string;
}

/** Ids of the endings the engine adds to every scenario. */
export const BUILT_IN = {
  hungUp: '$hung-up',
  abandoned: '$abandoned',
} as const;
