// The side panel: the selected line's fields and its replies' fields, plain inputs each
// committing one edit when it changes; its messages from the checks; each skill's best and
// worst still reachable from it; and Test from here with the facts, mood and patience to start
// with. In another language, the line's texts beside the source, stale ones marked.
import { DIMENSIONS, OUTCOMES, sourceHash, textsOf, type Diagnostic, type Scenario, type StartState } from '../../engine/index.js';
import { fill, h } from '../../leaderboard/dom.js';
import type { CallChecks, SkillRange } from '../checks.js';
import type { Change } from '../document.js';
import { addNode, addReply, deleteNode, deleteReply, duplicateNode, duplicateReply, newNodeId, nodesOf, repliesOf, setField, setTranslation } from '../operations.js';
import { valueAt, type EditPath, type FileEdit } from '../roundTrip.js';
import type { Translate } from './i18n.js';

type Obj = Record<string, unknown>;

export interface PanelContext {
  readonly t: Translate;
  readonly original: string;
  /** The original's value now, and a table's (by file name) in the language shown. */
  readonly value: unknown;
  readonly table: { readonly name: string; readonly value: unknown } | null;
  readonly checks: CallChecks | null;
  readonly scenario: Scenario | null;
  readonly range: (start: StartState) => SkillRange | null;
  apply(change: Change): void;
  select(id: string): void;
  testFrom(start: StartState): void;
  /** The start state last chosen for a node (kept while the page is open). */
  startFor(node: string): StartState;
  setStart(start: StartState): void;
}

let uid = 0;
const fieldId = () => `htl-ed-f${++uid}`;

export function renderPanel(root: HTMLElement, node: string | null, c: PanelContext): void {
  const { t } = c;
  // The same fields get the same ids each time, so the field that had focus gets it back.
  uid = 0;
  const nodes = nodesOf(c.value);
  if (!node || !nodes[node]) {
    fill(root, h('h2', {}, t('panel.none')), h('p', {}, t('panel.noneHelp')), nodeButtons(c, null));
    return;
  }
  const raw = nodes[node]!;
  const one = (label: string, path: EditPath, edits: FileEdit[]): Change => ({ label, edits: [{ file: c.original, edits }] });
  const set = (label: string, path: EditPath, value: unknown, zero = false) => c.apply(one(label, path, setField(path, value, zero)));

  // A table's messages (a stale translation…) only while that language is shown; a reply's beside it.
  const ds = (c.checks?.byNode.get(node) ?? []).filter((d) => d.file === c.original || d.file === c.table?.name);
  const ofReply = (d: Diagnostic) => (d.file === c.original && d.path[2] === 'replies' && typeof d.path[3] === 'number' ? d.path[3] : -1);
  const parts: (HTMLElement | null)[] = [
    h('h2', {}, raw.end ? t('panel.ending', { id: node }) : t('panel.line', { id: node })),
    messages(t, c.table ? ds : ds.filter((d) => ofReply(d) < 0), c.original),
  ];
  if (c.table) parts.push(...translationFields(c, node));
  else {
    parts.push(
      textField(t('field.say'), String(raw.say ?? ''), (v) => set(t('change.say', { id: node }), ['nodes', node, 'say'], v), { placeholder: t('new.line') }),
      textField(t('field.hint'), typeof raw.hint === 'string' ? raw.hint : '', (v) => set(t('change.hint', { id: node }), ['nodes', node, 'hint'], v)),
      selectField(
        t('field.end'),
        [['', t('field.notEnding')], ...OUTCOMES.map((o) => [o, t(`outcome.${o}`)] as [string, string])],
        typeof raw.end === 'string' ? raw.end : '',
        (v) => set(t('change.end', { id: node }), ['nodes', node, 'end'], v),
      ),
    );
    if (raw.end) parts.push(textField(t('field.endingFeedback'), typeof raw.feedback === 'string' ? raw.feedback : '', (v) => set(t('change.feedback', { id: node }), ['nodes', node, 'feedback'], v)));
    const replies = repliesOf(c.value, node);
    replies.forEach((r, i) => parts.push(replyFields(c, node, i, r, nodes, ds.filter((d) => ofReply(d) === i))));
    if (!raw.end) {
      parts.push(
        h(
          'div',
          { class: 'htl-ed-actions' },
          h('button', { type: 'button', onclick: () => c.apply(one(t('change.addReply', { id: node }), [], addReply(c.value, node, '', ''))) }, t('action.addReply')),
        ),
      );
    }
  }
  parts.push(nodeButtons(c, node));
  if (!raw.end && c.scenario) parts.push(...testFromHere(c, node));
  fill(root, ...parts);
}

/** The common messages in the trainer's words (the file's own message kept as a detail); null for the rest. */
export function plainMessage(t: Translate, d: Diagnostic): string | null {
  const last = d.path[d.path.length - 1];
  if (d.code === 'unknown-node') return t('plain.unknownNode', { id: /"([^"]*)"$/.exec(d.message)?.[1] ?? '' });
  if (d.code !== 'schema') return null;
  if (last === 'say' && /is missing "say"|at least 1 character/.test(d.message)) return t('plain.say');
  if ((last === 'next' || last === 'to') && /is "":|is missing/.test(d.message)) return t('plain.next');
  if (last === 'replies' && /at least 1 entr|is missing "replies"/.test(d.message)) return t('plain.noReplies');
  return null;
}

function messages(t: Translate, ds: readonly Diagnostic[], original: string, title = true): HTMLElement | null {
  if (ds.length === 0) return null;
  return h(
    'div',
    {},
    title ? h('h3', {}, t('panel.messages', { count: ds.length })) : null,
    h(
      'ul',
      { class: 'htl-ed-msgs' },
      ...ds.map((d) => {
        const where = `${d.file === original ? '' : `${d.file}:`}${d.line}:${d.col}`;
        const plain = plainMessage(t, d);
        // A guess at the line meant is no help when it is the reply's own line, or when the words are plain.
        return plain
          ? h('li', { 'data-severity': d.severity, 'data-plain': '' }, plain, h('br'), h('span', { class: 'htl-ed-source' }, `${where} ${d.message}`))
          : h('li', { 'data-severity': d.severity }, `${where} ${d.message}`, d.hint ? h('br') : null, d.hint ? h('span', { class: 'htl-ed-source' }, d.hint) : null);
      }),
    ),
  );
}

function textField(label: string, value: string, onChange: (v: string) => void, opts: { rows?: number; describedBy?: string; placeholder?: string } = {}): HTMLElement {
  const id = fieldId();
  const area = h('textarea', { id, rows: opts.rows ?? 2, ...(opts.describedBy ? { 'aria-describedby': opts.describedBy } : {}), ...(opts.placeholder ? { placeholder: opts.placeholder } : {}) });
  area.value = value;
  area.dataset.committed = value;
  const commit = () => {
    // Committed already (Ctrl+S or undo flushed it; the browser's own change follows on leaving).
    if (area.value === area.dataset.committed) return;
    area.dataset.committed = area.value;
    onChange(area.value);
  };
  // On leaving too: a value carried over a redraw of the panel gets no change event of its own.
  area.addEventListener('change', commit);
  area.addEventListener('blur', commit);
  return h('div', {}, h('label', { for: id }, label), area);
}

function numberField(label: string, value: number | undefined, onChange: (v: number) => void, min = -100, max = 100, placeholder?: number): HTMLElement {
  const id = fieldId();
  const input = h('input', { id, type: 'number', min, max, step: 1, ...(placeholder !== undefined ? { placeholder } : {}) });
  input.value = value === undefined ? '' : String(value);
  input.dataset.committed = input.value;
  const commit = () => {
    // Committed already (Ctrl+S or undo flushed it; the browser's own change follows on leaving).
    if (input.value === input.dataset.committed) return;
    input.dataset.committed = input.value;
    const n = input.value === '' ? 0 : Number(input.value);
    if (Number.isFinite(n)) onChange(n);
  };
  // On leaving too: a value carried over a redraw of the panel gets no change event of its own.
  input.addEventListener('change', commit);
  input.addEventListener('blur', commit);
  return h('div', {}, h('label', { for: id }, label), input);
}

function inputField(label: string, value: string, onChange: (v: string) => void): HTMLElement {
  const id = fieldId();
  const input = h('input', { id, type: 'text' });
  input.value = value;
  input.dataset.committed = value;
  const commit = () => {
    // Committed already (Ctrl+S or undo flushed it; the browser's own change follows on leaving).
    if (input.value === input.dataset.committed) return;
    input.dataset.committed = input.value;
    onChange(input.value.trim());
  };
  // On leaving too: a value carried over a redraw of the panel gets no change event of its own.
  input.addEventListener('change', commit);
  input.addEventListener('blur', commit);
  return h('div', {}, h('label', { for: id }, label), input);
}

function selectField(label: string, options: readonly [string, string][], value: string, onChange: (v: string) => void): HTMLElement {
  const id = fieldId();
  const select = h('select', { id }, ...options.map(([v, text]) => h('option', { value: v, ...(v === value ? { selected: true } : {}) }, text)));
  select.addEventListener('change', () => onChange(select.value));
  return h('div', {}, h('label', { for: id }, label), select);
}

function factBoxes(legend: string, facts: readonly string[], chosen: readonly string[], onChange: (v: string[]) => void): HTMLElement {
  const boxes = facts.map((f) => {
    const box = h('input', { type: 'checkbox', value: f, ...(chosen.includes(f) ? { checked: true } : {}) });
    box.addEventListener('change', () => onChange(boxes.filter((b) => b.querySelector('input')!.checked).map((b) => b.querySelector('input')!.value)));
    return h('label', {}, box, f);
  });
  return h('fieldset', { class: 'htl-ed-facts' }, h('legend', {}, legend), ...(facts.length > 0 ? boxes : ['—']));
}

const factIds = (value: unknown): string[] => {
  const f = valueAt(value, ['facts']);
  return f && typeof f === 'object' ? Object.keys(f) : [];
};
const asList = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function replyFields(c: PanelContext, node: string, i: number, r: Obj, nodes: Record<string, Obj>, ds: readonly Diagnostic[]): HTMLElement {
  const { t } = c;
  const base: EditPath = ['nodes', node, 'replies', i];
  const name = typeof r.id === 'string' ? r.id : `${node}.${i + 1}`;
  const set = (field: string, value: unknown, zero = false) => c.apply({ label: t('change.reply', { id: name, field: t(`field.${field}`) }), edits: [{ file: c.original, edits: setField([...base, field], value, zero) }] });
  const num = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : undefined);
  const ids = Object.keys(nodes);
  const NEW = '\u0000new';
  const leadsTo = (path: EditPath, to: string, label: string) => {
    const unchosen: [string, string][] = to === '' ? [['', t('field.chooseLine')]] : ids.includes(to) ? [] : [[to, t('field.missing', { id: to })]];
    // "A new line…" asks for its name first (a default given), then makes it and goes to it.
    const nameId = fieldId();
    const nameInput = h('input', { id: nameId, type: 'text' });
    const create = () => {
      const made = addNode(c.value, nameInput.value || `${node}-next`);
      c.apply({ label: t('change.newLine', { id: made.id }), edits: [{ file: c.original, edits: [...made.edits, ...setField(path, made.id)] }] });
      c.select(made.id);
    };
    const naming = h(
      'div',
      { class: 'htl-ed-naming', hidden: true },
      h('label', { for: nameId }, t('field.newLineName')),
      nameInput,
      h('div', { class: 'htl-ed-actions' }, h('button', { type: 'button', 'data-create-line': '' , onclick: create }, t('action.createLine')), h('button', { type: 'button', onclick: () => ((naming.hidden = true), (pick.querySelector('select')!.value = to)) }, t('confirm.no'))),
    );
    nameInput.addEventListener('keydown', (e) => e.key === 'Enter' && (e.preventDefault(), create()));
    const pick = selectField(label, [...unchosen, ...ids.map((id) => [id, id] as [string, string]), [NEW, t('field.newLine')]], to, (v) => {
      if (v !== NEW) return c.apply({ label: t('change.reply', { id: name, field: t('field.next') }), edits: [{ file: c.original, edits: setField(path, v) }] });
      nameInput.value = newNodeId(c.value, `${node}-next`);
      naming.hidden = false;
      nameInput.focus();
      nameInput.select();
    });
    return h('div', {}, pick, naming);
  };
  const next = r.next;
  const branches = Array.isArray(next)
    ? (next as Obj[]).map((b, k) =>
        h(
          'div',
          { class: 'htl-ed-row htl-ed-row2' },
          leadsTo([...base, 'next', k, 'to'], String(b.to ?? ''), t('field.branchTo', { n: k + 1 })),
          typeof b.if === 'string' || b.if === undefined ? inputField(t('field.branchIf', { n: k + 1 }), typeof b.if === 'string' ? b.if : '', (v) => c.apply({ label: t('change.reply', { id: name, field: t('field.if') }), edits: [{ file: c.original, edits: setField([...base, 'next', k, 'if'], v) }] })) : h('p', { class: 'htl-ed-source' }, JSON.stringify(b.if)),
        ),
      )
    : [leadsTo([...base, 'next'], typeof next === 'string' ? next : '', t('field.next'))];
  const confirm = h('span', { hidden: true }, t('confirm.deleteReply', { id: name }), ' ', h('button', { type: 'button', onclick: () => c.apply({ label: t('change.deleteReply', { id: name }), edits: [{ file: c.original, edits: deleteReply(node, i) }] }) }, t('confirm.yes')), ' ', h('button', { type: 'button', onclick: () => ((confirm.hidden = true), del.focus()) }, t('confirm.no')));
  const del = h('button', { type: 'button', onclick: () => ((confirm.hidden = false), (confirm.querySelector('button') as HTMLButtonElement).focus()) }, t('action.deleteReply'));
  return h(
    'fieldset',
    { class: 'htl-ed-reply', 'data-reply': name },
    h('legend', {}, `${t('panel.reply', { n: i + 1 })} · ${name}${typeof r.takes === 'number' ? ` · ${t('panel.action')}` : ''}`),
    messages(c.t, ds, c.original, false),
    textField(t('field.words'), String(r.say ?? ''), (v) => set('say', v), { placeholder: t('new.reply') }),
    h('p', { class: 'htl-ed-source' }, t('field.effects')),
    h('div', { class: 'htl-ed-row' }, numberField(t('field.polite'), num('polite'), (v) => set('polite', v, true), -100, 0), numberField(t('field.accuracy'), num('accuracy'), (v) => set('accuracy', v, true), -100, 0), numberField(t('field.judgment'), num('judgment'), (v) => set('judgment', v, true), -100, 0)),
    h('div', { class: 'htl-ed-row' }, numberField(t('field.mood'), num('mood'), (v) => set('mood', v, true)), numberField(t('field.patience'), num('patience'), (v) => set('patience', v, true)), numberField(t('field.takes'), num('takes'), (v) => set('takes', v, true), 0, 600)),
    typeof r.takes === 'number' ? inputField(t('field.doing'), typeof r.doing === 'string' ? r.doing : '', (v) => set('doing', v)) : null,
    factBoxes(t('field.reveals'), factIds(c.value), asList(r.reveals), (v) => set('reveals', v.length === 1 ? v[0] : v)),
    typeof r.if === 'string' || r.if === undefined ? inputField(t('field.if'), typeof r.if === 'string' ? r.if : '', (v) => set('if', v)) : h('p', { class: 'htl-ed-source' }, `${t('field.if')}: ${JSON.stringify(r.if)}`),
    ...branches,
    textField(t('field.feedback'), typeof r.feedback === 'string' ? r.feedback : '', (v) => set('feedback', v)),
    h('div', { class: 'htl-ed-actions' }, h('button', { type: 'button', onclick: () => c.apply({ label: t('change.duplicateReply', { id: name }), edits: [{ file: c.original, edits: duplicateReply(c.value, node, i) }] }) }, t('action.duplicateReply')), del, confirm),
  );
}

function nodeButtons(c: PanelContext, node: string | null): HTMLElement {
  const { t } = c;
  const add = () => {
    const made = addNode(c.value, 'new-line');
    c.apply({ label: t('change.newLine', { id: made.id }), edits: [{ file: c.original, edits: made.edits }] });
    c.select(made.id);
  };
  const buttons: (HTMLElement | string)[] = [h('button', { type: 'button', onclick: add }, t('action.addLine'))];
  if (node && !c.table) {
    const dup = () => {
      const made = duplicateNode(c.value, node);
      c.apply({ label: t('change.duplicateLine', { id: node }), edits: [{ file: c.original, edits: made.edits }] });
      c.select(made.id);
    };
    const confirm = h('span', { hidden: true }, t('confirm.deleteLine', { id: node }), ' ', h('button', { type: 'button', onclick: () => c.apply({ label: t('change.deleteLine', { id: node }), edits: [{ file: c.original, edits: deleteNode(node) }] }) }, t('confirm.yes')), ' ', h('button', { type: 'button', onclick: () => ((confirm.hidden = true), del.focus()) }, t('confirm.no')));
    const del = h('button', { type: 'button', onclick: () => ((confirm.hidden = false), (confirm.querySelector('button') as HTMLButtonElement).focus()) }, t('action.deleteLine'));
    buttons.push(h('button', { type: 'button', onclick: dup }, t('action.duplicateLine')), del, confirm);
  }
  return h('div', { class: 'htl-ed-actions' }, ...buttons);
}

/** The node's texts in the language shown: the source beside each, stale and missing ones marked. */
function translationFields(c: PanelContext, node: string): HTMLElement[] {
  const { t } = c;
  const table = c.table!;
  const entries = textsOf(c.value).filter((e) => e.node === node);
  return entries.map((e) => {
    const have = valueAt(table.value, ['strings', e.key]) as { source?: string; text?: string } | undefined;
    const stale = have && have.source !== sourceHash(e.text);
    const id = fieldId();
    const note = h('p', { class: 'htl-ed-source', id: `${id}-src` }, `${t('translate.source')}: ${e.text}`, ' ', !have ? h('span', { class: 'htl-ed-stale' }, t('translate.missing')) : stale ? h('span', { class: 'htl-ed-stale' }, t('translate.stale')) : null);
    const field = textField(`${t(`kind.${e.kind}`, { defaultValue: e.kind })} (${e.key})`, have?.text ?? '', (v) => c.apply({ label: t('change.translation', { key: e.key }), edits: [{ file: table.name, edits: setTranslation(table.value, e.key, v, e.text) }] }), { describedBy: `${id}-src` });
    return h('div', { 'data-key': e.key, ...(stale ? { 'data-stale': true } : {}) }, field, note);
  });
}

function testFromHere(c: PanelContext, node: string): HTMLElement[] {
  const { t } = c;
  const s = c.scenario!;
  const start = c.startFor(node);
  // Each skill's bounds fill in just after the checks are shown: the analysis from a line of a
  // large call takes longer than the checks themselves.
  const table = h('div', { 'data-bounds': node, 'aria-busy': 'true' }, h('p', { class: 'htl-ed-source' }, '…'));
  setTimeout(() => {
    if (!table.isConnected) return;
    const range = c.range(start);
    table.removeAttribute('aria-busy');
    fill(
      table,
      range
        ? h(
            'table',
            { class: 'htl-ed-bounds' },
            h('caption', { class: 'htl-visually-hidden' }, t('bounds.caption')),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('bounds.skill')), h('th', { scope: 'col' }, t('bounds.best')), h('th', { scope: 'col' }, t('bounds.worst')))),
            h('tbody', {}, ...DIMENSIONS.map((d) => h('tr', { 'data-skill': d }, h('th', { scope: 'row' }, t(`skill.${d}`)), h('td', {}, String(range[d].best)), h('td', {}, String(range[d].worst))))),
          )
        : h('p', { class: 'htl-ed-source' }, t('bounds.none')),
    );
  }, 0);
  const update = (patch: Partial<StartState>) => c.setStart({ ...start, ...patch, node });
  return [
    h('h3', {}, t('bounds.title')),
    h('p', { class: 'htl-ed-source' }, t('bounds.help')),
    table,
    h('h3', {}, t('test.title')),
    factBoxes(t('test.facts'), [...s.facts.keys()], start.facts ?? [], (v) => update({ facts: v })),
    h('div', { class: 'htl-ed-row' }, numberField(t('test.mood'), start.mood, (v) => update({ mood: v }), 0, 100, s.customer.mood), numberField(t('test.patience'), start.patience, (v) => update({ patience: v }), 1, 100, s.customer.patience)),
    h('div', { class: 'htl-ed-actions' }, h('button', { type: 'button', 'data-test-from': node, onclick: () => c.testFrom({ ...start, node }) }, t('test.button'))),
  ];
}
