// The package's state in the LMS's suspend data: how many tries were started, each finished
// call's final scores, and the call under way as the engine's resume code (its seed and moves,
// nothing else). "h1;<tries>;<call under way>;<its code or ->;<per call: -, or o.p.a.j>".
// At most MAX_PACKAGE_CALLS calls: always far under SCORM 1.2's 4,096 characters.
import type { GatedScores } from '../engine/assignment/passGates.js';

export interface PackageState {
  /** Tries started, over every call (a retry after a fail is one more). */
  readonly tries: number;
  /** The call under way (or to play next), by its place in the package. */
  readonly current: number;
  /** The resume code of the call under way; null when it has not started or has ended. */
  readonly code: string | null;
  /** Each call's final scores, null until it has been played to its end. */
  readonly done: readonly (GatedScores | null)[];
}

export const freshState = (calls: number): PackageState => ({ tries: 0, current: 0, code: null, done: Array.from({ length: calls }, () => null) });

const scoresText = (s: GatedScores | null) => (s ? `${s.overall}.${s.politeness}.${s.accuracy}.${s.judgment}` : '-');

export function encodeState(s: PackageState): string {
  return ['h1', s.tries, s.current, s.code ?? '-', ...s.done.map(scoresText)].join(';');
}

const score = (t: string) => (/^\d{1,3}$/.test(t) && Number(t) <= 100 ? Number(t) : null);

/** The state in `text`, for a package of `calls` calls; null when it is not one of ours (or damaged). */
export function decodeState(text: string, calls: number): PackageState | null {
  const parts = text.split(';');
  if (parts[0] !== 'h1' || parts.length !== 4 + calls) return null;
  const tries = Number(parts[1]);
  const current = Number(parts[2]);
  if (!Number.isInteger(tries) || tries < 0 || !Number.isInteger(current) || current < 0 || current >= calls) return null;
  const done: (GatedScores | null)[] = [];
  for (const p of parts.slice(4)) {
    if (p === '-') {
      done.push(null);
      continue;
    }
    const n = p.split('.').map(score);
    if (n.length !== 4 || n.some((x) => x === null)) return null;
    done.push({ overall: n[0]!, politeness: n[1]!, accuracy: n[2]!, judgment: n[3]! });
  }
  return { tries, current, code: parts[3] === '-' ? null : parts[3]!, done };
}
