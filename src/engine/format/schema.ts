// The scenario format — defined once, here: version 1 first, then version 2 as what it adds
// (every version-1 file reads the same as version 2 once its number is changed).
// The TypeScript types are inferred from these schemas, and scenarios/scenario.schema.json is
// generated from them (npm run schema). Descriptions become editor tooltips, so they are
// written for trainers.
import { z } from 'zod';

/** The newest format this engine reads; it reads every older one too. */
export const SCHEMA_VERSION = 2;
export const SCHEMA_VERSIONS = [1, 2] as const;
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];

/** Node, fact and reply ids: lower-case words joined by dashes, starting with a letter. */
export const ID_PATTERN = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

const id = (what: string) =>
  z
    .string()
    .regex(ID_PATTERN, { message: `${what} must be lower-case words joined by dashes, e.g. "check-order"` })
    .describe(`${what}: lower-case words joined by dashes, starting with a letter.`);

export const OUTCOMES = ['retained', 'parted', 'redirected', 'escalated', 'hung-up', 'abandoned'] as const;
export const outcomeSchema = z
  .enum(OUTCOMES)
  .describe(
    'How the call ended: retained (the customer stays), parted (the relationship ended politely), ' +
      'redirected (sent to the right place), escalated (handed to a supervisor), hung-up (the customer hung up), ' +
      'abandoned (the trainee hung up).',
  );

export const EMOTIONS = ['calm', 'pleased', 'confused', 'annoyed', 'angry', 'furious', 'sad'] as const;

/** A deduction: 0 (nothing wrong) down to -100. Good replies cost nothing; they are never positive. */
const deduction = (dimension: string) =>
  z
    .number()
    .int()
    .min(-100)
    .max(0, { message: `${dimension} effects are deductions from 100: write 0 for a good reply, down to -100` })
    .optional()
    .describe(`Points of ${dimension} this costs (0 to -100). Default 0: nothing wrong.`);

const change = (what: string) =>
  z
    .number()
    .int()
    .min(-100)
    .max(100)
    .optional()
    .describe(`Change to the customer's ${what} (-100 to 100). Default 0.`);

/**
 * A condition: a fact id that must be known, "!fact" for one that must not be,
 * or a comparison "mood>=50", "patience<30". A list means all of them.
 */
export const CONDITION_PATTERN =
  /^(?:!?[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*|(?:mood|patience)(?:>=|<=|>|<|==)-?\d+)$/;
const conditionAtom = z
  .string()
  .regex(CONDITION_PATTERN, {
    message: 'a condition is a fact id ("order-found"), its negation ("!order-found") or a comparison ("mood>=50")',
  });
export const conditionSchema = z
  .union([conditionAtom, z.array(conditionAtom).min(1)])
  .describe('Facts that must be known ("order-found"), not known ("!order-found"), or "mood>=50", "patience<30". A list means all.');

const branch = z
  .object({
    to: id('Node id').describe('The node the call goes to.'),
    if: conditionSchema.optional(),
  })
  .strict();
export const nextSchema = z
  .union([id('Node id'), z.array(branch).min(1)])
  .describe('Where the call goes next: a node id, or a list of {"to", "if"} tried in order (the last usually without "if").');

const factList = z
  .union([id('Fact id'), z.array(id('Fact id'))])
  .describe('Facts this reveals (ids declared under "facts").');

/** Fields shared by replies and timeouts: what they do to the scores and to the customer. */
const effects = {
  polite: deduction('politeness'),
  accuracy: deduction('accuracy'),
  judgment: deduction('judgment'),
  mood: change('mood'),
  patience: change('patience'),
  reveals: factList.optional(),
  feedback: z.string().optional().describe("The trainer's comment on this choice, shown in the debrief. Say why."),
};

export const replySchema = z
  .object({
    id: id('Reply id').optional().describe('Stable id for this reply. Default: "<node>.<position>", e.g. "greeting.2".'),
    say: z.string().min(1).describe('What the trainee says.'),
    examples: z
      .array(z.string().min(1).max(300))
      .max(20)
      .optional()
      .describe(
        'Other ways a trainee might say this reply, for typed replies: the matcher takes text like these (and like "say", always one example) as this reply. Write whole phrasings, not keywords, and none that would fit another reply of the node.',
      ),
    ...effects,
    if: conditionSchema.optional().describe('Show this reply only when the condition holds.'),
    next: nextSchema,
    takes: z
      .number()
      .positive()
      .max(600)
      .optional()
      .describe('Makes this an action that takes this many seconds (looking something up); the customer waits and patience drains.'),
    doing: z.string().optional().describe('Progress caption while the action runs, e.g. "Looking up the order…".'),
    repeat: z
      .boolean()
      .optional()
      .describe('By default a reply that reveals facts disappears once they are all known. true keeps it.'),
  })
  .strict();

export const timeoutSchema = z
  .object({
    after: z.number().positive().max(600).describe('Seconds of silence before the customer reacts.'),
    ...effects,
    next: nextSchema.optional().describe('Where the call goes. Default: the same node again (the customer repeats).'),
  })
  .strict();

const timeoutOrOff = z
  .union([timeoutSchema, z.literal(false)])
  .describe('What happens when the trainee says nothing for too long; false turns the timer off.');

export const nodeSchema = z
  .object({
    say: z.string().describe("The customer's line. Its stable id is the node's id."),
    emotion: z.enum(EMOTIONS).optional().describe('The portrait for this line. Default: from the mood.'),
    voice: z.string().optional().describe('A recorded line, relative to this scenario file, e.g. "voice/en/greeting.ogg".'),
    hint: z.string().optional().describe('A hint shown in practice mode.'),
    replies: z.array(replySchema).min(1).max(9).optional().describe("The trainee's choices (1-9)."),
    timeout: timeoutOrOff.optional(),
    end: outcomeSchema.optional().describe('Makes this node an ending with this outcome. Endings have no replies.'),
    feedback: z.string().optional().describe("For endings: the trainer's comment on how the call ended."),
    needs: factList
      .optional()
      .describe(
        'For endings: the facts a call should have found before ending here; each one missing costs accuracy ("missedFact"). Default: the key facts the matching ideal requires, or every key fact for an ending that is not ideal.',
      ),
  })
  .strict();

export const factSchema = z.union([
  z.string().describe('What the trainee learns, as shown in the debrief.'),
  z
    .object({
      text: z.string().describe('What the trainee learns, as shown in the debrief.'),
      key: z
        .boolean()
        .optional()
        .describe('A key fact (the real cause): missing it costs accuracy and shows as missed in the debrief.'),
    })
    .strict(),
]);

/** A requirement of an ideal: a fact that must be known ("order-found"), or "!fact" for one that must not be. */
export const REQUIREMENT_PATTERN = /^!?[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
const requirement = z.string().regex(REQUIREMENT_PATTERN, {
  message: 'a requirement is a fact id ("order-found"), or "!" and a fact id for something that must not have happened ("!gave-refund")',
});

export const idealSchema = z
  .object({
    outcome: outcomeSchema,
    requires: z
      .union([requirement, z.array(requirement)])
      .optional()
      .describe(
        'Facts that must be known when the call ends this way ("order-found"; each one missing means it ended too early), or must not be ("!free-upgrade": ending this way after it is no model ending).',
      ),
    why: z.string().optional().describe('Why this is the right ending, shown in the debrief.'),
  })
  .strict();

const weight = z.number().min(0).max(10).optional();

export const scoringSchema = z
  .object({
    weights: z
      .object({ politeness: weight, accuracy: weight, judgment: weight })
      .strict()
      .optional()
      .describe('How the overall score weighs the three skills. Default 1 each.'),
    par: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Turns a good call needs; each turn beyond it costs judgment ("overPar" points).'),
    overPar: z.number().int().min(0).max(100).optional().describe('Judgment lost per turn beyond par. Default 5.'),
    missedFact: z.number().int().min(0).max(100).optional().describe('Accuracy lost per key fact never found. Default 25.'),
    unmet: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe('Judgment lost per "requires" fact missing at the ideal ending. Default 30.'),
    credit: z
      .partialRecord(outcomeSchema, z.number().int().min(0).max(100))
      .optional()
      .describe('Judgment (0-100) for endings that are not ideal, e.g. {"escalated": 40}. Default 0.'),
    hangUp: z.number().int().min(-100).max(0).optional().describe('Politeness lost when the trainee hangs up. Default -50.'),
  })
  .strict();

export const customerSchema = z
  .object({
    name: z.string().min(1),
    persona: z.string().optional().describe('Who this customer is, for the trainee and the portrait.'),
    mood: z.number().int().min(0).max(100).optional().describe('Starting mood: 100 calm … 0 furious. Default 50.'),
    patience: z.number().int().min(1).max(100).optional().describe('Starting patience; at 0 the customer hangs up. Default 100.'),
    drain: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .describe('Patience lost per 10 seconds of waiting when calm; an angry customer loses up to twice as much. Default 3.'),
  })
  .strict();

export const scenarioSchemaV1 = z
  .object({
    $schema: z.string().optional().describe('"./scenario.schema.json", so editors check and complete this file.'),
    schemaVersion: z.literal(1).describe('The version of this format: 1 (the newest is 2).'),
    id: id('Scenario id').describe('The call\'s id; a translation keeps the same id and changes "locale".'),
    title: z.string().min(1),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { message: 'locale is a language code such as "en", "ru" or "pl"' })
      .describe('The language of this file, e.g. "en", "ru", "pl".'),
    difficulty: z.enum(['easy', 'medium', 'hard']).optional().describe('Default "medium".'),
    tags: z.array(z.string()).optional(),
    brief: z.string().min(1).describe('What the trainee is told before the call.'),
    customer: customerSchema,
    facts: z.record(id('Fact id'), factSchema).optional().describe('Everything the trainee can find out or do, by id.'),
    ideal: z
      .union([idealSchema, z.array(idealSchema).min(1)])
      .describe('The right ending(s), with the facts that must be known first.'),
    scoring: scoringSchema.optional(),
    timeout: timeoutOrOff.optional().describe('The default for every node with replies. Default: after 40 s, mood -10, polite -10.'),
    start: id('Node id').optional().describe('The first node. Default: the first one under "nodes".'),
    hangUp: id('Node id').optional().describe('The ending used when patience runs out. Default: the customer hangs up without a word.'),
    nodes: z.record(id('Node id'), nodeSchema).describe('The customer\'s lines, by id.'),
  })
  .strict();


// ——— Version 2: what it adds ———

/** A reply id as conditions name it: a trainer's id, or the default "<node>.<position>". */
const REPLY_REF = '[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*(?:\\.[1-9])?';
const NAME = '[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*';

/**
 * A version-2 condition atom: a fact or flag ("order-found", "!order-found"), a comparison on
 * mood, patience, the turns taken or a counter ("pushes>=3", "turns>5"), or an earlier reply
 * ("chose:offer-refund", "!chose:offer-refund").
 */
export const CONDITION_PATTERN_V2 = new RegExp(`^(?:!?${NAME}|${NAME}(?:>=|<=|>|<|==)-?\\d+|!?chose:${REPLY_REF})$`);
const conditionAtomV2 = z.string().regex(CONDITION_PATTERN_V2, {
  message:
    'a condition is a fact or flag id ("order-found"), its negation ("!order-found"), a comparison ("mood>=50", "pushes>=3", "turns>5") or an earlier reply ("chose:offer-refund")',
});
export const conditionSchemaV2 = z
  .union([conditionAtomV2, z.array(conditionAtomV2).min(1)])
  .describe(
    'When this applies: facts or flags known ("order-found") or not ("!order-found"); "mood>=50", "patience<30", "turns>5", a counter "pushes>=3"; an earlier reply "chose:offer-refund". A list means all.',
  );

/** Where a call can go: a node id, or "$return" for the node the call came to this one from. */
export const RETURN_TARGET = '$return';
const target = z
  .union([id('Node id'), z.literal(RETURN_TARGET)])
  .describe('A node id, or "$return": back to the node the call came here from.');
const branchV2 = z.object({ to: target.describe('The node the call goes to ("$return": back where it came from).'), if: conditionSchemaV2.optional() }).strict();
export const nextSchemaV2 = z
  .union([target, z.array(branchV2).min(1)])
  .describe('Where the call goes next: a node id ("$return": back where it came from), or a list of {"to", "if"} tried in order (the last usually without "if").');

/** A change to the call's hidden memory: "flag" sets it, "!flag" clears it, "pushes+1", "pushes-1", "pushes=0". */
export const SET_PATTERN = new RegExp(`^(?:!?${NAME}|${NAME}(?:\\+|-|=)\\d+)$`);
const setAtom = z.string().regex(SET_PATTERN, {
  message: 'a change is a flag id ("offered-refund") to set it, "!" and its id to clear it, or a counter change ("pushes+1", "pushes-1", "pushes=0")',
});
const setList = z
  .union([setAtom, z.array(setAtom)])
  .describe('Changes to the hidden memory: "flag" sets a flag, "!flag" clears it, "pushes+1" / "pushes-1" / "pushes=0" change a counter.');

const effectsV2 = { set: setList.optional() };

export const replySchemaV2 = replySchema.extend({
  ...effectsV2,
  if: conditionSchemaV2.optional().describe('Show this reply only when the condition holds.'),
  next: nextSchemaV2,
});

export const timeoutSchemaV2 = timeoutSchema.extend({
  ...effectsV2,
  next: nextSchemaV2.optional().describe('Where the call goes. Default: the same node again (the customer repeats, or says one of "say").'),
  say: z
    .array(z.string().min(1))
    .min(1)
    .max(9)
    .optional()
    .describe(
      'What the customer says into the silence when the call stays on the same line ("Hello? Are you still there?"), instead of repeating it word for word: the first silence at a line uses the first, the next the second, and so on round.',
    ),
});

export const entrySchema = z
  .object({
    mood: change('mood'),
    patience: change('patience'),
    reveals: factList.optional(),
    set: setList.optional(),
  })
  .strict()
  .describe("What happens each time the customer speaks this line, before the trainee answers: a change of mood or patience, facts revealed, memory set.");

const feedbackVariant = z
  .object({
    if: conditionSchemaV2.optional().describe('This text is used when the condition holds (the first that holds wins).'),
    text: z.string().describe("The trainer's comment."),
  })
  .strict();

export const nodeSchemaV2 = nodeSchema.extend({
  replies: z.array(replySchemaV2).min(1).max(9).optional().describe("The trainee's choices (1-9)."),
  timeout: z.union([timeoutSchemaV2, z.literal(false)]).optional().describe('What happens when the trainee says nothing for too long; false turns the timer off.'),
  enter: entrySchema.optional(),
  label: z.string().min(1).optional().describe('For endings: the name shown for how the call ended, instead of the outcome\'s (e.g. "Account handed to an impostor").'),
  credit: z
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .describe('For endings: judgment (0-100) for ending here. An ending with its own credit is never a model ending, whatever its outcome. Default: scoring.credit for its outcome, and the ideal for an ideal outcome.'),
  feedback: z
    .union([z.string(), z.array(feedbackVariant).min(1)])
    .optional()
    .describe('For endings: the trainer\'s comment on how the call ended; a list of {"if", "text"} picks the first whose condition holds.'),
});

/** A requirement of an ideal in version 2: a fact or flag, an earlier reply ("chose:x"), or "!" and one of those. */
export const REQUIREMENT_PATTERN_V2 = new RegExp(`^!?(?:${NAME}|chose:${REPLY_REF})$`);
const requirementV2 = z.string().regex(REQUIREMENT_PATTERN_V2, {
  message:
    'a requirement is a fact or flag id ("order-found"), an earlier reply ("chose:offer-refund"), or "!" and one of those for what must not have happened; compare numbers in a branch\'s "if" instead',
});

const idealV2 = idealSchema.extend({
  requires: z
    .union([requirementV2, z.array(requirementV2)])
    .optional()
    .describe(
      'Facts or flags that must be known when the call ends this way ("order-found"; each one missing means it ended too early), or must not be ("!free-upgrade": ending this way after it is no model ending).',
    ),
});

const flagSchema = z.string().describe('What this flag records, for trainers (the trainee never sees flags).');
const counterSchema = z
  .object({
    max: z.number().int().min(1).max(99).optional().describe('The highest value; changes stop there. Default 9.'),
    note: z.string().optional().describe('What this counter counts, for trainers (the trainee never sees it).'),
  })
  .strict();

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

const customerSchemaV2 = customerSchema.extend({
  gender: z
    .enum(GENDERS)
    .optional()
    .describe('The customer\'s grammatical gender: labels that describe the customer ("Angry") agree with it in languages that mark gender, and the voice follows it. Default: none (neutral wording).'),
});

export const scenarioSchemaV2 = scenarioSchemaV1.extend({
  customer: customerSchemaV2,
  schemaVersion: z.literal(2).describe('The version of this format. Currently 2.'),
  flags: z.record(id('Flag id'), flagSchema).optional().describe('Hidden memory the call keeps (on or off), by id: set with "set", tested in "if".'),
  counters: z.record(id('Counter id'), counterSchema).optional().describe('Small hidden numbers (0 to max) the call keeps, by id: "set": "pushes+1", "if": "pushes>=3".'),
  ideal: z.union([idealV2, z.array(idealV2).min(1)]).describe('The right ending(s), with the facts that must be known first.'),
  timeout: z.union([timeoutSchemaV2, z.literal(false)]).optional().describe('The default for every node with replies. Default: after 40 s, mood -10, polite -10.'),
  nodes: z.record(id('Node id'), nodeSchemaV2).describe("The customer's lines, by id."),
});

/** The schema of each version, by its number. */
export const SCENARIO_SCHEMAS = { 1: scenarioSchemaV1, 2: scenarioSchemaV2 } as const;
/** The newest format. */
export const scenarioSchema = scenarioSchemaV2;

export type ScenarioFile = z.input<typeof scenarioSchemaV2> | z.input<typeof scenarioSchemaV1>;
/** A validated file of either version: version 1 is version 2 without its additions. */
export type ScenarioParsed = Omit<z.output<typeof scenarioSchemaV2>, 'schemaVersion'> & { readonly schemaVersion: SchemaVersion };
export type ReplyFile = z.output<typeof replySchemaV2>;
export type NodeFile = z.output<typeof nodeSchemaV2>;
export type TimeoutFile = z.output<typeof timeoutSchemaV2>;
export type EntryFile = z.output<typeof entrySchema>;
export type Outcome = (typeof OUTCOMES)[number];
export type Emotion = (typeof EMOTIONS)[number];
