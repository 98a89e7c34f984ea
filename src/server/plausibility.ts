// What the server keeps of a result's think time: the engine's profile (engine/review/thinkTime.ts,
// the one home of the reading rule), and — when the engine finds it implausible — a flag for the
// trainer with the reason. A flagged result is stored and shown, but counts for no champion until
// a trainer clears it (src/server/board.ts); a trainer may remove it instead.
import { thinkTimeProfile, type Scenario, type ThinkTimeProfile, type Transcript } from '../engine/index.js';
import type { FlagReason } from '../client/types.js';

/** The profile as stored with the result: per reply [turn, think ms, ms reading needs]. */
export interface StoredThinkTime {
  readonly v: 1;
  readonly medianMs: number | null;
  readonly fastestMs: number | null;
  readonly tooFast: number;
  readonly turns: readonly (readonly [number, number, number])[];
}

export interface Plausibility {
  readonly think: StoredThinkTime;
  readonly flag: FlagReason | null;
}

export function flagOf(p: ThinkTimeProfile): FlagReason | null {
  if (!p.implausible) return null;
  const fastest = p.turns.filter((t) => t.tooFast).reduce((a, b) => (b.thinkMs < a.thinkMs ? b : a));
  return { code: 'too-fast', tooFast: p.tooFast, replies: p.turns.length, fastestMs: fastest.thinkMs, neededMs: fastest.readMs, words: fastest.words };
}

/** The think time of a verified transcript and, when it came faster than a person reads, the flag. */
export function plausibility(scenario: Scenario, transcript: Transcript): Plausibility {
  const p = thinkTimeProfile(scenario, transcript);
  return {
    think: { v: 1, medianMs: p.medianMs, fastestMs: p.fastestMs, tooFast: p.tooFast, turns: p.turns.map((t) => [t.turn, t.thinkMs, t.readMs] as const) },
    flag: flagOf(p),
  };
}

/** A stored flag read back; null when there is none or it cannot be read. */
export function parseFlag(text: string | null): FlagReason | null {
  if (!text) return null;
  try {
    const f = JSON.parse(text) as FlagReason;
    return f?.code === 'too-fast' ? f : null;
  } catch {
    return null;
  }
}
