// Typed replies (engine/match): a reply the matcher cannot tell from another of its node cannot
// be typed. Each of a reply's own texts — its say and its examples — must be matched
// confidently to that reply, with every reply of the node on offer; one that is taken as another
// reply, or is as close to another as to its own, is reported once per pair of replies.
import type { Diagnostic, Scenario } from '../../../engine/index.js';
import { matchReply, provedOwnTexts, textsOfReply } from '../../../engine/match/index.js';

type JsonPath = Diagnostic['path'];

export interface TypedWhere {
  /** Where a reply's text is written: its say (example -1) or its n-th example. */
  readonly text: (node: string, reply: number, example: number) => JsonPath;
}

const clip = (t: string, max = 60) => (t.length > max ? `${t.slice(0, max - 1)}…` : t);

export function checkTypedReplies(s: Scenario, where: TypedWhere, report: (path: JsonPath, message: string, hint: string) => void): void {
  for (const node of s.nodes.values()) {
    if (node.replies.length < 2) continue;
    const offered = node.replies.map((r) => r.id);
    const told = new Set<string>();
    // Most texts share no word with another reply: those are proved clear without scoring them.
    const proved = provedOwnTexts(s, node);
    for (const reply of node.replies) {
      textsOfReply(reply).forEach((text, i) => {
        if (proved[reply.index]![i]) return;
        const m = matchReply(s, node.id, offered, text);
        if (m.verdict === 'confident' && m.reply === reply.id) return;
        const other = m.candidates.find((c) => c.reply !== reply.id);
        if (!other || told.has(`${reply.id}|${other.reply}`)) return;
        told.add(`${reply.id}|${other.reply}`);
        const own = m.candidates.find((c) => c.reply === reply.id);
        const what = i === 0 ? 'say' : `example ${i}`;
        const how =
          m.verdict === 'confident'
            ? `a trainee typing it would be taken as "${other.reply}"`
            : `it is about as close to "${other.reply}" (${other.confidence}) as to its own reply (${own?.confidence ?? 0}), so a trainee typing it is asked "Did you mean…"`;
        const shared = other.evidence.length > 0 ? ` (both have ${other.evidence.map((e) => `"${e}"`).join(', ')})` : '';
        report(
          where.text(node.id, reply.index, i - 1),
          `typed replies cannot tell reply "${reply.id}" from "${other.reply}" at node "${node.id}": its ${what} "${clip(text)}" — ${how}${shared}`,
          `word "${reply.id}" so that what sets it apart from "${other.reply}" is in its own words, or add "examples" to each that fit only that reply (npm run scenario -- match ${s.file} --node ${node.id} --text "…" tries one)`,
        );
      });
    }
  }
}
