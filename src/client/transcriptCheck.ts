// Whether an outbox item's transcript can be sent: the engine's own `transcriptSchema` decides, the
// one the server checks it with. The engine (and the full zod with it) loads after the title
// screen (see game/library/lazy.ts), so the outbox loads the check when it first needs it rather
// than putting the engine in front of the title.
//
// An item whose transcript fails keeps it in storage as it is, and its stored status, and is shown
// as refused with the reason: never sent, never lost. A newer version of the game that can read it will send it;
// the player can dismiss it.
import type { z } from 'zod';
import type { OutboxItem } from './outbox.js';

/** Null when the transcript can be sent; otherwise what is wrong with it. */
export type TranscriptCheck = (transcript: unknown) => string | null;

let loaded: TranscriptCheck | null = null;
let loading: Promise<TranscriptCheck | null> | null = null;

/** The check, once `loadTranscriptCheck` has loaded it. */
export const transcriptCheck = (): TranscriptCheck | null => loaded;

/** Loads the engine's check; null when its code cannot be fetched (offline: tried again next time). */
export function loadTranscriptCheck(): Promise<TranscriptCheck | null> {
  loading ??= import('../engine/index.js').then(
    ({ transcriptSchema }) =>
      (loaded = (transcript) => {
        const parsed = transcriptSchema.safeParse(transcript);
        if (parsed.success) return null;
        const issue = parsed.error.issues[0];
        return issue ? describe(issue) : 'not a transcript';
      }),
    () => {
      loading = null;
      return null;
    },
  );
  return loading;
}

/**
 * The first problem, where it is. Of a union (one schema per transcript version) the branch with
 * the fewest problems is the version the transcript meant to be.
 */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
    if (branch[0]) return describe({ ...branch[0], path: [...issue.path, ...branch[0].path] });
  }
  return `${issue.path.length > 0 ? `at ${issue.path.map(String).join('.')}: ` : ''}${issue.message}`;
}

/** The item as the player sees it: refused, with the reason, when its transcript cannot be sent. */
export function refuseUnreadable(item: OutboxItem, check: TranscriptCheck | null): OutboxItem {
  if (!check || (item.status !== 'waiting' && item.status !== 'sending')) return item;
  const problem = check(item.transcript);
  if (problem === null) return item;
  return {
    ...item,
    status: 'refused',
    error: {
      code: 'unreadable-transcript',
      message:
        `This version of the game cannot read the record of this call (${problem.slice(0, 300)}), so it cannot be sent. ` +
        'It stays saved in this browser: reload the page to get the latest version of the game, or dismiss it.',
    },
  };
}
