// One stored call, replayed with the engine turn by turn: what the customer said, what was on
// offer and chosen, the points it cost with the trainer's feedback, the better reply, and what
// was judged at the end. The scores shown are the replay's own, as on the server.
import type { ApiClient, ResultDetail } from '../client/index.js';
import { loadScenario, replay, type BetterReply, type LedgerEntry, type Scenario, type TurnRecord } from '../engine/index.js';
import { fill, h } from './dom.js';
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
  readonly onRemove?: (result: ResultDetail) => Promise<void>;
  readonly onClose?: () => void;
}

interface Replayed {
  readonly detail: ResultDetail;
  readonly scenario: Scenario;
  readonly history: readonly TurnRecord[];
  readonly ledger: readonly LedgerEntry[];
  readonly better: readonly BetterReply[];
  readonly factsFound: readonly string[];
  readonly factsMissed: readonly string[];
  readonly endingNode: string | null;
}

/** Fetches a result and the exact scenario version it was played on, and replays it. */
export async function replayResult(client: ApiClient, code: string, id: number): Promise<Replayed> {
  const detail = await client.result(code, id);
  const version = await client.scenarioVersion(detail.hash);
  const loaded = loadScenario(version.text, `${version.id}.${version.locale}.json`);
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]?.message ?? 'the scenario does not load');
  const { session, score } = replay(loaded.scenario, detail.transcript, { requireEnd: true });
  const out: Replayed = {
    detail,
    scenario: loaded.scenario,
    history: session.context.history,
    ledger: score.ledger,
    better: session.betterReplies(),
    factsFound: score.factsFound,
    factsMissed: score.factsMissed,
    endingNode: session.context.ending?.node ?? null,
  };
  session.stop();
  return out;
}

/** The trainer's note for a lost point, or what the engine's ledger says caused it. */
function why(e: LedgerEntry, t: Translate): string | null {
  if (e.note) return e.note;
  switch (e.cause.kind) {
    case 'outcome':
      return t('replay.causeOutcome', { credit: e.cause.credit });
    case 'over-par':
      return t('replay.causeOverPar', { turns: e.cause.turns, par: e.cause.par });
    case 'timeout':
      return t('replay.timeout');
    case 'hang-up':
      return t('replay.hangUp');
    case 'reply':
    case 'missed-fact':
    case 'unmet':
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

function turnView(r: Replayed, turn: TurnRecord, t: Translate): HTMLElement {
  const node = r.scenario.nodes.get(turn.node);
  const chosen = turn.choice.kind === 'reply' ? turn.choice.reply : null;
  const better = r.better.find((b) => b.turn === turn.turn);
  const byId = new Map(node?.replies.map((x) => [x.id, x]) ?? []);
  return h(
    'li',
    { class: 'htl-turn', 'data-turn': turn.turn },
    h('h4', {}, t('replay.turn', { n: turn.turn })),
    h('p', {}, h('span', { class: 'htl-muted' }, `${t('replay.customer')}: `), h('span', { class: 'htl-say' }, node?.say ?? '')),
    h('ol', { class: 'htl-replies' }, ...turn.shown.map((id) => h('li', { class: id === chosen ? 'htl-chosen' : null }, byId.get(id)?.say ?? id))),
    turn.choice.kind === 'timeout' && h('p', { class: 'htl-loss' }, t('replay.timeout')),
    turn.choice.kind === 'hang-up' && h('p', { class: 'htl-loss' }, t('replay.hangUp')),
    lossList(
      r.ledger.filter((e) => e.turn === turn.turn),
      t,
    ),
    better && h('div', { class: 'htl-better' }, h('strong', {}, `${t('replay.better')}: `), better.say, better.feedback ? h('p', { class: 'htl-muted' }, better.feedback) : null),
  );
}

function endView(r: Replayed, t: Translate): HTMLElement {
  const d = r.detail;
  const ending = r.endingNode ? r.scenario.nodes.get(r.endingNode) : undefined;
  const fact = (id: string) => r.scenario.facts.get(id)?.text ?? id;
  return h(
    'li',
    { class: 'htl-turn', 'data-turn': 'end' },
    h('h4', {}, t('replay.ending')),
    ending?.say ? h('p', { class: 'htl-say' }, ending.say) : null,
    h('p', {}, t('replay.outcome', { outcome: t(`outcome.${d.outcome}`) }), ' · ', t(d.ideal ? 'replay.ideal' : 'replay.notIdeal')),
    lossList(
      r.ledger.filter((e) => e.turn === null),
      t,
    ),
    r.factsFound.length > 0 && h('p', {}, `${t('replay.factsFound')}: `, r.factsFound.map(fact).join('; ')),
    r.factsMissed.length > 0 && h('p', { class: 'htl-loss' }, `${t('replay.factsMissed')}: `, r.factsMissed.map(fact).join('; ')),
  );
}

/** Opens the replay in a modal dialog; returns a function that closes it. */
export function openReplay(resultId: number, o: ReplayOptions): () => void {
  injectStyles();
  const { t } = o;
  const body = h('div', { class: 'htl-lb' }, h('p', {}, t('loading')));
  const dialog = h('dialog', { class: `htl-replay ${o.className ?? ''}`, 'aria-label': t('replay.customer') }, body);
  const close = () => {
    if (dialog.open) dialog.close();
  };
  dialog.addEventListener('close', () => {
    dialog.remove();
    o.onClose?.();
  });
  document.body.append(dialog);
  dialog.showModal();

  replayResult(o.client, o.code, resultId).then(
    (r) => {
      const d = r.detail;
      const turns = [...r.history.map((turn) => turnView(r, turn, t)), endView(r, t)];
      let shown = 1;
      const list = h('ol', { class: 'htl-timeline', style: 'list-style:none;padding:0' });
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
          h('h2', {}, t('replay.title', { title: d.title, name: d.player.name })),
          h('div', { class: 'htl-group' }, o.onRemove && h('button', { type: 'button', onclick: () => void o.onRemove!(d).then(close) }, t('trainer.remove')), h('button', { type: 'button', onclick: close }, t('replay.close'))),
        ),
        h(
          'div',
          { class: 'htl-scores' },
          ...SKILLS.map((s) => h('span', {}, `${skillLabel(t, s)} `, h('b', {}, d[s]))),
          h('span', {}, `${skillLabel(t, 'overall')} `, h('b', {}, d.overall), ` (${d.grade})`),
        ),
        h('p', { class: 'htl-muted' }, formatDate(d.playedAt, o.locale), ' · ', t('replay.time', { seconds: formatNumber(d.elapsedMs / 1000, o.locale), turns: d.turns })),
        list,
        h('div', { class: 'htl-group' }, prev, next, all),
      );
      step(1);
      next.focus();
    },
    (e: unknown) => fill(body, h('p', { class: 'htl-error', role: 'alert' }, t('replay.loadFailed', { message: e instanceof Error ? e.message : String(e) })), h('button', { type: 'button', onclick: close }, t('replay.close'))),
  );
  return close;
}
