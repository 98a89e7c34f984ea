// One call on the picker: title, customer, difficulty, language, the player's best and the
// team's best, and the button that starts it.
import type { TFunction } from 'i18next';
import type { Scenario } from '../../engine/index.js';
import { LANGUAGE_NAMES, isLanguage } from '../../i18n/index.js';
import type { Best } from '../library/bests.js';
import type { Call } from '../library/ScenarioLibrary.js';
import { button, fill, h } from '../ui/dom.js';

export interface CardOptions {
  readonly call: Call;
  readonly locale: string;
  readonly t: TFunction;
  best(locale: string): Best | null;
  onPlay(locale: string): void;
}

const languageName = (locale: string) => (isLanguage(locale) ? LANGUAGE_NAMES[locale] : locale.toUpperCase());

export interface CallCard {
  readonly el: HTMLElement;
  /** Shows the team's best once the server has answered. */
  setTeamBest(score: number | null): void;
}

export function callCard(opts: CardOptions): CallCard {
  const { call, t } = opts;
  let locale = opts.locale;
  const el = h('article', { class: 'htl-card', 'data-call': call.id });
  const teamSlot = h('span', { class: 'htl-team-best' });

  const render = () => {
    const s: Scenario = call.versions.get(locale)!;
    const best = opts.best(locale);
    const titleId = `htl-card-${call.id}`;
    const languages =
      call.versions.size > 1
        ? h(
            'div',
            { class: 'htl-chips', role: 'group', 'aria-label': t('picker.language') },
            ...[...call.versions.keys()].map((l) =>
              // Shows "RU"; says "RU (Русский)", so the name starts with what is seen.
              button([l.toUpperCase(), h('span', { class: 'htl-sr-only', lang: l }, ` (${languageName(l)})`)], () => ((locale = l), render()), { class: 'htl-chip', 'aria-pressed': String(l === locale) }),
            ),
          )
        : h('span', { class: 'htl-chip htl-chip-static', lang: locale }, languageName(locale));
    fill(
      el,
      h('h2', { id: titleId, lang: s.locale }, s.title),
      h('p', { class: 'htl-customer', lang: s.locale }, h('strong', {}, s.customer.name), ' — ', s.customer.persona),
      h('p', { class: 'htl-card-scores' }, h('span', { class: 'htl-best' }, best ? t('picker.yourBest', { score: best.overall, grade: best.grade }) : t('picker.notPlayed')), teamSlot),
      h(
        'div',
        { class: 'htl-card-foot' },
        h('span', { class: `htl-difficulty htl-${s.difficulty}` }, t(`difficulty.${s.difficulty}`)),
        languages,
        // Under npm run dev: the call editor for this call (issue 18).
        import.meta.env.DEV ? h('a', { class: 'htl-btn', href: `/?view=editor&scenario=${encodeURIComponent(call.id)}`, 'aria-describedby': titleId, 'data-edit': call.id }, t('picker.edit')) : null,
        button(t('picker.play'), () => opts.onPlay(locale), { class: 'htl-btn htl-btn-primary', 'aria-describedby': titleId, 'data-play': call.id }),
      ),
    );
  };
  render();
  return {
    el,
    setTeamBest: (score) => fill(teamSlot, score === null ? null : ` · ${t('picker.teamBest', { score })}`),
  };
}
