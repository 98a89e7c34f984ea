// The call's keys: 1–9 choose a reply, Space or Enter answer the phone, F skips the wait of an
// action (practice), Escape asks to end the call (a second Escape ends it; any other key
// cancels), ` toggles the debug overlay. Keys that land on a focused button or field are left
// to it (it has its own meaning).
import { DEBUG_KEY } from '../config.js';

export interface CallKeys {
  answer(): void;
  choose(n: number): void;
  debug(): void;
  ringing(): boolean;
  fastForward(): void;
  /** Escape: ask to end the call, or end it if already asked. */
  escape(): void;
  /** Any other key or a pointer press: no longer asking. */
  cancelEscape(): void;
}

export const FAST_FORWARD_KEY = 'KeyF';

export function replyNumber(e: KeyboardEvent): number | null {
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code) ?? /^([1-9])$/.exec(e.key);
  return m ? Number(m[1]) : null;
}

export function listenToCallKeys(keys: CallKeys): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.repeat) {
      e.preventDefault();
      return keys.escape();
    }
    // A modifier pressed alone (Shift before a capital, say) is not "anything else".
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) keys.cancelEscape();
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const target = e.target as HTMLElement | null;
    const inField = target?.closest('input, textarea, select, [contenteditable="true"]');
    if (inField) return;
    if (e.code === FAST_FORWARD_KEY) {
      e.preventDefault();
      return keys.fastForward();
    }
    if (e.code === DEBUG_KEY) {
      e.preventDefault();
      return keys.debug();
    }
    const n = replyNumber(e);
    if (n !== null) {
      e.preventDefault();
      return keys.choose(n);
    }
    if ((e.code === 'Space' || e.code === 'Enter' || e.code === 'NumpadEnter') && keys.ringing() && !target?.closest('button, a')) {
      e.preventDefault();
      keys.answer();
    }
  };
  const onPointer = () => keys.cancelEscape();
  addEventListener('keydown', onKey);
  addEventListener('pointerdown', onPointer);
  return () => {
    removeEventListener('keydown', onKey);
    removeEventListener('pointerdown', onPointer);
  };
}
