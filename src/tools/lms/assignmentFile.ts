// An assignment file for `scenario -- package`: a title, the calls (ids in the scenario folder,
// or files) in the order they are played, and the pass gates (engine/assignment/passGates.ts).
//   { "assignment": 1, "title": "Week 1: refunds", "calls": ["vague-refund", "late-defect.pl"],
//     "passGates": { "overall": 80, "skills": { "judgment": 70 } }, "seed": 7 }
import { z } from 'zod';
import { passGatesSchema } from '../../engine/index.js';
import { MAX_PACKAGE_CALLS } from '../../lms/packageConfig.js';

export const ASSIGNMENT_VERSION = 1;

export const assignmentFileSchema = z
  .object({
    assignment: z.literal(ASSIGNMENT_VERSION).describe('The assignment file format version.'),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    calls: z.array(z.string().min(1)).min(1).max(MAX_PACKAGE_CALLS).describe('Call ids (update-warning, update-warning.ru) or scenario files, played in this order.'),
    passGates: passGatesSchema,
    /** A fixed seed: every learner gets the same order of replies. Omitted: a new one per try. */
    seed: z.number().int().min(0).max(0xffff_ffff).optional(),
  })
  .strict();

export type AssignmentFile = z.output<typeof assignmentFileSchema>;

/** Whether a JSON value is meant as an assignment (not a scenario): it says so. */
export const isAssignment = (v: unknown): boolean => typeof v === 'object' && v !== null && 'assignment' in v;
