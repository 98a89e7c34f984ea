// The scenario a trainer starts from (`scenario new <id>`): a small, complete call that lints
// clean, with a comment on every field. Scenario files may hold // comments (the loader reads
// JSON with comments); they change nothing, not even the content hash.
export interface TemplateOptions {
  readonly id: string;
  readonly locale: string;
  /** The path to scenarios/scenario.schema.json from the new file, e.g. "./scenario.schema.json". */
  readonly schema: string;
}

export function scenarioTemplate({ id, locale, schema }: TemplateOptions): string {
  const str = (s: string) => JSON.stringify(s);
  return `// A new call. Every field is explained in docs/authoring.md; scoring in docs/scoring.md.
// Check it with:   npm run scenario -- lint <this file>
// See it with:     npm run scenario -- graph <this file> --format svg --out call.svg
// Prove it with:   npm run scenario -- simulate <this file>
// Comments like these are allowed. In VS Code, pick "JSON with Comments" as the language of the
// file (status bar, bottom right) so the editor does not flag them; checking and completion
// from "$schema" work either way.
{
  // Lets editors check this file and complete field names as you type.
  "$schema": ${str(schema)},
  // Format version 2. It can also remember what the trainee never sees ("flags", "counters"),
  // react when a line is spoken ("enter") and name each ending: docs/authoring.md, section 3.
  "schemaVersion": 2,
  // The call's id; a translation keeps the id and changes "locale".
  "id": ${str(id)},
  "title": "A late delivery",
  "locale": ${str(locale)},
  "difficulty": "easy",
  "tags": ["orders"],
  // What the trainee reads before the phone rings.
  "brief": "A customer's order is a day late. Find out what happened before you promise anything.",
  // mood: 100 calm … 0 furious. patience: at 0 the customer hangs up.
  "customer": { "name": "Dana Reyes", "persona": "Polite, busy, expects facts.", "mood": 70, "patience": 80 },
  // What the trainee can find out. A "key" fact never found costs accuracy.
  "facts": {
    "order-found": { "text": "The order left the warehouse on Monday; the courier has it.", "key": true },
    "tracking-sent": "You sent the tracking link."
  },
  // The right ending, and what must be known by then.
  "ideal": { "outcome": "retained", "requires": ["order-found", "tracking-sent"], "why": "She wanted the facts and a way to follow her parcel." },
  // par: turns a good call needs. credit: judgment kept for other endings.
  "scoring": { "par": 4, "credit": { "escalated": 40 } },
  // The customer's lines, by id. The first one starts the call.
  "nodes": {
    "greeting": {
      "say": "Hello, my order was supposed to arrive yesterday. Where is it?",
      "emotion": "confused",
      "hint": "Look before you answer.",
      "replies": [
        {
          // A stable id: the debrief, golden plans and translations name the reply by it.
          "id": "look-up",
          "say": "I'm sorry it's late. Let me look up your order.",
          // An action: takes 10 seconds (patience drains), then reveals a fact.
          "takes": 10,
          "doing": "Looking up the order…",
          "reveals": "order-found",
          "feedback": "Apologise, then check the facts before saying anything.",
          "next": "status"
        },
        {
          "id": "guess-courier",
          "say": "It's probably with the courier. Give it a few days.",
          // Deductions from 100: 0 for a good reply, down to -100.
          "accuracy": -40,
          "mood": -10,
          "feedback": "A guess: you have not looked at the order.",
          "next": "unconvinced"
        },
        {
          "id": "brush-off",
          "say": "Deliveries are late all the time.",
          "polite": -50,
          "mood": -30,
          "feedback": "Dismissive: she called for help, not for a shrug.",
          "next": "unconvinced"
        }
      ]
    },
    "unconvinced": {
      "say": "That doesn't sound like you checked anything.",
      "emotion": "annoyed",
      "replies": [
        {
          "id": "look-up-now",
          "say": "You're right. Let me look it up now.",
          "takes": 10,
          "doing": "Looking up the order…",
          "reveals": "order-found",
          "mood": 5,
          "feedback": "Good recovery: own the slip and check.",
          "next": "status"
        },
        {
          "id": "stonewall",
          "say": "I can't say more than that, sorry.",
          "polite": -30,
          "accuracy": -20,
          "feedback": "Giving up on the facts loses the customer.",
          "next": "hangs-up"
        }
      ]
    },
    "status": {
      "say": "So, what happened to it?",
      "replies": [
        {
          "id": "send-tracking",
          "say": "It left on Monday and the courier has it. I'm sending you the tracking link now.",
          // Shown only once the order was found.
          "if": "order-found",
          "reveals": "tracking-sent",
          "mood": 20,
          "feedback": "The truth, and a way to follow the parcel.",
          "next": "thanks"
        },
        {
          "id": "pass-to-supervisor",
          "say": "Let me pass you to my supervisor.",
          "judgment": -30,
          "feedback": "You had the answer; nothing here needed a supervisor.",
          "next": "escalated"
        }
      ]
    },
    // Endings: an outcome and the trainer's comment on it.
    "thanks": { "say": "Great, thank you!", "emotion": "pleased", "end": "retained", "feedback": "Facts first, then a way to follow the parcel." },
    "escalated": { "say": "Fine, put me through.", "end": "escalated", "feedback": "Your supervisor would have told her the same." },
    "hangs-up": { "say": "Forget it.", "emotion": "angry", "end": "hung-up", "feedback": "Without the facts, she gave up on us." }
  }
}
`;
}
