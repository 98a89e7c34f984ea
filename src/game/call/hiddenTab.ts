// An exam goes on while its tab is hidden: the customer is still on the line. The browser stops
// the game's loop in a hidden tab, so on return the time away is given to the call at once (its
// patience and reply timer run as if the page had been shown) and the trainee is told how long
// the customer waited. Practice waits for the trainee instead.
import type { TFunction } from 'i18next';
import type { CallController } from './CallController.js';

const SHOWN_MS = 8000;

/** Watches the page's visibility for this call; `note` is a status line the scene placed. Returns how to stop. */
export function keepExamClock(c: CallController, note: HTMLElement, t: TFunction, doc: Document = document): () => void {
  let hiddenAt: number | null = doc.hidden ? performance.now() : null;
  let fedAt = c.fedMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = () => {
    if (doc.hidden) {
      hiddenAt = performance.now();
      fedAt = c.fedMs;
      return;
    }
    if (hiddenAt === null) return;
    // Only what the frames missed: a browser that kept the game's loop running has given the rest.
    const away = performance.now() - hiddenAt;
    hiddenAt = null;
    const given = c.catchUp(away - (c.fedMs - fedAt));
    if (given <= 0) return;
    note.textContent = t(c.session.ended ? 'call.awayEnded' : 'call.awayExam', { count: Math.round(away / 1000) });
    note.hidden = false;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => (note.hidden = true), SHOWN_MS);
  };
  doc.addEventListener('visibilitychange', changed);
  return () => {
    doc.removeEventListener('visibilitychange', changed);
    if (timer) clearTimeout(timer);
  };
}
