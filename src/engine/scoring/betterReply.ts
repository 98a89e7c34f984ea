// "The better reply" the debrief shows where the trainee missed it: among the replies that were
// on offer at that turn, the one that would have cost the least, counting what it costs at once,
// the key facts it would have found, and — when it ends the call — how that ending is judged.
import type { Reply, Scenario } from '../format/model.js';
import type { TurnRecord } from '../rules/state.js';
import { pickBranch, subjectAfter } from '../rules/transitions.js';
import { endEntries } from './score.js';

export interface BetterReply {
  readonly turn: number;
  readonly reply: string;
  readonly say: string;
  readonly feedback: string | null;
}

type Weights = Scenario['scoring']['weights'];

function weighted(w: Weights, d: { politeness: number; accuracy: number; judgment: number }): number {
  return w.politeness * d.politeness + w.accuracy * d.accuracy + w.judgment * d.judgment;
}

/** Higher is better; 0 means nothing lost. */
function valueOf(s: Scenario, reply: Reply, known: readonly string[], turn: TurnRecord): number {
  const w = s.scoring.weights;
  let value = weighted(w, { politeness: reply.polite, accuracy: reply.accuracy, judgment: reply.judgment });
  const newKeyFacts = reply.reveals.filter((f) => !known.includes(f) && s.facts.get(f)?.key).length;
  value += w.accuracy * s.scoring.missedFact * newKeyFacts;
  if (reply.takesMs === 0) {
    const subject = subjectAfter({ facts: known, mood: turn.moodBefore, patience: turn.patienceBefore }, reply);
    const branch = reply.next[pickBranch(reply.next, subject)];
    const end = branch ? s.nodes.get(branch.to)?.end : null;
    if (end) {
      const sums = { politeness: 0, accuracy: 0, judgment: 0 };
      for (const e of endEntries(s, end, subject.facts, turn.turn)) sums[e.dimension] += e.points;
      value += weighted(w, sums);
    }
  }
  return value;
}

/** For each turn where a better reply was on offer, that reply. */
export function betterReplies(s: Scenario, history: readonly TurnRecord[]): BetterReply[] {
  const out: BetterReply[] = [];
  const known: string[] = [];
  for (const turn of history) {
    const node = s.nodes.get(turn.node);
    const shown = (node?.replies ?? []).filter((r) => turn.shown.includes(r.id));
    if (node && shown.length > 0) {
      const chosen = turn.choice.kind === 'reply' ? node.replies[turn.choice.index] : undefined;
      const chosenValue = chosen
        ? valueOf(s, chosen, known, turn)
        : weighted(s.scoring.weights, turn.deductions) - (turn.choice.kind === 'hang-up' ? 0 : 1);
      let best: Reply | null = null;
      let bestValue = chosenValue;
      for (const r of shown) {
        const v = valueOf(s, r, known, turn);
        if (v > bestValue) [best, bestValue] = [r, v];
      }
      if (best && best !== chosen) out.push({ turn: turn.turn, reply: best.id, say: best.say, feedback: best.feedback });
    }
    for (const f of turn.revealed) if (!known.includes(f)) known.push(f);
  }
  return out;
}
