// One call open in the editor: its files as they were opened (the base, with their hashes), the
// edits made since, undo and redo, and the texts now. The edits are the record — the texts are
// what the base becomes with them — so undo and redo are kept across a reload as a short list of
// edits, keyed by the call and its base hash (the page gives the storage). Pure: no DOM.
import { applyFileEdits, parseText, type FileEdit } from './roundTrip.js';

/** A file of the call as the server sent it. */
export interface BaseFile {
  readonly name: string;
  readonly kind: 'original' | 'table';
  readonly text: string;
  readonly hash: string;
}

/** One user action: edits to one or more files, undone and redone together. */
export interface Change {
  /** What it did, for the Undo button's label. */
  readonly label: string;
  readonly edits: readonly { readonly file: string; readonly edits: readonly FileEdit[] }[];
}

/** What is kept across a reload. */
export interface Saved {
  readonly version: 1;
  readonly bases: Readonly<Record<string, string>>;
  readonly changes: readonly Change[];
  /** How many of `changes` are in effect (the rest can be redone). */
  readonly done: number;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const MAX_CHANGES = 500;

export class EditorDocument {
  private changes: Change[] = [];
  private done = 0;
  /** Texts after each number of changes in effect (0: the base), computed as needed. */
  private readonly texts = new Map<number, ReadonlyMap<string, string>>();
  private bases: ReadonlyMap<string, BaseFile>;

  constructor(
    readonly id: string,
    files: readonly BaseFile[],
    private readonly store: KeyValueStore | null = null,
  ) {
    this.bases = new Map(files.map((f) => [f.name, f]));
    this.texts.set(0, new Map(files.map((f) => [f.name, f.text])));
    this.restore();
  }

  /** The storage key: the call and its files' base hashes, so a changed file starts afresh. */
  get storageKey(): string {
    return `holdtheline.editor.${this.id}`;
  }

  get originalName(): string {
    return `${this.id}.json`;
  }

  files(): BaseFile[] {
    return [...this.bases.values()];
  }

  base(name: string): BaseFile | undefined {
    return this.bases.get(name);
  }

  /** A file's text with the changes in effect. */
  text(name: string): string {
    return this.current().get(name) ?? '';
  }

  /** A file's parsed value now (parsed once per text). */
  value(name: string): unknown {
    const text = this.text(name);
    const had = this.parsed.get(name);
    if (had && had.text === text) return had.value;
    const value = parseText(text).value;
    this.parsed.set(name, { text, value });
    return value;
  }

  private readonly parsed = new Map<string, { text: string; value: unknown }>();

  /** Whether the file differs from its base (what Save would write). */
  dirty(name: string): boolean {
    return this.text(name) !== this.bases.get(name)?.text;
  }

  apply(change: Change): void {
    if (change.edits.every((e) => e.edits.length === 0)) return;
    this.changes = [...this.changes.slice(0, this.done), change].slice(-MAX_CHANGES);
    this.done = this.changes.length;
    for (const k of [...this.texts.keys()]) if (k >= this.done) this.texts.delete(k);
    this.persist();
  }

  /** The changes in effect, oldest first (to make again on another base). */
  changesInEffect(): Change[] {
    return this.changes.slice(0, this.done);
  }

  get canUndo(): boolean {
    return this.done > 0;
  }

  get canRedo(): boolean {
    return this.done < this.changes.length;
  }

  /** The change Undo would take back, and the one Redo would make again. */
  get undoLabel(): string | null {
    return this.changes[this.done - 1]?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.changes[this.done]?.label ?? null;
  }

  undo(): boolean {
    if (!this.canUndo) return false;
    this.done--;
    this.persist();
    return true;
  }

  redo(): boolean {
    if (!this.canRedo) return false;
    this.done++;
    this.persist();
    return true;
  }

  /**
   * A file was saved (or reloaded from disk): its text now is its new base, and the history
   * starts again from there — what was saved cannot be undone past (the file on disk is it).
   */
  rebase(files: readonly BaseFile[]): void {
    const current = this.current();
    const next = new Map(this.bases);
    for (const f of files) next.set(f.name, f);
    this.bases = next;
    this.changes = [];
    this.done = 0;
    this.texts.clear();
    this.texts.set(0, new Map([...next.values()].map((f) => [f.name, files.some((g) => g.name === f.name) ? f.text : (current.get(f.name) ?? f.text)])));
    // Files not rebased keep their unsaved text as the new start (the base hash stays theirs).
    this.persist();
  }

  private current(): ReadonlyMap<string, string> {
    const have = this.texts.get(this.done);
    if (have) return have;
    let k = this.done;
    while (!this.texts.has(k)) k--;
    let texts = new Map(this.texts.get(k)!);
    for (; k < this.done; k++) {
      texts = new Map(texts);
      for (const { file, edits } of this.changes[k]!.edits) texts.set(file, applyFileEdits(texts.get(file) ?? '', edits));
      this.texts.set(k + 1, texts);
    }
    // The base and the texts next to now (undo, redo): a large call's texts are a megabyte each.
    for (const key of [...this.texts.keys()]) if (key !== 0 && Math.abs(key - this.done) > 2) this.texts.delete(key);
    return texts;
  }

  private persist(): void {
    if (!this.store) return;
    const saved: Saved = { version: 1, bases: Object.fromEntries([...this.bases.values()].map((f) => [f.name, f.hash])), changes: this.changes, done: this.done };
    try {
      if (this.changes.length === 0) this.store.removeItem(this.storageKey);
      else this.store.setItem(this.storageKey, JSON.stringify(saved));
    } catch {
      // Storage full or refused: undo still works until the page is closed.
    }
  }

  /** The edits kept from before a reload, if they were made on these very files. */
  private restore(): void {
    if (!this.store) return;
    let saved: Saved;
    try {
      saved = JSON.parse(this.store.getItem(this.storageKey) ?? 'null') as Saved;
    } catch {
      return;
    }
    if (!saved || saved.version !== 1 || !Array.isArray(saved.changes) || typeof saved.done !== 'number') return;
    const same = [...this.bases.values()].every((f) => saved.bases[f.name] === f.hash) && Object.keys(saved.bases).length === this.bases.size;
    if (!same) {
      // The files changed on disk since: those edits were made on other texts.
      this.store.removeItem(this.storageKey);
      return;
    }
    this.changes = saved.changes.filter((c) => c && typeof c.label === 'string' && Array.isArray(c.edits));
    this.done = Math.max(0, Math.min(saved.done, this.changes.length));
  }
}
