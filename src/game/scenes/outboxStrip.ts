// The leaderboard's outbox strip (results waiting to be sent / sent / refused), mounted only when
// the outbox has something to show, so the leaderboard's code loads only then. Its dates are in
// the interface's language, like its words.
import { loadNamespace } from '../../i18n/index.js';
import type { Services } from '../services.js';
import { h } from '../ui/dom.js';

export function outboxStrip(services: Services, onCleanup: (fn: () => void) => void): HTMLElement {
  const slot = h('div', { class: 'htl-outbox-slot' });
  let gone = false;
  onCleanup(() => (gone = true));
  if (services.outbox.snapshot().items.length === 0) return slot;
  void Promise.all([import('../../leaderboard/index.js'), loadNamespace(services.i18n, 'leaderboard')]).then(([lb, t]) => {
    if (gone) return;
    const view = lb.mountOutboxStatus(slot, { outbox: services.outbox, t, lang: services.i18n.language });
    onCleanup(() => view.destroy());
  });
  return slot;
}
