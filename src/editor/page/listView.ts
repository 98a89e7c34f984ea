// The same lines as the map, as a list for screen readers and keyboards: each line a button
// (its outcome, whether it is on the ideal path, its problems), its replies and where they lead.
import { fill, h } from '../../leaderboard/dom.js';
import type { Diagnostic } from '../../engine/index.js';
import type { CallMap } from '../callMap.js';
import type { IdealStep } from '../checks.js';
import type { Translate } from './i18n.js';

export function renderList(root: HTMLElement, map: CallMap, byNode: ReadonlyMap<string, readonly Diagnostic[]>, ideal: readonly IdealStep[], current: string | null, t: Translate, onSelect: (id: string) => void, onReply: (node: string, reply: number) => void): void {
  const onIdeal = new Set(ideal.map((s) => s.node));
  const idealReply = new Set(ideal.map((s) => `${s.node}#${s.reply}`));
  fill(
    root,
    h('h2', {}, t('list.title')),
    h(
      'ol',
      {},
      ...map.nodes.map((n) => {
        const ds = byNode.get(n.id) ?? [];
        const notes = [n.start ? t('map.start') : null, n.end ? t(`outcome.${n.end}`) : null, onIdeal.has(n.id) ? t('map.onIdeal') : null, ds.length > 0 ? t('map.problems', { count: ds.length }) : null].filter(Boolean).join(', ');
        const edges = map.edges.filter((e) => e.from === n.id);
        // One item per reply: a reply with branches says where each leads, and where otherwise.
        const replies = [...new Set(edges.map((e) => e.reply))].map((r) => edges.filter((e) => e.reply === r));
        return h(
          'li',
          {},
          h('button', { type: 'button', 'data-list-node': n.id, ...(n.id === current ? { 'aria-current': 'true' } : {}), onclick: () => onSelect(n.id) }, n.id),
          notes ? ` (${notes})` : '',
          ': ',
          n.say,
          replies.length > 0
            ? h(
                'ul',
                {},
                ...replies.map((branches) => {
                  const e = branches[0]!;
                  const where = branches.length === 1 && !e.when ? ` → ${e.to}` : ` ${branches.map((b) => (b.when ? t('list.ifThen', { when: b.when, to: b.to }) : t('list.otherwise', { to: b.to }))).join(', ')}`;
                  return h(
                    'li',
                    {},
                    h('button', { type: 'button', 'data-list-reply': `${e.from}#${e.reply}`, onclick: () => onReply(e.from, e.reply) }, t('list.editReply', { n: e.reply + 1 })),
                    ` ${e.say}`,
                    where,
                    e.action ? ` (${t('panel.action')})` : '',
                    idealReply.has(`${e.from}#${e.reply}`) ? ` — ${t('map.onIdeal')}` : '',
                  );
                }),
              )
            : null,
        );
      }),
    ),
  );
}
