// The strip that tells a player what waits to be sent, what was sent and what the server refused.
import type { Outbox, OutboxSnapshot } from '../client/index.js';
import { fill, h } from './dom.js';
import { formatDate } from './format.js';
import { localeOf, translator } from './i18n.js';
import type { MountedView, Translate } from './index.js';
import { injectStyles } from './styles.js';

export function mountOutbox(container: HTMLElement, opts: { outbox: Outbox; lang?: string; t?: Translate }): MountedView {
  injectStyles();
  const t = translator(opts);
  const locale = localeOf(opts);
  const root = h('div', { class: 'htl-lb htl-outbox-root', role: 'status', 'aria-live': 'polite' });
  container.append(root);
  let open = false;

  const render = (s: OutboxSnapshot) => {
    if (s.items.length === 0) return fill(root);
    const counts = [
      s.waiting > 0 && h('span', {}, t('outbox.waiting', { count: s.waiting })),
      s.sent > 0 && h('span', { class: 'htl-muted' }, t('outbox.sent', { count: s.sent })),
      s.refused > 0 && h('span', { class: 'htl-status-refused' }, t('outbox.refused', { count: s.refused })),
    ];
    const list = open
      ? h(
          'ul',
          {},
          ...s.items.map((item) =>
            h(
              'li',
              { 'data-status': item.status },
              h('span', { class: `htl-status-${item.status}` }, t(`outbox.status.${item.status}`)),
              h('span', { class: 'htl-name' }, item.title),
              h('span', { class: 'htl-muted' }, formatDate(item.playedAt, locale)),
              item.result && h('span', {}, `${item.result.overall} (${item.result.grade})`),
              item.identity === null && h('span', { class: 'htl-muted' }, t('outbox.signIn')),
              item.status === 'refused' && item.error && h('span', { class: 'htl-muted' }, item.error.message),
              (item.status === 'sent' || item.status === 'refused') && h('button', { type: 'button', onclick: () => opts.outbox.dismiss(item.key) }, t('outbox.dismiss')),
            ),
          ),
        )
      : null;
    fill(
      root,
      h(
        'div',
        { class: 'htl-outbox' },
        ...counts,
        s.waiting > 0 && s.reachable === false && h('span', { class: 'htl-muted' }, t('outbox.offline')),
        s.waiting > 0 && h('button', { type: 'button', onclick: () => void opts.outbox.flush() }, t('outbox.sendNow')),
        h('button', { type: 'button', 'aria-expanded': String(open), onclick: () => ((open = !open), render(opts.outbox.snapshot())) }, t('outbox.details')),
        list,
      ),
    );
  };
  const unsubscribe = opts.outbox.subscribe(render);
  return {
    refresh: async () => render(opts.outbox.snapshot()),
    destroy: () => {
      unsubscribe();
      root.remove();
    },
  };
}
