// A screen whose code could not be fetched (the server went away before it was): say so over the
// screen that stays, with a way to try again, never a stack trace.
import type { TFunction } from 'i18next';
import { button, h } from './dom.js';
import type { UiLayer } from './UiLayer.js';

export function showLoadFailed(ui: UiLayer, t: TFunction, retry: () => void): void {
  ui.root.querySelector('.htl-load-failed')?.remove();
  const notice = h(
    'section',
    { class: 'htl-trainer-notice htl-load-failed', role: 'alert' },
    h('p', {}, t('loading.failed')),
    button(t('loading.retry'), () => (notice.remove(), retry()), { class: 'htl-btn' }),
  );
  ui.root.append(notice);
}
