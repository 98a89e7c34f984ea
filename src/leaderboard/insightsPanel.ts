// The team's insights for the period, as the team page shows them: the weakest skill, the key
// facts most often missed and, per call, the weaker reply chosen most often — each fact and reply
// with a button that replays an example call. Counting is the server's (routes/insights.ts).
import type { Insights } from '../client/teamTypes.js';
import { h } from './dom.js';
import { formatNumber, skillLabel } from './format.js';
import type { Translate } from './index.js';

export interface InsightsOptions {
  readonly t: Translate;
  readonly locale: string;
  /** Opens a result's replay. */
  readonly onReplay: (resultId: number) => void;
}

export function insightsPanel(insights: Insights, o: InsightsOptions): HTMLElement {
  const { t, locale } = o;
  const example = (id: number) => h('button', { type: 'button', class: 'htl-example', 'data-example': id, onclick: () => o.onReplay(id) }, t('team.example'));
  const section = (title: string, ...body: (Node | null)[]) => h('section', { class: 'htl-insight' }, h('h4', {}, title), ...body);
  const weakest = insights.weakestSkill;
  return h(
    'div',
    { class: 'htl-panel htl-insights', 'data-insights': '' },
    h('h3', {}, t('team.insights')),
    insights.pending > 0 ? h('p', { class: 'htl-muted', role: 'status' }, t('team.pending', { count: insights.pending })) : null,
    h(
      'div',
      { class: 'htl-insights-grid' },
      section(
        t('team.weakest'),
        weakest
          ? h('p', { class: 'htl-weakest', 'data-skill': weakest.skill }, t('team.weakestLine', { skill: skillLabel(t, weakest.skill), average: formatNumber(weakest.average, locale) }))
          : h('p', { class: 'htl-muted' }, t('team.nothingYet')),
      ),
      section(
        t('team.missedFacts'),
        insights.missedFacts.length === 0
          ? h('p', { class: 'htl-muted' }, t('team.nothingYet'))
          : h(
              'ol',
              { class: 'htl-insight-list' },
              ...insights.missedFacts.map((f) =>
                h(
                  'li',
                  { 'data-fact': f.fact },
                  h('span', { class: 'htl-insight-text', lang: f.lang }, f.text),
                  h('span', { class: 'htl-muted' }, `${f.title} · ${t('team.missedLine', { missed: f.missed, count: f.of })}`),
                  example(f.example),
                ),
              ),
            ),
      ),
      section(
        t('team.wrongReplies'),
        insights.wrongReplies.length === 0
          ? h('p', { class: 'htl-muted' }, t('team.nothingYet'))
          : h(
              'ul',
              { class: 'htl-insight-list' },
              ...insights.wrongReplies.map((r) =>
                h(
                  'li',
                  { 'data-reply': r.reply },
                  h('span', { class: 'htl-muted' }, r.title),
                  h('q', { class: 'htl-insight-text', lang: r.lang }, r.text),
                  h('span', { class: 'htl-muted' }, t('team.replyLine', { chosen: r.count, count: r.of })),
                  example(r.example),
                ),
              ),
            ),
      ),
    ),
  );
}
