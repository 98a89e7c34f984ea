// Saving from the editor: each changed file sent with the hash it was opened at. Saved, it is the
// new start of undo; refused, its messages are shown; changed on disk since, nothing is written
// and the trainer chooses — the disk's version with their edits made again on it, or theirs over
// it — so neither version is ever lost.
import { h } from '../../leaderboard/dom.js';
import { EditorDocument } from '../document.js';
import { saveFile } from './editorApi.js';
import type { Translate } from './i18n.js';

export interface SaveHost {
  readonly id: string;
  readonly t: Translate;
  doc(): EditorDocument;
  /** The document was rebuilt on a file from disk: everything is drawn again. */
  replaceDoc(doc: EditorDocument): void;
  showAlert(...children: (Node | string)[]): void;
  /** After a save: the page shows the saved state. */
  saved(): void;
}

export async function saveAll(host: SaveHost, overwrite = false): Promise<void> {
  const { t } = host;
  const doc = host.doc();
  const names = doc.files().filter((f) => doc.dirty(f.name)).map((f) => f.name);
  // Nothing changed: the original is sent as it is (the server writes nothing, and says so).
  if (names.length === 0) names.push(doc.originalName);
  for (const name of names) {
    const base = doc.base(name)!;
    const text = doc.text(name);
    const answer = await saveFile(host.id, name, text, base.hash, overwrite);
    switch (answer.kind) {
      case 'saved':
        doc.rebase([{ ...base, text, hash: answer.hash }]);
        continue;
      case 'conflict': {
        const reload = h('button', { type: 'button', onclick: () => reapplyOn(host, name, answer.disk) }, t('conflict.reload'));
        host.showAlert(h('p', {}, t('conflict.text', { name })), h('div', { class: 'htl-ed-actions' }, reload, h('button', { type: 'button', onclick: () => void saveAll(host, true) }, t('conflict.overwrite'))));
        reload.focus();
        return;
      }
      case 'refused':
        host.showAlert(h('p', { 'data-refused': name }, t('refused', { name })), h('pre', {}, answer.problems.map((p) => p.text).join('\n') || answer.message));
        return;
      case 'failed':
        host.showAlert(h('p', {}, t('saveFailed', { name, message: answer.message })));
        return;
    }
  }
  host.showAlert();
  host.saved();
}

/** The disk's version becomes the base, and the edits made here are made again on it. */
function reapplyOn(host: SaveHost, name: string, disk: { text: string; hash: string }): void {
  const old = host.doc();
  const changes = old.changesInEffect();
  const files = old.files().map((f) => (f.name === name ? { ...f, text: disk.text, hash: disk.hash } : f));
  sessionStorage.removeItem(old.storageKey);
  const doc = new EditorDocument(host.id, files, sessionStorage);
  for (const c of changes) doc.apply(c);
  host.replaceDoc(doc);
  host.showAlert(h('p', {}, host.t('conflict.reapplied', { name })));
}
