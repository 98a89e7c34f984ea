// Every message the linter adds to the loader's, with its severity. docs/lint.md explains each
// one for trainers (a test keeps the two in step).
//
// Errors: the call is broken or cannot teach what it claims (a trainee can get stuck, the ideal
// can't be reached, the game would play the wrong thing). Warnings: something a trainer
// probably did not mean, but the call still plays.
import type { Severity } from '../../engine/index.js';

export const LINT_CODES = {
  'unreachable-node': 'warning',
  'never-reached': 'warning',
  'ending-unreachable': 'warning',
  'ideal-unreachable': 'error',
  stuck: 'error',
  'no-way-out': 'error',
  'reply-never-offered': 'warning',
  'branch-never-taken': 'warning',
  'single-penalised-reply': 'warning',
  'vanishing-recovery': 'warning',
  'catastrophic-passes': 'warning',
  'memory-never-set': 'warning',
  'memory-never-read': 'warning',
  'return-to-nowhere': 'warning',
  'plan-mismatch': 'error',
  'not-a-plan-file': 'error',
  'duplicate-plan': 'error',
  'no-feedback': 'warning',
  'fact-never-revealed': 'error',
  'cannot-ace': 'warning',
  'cannot-fail': 'warning',
  'missing-voice': 'warning',
  'schema-ref': 'warning',
  'translation-mismatch': 'error',
  'duplicate-scenario': 'error',
  'too-many-states': 'warning',
  'replies-alike': 'warning',
  'lint-internal': 'error',
} as const satisfies Record<string, Severity>;

export type LintCode = keyof typeof LINT_CODES;

/** The loader's own codes (src/engine/load, and src/engine/translation for string tables), which lint passes on unchanged. */
export const LOADER_CODES = [
  'json-syntax',
  'duplicate-key',
  'not-a-scenario',
  'no-version',
  'newer-version',
  'schema',
  'unknown-property',
  'unknown-node',
  'unknown-fact',
  'no-default-branch',
  'no-nodes',
  'bad-hang-up',
  'ending-with-replies',
  'dead-end',
  'ending-with-timeout',
  'needs-without-end',
  'duplicate-reply-id',
  'doing-without-takes',
  // Format 2's additions.
  'bad-version',
  'unknown-flag',
  'unknown-counter',
  'unknown-reply',
  'name-clash',
  'reserved-name',
  'label-without-end',
  'credit-without-end',
  'feedback-variants-without-end',
  'internal',
  // String tables, composed with their original (src/engine/translation).
  'not-a-table',
  'table-version',
  'wrong-original',
  'same-locale',
  'no-original',
  'original-broken',
  'compose-failed',
  'missing-string',
  'extra-string',
  'stale-string',
  'extra-voice',
] as const;

/** A skill "can be aced" at this score or above, and "can be failed" at this or below. */
export const ACE = 90;
export const FAIL = 30;
