// A screen whose code could not be fetched (the server went away before it was): say so over the
// screen that stays, with a way to try again, never a stack trace. A browser may remember that a
// module failed and not fetch it again (Chromium does), so a second failure offers to reload the
// page instead: what the player has done is kept (results wait in the outbox, history and
// settings are stored), and the page comes back on the title.
import type { TFunction } from 'i18next';
import { button, h } from './dom.js';
import type { UiLayer } from './UiLayer.js';

export function showLoadFailed(ui: UiLayer, t: TFunction, retry: () => void, failures: number): void {
  ui.root.querySelector('.htl-load-failed')?.remove();
  const again = failures > 1;
  const notice = h(
    'section',
    { class: 'htl-trainer-notice htl-load-failed', role: 'alert' },
    h('p', {}, t(again ? 'loading.failedAgain' : 'loading.failed')),
    again
      ? button(t('loading.reload'), () => location.reload(), { class: 'htl-btn' })
      : button(t('loading.retry'), () => (notice.remove(), retry()), { class: 'htl-btn' }),
  );
  ui.root.append(notice);
}
