// Asking before something is removed, and undoing it for a while after: a small modal question
// (Cancel has the focus, Escape cancels) and a "Removed — Undo" bar that goes after 10 s. Used by
// the trainer's page for players and by the board's replay for results.
import { ApiError } from '../client/index.js';
import { h } from './dom.js';
import type { Translate } from './index.js';
import { injectTrainerStyles } from './trainerStyles.js';

export const UNDO_MS = 10_000;

/** What went wrong, in words for the trainer: the server's own sentence, or what to try. Never a stack trace. */
export function problem(e: unknown, t: Translate): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('manage.error.unreachable');
    if (e.code === 'wrong-trainer-token' || e.code === 'trainer-token-required') return t('manage.error.token');
    if (e.code === 'name-taken') return t('manage.error.nameTaken');
    if (e.code === 'unknown-team') return t('manage.error.unknownTeam');
    if (e.code === 'not-found') return t('manage.error.notFound');
    if (e.status >= 500) return t('manage.error.server');
    return e.message;
  }
  return t('manage.error.unexpected');
}

/** Asks a yes/no question in a modal dialog; resolves true only for the confirming button. */
export function confirmAction(o: { t: Translate; question: string; detail?: string; confirm: string }): Promise<boolean> {
  injectTrainerStyles();
  return new Promise((resolve) => {
    const id = `htl-confirm-${Math.random().toString(36).slice(2, 8)}`;
    const dialog = h('dialog', { class: 'htl-lb htl-confirm', role: 'alertdialog', 'aria-labelledby': id, ...(o.detail ? { 'aria-describedby': `${id}-d` } : {}) });
    const done = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    const cancel = h('button', { type: 'button', onclick: () => done(false) }, o.t('manage.cancel'));
    dialog.append(
      h('p', { id, class: 'htl-confirm-question' }, o.question),
      o.detail ? h('p', { id: `${id}-d`, class: 'htl-muted' }, o.detail) : '',
      h('div', { class: 'htl-group' }, cancel, h('button', { type: 'button', class: 'htl-danger', onclick: () => done(true) }, o.confirm)),
    );
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/**
 * Shows "<message> — Undo" in `host` for `ms` (one bar per host: a new one replaces it). Undo runs
 * `undo` and then `after`; a failed undo says why and keeps the bar so it can be tried again.
 * Without `undo`, only the message (a failure to report).
 */
export function showUndo(host: Element, o: { t: Translate; message: string; undo?: () => Promise<void>; after?: () => void | Promise<void>; ms?: number }): () => void {
  injectTrainerStyles();
  host.querySelector(':scope > .htl-undo')?.dispatchEvent(new Event('htl-dismiss'));
  const text = h('span', {}, o.message);
  const button = h('button', { type: 'button' }, o.t('manage.undo'));
  const bar = h('div', { class: 'htl-undo', role: 'status' }, text, o.undo && ' ', o.undo && button);
  let timer: ReturnType<typeof setTimeout> | null = setTimeout(() => dismiss(), o.ms ?? UNDO_MS);
  const dismiss = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    bar.remove();
  };
  bar.addEventListener('htl-dismiss', dismiss);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await o.undo?.();
      dismiss();
      await o.after?.();
    } catch (e) {
      button.disabled = false;
      text.textContent = o.t('manage.undoFailed', { message: problem(e, o.t) });
    }
  });
  host.append(bar);
  return dismiss;
}
