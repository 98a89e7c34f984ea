// Golden plans as data: `<call id>.plans.json` beside a call pins how it plays — each plan a
// sequence of [node, reply] steps and the ending and scores it must reach, on the original and
// on every translation. `scenario pin` writes them; the golden tests and lint play them.
//
// The format is defined here, in the trainer's tools, not in src/engine: the game, the server
// and the replay never read a plan — only the tools and the tests do — so the engine's format
// (and the bundle the browser loads) stays what a call is. Positions come from the engine's
// JsonDocument, and zod's issues are explained by the engine's own schemaDiagnostics, so a bad
// plan file reads like a bad scenario file: file:line:column, what is wrong, what to write.
import { z } from 'zod';
import { JsonDocument, OUTCOMES, type Diagnostic } from '../../engine/index.js';
import { schemaDiagnostics } from '../../engine/load/schemaIssues.js';
import { baseName } from '../../engine/load/fileKinds.js';

export const PLANS_SUFFIX = '.plans.json';

/** Whether a file (a name or a path) is a plan file. */
export const isPlansFile = (path: string): boolean => baseName(path).endsWith(PLANS_SUFFIX) && baseName(path).length > PLANS_SUFFIX.length;

/** The call id a plan file is for: "scenarios/licence-key.plans.json" → "licence-key". */
export const callIdOfPlans = (path: string): string => baseName(path).slice(0, -PLANS_SUFFIX.length);

/** The plan file of a call, beside its file: "scenarios/licence-key.json" (or a translation) with id "licence-key". */
export function plansFileFor(scenarioFile: string, id: string): string {
  const dir = scenarioFile.slice(0, scenarioFile.length - baseName(scenarioFile).length);
  return `${dir}${id}${PLANS_SUFFIX}`;
}

/** The moves a step can name instead of a reply id (a reply with that id comes first). */
export const TIMEOUT = 'timeout';
export const HANG_UP = 'hang-up';

const score = z.number().int().min(0).max(100);

const stepSchema = z
  .tuple([z.string().min(1).describe('The node whose line the customer has just spoken'), z.string().min(1).describe('The reply id chosen there, or "timeout" or "hang-up"')])
  .describe('[node id, reply id]: where the call must be, and what the trainee does there');

export const expectSchema = z
  .strictObject({
    ending: z.string().min(1).describe('The ending node the call reaches'),
    outcome: z.enum(OUTCOMES),
    ideal: z.boolean().describe('Whether the ending is ideal (an ideal outcome with its required facts known)'),
    politeness: score,
    accuracy: score,
    judgment: score,
    overall: score,
  })
  .describe('What the call must end with');

export const planSchema = z.strictObject({
  name: z.string().min(1).describe('What the plan shows; unique in the file (pin replaces a plan of the same name)'),
  note: z.string().optional().describe('Why the numbers are what they are, for the next trainer'),
  seed: z.number().int().min(0).max(0xffffffff).optional().describe('The seed that shuffles the replies (default 1); the golden tests also play another'),
  mode: z.enum(['practice', 'exam']).optional().describe('Default practice; "exam" for plans that let the timer run out'),
  steps: z.array(stepSchema).min(1),
  expect: expectSchema,
});

export const planFileSchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional().describe('A note on the file for trainers'),
  plans: z.array(planSchema),
});

export type Plan = z.infer<typeof planSchema>;
export type Step = Plan['steps'][number];
export type Expectation = Plan['expect'];
export type PlanFile = z.infer<typeof planFileSchema>;

export type ParsedPlans = { readonly ok: true; readonly doc: JsonDocument; readonly plans: readonly Plan[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Reads a plan file: syntax, then the format, then names used twice — each with its place. */
export function parsePlanFile(text: string, file: string): ParsedPlans {
  const doc = new JsonDocument(text, file);
  const early = [...doc.syntaxErrors, ...doc.duplicateKeys];
  if (early.length > 0) return { ok: false, diagnostics: early };
  if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    return { ok: false, diagnostics: [doc.diagnostic([], 'error', 'not-a-plan-file', 'a plan file holds one JSON object: {"plans": [...]}', 'write {"plans": []}, or let `npm run scenario -- pin` write it')] };
  }
  const parsed = planFileSchema.safeParse(doc.value);
  if (!parsed.success) return { ok: false, diagnostics: schemaDiagnostics(doc, planFileSchema, parsed.error.issues) };
  const seen = new Map<string, number>();
  const twice: Diagnostic[] = [];
  parsed.data.plans.forEach((p, i) => {
    const first = seen.get(p.name);
    if (first === undefined) seen.set(p.name, i);
    else twice.push(doc.diagnostic(['plans', i, 'name'], 'error', 'duplicate-plan', `plan ${i + 1} has the same name as plan ${first + 1}: "${p.name}"`, 'give each plan its own name (pin replaces the plan of the name it is given)'));
  });
  if (twice.length > 0) return { ok: false, diagnostics: twice };
  return { ok: true, doc, plans: parsed.data.plans };
}

/**
 * A plan file as a trainer reads it: one plan after another, one step a line, the expectation
 * on one line. Plain JSON that parsePlanFile reads back to the same plans.
 */
export function formatPlanFile(plans: readonly Plan[]): string {
  const j = (v: unknown) => JSON.stringify(v);
  const planText = (p: Plan) => {
    const lines = [`      "name": ${j(p.name)}`];
    if (p.note !== undefined) lines.push(`      "note": ${j(p.note)}`);
    if (p.seed !== undefined) lines.push(`      "seed": ${j(p.seed)}`);
    if (p.mode !== undefined) lines.push(`      "mode": ${j(p.mode)}`);
    lines.push(`      "steps": [\n${p.steps.map((s) => `        [${j(s[0])}, ${j(s[1])}]`).join(',\n')}\n      ]`);
    const e = p.expect;
    lines.push(
      `      "expect": { "ending": ${j(e.ending)}, "outcome": ${j(e.outcome)}, "ideal": ${j(e.ideal)}, "politeness": ${e.politeness}, "accuracy": ${e.accuracy}, "judgment": ${e.judgment}, "overall": ${e.overall} }`,
    );
    return `    {\n${lines.join(',\n')}\n    }`;
  };
  return `{\n  "plans": [\n${plans.map(planText).join(',\n')}\n  ]\n}\n`;
}

/** The plans with `plan` in place of the one of the same name (kept where it was), or added at the end. */
export function withPlan(plans: readonly Plan[], plan: Plan): { plans: Plan[]; replaced: boolean } {
  const at = plans.findIndex((p) => p.name === plan.name);
  if (at < 0) return { plans: [...plans, plan], replaced: false };
  // Pinning again keeps the trainer's note unless a new one is given.
  const old = plans[at]!;
  const kept: Plan = plan.note === undefined && old.note !== undefined ? { ...plan, note: old.note } : plan;
  return { plans: plans.map((p, i) => (i === at ? kept : p)), replaced: true };
}
