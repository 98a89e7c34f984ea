// When the editor cannot open a call: under npm start without the trainer token (or a wrong one),
// a form for it; otherwise the server's reason.
import { fill, h } from '../../leaderboard/dom.js';
import { EditorApiError, TOKEN_KEY } from './editorApi.js';
import type { Translate } from './i18n.js';

export function showOpenProblem(main: HTMLElement, id: string, e: unknown, t: Translate, retry: () => void): void {
  const err = e instanceof EditorApiError ? e : null;
  if (err && (err.status === 401 || err.status === 403)) {
    const input = h('input', { type: 'password', id: 'htl-ed-token', autocomplete: 'off' });
    fill(
      main,
      h(
        'form',
        {
          class: 'htl-ed-bar',
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            sessionStorage.setItem(TOKEN_KEY, input.value.trim());
            retry();
          },
        },
        h('h1', {}, t('title')),
        h('label', { for: 'htl-ed-token' }, t('token.label')),
        input,
        h('button', { type: 'submit' }, t('token.open')),
        h('p', { role: 'alert' }, err.status === 403 ? t('token.wrong') : t('token.help')),
      ),
    );
    input.focus();
    return;
  }
  fill(main, h('div', { class: 'htl-ed-bar' }, h('h1', {}, t('title')), h('p', { role: 'alert' }, t('openFailed', { id, message: e instanceof Error ? e.message : String(e) }))));
}
