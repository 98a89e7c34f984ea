// What a package is built with (src/tools/lms/buildPackage.ts writes it into the bundle as
// `virtual:htl-package`): the LMS it speaks to, its calls, the pass gates and the seed.
import type { PassGates } from '../engine/assignment/passGates.js';

export const LMS_KINDS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type LmsKind = (typeof LMS_KINDS)[number];

/** An assignment package holds at most this many calls, so its suspend data stays under 4,096 characters (suspend.ts). */
export const MAX_PACKAGE_CALLS = 40;

export interface PackageConfig {
  readonly kind: LmsKind;
  /** The package's identifier (the manifest's and, for cmi5, the activities' IRIs are made from it). */
  readonly id: string;
  readonly title: string;
  /** The calls in the order they are played. */
  readonly calls: readonly { readonly id: string; readonly locale: string }[];
  readonly gates: PassGates;
  /** A fixed seed for every call (the same reply order for every learner); null: a new one per try. */
  readonly seed: number | null;
}
