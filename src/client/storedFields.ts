// Field shapes shared by the stored formats (see restore.ts): times, bounded texts, counts.
import { z } from 'zod/mini';
import type { Grade } from '../engine/index.js';

const MAX_TIME_TEXT = 64;

/** A time as an ISO string; any text `Date` reads is accepted and written back in ISO form. */
export const isoTime = z.pipe(
  z.string().check(
    z.maxLength(MAX_TIME_TEXT),
    z.refine((s) => Number.isFinite(Date.parse(s))),
  ),
  z.transform((s) => new Date(s).toISOString()),
);

/** A text cut to `max` characters: a runaway value is shortened rather than lost. */
export const boundedText = (max: number) => z.pipe(z.string(), z.transform((s) => s.slice(0, max)));

/** 0, 1, 2, … */
export const count = z.number().check(z.int(), z.minimum(0));

/** Every grade, as a record so that a grade added to the engine fails to compile until listed here. */
const GRADES: Record<Grade, true> = { A: true, B: true, C: true, D: true, F: true };
export const grade = z.enum(Object.keys(GRADES) as Grade[]);
