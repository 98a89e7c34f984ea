// Two attempts at the same call side by side: two players, or one player's two tries. Each result
// and the exact version of the call it was played on are fetched, compared by the engine
// (engine/review/compareRuns.ts), and rendered: the score difference per skill, the turns aligned
// with the one where they part marked, and what each run did there. Computes nothing itself.
import type { ApiClient, ResultDetail } from '../client/index.js';
import { COMPARED_SKILLS, CompareError, compareRuns, loadScenario, TranscriptError, type ComparedRun, type ComparedSkill, type ComparedTurn, type RunComparison, type Scenario } from '../engine/index.js';
import { adoptStyles, fill, h, openModal, playerName } from './dom.js';
import { formatDate, skillLabel } from './format.js';
import { localeOf, translator } from './i18n.js';
import type { MountedView, Translate } from './index.js';
import { injectStyles } from './styles.js';

export interface CompareOptions {
  readonly client: ApiClient;
  readonly code: string;
  readonly t: Translate;
  readonly locale: string;
}

interface Attempt {
  readonly detail: ResultDetail;
  readonly scenario: Scenario;
}

// This view's own look, scoped to it, so it restyles nothing else.
const CSS = `
.htl-compare .htl-cmp-who { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; margin: 8px 0; }
.htl-compare .htl-cmp-who > div { border-top: 4px solid var(--accent); padding-top: 4px; min-width: 0; }
.htl-compare .htl-cmp-who > div + div { border-top-color: var(--warm); }
.htl-compare .htl-cmp-who strong { display: block; }
.htl-compare .htl-cmp-who .htl-player-name { display: block; max-width: 100%; }
.htl-compare .htl-cmp-up { color: var(--accent); font-weight: 650; }
.htl-compare .htl-cmp-down { color: var(--warm); font-weight: 650; }
.htl-compare h2 { overflow-wrap: anywhere; }
.htl-compare .htl-cmp-turns { table-layout: fixed; }
.htl-compare .htl-cmp-turns td, .htl-compare .htl-cmp-turns th { vertical-align: top; overflow-wrap: anywhere; }
.htl-compare .htl-cmp-turns thead th:first-child { width: 8em; }
.htl-compare .htl-cmp-scores .htl-player-name, .htl-compare .htl-cmp-turns .htl-player-name { --name-max: 100%; max-width: 100%; }
.htl-compare .htl-cmp-turns tr.htl-cmp-parted > * { background: rgba(255, 179, 71, 0.14); border-top: 3px solid var(--warm); }
.htl-compare .htl-cmp-turns tr.htl-cmp-after > * { background: rgba(255, 255, 255, 0.03); }
.htl-compare .htl-cmp-mark { display: block; color: var(--warm); font-weight: 650; font-size: 0.9em; white-space: normal; }
.htl-compare .htl-cmp-line { margin: 0 0 4px; font-style: italic; }
.htl-compare .htl-cmp-reply { margin: 0 0 4px; font-weight: 600; }
.htl-compare .htl-cmp-cost { margin: 0; padding: 0; list-style: none; color: var(--warm); font-size: 0.9em; }
dialog.htl-compare-dialog { max-width: min(1100px, 96vw); width: 100%; max-height: 92vh; padding: 0; border: 1px solid #2c3847; border-radius: 10px; }
dialog.htl-compare-dialog::backdrop { background: rgba(0, 0, 0, 0.6); }
`;
const STYLE_ID = 'htl-compare-styles';

function injectCompareStyles(doc: Document = document): void {
  injectStyles(doc);
  adoptStyles(doc, STYLE_ID, CSS);
}

async function attempt(client: ApiClient, code: string, id: number): Promise<Attempt> {
  const detail = await client.result(code, id);
  const version = await client.scenarioVersion(detail.hash);
  const loaded = loadScenario(version.text, `${version.id}.${version.locale}.json`);
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]?.message ?? 'the call does not load');
  return { detail, scenario: loaded.scenario };
}

/** Why two attempts cannot be compared, for the person looking at them. */
function refusal(e: unknown, t: Translate, a: ResultDetail | null, b: ResultDetail | null): string {
  if (e instanceof CompareError) return t('compare.differentCalls', { a: a?.title ?? '', b: b?.title ?? '' });
  if (e instanceof TranscriptError && e.code === 'old-rules') return t('compare.oldRules');
  return t('compare.loadFailed', { message: e instanceof Error ? e.message : String(e) });
}

/** "+5", "−3", "0": the sign always shown, a real minus sign. */
export function signed(n: number, locale: string): string {
  const s = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.abs(n));
  return n > 0 ? `+${s}` : n < 0 ? `\u2212${s}` : s;
}

function who(d: ResultDetail, sameName: boolean, t: Translate, locale: string): HTMLElement {
  return h(
    'div',
    { 'data-who': d.id },
    h('strong', {}, playerName(d.player.name)),
    h('span', { class: 'htl-muted' }, sameName ? t('compare.tryOf', { date: formatDate(d.playedAt, locale) }) : formatDate(d.playedAt, locale)),
  );
}

function scoreTable(c: RunComparison, names: readonly [string, string], t: Translate, locale: string): HTMLElement {
  const cell = (n: number) => h('td', { class: 'num' }, n);
  const diff = (k: ComparedSkill) => {
    const d = c.difference[k];
    return h('td', { class: `num ${d > 0 ? 'htl-cmp-up' : d < 0 ? 'htl-cmp-down' : ''}`, 'data-diff': k }, signed(d, locale));
  };
  return h(
    'table',
    { class: 'htl-cmp-scores' },
    h('caption', { class: 'htl-muted' }, t('compare.scoresCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('compare.skill')), h('th', { scope: 'col', class: 'num' }, playerName(names[0])), h('th', { scope: 'col', class: 'num' }, playerName(names[1])), h('th', { scope: 'col', class: 'num' }, t('compare.difference')))),
    h('tbody', {}, ...COMPARED_SKILLS.map((k) => h('tr', { 'data-skill': k }, h('th', { scope: 'row' }, skillLabel(t, k)), cell(c.a.scores[k]), cell(c.b.scores[k]), diff(k)))),
  );
}

function move(turn: ComparedTurn, t: Translate): string {
  switch (turn.choice.kind) {
    case 'reply':
      return turn.choice.say ?? turn.choice.reply ?? '';
    case 'timeout':
      return t('replay.timeout');
    case 'hang-up':
      return t('replay.hangUp');
  }
}

function side(turn: ComparedTurn | null, run: ComparedRun, t: Translate, locale: string): HTMLElement {
  if (!turn) return h('td', { class: 'htl-muted' }, t('compare.ended'));
  const costs = (['politeness', 'accuracy', 'judgment'] as const).filter((k) => turn.cost[k] < 0);
  return h(
    'td',
    {},
    h('p', { class: 'htl-cmp-line' }, h('span', { class: 'htl-muted' }, `${t('replay.customer')}: `), h('span', { lang: run.scenario.locale }, turn.line)),
    h('p', { class: 'htl-cmp-reply' }, '→ ', h('span', { lang: turn.choice.kind === 'reply' ? run.scenario.locale : locale }, move(turn, t))),
    costs.length > 0 && h('ul', { class: 'htl-cmp-cost' }, ...costs.map((k) => h('li', {}, `${skillLabel(t, k)} ${signed(turn.cost[k], locale)}`))),
  );
}

function ending(run: ComparedRun, t: Translate): HTMLElement {
  const e = run.ending;
  return h(
    'td',
    {},
    e?.say ? h('p', { class: 'htl-cmp-line', lang: run.scenario.locale }, e.say) : null,
    h('p', { class: 'htl-cmp-reply' }, t('replay.outcome', { outcome: e?.label ?? (run.outcome ? t(`outcome.${run.outcome}`) : '—') })),
    h('p', { class: 'htl-muted' }, t(run.ideal ? 'replay.ideal' : 'replay.notIdeal')),
  );
}

function turnsTable(c: RunComparison, names: readonly [string, string], t: Translate, locale: string): HTMLElement {
  const mark = (i: number) => (c.partsAt === i ? h('span', { class: 'htl-cmp-mark' }, t('compare.partHere')) : null);
  const rowClass = (i: number) => (c.partsAt === i ? 'htl-cmp-parted' : c.partsAt !== null && i > c.partsAt ? 'htl-cmp-after' : null);
  return h(
    'table',
    { class: 'htl-cmp-turns' },
    h('caption', { class: 'htl-muted' }, t('compare.turnsCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('compare.turn')), h('th', { scope: 'col' }, playerName(names[0])), h('th', { scope: 'col' }, playerName(names[1])))),
    h(
      'tbody',
      {},
      ...c.rows.map((r, i) =>
        h('tr', { 'data-turn': r.turn, class: rowClass(i), ...(c.partsAt === i ? { 'data-parted': '' } : {}) }, h('th', { scope: 'row' }, t('replay.turn', { n: r.turn }), mark(i)), side(r.a, c.a, t, locale), side(r.b, c.b, t, locale)),
      ),
      h('tr', { 'data-turn': 'end', class: rowClass(c.rows.length), ...(c.partsAt === c.rows.length ? { 'data-parted': '' } : {}) }, h('th', { scope: 'row' }, t('replay.ending'), mark(c.rows.length)), ending(c.a, t), ending(c.b, t)),
    ),
  );
}

/** The summary sentence: where the runs part, or that they took the same way. */
function verdict(c: RunComparison, t: Translate): string {
  if (c.partsAt === null) return t('compare.same');
  if (c.partsAt >= c.rows.length) return t('compare.partsAtEnd');
  return t('compare.partsAt', { n: c.rows[c.partsAt]!.turn });
}

/**
 * Loads and compares two results into `body`; `onTitle` gets the heading once known. Results are
 * shown earlier played first, so the difference reads as "what changed since".
 */
async function renderInto(body: HTMLElement, ids: readonly [number, number], o: CompareOptions, actions: HTMLElement | null): Promise<string | null> {
  const { t, locale } = o;
  let a: Attempt | null = null;
  let b: Attempt | null = null;
  try {
    if (ids[0] === ids[1]) throw new Error(t('compare.sameResult'));
    [a, b] = await Promise.all([attempt(o.client, o.code, ids[0]), attempt(o.client, o.code, ids[1])]);
    if (Date.parse(b.detail.playedAt) < Date.parse(a.detail.playedAt)) [a, b] = [b, a];
    const c = compareRuns(a.scenario, a.detail.transcript, b.detail.transcript, { callB: b.scenario });
    const sameName = a.detail.player.id === b.detail.player.id;
    const names = [a.detail.player.name, b.detail.player.name] as const;
    const colNames: [string, string] = sameName ? [t('compare.tryN', { n: 1 }), t('compare.tryN', { n: 2 })] : [names[0], names[1]];
    const title = sameName ? t('compare.titleOne', { title: a.detail.title, name: names[0] }) : t('compare.titleTwo', { title: a.detail.title, a: names[0], b: names[1] });
    fill(
      body,
      h('div', { class: 'htl-head' }, h('h2', {}, title), actions),
      h('div', { class: 'htl-cmp-who' }, who(a.detail, sameName, t, locale), who(b.detail, sameName, t, locale)),
      h('p', { class: 'htl-cmp-verdict', role: 'status' }, verdict(c, t)),
      h('div', { class: 'htl-panel' }, scoreTable(c, colNames, t, locale)),
      h('div', { class: 'htl-panel' }, turnsTable(c, colNames, t, locale)),
    );
    return title;
  } catch (e) {
    fill(body, h('div', { class: 'htl-head' }, h('h2', {}, t('compare.heading')), actions), h('p', { class: 'htl-error', role: 'alert' }, refusal(e, t, a?.detail ?? null, b?.detail ?? null)));
    return null;
  }
}

/** Opens the comparison of two results in a modal dialog; returns a function that closes it. */
export function openCompare(ids: readonly [number, number], o: CompareOptions & { readonly onClose?: () => void }): () => void {
  injectCompareStyles();
  const { t } = o;
  const body = h('div', { class: 'htl-lb htl-compare' }, h('p', {}, t('loading')));
  const { dialog, close } = openModal('htl-compare-dialog', t('compare.heading'), body, o.onClose);
  const closeButton = h('button', { type: 'button', onclick: close }, t('replay.close'));
  void renderInto(body, ids, o, h('div', { class: 'htl-group' }, closeButton)).then((title) => {
    if (title) dialog.setAttribute('aria-label', title);
    closeButton.focus();
  });
  return close;
}

/** The page `?view=compare&team=<code>&a=<id>&b=<id>`. */
export function mountCompare(container: HTMLElement, opts: { client: ApiClient; code: string; a: number | null; b: number | null; lang?: string; t?: Translate }): MountedView {
  injectCompareStyles();
  const t = translator(opts);
  const locale = localeOf(opts);
  const main = h('main', { class: 'htl-lb htl-compare', 'aria-busy': 'true' }, h('p', {}, t('loading')));
  container.append(main);
  let loadId = 0;
  const load = async () => {
    const id = ++loadId;
    main.setAttribute('aria-busy', 'true');
    if (opts.a === null || opts.b === null) {
      fill(main, h('h2', {}, t('compare.heading')), h('p', { class: 'htl-error', role: 'alert' }, t('compare.badAddress')));
    } else {
      const body = h('div');
      const title = await renderInto(body, [opts.a, opts.b], { client: opts.client, code: opts.code, t, locale }, null);
      if (id !== loadId) return;
      main.replaceChildren(...body.childNodes);
      if (title) document.title = title;
    }
    main.setAttribute('aria-busy', 'false');
  };
  void load();
  return {
    refresh: load,
    destroy: () => {
      loadId++;
      main.remove();
    },
  };
}
