// The call editor's page (`/?view=editor&scenario=<id>`): the toolbar (undo, redo, save, map or
// list, the language of the call's texts), the map or the list, and the side panel. Every edit
// goes through the document (undo, redo, kept across a reload), then the checks run again and
// the map, the list and the panel show them; the time from the edit to the checks shown is on
// the page (data-check-ms) and in the status line.
import type { StartState } from '../../engine/index.js';
import { fill, h } from '../../leaderboard/dom.js';
import { callMap, shapeKey, type CallMap } from '../callMap.js';
import { checkCall, idealSteps, skillRangeFrom, type CallChecks, type IdealStep, type SkillRange } from '../checks.js';
import { EditorDocument, type BaseFile, type Change } from '../document.js';
import type { MapLayout } from '../layout.js';
import { openCall } from './editorApi.js';
import { saveAll } from './saveFlow.js';
import { readMemory, viewKey } from './viewMemory.js';
import { showOpenProblem } from './openProblem.js';
import { editorTranslator, type Translate } from './i18n.js';
import { renderList } from './listView.js';
import { mapView } from './mapView.js';
import { plainMessage, renderPanel } from './panel.js';
import { injectEditorStyles } from './styles.js';
import { startLayout } from './layoutRunner.js';

export interface MountedEditor {
  destroy(): void;
}

/** What "Test from here" leaves for the call screen (src/game/library/editorTest.ts reads it). */
export const TEST_KEY = 'holdtheline.editor.test';

export function mountEditor(container: HTMLElement, opts: { id: string; lang?: string | null }): MountedEditor {
  injectEditorStyles();
  const { t, lang: uiLang } = editorTranslator(opts.lang);
  const root = h('main', { class: 'htl-editor', lang: uiLang, 'aria-label': t('title') });
  container.append(root);
  const status = h('p', { class: 'htl-ed-status', role: 'status' }, t('loading'));
  fill(root, h('div', { class: 'htl-ed-bar' }, h('h1', {}, t('title')), status));
  let stop = () => {};
  void openCall(opts.id)
    .then((files) => (stop = run(root, opts.id, files, t)))
    .catch((e: unknown) => showOpenProblem(root, opts.id, e, t, () => location.reload()));
  return {
    destroy: () => {
      stop();
      root.remove();
    },
  };
}

function run(root: HTMLElement, id: string, files: BaseFile[], t: Translate): () => void {
  const memory = readMemory(id);
  let doc = new EditorDocument(id, files, sessionStorage);
  const original = doc.originalName;
  const remember = () => {
    try {
      sessionStorage.setItem(viewKey(id), JSON.stringify({ ...memory, map: mapV.view() }));
    } catch {
      // Not kept: the editor opens at the start next time.
    }
  };

  const status = h('p', { class: 'htl-ed-status', role: 'status' });
  const undoB = h('button', { type: 'button', 'aria-keyshortcuts': 'Control+Z' }, t('undo'));
  const redoB = h('button', { type: 'button', 'aria-keyshortcuts': 'Control+Shift+Z' }, t('redo'));
  const saveB = h('button', { type: 'button', 'aria-keyshortcuts': 'Control+S' }, t('save'));
  const mapB = h('button', { type: 'button', 'aria-pressed': String(memory.mode === 'map') }, t('view.map'));
  const listB = h('button', { type: 'button', 'aria-pressed': String(memory.mode === 'list') }, t('view.list'));
  const tables = () => doc.files().filter((f) => f.kind === 'table');
  const sourceLocale = () => String((doc.value(original) as { locale?: string } | null)?.locale ?? 'en');
  const langSelect = h('select', { id: 'htl-ed-lang' });
  const fillLangs = () => {
    const options: [string, string][] = [['', t('lang.source', { locale: sourceLocale() })], ...tables().map((f) => [f.name, f.name.slice(id.length + 1, -'.json'.length)] as [string, string])];
    fill(langSelect, ...options.map(([v, label]) => h('option', { value: v, ...(v === (memory.lang ?? '') ? { selected: true } : {}) }, label)));
  };
  fillLangs();
  const alertBox = h('div', { class: 'htl-ed-alert', role: 'alert', hidden: true });
  // The header's counts are a button: every message of the checks, each leading to its line.
  const problemsB = h('button', { type: 'button', class: 'htl-ed-count', 'aria-expanded': 'false', 'aria-controls': 'htl-ed-problems' });
  const problems = h('section', { id: 'htl-ed-problems', class: 'htl-ed-problems', hidden: true, 'aria-label': t('problems.title') });
  problemsB.addEventListener('click', () => {
    problems.hidden = !problems.hidden;
    problemsB.setAttribute('aria-expanded', String(!problems.hidden));
    renderProblems();
  });
  const bar = h(
    'div',
    { class: 'htl-ed-bar' },
    h('h1', {}, t('titleOf', { id })),
    problemsB,
    status,
    h('span', { class: 'htl-ed-grow' }),
    undoB,
    redoB,
    saveB,
    h('span', { role: 'group', 'aria-label': t('view.label') }, mapB, ' ', listB),
    h('label', { for: 'htl-ed-lang' }, t('lang.label')),
    langSelect,
    h('a', { href: '/?view=trainer' }, t('trainerPage')),
  );
  const panel = h('aside', { class: 'htl-ed-panel', 'aria-label': t('panel.label') });
  const list = h('section', { class: 'htl-ed-list', 'aria-label': t('list.title') });
  let current: string | null = memory.node;
  const mapV = mapView(t, (node) => select(node), memory.map, (node, reply) => selectReply(node, reply));
  const body = h('div', { class: 'htl-ed-body' }, mapV.root, list, panel);
  fill(root, bar, alertBox, problems, body);

  const layouts = startLayout();
  let map: CallMap = { nodes: [], edges: [] };
  let shape = '';
  let layout: MapLayout | null = null;
  let checks: CallChecks | null = null;
  let ideal: IdealStep[] = [];
  let checkedText = '';
  const ranges = new Map<string, SkillRange | null>();
  let editAt = 0;
  let lastMs: number | null = null;
  let checksRun = 0;

  function showMode(): void {
    mapB.setAttribute('aria-pressed', String(memory.mode === 'map'));
    listB.setAttribute('aria-pressed', String(memory.mode === 'list'));
    mapV.root.hidden = memory.mode !== 'map';
    list.hidden = memory.mode !== 'list';
  }
  mapB.addEventListener('click', () => ((memory.mode = 'map'), showMode(), remember(), refresh()));
  listB.addEventListener('click', () => ((memory.mode = 'list'), showMode(), remember(), refresh()));
  langSelect.addEventListener('change', () => ((memory.lang = langSelect.value || null), (panel.scrollTop = 0), remember(), refresh()));

  function select(node: string): void {
    if (node !== current) panel.scrollTop = 0;
    current = node;
    memory.node = node;
    remember();
    mapV.select(node);
    renderSide();
    if (memory.mode === 'list') renderListView();
  }

  /** A reply chosen on the map or in the list: its line in the panel, the reply's words focused. */
  function selectReply(node: string, reply: number): void {
    select(node);
    const box = panel.querySelectorAll<HTMLElement>('fieldset.htl-ed-reply')[reply];
    box?.scrollIntoView({ block: 'start' });
    box?.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true });
  }

  function apply(change: Change): void {
    editAt = performance.now();
    doc.apply(change);
    schedule();
  }

  let pending = false;
  function schedule(): void {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      refresh();
    }, 0);
  }

  function recheck(): void {
    const text = doc.text(original);
    const all = tables().map((f) => ({ file: f.name, text: doc.text(f.name) }));
    const key = text + '\u0000' + all.map((f) => f.text).join('\u0000');
    if (key === checkedText && checks) return;
    checkedText = key;
    checks = checkCall({ file: original, text }, all);
    ideal = checks.scenario ? idealSteps(checks.scenario) : [];
    ranges.clear();
    checksRun++;
  }

  /**
   * Commits the field being typed in (its change event), so Ctrl+S, undo, redo and Test from
   * here act on what is on the screen, and nothing typed is lost.
   */
  function flushActive(): void {
    const a = document.activeElement;
    if (!(a instanceof HTMLInputElement || a instanceof HTMLTextAreaElement) || !panel.contains(a)) return;
    if (a.dataset.committed === undefined || a.value === a.dataset.committed) return;
    a.dispatchEvent(new Event('change'));
  }

  let renderedNode: string | null = null;
  function renderSide(): void {
    const focused = document.activeElement?.id ?? '';
    // A value being typed when the panel is drawn again (another field's edit just committed) is kept.
    const typing = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
    const keep = !!typing && panel.contains(typing) && 'value' in typing && typing.dataset.committed !== undefined && renderedNode === current;
    const typed = keep && typing!.value !== typing!.dataset.committed ? typing!.value : null;
    renderedNode = current;
    const tableName = memory.lang && doc.base(memory.lang) ? memory.lang : null;
    renderPanel(panel, current, {
      t,
      original,
      value: doc.value(original),
      table: tableName ? { name: tableName, value: doc.value(tableName) } : null,
      checks,
      scenario: checks?.scenario ?? null,
      range: (start) => {
        const k = JSON.stringify(start);
        if (!ranges.has(k)) ranges.set(k, checks?.scenario ? skillRangeFrom(checks.scenario, start) : null);
        return ranges.get(k)!;
      },
      apply,
      select,
      testFrom,
      startFor: (node) => memory.starts[node] ?? { node },
      setStart: (start) => {
        memory.starts[start.node] = start;
        remember();
        renderSide();
      },
    });
    const again = focused ? document.getElementById(focused) : null;
    if (again && panel.contains(again)) {
      // The field being typed in stays itself (its value, caret and the browser's own undo), in
      // place of its redrawn copy, knowing the value the file has now.
      if (keep && typing && typing !== again && typing.tagName === again.tagName && (again as HTMLInputElement).type === typing.type && again.dataset.committed !== undefined) {
        typing.dataset.committed = again.dataset.committed;
        if (typed === null) typing.value = (again as HTMLInputElement).value;
        again.replaceWith(typing);
        typing.focus();
      } else again.focus();
    }
  }

  function renderProblems(): void {
    if (problems.hidden) return;
    const ds = checks?.diagnostics ?? [];
    const nodeOf = new Map<object, string>();
    for (const [node, list] of checks?.byNode ?? []) for (const d of list) nodeOf.set(d, node);
    fill(
      problems,
      h('h2', {}, t('problems.title')),
      ds.length === 0
        ? h('p', {}, t('problems.none'))
        : h(
            'ul',
            { class: 'htl-ed-msgs' },
            ...ds.map((d) => {
              const node = nodeOf.get(d);
              const where = `${d.file === original ? '' : `${d.file}:`}${d.line}:${d.col}`;
              return h(
                'li',
                { 'data-severity': d.severity, ...(node ? { 'data-problem-node': node } : {}) },
                node ? h('button', { type: 'button', onclick: () => select(node) }, t('problems.goTo', { id: node })) : null,
                ' ',
                plainMessage(t, d) ?? d.message,
                ' ',
                h('span', { class: 'htl-ed-source' }, `(${where})`),
              );
            }),
          ),
    );
  }

  function renderListView(): void {
    renderList(list, map, checks?.byNode ?? new Map(), ideal, current, t, select, selectReply);
  }

  function refresh(): void {
    recheck();
    const next = callMap(doc.value(original));
    map = next;
    const nextShape = shapeKey(next);
    if (current && !next.nodes.some((n) => n.id === current)) current = next.nodes.find((n) => n.start)?.id ?? null;
    if (nextShape !== shape || !layout) {
      shape = nextShape;
      void layouts.layout(next).then((l) => {
        if (shape !== nextShape) return;
        layout = l;
        mapV.draw(map, l);
        mapV.mark(checks?.byNode ?? new Map(), ideal);
        if (current) mapV.select(current);
        else {
          const first = map.nodes.find((n) => n.start)?.id ?? map.nodes[0]?.id;
          if (first) select(first);
        }
        root.dataset.laidOut = String(map.nodes.length);
      });
    } else if (layout) {
      mapV.update(map);
      mapV.mark(checks?.byNode ?? new Map(), ideal);
      if (current) mapV.select(current);
    }
    renderSide();
    if (memory.mode === 'list') renderListView();
    undoB.disabled = !doc.canUndo;
    redoB.disabled = !doc.canRedo;
    undoB.title = doc.undoLabel ? t('undoWhat', { what: doc.undoLabel }) : '';
    redoB.title = doc.redoLabel ? t('redoWhat', { what: doc.redoLabel }) : '';
    // From the edit to its checks shown (once per edit: a refresh for another reason reports the last).
    if (editAt > 0) {
      lastMs = Math.round(performance.now() - editAt);
      root.dataset.checkMs = String(lastMs);
      editAt = 0;
    }
    const ms = lastMs;
    root.dataset.checks = String(checksRun);
    const dirty = doc.files().some((f) => doc.dirty(f.name));
    root.dataset.dirty = String(dirty);
    status.dataset.state = (checks?.errors ?? 0) > 0 ? 'error' : 'ok';
    problemsB.textContent = checks ? t('status.checks', { errors: checks.errors, warnings: checks.warnings }) : '';
    problemsB.dataset.state = status.dataset.state;
    renderProblems();
    // A refusal names what was wrong when it was refused: once the checks run again, the list is theirs.
    if (checksRun !== alertChecks && alertBox.querySelector('[data-refused]')) showAlert();
    status.textContent = [
      ms !== null ? t('status.ms', { ms }) : '',
      dirty ? t('status.unsaved') : t('status.saved'),
    ]
      .filter(Boolean)
      .join(' · ');
  }

  let alertChecks = -1;
  function showAlert(...children: (Node | string)[]): void {
    alertChecks = checksRun;
    fill(alertBox, ...children);
    alertBox.hidden = children.length === 0;
  }

  const saving = {
    id,
    t,
    doc: () => doc,
    replaceDoc: (next: EditorDocument) => {
      doc = next;
      checkedText = '';
      shape = '';
      refresh();
    },
    showAlert,
    saved: () => refresh(),
  };
  async function save(): Promise<void> {
    flushActive();
    saveB.disabled = true;
    try {
      await saveAll(saving);
    } finally {
      saveB.disabled = false;
    }
  }

  function testFrom(start: StartState): void {
    flushActive();
    const locale = memory.lang ? memory.lang.slice(id.length + 1, -'.json'.length) : sourceLocale();
    const texts = Object.fromEntries(doc.files().filter((f) => doc.dirty(f.name)).map((f) => [f.name, doc.text(f.name)]));
    remember();
    sessionStorage.setItem(TEST_KEY, JSON.stringify({ id, locale, start, texts, back: location.href }));
    const q = new URLSearchParams({ scenario: id, mode: 'practice', locale, test: 'editor' });
    location.assign(`/?${q}`);
  }

  const undo = () => (flushActive(), doc.undo() && ((editAt = performance.now()), schedule()));
  const redo = () => (flushActive(), doc.redo() && ((editAt = performance.now()), schedule()));
  undoB.addEventListener('click', undo);
  redoB.addEventListener('click', redo);
  saveB.addEventListener('click', () => void save());
  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey)) return;
    const k = e.key.toLowerCase();
    if (k === 's') {
      e.preventDefault();
      return void save();
    }
    if (k !== 'z' && k !== 'y') return;
    // A field being typed in is committed first (undo and redo flush it), so what was typed is
    // one step of the history: undone here, and back with redo.
    e.preventDefault();
    if (k === 'y' || e.shiftKey) redo();
    else undo();
  };
  document.addEventListener('keydown', onKey);
  showMode();
  refresh();
  return () => {
    document.removeEventListener('keydown', onKey);
    layouts.stop();
  };
}
