// Generated scenarios for benchmarks and property tests: a call of exactly `nodes` nodes that
// looks like a trainer's work — an opening with a slow account look-up, a triage tree of
// topics, then per topic a few stages (the customer says something, the trainee checks or
// guesses, an explanation follows), with slips to recover from, rude replies that may end the
// call, facts revealed and conditions on them, several endings and an ideal with requirements.
// Every path stays well under the engine's 60-turn limit, as a real call does.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Json = Record<string, unknown>;

const ENDINGS: Record<string, { end: string; say: string; feedback: string }> = {
  'end-thanks': { end: 'retained', say: 'Brilliant, that fixed it. Thank you!', feedback: 'Found the cause, fixed it, kept the customer.' },
  'end-grudging': { end: 'retained', say: 'Fine. I suppose that will do.', feedback: 'He stays, but a fix would have served him better.' },
  'end-hung-up': { end: 'hung-up', say: 'I have had enough of this. Goodbye.', feedback: 'Guessing or rudeness lost the customer.' },
  'end-parted': { end: 'parted', say: 'Then we are done here.', feedback: 'You parted ways before trying to help.' },
  'end-escalated': { end: 'escalated', say: 'Fine, put me through to someone else.', feedback: 'A supervisor would have checked the same things you could.' },
  'end-redirected': { end: 'redirected', say: 'All right, I will call them instead.', feedback: 'Sometimes right, but here the problem was ours to solve.' },
};
const FIXED_NODES = 1 + Object.keys(ENDINGS).length; // the opening and the endings
/** The smallest call this generator makes: opening, endings, one triage node, one stage. */
export const MIN_GENERATED_NODES = FIXED_NODES + 1 + 3;

const MAX_STAGES = 6;

interface Rng {
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

function rngFrom(seed: number): Rng {
  const gen = xoroshiro128plus(seed >>> 0);
  const int = (lo: number, hi: number) => uniformInt(gen, lo, hi);
  return { int, chance: (p) => int(0, 999) < p * 1000, pick: (items) => items[int(0, items.length - 1)]! };
}

/** Shuffles in place (Fisher–Yates), so the good reply is not always first in the file. */
function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Splits `total` into `parts` sizes, each within [lo, hi] (the caller guarantees it fits). */
function split(rng: Rng, total: number, parts: number, lo: number, hi: number): number[] {
  const sizes = Array.from({ length: parts }, () => lo);
  let left = total - lo * parts;
  for (let i = 0; left > 0; i = (i + 1) % parts) {
    const add = Math.min(left, hi - sizes[i]!, rng.int(0, 3));
    sizes[i]! += add;
    left -= add;
  }
  return sizes;
}

interface LanePlan {
  readonly stages: number;
  /** Per stage: whether it has a slip node (after a guess) and a detail node (before moving on). */
  readonly slip: boolean[];
  readonly detail: boolean[];
}

/** A topic of `size` nodes: stages of customer line + result (2), optional slip and detail, then the fix. */
function planLane(rng: Rng, size: number): LanePlan {
  const body = size - 1;
  const most = Math.min(MAX_STAGES, Math.floor(body / 2));
  const least = Math.max(1, Math.ceil(body / 4));
  const stages = rng.int(least, most);
  const slots = shuffle(rng, Array.from({ length: stages * 2 }, (_, i) => i)).slice(0, body - stages * 2);
  const slip = Array.from({ length: stages }, (_, k) => slots.includes(2 * k));
  const detail = Array.from({ length: stages }, (_, k) => slots.includes(2 * k + 1));
  return { stages, slip, detail };
}

/** Groups lane starts under triage nodes, 2–4 at a time, until one root remains. */
function triageTree(rng: Rng, leaves: string[], nodes: Json): { root: string; levels: number } {
  let level = leaves;
  let counter = 0;
  let levels = 0;
  while (level.length > 1 || counter === 0) {
    const next: string[] = [];
    for (let i = 0; i < level.length; ) {
      const rest = level.length - i;
      const take = rest <= 4 ? rest : rest === 5 ? rng.int(2, 3) : rng.int(2, 4);
      const children = level.slice(i, i + take);
      i += take;
      const id = `triage-${counter++}`;
      const targets = children.length === 1 ? [children[0]!, children[0]!] : children;
      nodes[id] = {
        say: `It's about ${id.replace('-', ' ')}. You know, the usual thing.`,
        replies: targets.map((to, j) => ({
          say: `Is it about ${to.replace(/^l(\d+)-ask-0$/, 'topic $1').replace('-', ' ')}?`,
          ...(j === 0 && targets.length > 2 ? { polite: -5 } : {}),
          feedback: j === 0 && targets.length > 2 ? 'Leading questions annoy; ask openly.' : 'A fair question to narrow it down.',
          next: to,
        })),
      };
      next.push(id);
    }
    level = next;
    levels++;
  }
  return { root: level[0]!, levels };
}

function laneNodes(rng: Rng, lane: number, plan: LanePlan, nodes: Json): string {
  const id = (kind: string, k: number) => `l${lane}-${kind}-${k}`;
  for (let k = 0; k < plan.stages; k++) {
    // Topics never meet on one path, so they share the clue facts (few facts, as in a real call).
    const clue = `clue-${k + 1}`;
    const last = k === plan.stages - 1;
    const reveals = last ? [clue, 'cause-found'] : clue;
    const takes = rng.int(5, 20);
    const after = plan.detail[k] ? id('detail', k) : last ? `l${lane}-fix` : id('ask', k + 1);
    const replies: Json[] = [
      { say: 'Let me check that for you.', takes, doing: 'Checking…', reveals, feedback: 'Check before you answer.', next: id('result', k) },
    ];
    if (plan.slip[k]) {
      // A guess or a rude reply lands in the same place with the same mood, so the routes
      // through a stage meet again: the call branches a lot, its reachable states do not.
      replies.push({ say: 'It must be your settings.', accuracy: -rng.int(15, 30), mood: -10, feedback: 'A guess, and a blaming one.', next: id('slip', k) });
      replies.push({
        say: 'Could you get to the point?',
        polite: -rng.int(20, 40),
        mood: -10,
        feedback: 'Rudeness makes everything harder.',
        next: [{ to: 'end-hung-up', if: 'mood<30' }, { to: id('slip', k) }],
      });
      nodes[id('slip', k)] = {
        say: 'My settings? I have not touched anything!',
        emotion: 'angry',
        replies: shuffle(rng, [
          { say: 'You are right, let me check properly.', takes, doing: 'Checking…', reveals, mood: 10, feedback: 'Good recovery.', next: id('result', k) },
          { say: 'I am sure it is your settings.', accuracy: -20, polite: -10, feedback: 'Insisting on a guess loses him.', next: 'end-hung-up' },
          ...(rng.chance(0.5) ? [{ say: 'Let me pass you to my supervisor.', judgment: -10, feedback: 'Nothing here needed a supervisor.', next: 'end-escalated' }] : []),
        ]),
      };
    } else {
      replies.push({ say: 'Could you get to the point?', polite: -rng.int(20, 40), feedback: 'Rudeness makes him hang up.', next: 'end-hung-up' });
    }
    if (rng.chance(0.3)) {
      const [to, judgment] = rng.pick([['end-parted', -20], ['end-redirected', -10], ['end-escalated', -15]] as const);
      replies.push({ say: 'I am afraid we cannot help with that.', judgment, feedback: 'Too early to give up on him.', next: to });
    }
    nodes[id('ask', k)] = { say: `Stage ${k + 1} of topic ${lane}: something is still wrong.`, hint: 'Check before you answer.', replies: shuffle(rng, replies) };
    nodes[id('result', k)] = {
      say: 'So? What did you find?',
      replies: shuffle(rng, [
        { say: 'Here is what I found, and what it means.', if: clue, mood: 10, patience: 20, feedback: 'The truth, explained.', next: after },
        { say: 'Probably nothing to worry about.', accuracy: -rng.int(10, 25), mood: 10, patience: 20, feedback: 'You found something: say it.', next: after },
      ]),
    };
    if (plan.detail[k]) {
      nodes[id('detail', k)] = {
        say: 'Oh, and one more thing before we go on…',
        replies: [
          { say: 'Of course, go on.', feedback: 'Listening costs nothing.', next: last ? `l${lane}-fix` : id('ask', k + 1) },
          { say: 'One thing at a time, please.', polite: -10, feedback: 'He felt cut off.', next: last ? `l${lane}-fix` : id('ask', k + 1) },
        ],
      };
    }
  }
  nodes[`l${lane}-fix`] = {
    say: 'So can you fix it or not?',
    replies: shuffle(rng, [
      { say: 'Yes: here is the fix, step by step.', if: 'cause-found', feedback: 'A fix for the real cause.', next: 'end-thanks' },
      { say: 'I will send you a replacement.', judgment: -15, feedback: 'A replacement for a problem you could fix.', next: 'end-grudging' },
      { say: 'The manufacturer can help you better.', judgment: -10, feedback: 'The problem was ours to solve.', next: 'end-redirected' },
      { say: 'Your account shows it is under warranty: a free repair.', if: 'account-found', judgment: -5, feedback: 'Kind, but the fix was simpler.', next: 'end-thanks' },
    ]),
  };
  return id('ask', 0);
}

/** A scenario of exactly `nodes` nodes (at least MIN_GENERATED_NODES), the same for the same seed. */
export function generateScenario(nodes: number, seed: number): string {
  if (!Number.isInteger(nodes) || nodes < MIN_GENERATED_NODES) {
    throw new RangeError(`generateScenario: nodes must be a whole number of at least ${MIN_GENERATED_NODES}, not ${nodes}`);
  }
  const rng = rngFrom(seed);
  const budget = nodes - FIXED_NODES;
  // About 12 nodes per topic, plus the triage tree above them (about a third of a node each).
  let lanes = Math.max(1, Math.floor(budget / 12));
  const out: Json = {};
  // The tree's size depends on the grouping, so lay it out on placeholders first.
  const placeholders: Json = {};
  const triageCount = () => Object.keys(placeholders).length;
  triageTree(rngFrom(seed ^ 0x5eed), Array.from({ length: lanes }, (_, i) => `lane-${i}`), placeholders);
  while (budget - triageCount() < 3 * lanes && lanes > 1) {
    lanes--;
    for (const k of Object.keys(placeholders)) delete placeholders[k];
    triageTree(rngFrom(seed ^ 0x5eed), Array.from({ length: lanes }, (_, i) => `lane-${i}`), placeholders);
  }
  const laneBudget = budget - triageCount();
  const sizes = split(rng, laneBudget, lanes, 3, 4 * MAX_STAGES + 1);
  const laneNodesOut: Json = {};
  const plans = sizes.map((size) => planLane(rng, size));
  const starts = plans.map((plan, lane) => laneNodes(rng, lane, plan, laneNodesOut));
  const triage: Json = {};
  const { root, levels } = triageTree(rngFrom(seed ^ 0x5eed), starts, triage);
  // Par: the turns of the longest ideal path — opening, triage, each stage's check and
  // explanation (and detail), the fix.
  const par = 1 + levels + Math.max(...plans.map((p) => 2 * p.stages + p.detail.filter(Boolean).length)) + 1;

  out['opening'] = {
    say: 'Hello? My thing has stopped working and I need it fixed today.',
    emotion: 'annoyed',
    hint: 'Find the customer’s account before anything else.',
    replies: shuffle(rng, [
      { say: 'I am sorry to hear that. Let me find your account first.', takes: 8, doing: 'Finding the account…', reveals: 'account-found', feedback: 'Look the customer up before you diagnose.', next: root },
      { say: 'What seems to be the problem?', accuracy: -5, feedback: 'Fine, but you skipped finding the account.', next: root },
      { say: 'Everyone says that. What is it now?', polite: -30, mood: -25, feedback: 'Sarcasm on the first line sets the tone for the call.', next: [{ to: 'end-hung-up', if: 'mood<20' }, { to: root }] },
    ]),
  };
  Object.assign(out, triage, laneNodesOut);
  for (const [id, e] of Object.entries(ENDINGS)) out[id] = { say: e.say, end: e.end, feedback: e.feedback };

  const facts: Json = {
    'account-found': { text: 'The customer’s account and order history.', key: true },
    'cause-found': { text: 'The real cause of the problem.', key: true },
  };
  const stages = Math.max(...Object.keys(laneNodesOut).map((id) => Number(/-ask-(\d+)$/.exec(id)?.[1] ?? -1))) + 1;
  for (let k = 1; k <= stages; k++) facts[`clue-${k}`] = `What check ${k} of the topic showed.`;
  const scenario = {
    $schema: './scenario.schema.json',
    schemaVersion: 1,
    id: `generated-${nodes}-${seed >>> 0}`,
    title: `Generated call (${nodes} nodes, seed ${seed >>> 0})`,
    locale: 'en',
    difficulty: 'hard',
    tags: ['generated'],
    brief: 'A generated call for benchmarks and tests: find the account, find the cause, fix it.',
    customer: { name: 'Generated Customer', persona: 'Impatient, but fair when helped.', mood: 60, patience: 100, drain: 3 },
    facts,
    ideal: { outcome: 'retained', requires: ['account-found', 'cause-found'], why: 'Found the account and the cause, and fixed it.' },
    scoring: { par, overPar: 3, credit: { escalated: 40, redirected: 30, parted: 20 } },
    timeout: { after: 30, polite: -5, mood: -5, feedback: 'Silence on the line makes the customer feel ignored.' },
    hangUp: 'end-hung-up',
    nodes: out,
  };
  return JSON.stringify(scenario, null, 2);
}
