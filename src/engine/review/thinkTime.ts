// How long the trainee took over each reply, and whether a person could have read the line that
// fast: the one home of the reading rule. The server keeps the profile with each result and flags
// the implausible ones for the trainer; nothing else judges time.
//
// Think time is the time from the customer's line to the reply, read off the transcript's ticks:
// call time from when the line began (the call answered, the turn before, or the action that turn
// started having run) to the choice. From the line's start, not from its delivery: the trainee
// reads a caption while it is shown and spoken. Only replies count: a reply timer running out or
// hanging up is no reading.
//
// The reading rule: a reply is faster than reading when it comes sooner than REACTION_MS plus the
// line's words at READING_WPM. 600 words a minute is beyond what readers reach while reading for
// meaning (adults read silently at about 240, the fastest few at 400–500; above 600 is skimming);
// 500 ms is about the quickest choice among a few replies once they are read. So the rule leaves
// every honest reader out, however quick — a trainee who knows a call by heart included, because
// the replies are shuffled and have to be found — and catches transcripts made without reading.
// A result is implausible when at least half of its replies (and at least one) came that fast: one
// quick click on a short line a trainee knows is no sign of a bot.
import type { Scenario } from '../format/model.js';
import { spokenLine } from '../rules/spokenLine.js';
import type { Transcript } from '../session/transcript.js';
import { walkTranscript } from './decisions.js';

/** Reading for meaning is slower than this (words a minute). */
export const READING_WPM = 600;
/** The quickest choice of a reply once the line is read (ms). */
export const REACTION_MS = 500;

/** The least time a person needs to read `line` and choose a reply. */
export function readingMs(line: string): number {
  return REACTION_MS + Math.round((wordsIn(line) * 60_000) / READING_WPM);
}

/** Words as a reader sees them: runs of letters or digits (any script), so punctuation is no word. */
export function wordsIn(line: string): number {
  return line.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export interface TurnThinkTime {
  readonly turn: number;
  readonly node: string;
  /** Words in the line the reply answered. */
  readonly words: number;
  /** From the line to the reply (ms). */
  readonly thinkMs: number;
  /** What the reading rule asks for that line (ms). */
  readonly readMs: number;
  readonly tooFast: boolean;
}

export interface ThinkTimeProfile {
  /** Each reply, in turn order (timeouts and hang-ups left out). */
  readonly turns: readonly TurnThinkTime[];
  /** Median and fastest think time over the replies (ms); null without replies. */
  readonly medianMs: number | null;
  readonly fastestMs: number | null;
  /** Replies that came faster than the reading rule allows. */
  readonly tooFast: number;
  /** At least half of the replies (and at least one) came faster than reading. */
  readonly implausible: boolean;
}

/** The think-time profile of the call `transcript` records on `s` (which it must fit: see replay()). */
export function thinkTimeProfile(s: Scenario, transcript: Transcript): ThinkTimeProfile {
  const { before, final } = walkTranscript(s, transcript);
  const turns: TurnThinkTime[] = [];
  /** Call time when the line of the turn at hand began: the first at answering (call time 0). */
  let lineAt = 0;
  final.history.forEach((t, i) => {
    const node = s.nodes.get(t.node);
    const reply = t.choice.kind === 'reply' ? node?.replies[t.choice.index] : undefined;
    if (reply && node && before[i]!.phase === 'listening') {
      const line = spokenLine(node, final.history.slice(0, i)).say;
      const readMs = readingMs(line);
      const thinkMs = Math.max(0, t.atMs - lineAt);
      turns.push({ turn: t.turn, node: t.node, words: wordsIn(line), thinkMs, readMs, tooFast: thinkMs < readMs });
    }
    // The next line begins at this turn, or once the action it started has run.
    lineAt = t.atMs + (reply?.takesMs ?? 0);
  });
  const times = turns.map((t) => t.thinkMs).sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs = times.length === 0 ? null : times.length % 2 ? times[mid]! : Math.round((times[mid - 1]! + times[mid]!) / 2);
  const tooFast = turns.filter((t) => t.tooFast).length;
  return { turns, medianMs, fastestMs: times[0] ?? null, tooFast, implausible: tooFast > 0 && tooFast * 2 >= turns.length };
}
