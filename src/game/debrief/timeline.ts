// The right side of the debrief: every turn — what the customer said, what the trainee did, what
// it cost, the trainer's feedback, and the better reply where there was one — then what was judged
// at the end of the call. All of it is the engine's review, rendered; nothing is computed here.
// A typed reply shows what was typed, how it was taken and the words that matched (the engine's
// explainTyped), the matched words marked in the text.
import type { TFunction } from 'i18next';
import type { CallReview, Gender, LedgerEntry, TurnReview } from '../../engine/index.js';
import type { TypedTurn } from '../call/typedMatcher.js';
import { aboutCustomer } from '../../i18n/index.js';
import { h, type Child } from '../ui/dom.js';
import type { TryControls } from './tryAnother.js';

/** What an end-of-call entry of the ledger means, in words; the ending is named by its own label where it has one. */
export function closingText(e: LedgerEntry, m: CallReview, t: TFunction, gender: Gender | null = null): string {
  const c = e.cause;
  switch (c.kind) {
    case 'missed-fact':
      return t('debrief.closing.missedFact', { fact: e.note ?? c.fact });
    case 'unmet':
      return t('debrief.closing.unmet', { fact: e.note ?? c.fact });
    case 'forbidden':
      return t('debrief.closing.forbidden', { fact: e.note ?? c.fact });
    case 'outcome':
      return t('debrief.closing.outcome', { outcome: m.ending?.label ?? t(`outcome.${c.outcome}`, aboutCustomer(gender)), credit: c.credit });
    case 'over-par':
      return t('debrief.closing.overPar', { turns: c.turns, par: c.par });
    case 'unanswered':
      return t('debrief.closing.unanswered');
    case 'reply':
    case 'timeout':
    case 'hang-up':
      return e.note ?? '';
  }
}

/** "mood +5" / "mood −10", coloured by direction; nothing for no change. */
const moodTag = (delta: number, t: TFunction) =>
  delta !== 0 && h('span', { class: `htl-mood-delta ${delta > 0 ? 'htl-up' : 'htl-down'}` }, t('debrief.mood', { delta: `${delta > 0 ? '+' : '−'}${Math.abs(delta)}` }));

/** Points lost, with a real minus sign. */
const points = (p: number) => `−${Math.abs(p)}`;

const lostChips = (lost: readonly { dimension: string; points: number }[], t: TFunction) =>
  lost.length > 0 && h('p', { class: 'htl-lost' }, ...lost.map((l) => h('span', { class: `htl-chip htl-lost-${l.dimension}` }, `${points(l.points)} ${t(`skill.${l.dimension}`)}`)));

/** The typed text with each matched word marked where a word starts with it (case aside). */
function marked(text: string, evidence: readonly string[]): Child[] {
  const words = [...new Set(evidence.map((w) => w.trim()).filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return [text];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})`, 'iu'));
  return parts.map((p, i) => (i % 2 === 1 ? h('mark', {}, p) : p)).filter((p) => p !== '');
}

/** What was typed for this turn, which reply it was taken as and how, and why. */
function typedNote(x: TypedTurn, locale: string, t: TFunction): HTMLElement {
  return h(
    'div',
    { class: 'htl-typed-turn', 'data-typed-turn': x.turn, 'data-took': x.took },
    h('p', {}, h('span', { class: 'htl-who' }, t('typed.debrief.typed')), h('q', { lang: locale, class: 'htl-typed-text' }, ...marked(x.text, x.evidence))),
    h('p', { class: 'htl-muted' }, x.took === 'match' ? t('typed.debrief.tookMatch') : t('typed.debrief.tookSuggestion')),
    x.evidence.length > 0
      ? h('p', { class: 'htl-typed-why' }, `${t('typed.debrief.why')}: `, ...x.evidence.flatMap((w, i) => [i > 0 ? ' ' : '', h('mark', { lang: locale }, w)]))
      : h('p', { class: 'htl-muted' }, t('typed.debrief.noWords')),
  );
}

function turnItem(r: TurnReview, m: CallReview, t: TFunction, tries: TryControls | null, typed: TypedTurn | undefined): HTMLElement {
  const { locale, customer } = m.scenario;
  const choice =
    r.choice.kind === 'reply' ? r.choice.say : r.choice.kind === 'timeout' ? t('transcript.silence') : t('transcript.hungUp');
  const clean = r.ledger.length === 0;
  const moodDelta = r.moodAfter - r.moodBefore;
  return h(
    'li',
    { class: `htl-turn ${clean ? 'htl-turn-clean' : 'htl-turn-cost'}`, 'data-turn': r.turn },
    h('h3', {}, t('debrief.turn', { n: r.turn }), moodTag(moodDelta, t)),
    // The line's own change of mood (format 2's "enter"), beside the line that made it.
    r.line && h('p', { class: 'htl-said' }, h('span', { class: 'htl-who' }, customer), h('span', {}, h('q', { lang: locale }, r.line), ' ', moodTag(r.lineMood, t))),
    h('p', { class: 'htl-said htl-you' }, h('span', { class: 'htl-who' }, t('transcript.you')), r.choice.kind === 'reply' ? h('q', { lang: locale }, choice ?? '') : h('span', { class: 'htl-note' }, choice ?? '')),
    typed && typedNote(typed, locale, t),
    r.found.length > 0 && h('p', { class: 'htl-found', lang: locale }, ...r.found.map((f) => `✓ ${f.text} `)),
    lostChips(r.ledger, t),
    r.feedback && h('p', { class: 'htl-feedback', lang: locale }, r.feedback),
    r.better &&
      h(
        'div',
        { class: 'htl-better', 'data-better': r.better.reply },
        h('p', {}, h('strong', {}, `${t('debrief.better')}: `), h('q', { lang: locale }, r.better.say)),
        r.better.why && h('p', { class: 'htl-feedback', lang: locale }, r.better.why),
        h('p', { class: 'htl-muted' }, r.better.yours === null ? t('debrief.betterReachOnly', { best: r.better.overall }) : t('debrief.betterReach', { best: r.better.overall, yours: r.better.yours })),
      ),
    tries?.forTurn(r.turn),
  );
}

/**
 * `tries`: each turn's "Try another reply" (tryAnother.ts). `lead`: shown first, above the
 * turns (a branch's comparison with the run it was tried from). `typed`: the typed turns, as the
 * engine explains them (engine/match explainTyped).
 */
export function timeline(m: CallReview, t: TFunction, gender: Gender | null = null, tries: TryControls | null = null, lead: HTMLElement | null = null, typed: readonly TypedTurn[] = []): HTMLElement {
  const { locale, customer } = m.scenario;
  return h(
    'section',
    { class: 'htl-timeline', 'aria-labelledby': 'htl-timeline-h', tabindex: 0 },
    lead,
    h('h2', { id: 'htl-timeline-h' }, t('debrief.timeline')),
    h(
      'ol',
      {},
      ...m.turns.map((r) => turnItem(r, m, t, tries, typed.find((x) => x.turn === r.turn))),
      h(
        'li',
        { class: 'htl-turn htl-turn-end' },
        h('h3', {}, t('debrief.end')),
        m.ending?.say && h('p', { class: 'htl-said' }, h('span', { class: 'htl-who' }, customer), h('span', {}, h('q', { lang: locale }, m.ending.say), ' ', moodTag(m.ending.lineMood, t))),
        m.closing.length > 0
          ? h('ul', {}, ...m.closing.map((e) => h('li', {}, h('span', { class: `htl-chip htl-lost-${e.dimension}` }, `${points(e.points)} ${t(`skill.${e.dimension}`)}`), ' ', closingText(e, m, t, gender))))
          : h('p', { class: 'htl-muted' }, t('debrief.nothingLost')),
      ),
    ),
  );
}
