// The editor's document: undo and redo over the file's own text, kept across a reload in the
// tab's storage for the same files only, and a save making the saved text the new start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditorDocument, type BaseFile, type KeyValueStore } from '../../src/editor/document.js';
import { setField } from '../../src/editor/operations.js';
import { MemoryStorage } from '../support/memoryStorage.js';
import { SHIPPED_DIR } from '../support/shipped.js';

const text = readFileSync(join(SHIPPED_DIR, 'update-warning.json'), 'utf8');
const files: BaseFile[] = [{ name: 'update-warning.json', kind: 'original', text, hash: 'a'.repeat(32) }];
const say = (v: string) => ({ label: 'the line', edits: [{ file: 'update-warning.json', edits: setField(['nodes', 'defended', 'say'], v) }] });
const line = (d: EditorDocument) => (d.value('update-warning.json') as { nodes: Record<string, { say: string }> }).nodes.defended!.say;

describe('the editor’s document', () => {
  it('undoes and redoes, back to the very bytes it opened', () => {
    const d = new EditorDocument('update-warning', files);
    const was = line(d);
    d.apply(say('One.'));
    d.apply(say('Two.'));
    expect([line(d), d.canUndo, d.canRedo, d.undoLabel]).toEqual(['Two.', true, false, 'the line']);
    d.undo();
    expect(line(d)).toBe('One.');
    d.redo();
    expect(line(d)).toBe('Two.');
    d.undo();
    d.undo();
    expect(d.text('update-warning.json')).toBe(text);
    expect([line(d), d.dirty('update-warning.json'), d.canUndo]).toEqual([was, false, false]);
    // A new edit after undoing drops what could have been redone.
    d.apply(say('Three.'));
    expect(d.canRedo).toBe(false);
  });

  it('keeps the edits across a reload for the same files, and drops them for a file changed since', () => {
    const store: KeyValueStore = new MemoryStorage();
    const d = new EditorDocument('update-warning', files, store);
    d.apply(say('One.'));
    d.apply(say('Two.'));
    d.undo();
    const again = new EditorDocument('update-warning', files, store);
    expect([line(again), again.canUndo, again.canRedo]).toEqual(['One.', true, true]);
    again.redo();
    expect(line(again)).toBe('Two.');
    const changed = new EditorDocument('update-warning', [{ ...files[0]!, hash: 'b'.repeat(32) }], store);
    expect([changed.canUndo, changed.dirty('update-warning.json')]).toEqual([false, false]);
    expect(store.getItem(changed.storageKey)).toBeNull();
  });

  it('after a save, the saved text is where undo stops', () => {
    const d = new EditorDocument('update-warning', files);
    d.apply(say('Saved.'));
    d.rebase([{ ...files[0]!, text: d.text('update-warning.json'), hash: 'c'.repeat(32) }]);
    expect([line(d), d.dirty('update-warning.json'), d.canUndo]).toEqual(['Saved.', false, false]);
  });
});
