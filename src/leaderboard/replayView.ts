// One stored call, replayed turn by turn: what the customer said, what was on offer and chosen,
// the points it cost with the trainer's feedback, the better reply, and what was judged at the
// end — all the engine's review (engine/review), rendered. The scores shown are the ones stored
// with the result; a result scored under older rules says so and shows no points of today's.
// A typed reply shows what was typed, whether it was picked from "Did you mean…", and the words
// that matched (the engine's matcher, loaded only for a call that has typed replies).
import type { ApiClient, ResultDetail } from '../client/index.js';
import { loadScenario, reviewCall, rulesCompatible, TranscriptError, transcriptSchema, type CallReview, type LedgerEntry, type Scenario, type Transcript, type TurnReview } from '../engine/index.js';
import { fill, h, openModal, withName } from './dom.js';
import { formatDate, formatNumber, SKILLS, skillLabel } from './format.js';
import type { Translate } from './index.js';
import { injectStyles } from './styles.js';

export interface ReplayOptions {
  readonly client: ApiClient;
  readonly code: string;
  readonly t: Translate;
  readonly locale: string;
  /** Extra class on the dialog (the meeting view makes it large). */
  readonly className?: string;
  /** Trainer: a Remove button that calls this, then closes. */
  /** Resolves false when nothing was removed (the trainer said no): the replay stays open. */
  readonly onRemove?: (result: ResultDetail) => Promise<void | boolean>;
  readonly onClose?: () => void;
  /** Controls beside each turn, from whoever opened the replay (the game: "Try another reply" on the player's own result). */
  readonly turnActions?: TurnActionsFor;
}

/** A control for each turn of a replayed result, and what to run once they are on screen. */
export interface TurnActions {
  readonly forTurn: (turn: number) => HTMLElement;
  /** Starts any work the controls do after showing (returns how to stop it). */
  readonly start: () => () => void;
}

/** The turn actions for one result (null: none for this one). */
export type TurnActionsFor = (detail: ResultDetail) => TurnActions | null;

/** One typed turn as the engine's matcher explains it. */
type TypedTurn = ReturnType<typeof import('../engine/match/index.js').explainTyped>[number];

interface Replayed {
  readonly detail: ResultDetail;
  /** The typed turns, explained (none when the call has none, or the matcher cannot load). */
  readonly typed: readonly TypedTurn[];
  /** The engine's review of the call; null when its turns can't be replayed at all. */
  readonly review: CallReview | null;
  /** Scored under rules this engine no longer reproduces: its stored numbers stand, the review shows no points. */
  readonly oldRules: number | null;
}

/** Fetches a result and the exact scenario version it was played on, and reviews it with the engine. */
export async function replayResult(client: ApiClient, code: string, id: number): Promise<Replayed> {
  const detail = await client.result(code, id);
  const version = await client.scenarioVersion(detail.hash);
  const loaded = loadScenario(version.text, `${version.id}.${version.locale}.json`);
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]?.message ?? 'the scenario does not load');
  const parsed = transcriptSchema.safeParse(detail.transcript);
  if (!parsed.success) throw new Error('the stored transcript cannot be read');
  const t = parsed.data;
  const typed = await explainTyped(loaded.scenario, t);
  if (rulesCompatible(t.rules)) {
    try {
      return { detail, typed, review: reviewCall(loaded.scenario, t), oldRules: null };
    } catch (e) {
      // A compatible version can still hold a call today's rules score otherwise (a ring past
      // 30 s under rules 2): show it as scored under its own rules, never as an error.
      if (!(e instanceof TranscriptError && e.code === 'old-rules')) throw e;
      return { detail, typed, review: null, oldRules: t.rules };
    }
  }
  // Older rules: what was said can still be shown, but not today's points beside yesterday's scores.
  let review: CallReview | null = null;
  try {
    review = reviewCall(loaded.scenario, t);
  } catch {
    review = null;
  }
  return { detail, typed, review, oldRules: t.rules };
}

async function explainTyped(scenario: Scenario, t: Transcript): Promise<readonly TypedTurn[]> {
  if (!t.events.some((e) => e.type === 'CHOOSE' && e.typed !== undefined)) return [];
  try {
    return (await import('../engine/match/index.js')).explainTyped(scenario, t);
  } catch {
    return [];
  }
}

/** "Typed: “…” (picked from “Did you mean…”) — matched: refund order". */
function typedLine(x: TypedTurn, locale: string, t: Translate): HTMLElement {
  return h(
    'p',
    { class: 'htl-typed', 'data-typed-turn': x.turn },
    h('span', { class: 'htl-muted' }, `${t('typed.typed')}: `),
    h('q', { lang: locale }, x.text),
    x.took === 'suggestion' ? h('span', { class: 'htl-muted' }, ` (${t('typed.tookSuggestion')})`) : null,
    ...(x.evidence.length > 0 ? [h('span', { class: 'htl-muted' }, ` — ${t('typed.why')}: `), ...x.evidence.flatMap((w, i) => [i > 0 ? ' ' : '', h('mark', { lang: locale }, w)])] : []),
  );
}

/** The trainer's note for a lost point, or what the engine's ledger says caused it. */
function why(e: LedgerEntry, t: Translate): string | null {
  if (e.note) return e.note;
  switch (e.cause.kind) {
    case 'outcome':
      return t('replay.causeOutcome', { credit: e.cause.credit });
    case 'over-par':
      return t('replay.causeOverPar', { turns: e.cause.turns, par: e.cause.par });
    case 'forbidden':
      return t('replay.causeForbidden');
    case 'timeout':
      return t('replay.timeout');
    case 'hang-up':
      return t('replay.hangUp');
    case 'reply':
    case 'missed-fact':
    case 'unmet':
    case 'unanswered':
      return null;
  }
}

function lossList(entries: readonly LedgerEntry[], t: Translate): Element | null {
  if (entries.length === 0) return null;
  return h(
    'ul',
    { class: 'htl-loss' },
    ...entries.map((e) => {
      const reason = why(e, t);
      return h('li', {}, `${skillLabel(t, e.dimension)} ${e.points}`, reason ? ` — ${reason}` : '');
    }),
  );
}

function turnView(r: Replayed, review: CallReview, turn: TurnReview, t: Translate, actions: TurnActions | null): HTMLElement {
  const points = r.oldRules === null;
  const better = points ? turn.better : null;
  return h(
    'li',
    { class: 'htl-turn', 'data-turn': turn.turn },
    h('h3', {}, t('replay.turn', { n: turn.turn })),
    h('p', {}, h('span', { class: 'htl-muted' }, `${t('replay.customer')}: `), h('span', { class: 'htl-say', lang: review.scenario.locale }, turn.line)),
    h('ol', { class: 'htl-replies', lang: review.scenario.locale }, ...turn.shown.map((x) => h('li', { class: x.id === turn.choice.reply ? 'htl-chosen' : null }, x.say))),
    ...r.typed.filter((x) => x.turn === turn.turn).map((x) => typedLine(x, review.scenario.locale, t)),
    // What happened instead of a reply; marked as a loss only where today's points are shown.
    turn.choice.kind === 'timeout' && h('p', { class: points ? 'htl-loss' : 'htl-muted' }, t('replay.timeout')),
    turn.choice.kind === 'hang-up' && h('p', { class: points ? 'htl-loss' : 'htl-muted' }, t('replay.hangUp')),
    points && lossList(turn.ledger, t),
    better &&
      h(
        'div',
        { class: 'htl-better', 'data-better': better.reply },
        h('strong', {}, `${t('replay.better')}: `),
        h('span', { lang: review.scenario.locale }, better.say),
        better.why ? h('p', { class: 'htl-muted', lang: review.scenario.locale }, better.why) : null,
        h('p', { class: 'htl-muted' }, better.yours === null ? t('replay.betterReachOnly', { best: better.overall }) : t('replay.betterReach', { best: better.overall, yours: better.yours })),
      ),
    actions?.forTurn(turn.turn),
  );
}

function endView(r: Replayed, review: CallReview | null, t: Translate): HTMLElement {
  const d = r.detail;
  const points = r.oldRules === null && review !== null;
  return h(
    'li',
    { class: 'htl-turn', 'data-turn': 'end' },
    h('h3', {}, t('replay.ending')),
    review?.ending?.say ? h('p', { class: 'htl-say', lang: review.scenario.locale }, review.ending.say) : null,
    h('p', {}, t('replay.outcome', { outcome: review?.ending?.label ?? t(`outcome.${d.outcome}`) }), ' · ', t(d.ideal ? 'replay.ideal' : 'replay.notIdeal')),
    points && lossList(review.closing, t),
    points && review.found.length > 0 && factList(t('replay.factsFound'), review.found, review.scenario.locale, null),
    points && review.missed.length > 0 && factList(t('replay.factsMissed'), review.missed, review.scenario.locale, 'htl-loss'),
  );
}

/** Facts as a list: their texts are the trainer's sentences, which a separator would run together. */
function factList(label: string, facts: CallReview['found'], locale: string, className: string | null): HTMLElement {
  return h('div', { class: className }, `${label}:`, h('ul', { class: 'htl-fact-list', lang: locale }, ...facts.map((f) => h('li', {}, f.text))));
}

/** Opens the replay in a modal dialog; returns a function that closes it. */
export function openReplay(resultId: number, o: ReplayOptions): () => void {
  injectStyles();
  const { t } = o;
  const body = h('div', { class: 'htl-lb' }, h('p', {}, t('loading')));
  let stopActions: (() => void) | null = null;
  const { dialog, close } = openModal(`htl-replay ${o.className ?? ''}`, t('replay.customer'), body, () => {
    stopActions?.();
    o.onClose?.();
  });

  replayResult(o.client, o.code, resultId).then(
    (r) => {
      const d = r.detail;
      // Turn actions act on today's rules: none for a call scored under older ones.
      const actions = r.oldRules === null ? (o.turnActions?.(d) ?? null) : null;
      const turns = [...(r.review?.turns ?? []).map((turn) => turnView(r, r.review!, turn, t, actions)), endView(r, r.review, t)];
      let shown = 1;
      const list = h('ol', { class: 'htl-timeline', tabindex: 0, 'aria-label': t('replay.turns') });
      const step = (to: number) => {
        shown = Math.max(1, Math.min(turns.length, to));
        fill(list, ...turns.slice(0, shown));
        turns.forEach((el, i) => el.classList.toggle('htl-current', i === shown - 1));
        turns[shown - 1]?.scrollIntoView?.({ block: 'nearest' });
        prev.disabled = shown <= 1;
        next.disabled = all.disabled = shown >= turns.length;
      };
      const prev = h('button', { type: 'button', onclick: () => step(shown - 1) }, t('replay.previous'));
      const next = h('button', { type: 'button', onclick: () => step(shown + 1) }, t('replay.next'));
      const all = h('button', { type: 'button', onclick: () => step(turns.length) }, t('replay.showAll'));
      dialog.setAttribute('aria-label', t('replay.title', { title: d.title, name: d.player.name }));
      fill(
        body,
        h(
          'div',
          { class: 'htl-head' },
          h('h2', { class: 'htl-replay-title' }, ...withName((name) => t('replay.title', { title: d.title, name }), d.player.name)),
          h('div', { class: 'htl-group' }, o.onRemove && h('button', { type: 'button', onclick: () => void o.onRemove!(d).then((removed) => removed !== false && close()) }, t('trainer.remove')), h('button', { type: 'button', onclick: close }, t('replay.close'))),
        ),
        h(
          'div',
          { class: 'htl-scores' },
          ...SKILLS.map((s) => h('span', {}, `${skillLabel(t, s)} `, h('b', {}, d[s]))),
          h('span', {}, `${skillLabel(t, 'overall')} `, h('b', {}, d.overall), ` (${d.grade})`),
        ),
        // Beside the scores it explains, from the first turn on.
        r.oldRules !== null && h('p', { class: 'htl-old-rules', role: 'note' }, t('replay.oldRules', { rules: r.oldRules })),
        h('p', { class: 'htl-muted' }, formatDate(d.playedAt, o.locale), ' · ', t('replay.time', { seconds: formatNumber(d.elapsedMs / 1000, o.locale), turns: d.turns })),
        list,
        h('div', { class: 'htl-group' }, prev, next, all),
      );
      step(1);
      next.focus();
      if (actions) stopActions = actions.start();
    },
    (e: unknown) => fill(body, h('p', { class: 'htl-error', role: 'alert' }, t('replay.loadFailed', { message: e instanceof Error ? e.message : String(e) })), h('button', { type: 'button', onclick: close }, t('replay.close'))),
  );
  return close;
}
