// Typed replies: what a trainee's own words are taken as, among the replies on offer; the
// check the server makes of a transcript's typed turns; and their explanation for the debrief.
// Pure and deterministic. Loaded lazily: nothing else in the engine imports it at run time.
import type { DialogueNode, Scenario } from '../format/model.js';
import { walkTranscript } from '../review/decisions.js';
import type { TypedTook } from '../rules/state.js';
import { TYPED_MAX_CHARS, type Transcript } from '../session/transcript.js';
import type { Token } from './language.js';
import { CONFIDENT_MARGIN, CONFIDENT_SCORE, READ_CHARS, scoreReplies, UNSURE_SCORE, type Scored } from './matcher.js';

export { TYPED_MAX_CHARS };
export { CONFIDENT_MARGIN, CONFIDENT_SCORE, UNSURE_SCORE, provedOwnTexts, textsOfReply } from './matcher.js';
export { matchLanguage, type MatchLanguage } from './language.js';

export interface MatchCandidate {
  readonly reply: string;
  readonly confidence: number;
  readonly evidence: readonly string[];
}

export interface MatchResult {
  readonly verdict: 'confident' | 'unsure' | 'none';
  /** Set only when confident. */
  readonly reply: string | null;
  /** The best offered reply's score, 0..1. */
  readonly confidence: number;
  /** Words and phrases of the typed text that matched the reply taken (the best one when unsure), as typed. */
  readonly evidence: readonly string[];
  /** The two or three closest offered replies, best first ("Did you mean…"); empty for 'none'. */
  readonly candidates: readonly MatchCandidate[];
}

/** How many replies "Did you mean…" offers at most. */
export const MAX_CANDIDATES = 3;

const NONE: MatchResult = { verdict: 'none', reply: null, confidence: 0, evidence: [], candidates: [] };

/** The typed words that matched, as typed: neighbours (only stop words between) joined into one phrase. */
function evidenceOf(text: string, tokens: readonly Token[], matched: readonly number[]): string[] {
  const hit = new Set(matched);
  const out: string[] = [];
  let from = -1;
  let to = -1;
  const close = () => {
    if (from >= 0) out.push(text.slice(tokens[from]!.start, tokens[to]!.end));
    from = to = -1;
  };
  tokens.forEach((t, i) => {
    if (hit.has(i)) {
      if (from < 0) from = i;
      to = i;
    } else if (!t.stop) close();
  });
  close();
  return [...new Set(out)];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function nodeFor(scenario: Scenario, nodeId: string): DialogueNode {
  const node = scenario.nodes.get(nodeId);
  if (!node) throw new Error(`no node "${nodeId}" in ${scenario.id}`);
  return node;
}

/**
 * Which of the offered replies (ids, conditions already applied) a typed text means: 'confident'
 * names it; 'unsure' gives the closest to choose from; 'none' when the text is about none of them.
 */
export function matchReply(scenario: Scenario, nodeId: string, offered: readonly string[], text: string): MatchResult {
  const node = nodeFor(scenario, nodeId);
  const indices = offered.flatMap((id) => {
    const r = node.replies.find((x) => x.id === id);
    return r ? [r.index] : [];
  });
  const trimmed = text.slice(0, READ_CHARS);
  if (indices.length === 0 || trimmed.trim().length === 0) return NONE;
  const { tokens, scored } = scoreReplies(scenario, node, indices, trimmed);
  const best = scored[0];
  if (!best || best.score < UNSURE_SCORE) return NONE;
  const second = scored[1]?.score ?? 0;
  const candidate = (s: Scored): MatchCandidate => ({ reply: node.replies[s.reply]!.id, confidence: round(s.score), evidence: evidenceOf(trimmed, tokens, s.matched) });
  // The closest: the best, and those near enough to it to be meant instead.
  const candidates = scored.filter((s, i) => i === 0 || (i < 2 && s.score > 0) || (i < MAX_CANDIDATES && s.score >= UNSURE_SCORE * 0.5)).map(candidate);
  // One word among others is not enough to be sure of: "my cat is called Whiskers" is no "call your provider".
  const words = tokens.filter((t) => !t.stop).length;
  const confident = best.score >= CONFIDENT_SCORE && best.score - second >= CONFIDENT_MARGIN && best.matched.length >= Math.min(2, words);
  const top = candidates[0]!;
  return { verdict: confident ? 'confident' : 'unsure', reply: confident ? top.reply : null, confidence: top.confidence, evidence: top.evidence, candidates };
}

export interface TypedMismatch {
  readonly turn: number;
  readonly code: 'typed-mismatch';
  readonly message: string;
}

/** One typed turn of a call, for the debrief: what was typed, the reply it was taken as, and why. */
export interface TypedTurn {
  readonly turn: number;
  readonly text: string;
  readonly took: TypedTook;
  readonly reply: string;
  /** The typed words and phrases that matched the reply taken. */
  readonly evidence: readonly string[];
}

interface TypedAt {
  readonly turn: number;
  readonly node: string;
  readonly offered: readonly string[];
  readonly reply: string;
  readonly text: string;
  readonly took: TypedTook;
}

/** The transcript's typed turns, with what was on offer then (walked with the one transition function). */
function typedTurns(scenario: Scenario, transcript: Transcript): TypedAt[] {
  if (!transcript.events.some((e) => e.type === 'CHOOSE' && e.typed !== undefined)) return [];
  const { before, at } = walkTranscript(scenario, transcript);
  return at.flatMap((where, i) => {
    const e = transcript.events[where.event];
    if (e?.type !== 'CHOOSE' || e.typed === undefined || e.took === undefined) return [];
    const ctx = before[i]!;
    const node = nodeFor(scenario, ctx.node);
    const offered = ctx.order.map((r) => node.replies[r]!.id);
    const reply = offered[e.n - 1];
    return reply === undefined ? [] : [{ turn: i + 1, node: node.id, offered, reply, text: e.typed, took: e.took }];
  });
}

/**
 * Re-runs the matcher on every typed turn: a reply taken as a match must be the confident
 * match of its text; one taken as a suggestion must be among the closest of an unsure match.
 * The first turn that is not is returned (null: all hold). Throws a TranscriptError for a
 * transcript the call cannot play, as walkTranscript does.
 */
export function checkTypedChoices(scenario: Scenario, transcript: Transcript): TypedMismatch | null {
  for (const t of typedTurns(scenario, transcript)) {
    const m = matchReply(scenario, t.node, t.offered, t.text);
    const fine = t.took === 'match' ? m.verdict === 'confident' && m.reply === t.reply : m.verdict === 'unsure' && m.candidates.some((c) => c.reply === t.reply);
    if (fine) continue;
    const said = m.verdict === 'confident' ? `the matcher takes it as "${m.reply}"` : m.verdict === 'unsure' ? `the matcher is unsure between ${m.candidates.map((c) => `"${c.reply}"`).join(', ')}` : 'the matcher matches it to no reply';
    const claimed = t.took === 'match' ? `taken as a match for "${t.reply}"` : `"${t.reply}" picked among the matcher's suggestions`;
    return { turn: t.turn, code: 'typed-mismatch', message: `turn ${t.turn}: the typed text ${JSON.stringify(t.text.slice(0, 80))} is recorded as ${claimed}, but ${said}` };
  }
  return null;
}

/** Every typed turn of a call with the words that matched the reply it was taken as. */
export function explainTyped(scenario: Scenario, transcript: Transcript): TypedTurn[] {
  return typedTurns(scenario, transcript).map((t) => {
    const m = matchReply(scenario, t.node, t.offered, t.text);
    const evidence = m.candidates.find((c) => c.reply === t.reply)?.evidence ?? [];
    return { turn: t.turn, text: t.text, took: t.took, reply: t.reply, evidence };
  });
}
