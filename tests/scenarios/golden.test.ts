// Golden transcripts: each shipped call played reply by reply on the real Session — the ideal
// path and one tempting mistake — with the ending and every score pinned. Translations play the
// same plans and must end the same way with the same scores. A change to a call that moves any
// of these numbers must be deliberate: update the plan here in the same commit.
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/engine/index.js';
import { TRANSLATED, loadScenarioFile } from './support/analysis.js';
import { play, replayed, type Step } from './support/plans.js';

interface Plan {
  readonly name: string;
  readonly steps: readonly Step[];
  readonly ending: string;
  readonly outcome: Outcome;
  /** politeness, accuracy, judgment, overall */
  readonly scores: readonly [number, number, number, number];
  readonly ideal: boolean;
}

const IDEAL = [100, 100, 100, 100] as const;

const PLANS: Record<string, readonly Plan[]> = {
  'update-warning': [
    {
      name: 'ideal: check the licence, ask the diagnostic question, tell him who can fix it',
      steps: [
        ['opening', 'find-order'],
        ['order-open', 'check-licence'],
        ['licence-ok', 'ask-open-website'],
        ['website-test', 'ask-router'],
        ['cause-found', 'explain-provider'],
        ['after-cause', 'updates-itself'],
      ],
      ending: 'thanks',
      outcome: 'retained',
      scores: IDEAL,
      ideal: true,
    },
    {
      name: 'the thorough walkthrough, a snap, and an I-told-you-so',
      steps: [
        ['opening', 'find-order'],
        ['order-open', 'check-licence'],
        ['licence-ok', 'walk-settings'],
        ['settings-done', 'snap-back'],
        ['website-test', 'ask-router'],
        ['cause-found', 'told-you-so'],
      ],
      ending: 'hangs-up-rude',
      outcome: 'hung-up',
      scores: [45, 90, 0, 45],
      ideal: false,
    },
  ],
  'bought-elsewhere': [
    {
      name: 'ideal: check our records, let his receipt show the seller, make his next call easy',
      steps: [
        ['opening', 'ask-email'],
        ['gives-email', 'search-orders'],
        ['nothing-found', 'ask-receipt'],
        ['softdeal', 'explain-seller'],
        ['run-around', 'send-contacts'],
        ['if-no-answer', 'fallback-publisher'],
      ],
      ending: 'redirected-thanks',
      outcome: 'redirected',
      scores: IDEAL,
      ideal: true,
    },
    {
      name: 'a reset promised before checking, then an honest correction',
      steps: [
        ['opening', 'reset-right-away'],
        ['promised-reset', 'backpedal'],
        ['softdeal', 'explain-seller'],
        ['run-around', 'send-contacts'],
        ['if-no-answer', 'fallback-publisher'],
      ],
      ending: 'redirected-thanks',
      outcome: 'redirected',
      scores: [100, 75, 90, 88],
      ideal: true,
    },
  ],
  'licence-key': [
    {
      name: 'ideal: check the key, see what he types, walk the real steps to "Activated"',
      steps: [
        ['opening', 'check-key'],
        ['key-ok', 'ask-screen'],
        ['which-screen', 'ask-read-back'],
        ['typo-found', 'paste-it'],
        ['sign-in-asked', 'walk-sign-in'],
        ['signed-in', 'confirm-edition'],
      ],
      ending: 'thanks',
      outcome: 'retained',
      scores: IDEAL,
      ideal: true,
    },
    {
      name: 'a fresh key first, and "it says so in bold"',
      steps: [
        ['opening', 'new-key'],
        ['new-key-fails', 'check-key-after-new'],
        ['key-ok', 'ask-screen'],
        ['which-screen', 'ask-read-back'],
        ['typo-found', 'in-bold'],
        ['sign-in-asked', 'walk-sign-in'],
        ['signed-in', 'confirm-edition'],
      ],
      ending: 'thanks',
      outcome: 'retained',
      scores: [75, 80, 90, 82],
      ideal: true,
    },
  ],
  'wrong-product': [
    {
      name: 'ideal: read the notes, mention them once, offer what policy allows',
      steps: [
        ['opening', 'look-up-notes'],
        ['notes-read', 'mention-once'],
        ['what-now', 'check-policy'],
        ['options', 'offer-credit'],
        ['pay-more', 'trial-first'],
        ['considering', 'send-links'],
      ],
      ending: 'thanks',
      outcome: 'retained',
      scores: IDEAL,
      ideal: true,
    },
    {
      name: 'the sympathetic refund',
      steps: [
        ['opening', 'refund-apology'],
        ['refund-promised', 'process-refund'],
      ],
      ending: 'refunded',
      outcome: 'parted',
      scores: [100, 15, 0, 38],
      ideal: false,
    },
  ],
  'late-defect': [
    {
      name: 'ideal: ask exactly, test together, check the records, fix it cheaply',
      steps: [
        ['opening', 'ask-exactly'],
        ['described', 'wiggle-test'],
        ['test-result', 'check-service-records'],
        ['records-checked', 'known-fault'],
        ['remedy-asked', 'offer-cable'],
        ['final-details', 'confirm-address'],
      ],
      ending: 'thanks',
      outcome: 'retained',
      scores: IDEAL,
      ideal: true,
    },
    {
      name: 'the confident firmware fix, then a cable without checking',
      steps: [
        ['opening', 'firmware-fix'],
        ['after-update', 'sorry-ask-exactly'],
        ['described', 'wiggle-test'],
        ['test-result', 'send-cable-now'],
        ['final-details', 'confirm-address'],
      ],
      ending: 'thanks',
      outcome: 'retained',
      scores: [100, 40, 70, 70],
      ideal: false,
    },
  ],
  'vague-refund': [
    {
      name: 'ideal: read the history, show it gently, ask for something concrete, answer the real reason',
      steps: [
        ['opening', 'ask-what'],
        ['vague', 'look-up-history'],
        ['history-found', 'show-correspondence'],
        ['wavers', 'ask-concrete'],
        ['confession', 'offer-value'],
        ['keeping', 'gracious-close'],
      ],
      ending: 'thanks',
      outcome: 'retained',
      scores: IDEAL,
      ideal: true,
    },
    {
      name: 'the right evidence used as a gotcha',
      steps: [
        ['opening', 'ask-what'],
        ['vague', 'look-up-history'],
        ['history-found', 'gotcha'],
        ['cornered', 'apologise-ask-concrete'],
        ['confession', 'offer-value'],
        ['keeping', 'gracious-close'],
      ],
      ending: 'thanks',
      outcome: 'retained',
      scores: [75, 100, 100, 92],
      ideal: true,
    },
  ],
  'never-satisfied': [
    {
      name: 'ideal: listen, check, own and offer, ask what she wants, say no kindly, part well',
      steps: [
        ['opening', 'listen'],
        ['complaints', 'open-account'],
        ['account-open', 'own-and-offer'],
        ['rejects-remedy', 'ask-expectations'],
        ['expectations-stated', 'honest-limit'],
        ['limit-reaction', 'offer-exit'],
        ['parting-accepted', 'warm-close'],
      ],
      ending: 'parted-politely',
      outcome: 'parted',
      scores: IDEAL,
      ideal: true,
    },
    {
      name: 'three more offers before the honest answer: every round past par costs judgment',
      steps: [
        ['opening', 'listen'],
        ['complaints', 'open-account'],
        ['account-open', 'own-and-offer'],
        ['rejects-remedy', 'another-offer'],
        ['more-complaints', 'yet-another-offer'],
        ['more-complaints', 'yet-another-offer'],
        ['more-complaints', 'ask-expectations-late'],
        ['expectations-stated', 'honest-limit'],
        ['limit-reaction', 'offer-exit'],
        ['parting-accepted', 'warm-close'],
      ],
      ending: 'parted-politely',
      outcome: 'parted',
      scores: [100, 100, 50, 83],
      ideal: true,
    },
    {
      name: 'parting before listening, checking or offering anything',
      steps: [['opening', 'part-at-once']],
      ending: 'dismissed',
      outcome: 'parted',
      scores: [90, 25, 0, 38],
      ideal: false,
    },
  ],
  'abusive-caller': [
    {
      name: 'ideal: help and a limit in one breath; he calms down and is kept',
      steps: [
        ['opening', 'boundary-help'],
        ['explains', 'look-up-order'],
        ['order-confirmed', 'explain-kindly'],
        ['which-address', 'order-address-only'],
        ['downloading', 'key-location'],
        ['apologises', 'accept-apology'],
      ],
      ending: 'thanks',
      outcome: 'retained',
      scores: IDEAL,
      ideal: true,
    },
    {
      name: 'one who won\'t stop: help, a limit, a warning, then a polite parting as warned — an A',
      steps: [
        ['opening', 'just-help'],
        ['snipes', 'set-boundary'],
        ['snipes-again', 'warn-after-boundary'],
        ['insults-continue', 'end-politely'],
      ],
      ending: 'parted-politely',
      outcome: 'parted',
      // Helping before asking him to stop costs a little judgment; no order lookup is owed here.
      scores: [100, 100, 90, 97],
      ideal: true,
    },
    {
      name: 'a defensive start he never recovers from: limit, warning, polite parting',
      steps: [
        ['opening', 'not-an-idiot'],
        ['insults-again', 'boundary-again'],
        ['insults-again', 'warn-first'],
        ['insults-continue', 'end-politely'],
      ],
      ending: 'parted-politely',
      outcome: 'parted',
      // Defending himself cost judgment: the insults he invited are not ones he had to end on.
      scores: [85, 100, 80, 88],
      ideal: true,
    },
  ],
};

const files = Object.keys(PLANS).flatMap((id) => [
  { id, file: `${id}.json` },
  ...((TRANSLATED as Record<string, readonly string[]>)[id] ?? []).map((l) => ({ id, file: `${id}.${l}.json` })),
]);

describe.each(files)('$file', ({ id, file }) => {
  for (const plan of PLANS[id]!) {
    it(plan.name, () => {
      const s = loadScenarioFile(file);
      const played = play(s, plan.steps);
      const { score } = played;
      expect(played.ending).toBe(plan.ending);
      expect(score.outcome).toBe(plan.outcome);
      expect([score.politeness, score.accuracy, score.judgment, score.overall]).toEqual(plan.scores);
      expect(score.ideal).toBe(plan.ideal);
      expect(score.turns).toBe(plan.steps.length);
      // The order the replies are shown in must not matter, and the server's replay must agree.
      expect(play(s, plan.steps, 977).score).toEqual(score);
      expect(replayed(played)).toEqual(score);
    });
  }
});
