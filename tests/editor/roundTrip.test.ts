// The editor's saving on every shipped call and string table: setting every value to what it
// is leaves the file byte-identical; changing a reply's words, a deduction or a translation
// changes that one line and no other; a new deduction adds one line; the result loads with the
// change. And the operations (add, duplicate, delete) give files that load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioFiles, sourceHash, textsOf } from '../../src/engine/index.js';
import { checkCall } from '../../src/editor/checks.js';
import { addNode, addReply, deleteNode, deleteReply, duplicateNode, duplicateReply, nodesOf, repliesOf, setField, setTranslation } from '../../src/editor/operations.js';
import { applyFileEdit, applyFileEdits, formattingOf, parseText, type EditPath } from '../../src/editor/roundTrip.js';
import { SHIPPED_DIR, shippedNames } from '../support/shipped.js';
import { changedLines } from './support.js';

const names = shippedNames();
const originals = names.filter((n) => !/\.[a-z]{2}\.json$/.test(n));
const tables = names.filter((n) => /\.[a-z]{2}\.json$/.test(n));
const read = (n: string) => readFileSync(join(SHIPPED_DIR, n), 'utf8');

/** Every leaf (string, number, boolean, null) of a value, with its path. */
function leaves(v: unknown, path: (string | number)[] = []): [EditPath, unknown][] {
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, c]) => leaves(c, [...path, Array.isArray(v) ? Number(k) : k]));
  return [[path, v]];
}

describe('saving through the editor round-trips the file', () => {
  it.each(names)('%s: every value set to itself leaves it byte-identical', (name) => {
    const text = read(name);
    const { value, error } = parseText(text);
    expect(error).toBeNull();
    const all = leaves(value);
    expect(all.length).toBeGreaterThan(10);
    const f = formattingOf(text);
    let out = text;
    for (const [path, v] of all) out = applyFileEdit(out, { path, value: v }, f);
    expect(out).toBe(text);
  });

  it.each(originals)('%s: a reply’s words and a deduction change only their own lines', (name) => {
    const text = read(name);
    const { value } = parseText(text);
    const [node] = Object.entries(nodesOf(value)).find(([, n]) => Array.isArray(n.replies) && (n.replies as unknown[]).length > 0)!;
    const index = repliesOf(value, node).findIndex((r) => typeof r.polite !== 'number');
    expect(index, `a reply of ${node} without "polite"`).toBeGreaterThanOrEqual(0);
    const reply = repliesOf(value, node)[index]!;

    const worded = applyFileEdits(text, setField([...['nodes', node, 'replies'], index, 'say'], 'Let me check that for you straight away.'));
    const words = changedLines(text, worded);
    expect(words.removed).toHaveLength(1);
    expect(words.added).toHaveLength(1);
    expect(words.added[0]).toContain('"say": "Let me check that for you straight away."');

    const deducted = applyFileEdits(worded, setField(['nodes', node, 'replies', index, 'polite'], -15, true));
    const deduction = changedLines(worded, deducted);
    expect(deduction.removed).toEqual([]);
    expect(deduction.added.map((l) => l.trim())).toEqual(['"polite": -15,']);

    const loaded = loadScenario(deducted, name);
    expect(loaded.ok).toBe(true);
    const r = loaded.ok ? loaded.scenario.nodes.get(node)!.replies[index]! : null;
    expect(r?.say).toBe('Let me check that for you straight away.');
    expect(r?.polite).toBe(-15);
    expect(r?.id).toBe(typeof reply.id === 'string' ? reply.id : r?.id);

    // Clearing it again gives back the file as it was before the deduction, byte for byte.
    expect(applyFileEdits(deducted, setField(['nodes', node, 'replies', index, 'polite'], 0, true))).toBe(worded);
  });

  it.each(originals)('%s: adding, duplicating and deleting nodes and replies give files that load', (name) => {
    let text = read(name);
    const value = () => parseText(text).value;
    const nodeId = Object.keys(nodesOf(value())).find((id) => repliesOf(value(), id).length > 0 && repliesOf(value(), id).length < 8)!;
    const made = addNode(value(), 'new-line', 'One more thing before you go.');
    text = applyFileEdits(text, made.edits);
    text = applyFileEdits(text, addReply(value(), made.id, 'Nothing else, thank you.', nodeId));
    text = applyFileEdits(text, addReply(value(), nodeId, 'Is there anything else?', made.id));
    text = applyFileEdits(text, duplicateReply(value(), nodeId, 0));
    const dup = duplicateNode(value(), nodeId);
    text = applyFileEdits(text, dup.edits);
    let loaded = loadScenario(text, name);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.ok && loaded.scenario.nodes.get(nodeId)!.replies.at(-1)!.say).toBe('Is there anything else?');
    text = applyFileEdits(text, deleteReply(nodeId, repliesOf(value(), nodeId).length - 1));
    text = applyFileEdits(text, deleteNode(dup.id));
    text = applyFileEdits(text, deleteNode(made.id));
    loaded = loadScenario(text, name);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a reply added leads nowhere yet and a line added waits for replies: the checks say so, and neither is an ending', () => {
    let text = read('update-warning.json');
    const value = () => parseText(text).value;
    text = applyFileEdits(text, addReply(value(), 'defended', '', ''));
    const index = repliesOf(value(), 'defended').length - 1;
    expect(repliesOf(value(), 'defended')[index]).toMatchObject({ say: '', next: '' });
    const made = addNode(value(), 'Defended next!');
    expect(made.id).toBe('defended-next');
    text = applyFileEdits(text, made.edits);
    expect(nodesOf(value())[made.id]).toEqual({ say: '', replies: [] });
    const paths = checkCall({ file: 'update-warning.json', text }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining([`nodes.defended.replies.${index}.next`, `nodes.defended.replies.${index}.say`, `nodes.${made.id}.replies`]));
    // A name already taken gets a number.
    expect(addNode(value(), made.id).id).toBe(`${made.id}-2`);
  });

  it.each(tables)('%s: a translation’s text changes its own line, and is no longer stale', (name) => {
    const text = read(name);
    const table = parseText(text).value as { translates: string; strings: Record<string, { text: string }> };
    const originalName = `${table.translates}.json`;
    const originalText = read(originalName);
    const entry = textsOf(parseText(originalText).value).find((e) => e.kind === 'reply')!;
    const edited = applyFileEdits(text, setTranslation(table, entry.key, 'Новий текст', entry.text));
    const diff = changedLines(text, edited);
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toHaveLength(1);
    expect(diff.added[0]).toContain(`"source": "${sourceHash(entry.text)}"`);
    const loaded = loadScenarioFiles([{ file: originalName, text: originalText }, { file: name, text: edited }])[1]!;
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.ok && [...loaded.scenario.nodes.values()].flatMap((n) => n.replies).some((r) => r.say === 'Новий текст')).toBe(true);
  });

  it('keeps comments, and writes new keys in the file’s own indentation', () => {
    const text = '{\n    // the opening\n    "a": 1, /* one */\n    "b": { "say": "x" }\n}\n';
    const out = applyFileEdits(text, [{ path: ['b', 'polite'], value: -5 }, { path: ['a'], value: 2 }]);
    expect(out).toContain('// the opening');
    expect(out).toContain('"a": 2, /* one */');
    expect(out).toContain('"polite": -5');
    expect(applyFileEdits(text, [{ path: ['c'], value: 1 }])).toContain('\n    "c": 1');
  });

  it('adds and removes a key as one line, leaving an array written on one line before it as it is', () => {
    const text = '{\n  "r": {\n    "say": "Hi",\n    "examples": ["one", "two"],\n    "mood": 5,\n    "next": "x"\n  }\n}\n';
    const added = applyFileEdits(text, [{ path: ['r', 'polite'], value: -5 }]);
    expect(changedLines(text, added)).toEqual({ removed: [], added: ['    "polite": -5,'] });
    expect(applyFileEdits(added, [{ path: ['r', 'polite'], value: undefined }])).toBe(text);
    expect(applyFileEdits(text, [{ path: ['r', 'mood'], value: undefined }])).toBe(text.replace('    "mood": 5,\n', ''));
  });
});
