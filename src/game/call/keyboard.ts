// The call's keys: 1–9 choose a reply, Space or Enter answer the phone, ` toggles the debug
// overlay. Keys that land on a focused button or field are left to it (it has its own meaning).
import { DEBUG_KEY } from '../config.js';

export interface CallKeys {
  answer(): void;
  choose(n: number): void;
  debug(): void;
  ringing(): boolean;
}

export function replyNumber(e: KeyboardEvent): number | null {
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code) ?? /^([1-9])$/.exec(e.key);
  return m ? Number(m[1]) : null;
}

export function listenToCallKeys(keys: CallKeys): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const target = e.target as HTMLElement | null;
    const inField = target?.closest('input, textarea, select, [contenteditable="true"]');
    if (inField) return;
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
  addEventListener('keydown', onKey);
  return () => removeEventListener('keydown', onKey);
}
