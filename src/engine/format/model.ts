// The scenario as the engine uses it: every default applied, every shorthand expanded,
// every reference checked. Built from a validated file by load/normalize.ts.
import type { Emotion, Outcome } from './schema.js';

export type { Emotion, Outcome } from './schema.js';

/** What a comparison can look at: the customer's mood or patience, the turns taken, or a counter (by id). */
export type Quantity = 'mood' | 'patience' | 'turns' | { readonly counter: number };
export type Comparator = '>=' | '<=' | '>' | '<' | '==';

/**
 * All parts must hold: facts or flags known, facts or flags not known, comparisons. An earlier
 * reply ("chose:x") is a flag the engine sets when that reply is chosen (see choiceFlag).
 */
export interface Condition {
  readonly known: readonly string[];
  readonly unknown: readonly string[];
  readonly compare: readonly { readonly on: Quantity; readonly op: Comparator; readonly value: number }[];
}

/** A change to the call's hidden memory: a flag set or cleared, or a counter moved. */
export type MemoryChange =
  | { readonly kind: 'flag'; readonly flag: string; readonly on: boolean }
  | { readonly kind: 'counter'; readonly counter: number; readonly op: '+' | '-' | '='; readonly value: number; readonly max: number };

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
  /** Changes to the hidden memory (format 2), including the flag recording this reply when a condition asks "chose:" it. */
  readonly set: readonly MemoryChange[];
  readonly feedback: string | null;
}

/** What speaking a node's line does each time (format 2's "enter"). */
export interface Entry {
  readonly mood: number;
  readonly patience: number;
  readonly reveals: readonly string[];
  readonly set: readonly MemoryChange[];
}

/** An ending's comment for the calls that meet its condition. */
export interface FeedbackVariant {
  readonly when: Condition | null;
  readonly text: string;
}

export interface Reply extends Effects {
  /** Stable id, "<node>.<position>" unless the trainer named it. */
  readonly id: string;
  /** Position in the node's list, from 0. */
  readonly index: number;
  readonly say: string;
  /** Other phrasings of `say` for typed replies (engine/match); `say` is always one more. */
  readonly examples: readonly string[];
  readonly when: Condition | null;
  readonly next: readonly Branch[];
  /** 0 for a plain reply; otherwise an action that takes this long. */
  readonly takesMs: number;
  readonly doing: string | null;
  readonly repeat: boolean;
}

/** A line the customer says into the trainee's silence (format 2's timeout "say"). */
export interface SilenceLine {
  /** Its key in a string table, and the name of its voice file (see format/voices.ts). */
  readonly key: string;
  readonly say: string;
}

export interface Timeout extends Effects {
  readonly afterMs: number;
  /** Empty: the call stays on the same node and the customer repeats the line (or says one of `silence`). */
  readonly next: readonly Branch[];
  /** Said in turn, round, when the call stays on the node; empty: the line is repeated. */
  readonly silence: readonly SilenceLine[];
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
  /** What speaking this line does, each time (null: nothing). */
  readonly enter: Entry | null;
  /** For endings: the name shown for how the call ended (null: the outcome's own name). */
  readonly label: string | null;
  /** For endings: judgment when it is not ideal (null: the scoring's credit for its outcome). */
  readonly credit: number | null;
  /** For endings: the comment when no variant's condition holds (or there are none). */
  readonly feedback: string | null;
  /** For endings: comments tried in order before `feedback`; the first whose condition holds is shown. */
  readonly feedbackVariants: readonly FeedbackVariant[];
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
  /** Facts (or flags) that must be known when the call ends this way. */
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
  /** Grammatical gender, for labels that describe the customer (null: none given). */
  readonly gender: 'female' | 'male' | null;
  readonly mood: number;
  readonly patience: number;
  readonly drain: number;
}

/** A hidden flag (format 2), or the flag recording an earlier reply. */
export interface Flag {
  readonly id: string;
  readonly note: string;
}

/** A hidden counter (format 2): 0 to max, starting at 0. `index` is its place in the context's counters. */
export interface Counter {
  readonly id: string;
  readonly index: number;
  readonly max: number;
  readonly note: string;
}

export interface Scenario {
  /** The format version of the file it was loaded from. */
  readonly schemaVersion: 1 | 2;
  readonly id: string;
  readonly title: string;
  readonly locale: string;
  readonly difficulty: 'easy' | 'medium' | 'hard';
  readonly tags: readonly string[];
  readonly brief: string;
  readonly customer: Customer;
  readonly facts: ReadonlyMap<string, Fact>;
  /** Hidden flags: declared ones, then one per reply a condition asks about ("chose:x"). */
  readonly flags: ReadonlyMap<string, Flag>;
  readonly counters: ReadonlyMap<string, Counter>;
  /** Memory the analyses must tell states apart by (see memoryKey in rules/memory.ts). */
  readonly memory: MemoryUse;
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

/** Which kinds of memory a call uses; a call of format 1 uses none. */
export interface MemoryUse {
  /** Some target is "$return": the call remembers where it came from. */
  readonly returns: boolean;
  /** Some condition compares "turns": the turns taken are part of a state. */
  readonly turns: boolean;
  /** Flags or counters exist. */
  readonly hidden: boolean;
}

/** A reply's id when the trainer wrote none: "<node>.<position>", the position counted from 1. */
export const defaultReplyId = (node: string, index: number): string => `${node}.${index + 1}`;

/** The flag the engine sets when a reply some condition asks about ("chose:<id>") is chosen. */
export const choiceFlag = (reply: string) => `chose:${reply}`;

/** Ids of the endings the engine adds to every scenario. */
export const BUILT_IN = {
  hungUp: '$hung-up',
  abandoned: '$abandoned',
} as const;
