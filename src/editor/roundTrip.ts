// Saving a call the way a careful person edits it by hand (issue 18): every change of the editor
// is one edit at a JSON path, applied to the file's own text with jsonc-parser's `modify`, so
// the keys keep their order, comments and formatting stay, and an edit changes only the lines it
// touches. A new key goes where a trainer would write it (before the first key that comes after
// it in the format's usual order), so adding a deduction adds one line and changes none.
// Pure: no DOM, no Node.
import { applyEdits, modify, parse, type FormattingOptions, type ParseError } from 'jsonc-parser';

export type EditPath = readonly (string | number)[];

/** One change to a file: set the value at `path` (undefined removes it); `insert` puts a new item into an array at that index. */
export interface FileEdit {
  readonly path: EditPath;
  readonly value: unknown;
  readonly insert?: boolean;
}

/** The usual order of keys in a reply, a node, a timeout, a string table's entry, where a new key goes. */
const KEY_ORDER = [
  'id',
  'say',
  'voice',
  'emotion',
  'hint',
  'if',
  'takes',
  'doing',
  'after',
  'enter',
  'reveals',
  'polite',
  'accuracy',
  'judgment',
  'mood',
  'patience',
  'set',
  'replies',
  'timeout',
  'end',
  'label',
  'credit',
  'feedback',
  'needs',
  'next',
  'repeat',
  'source',
  'text',
];

/** The file's own indentation and line ends, for what `modify` writes new. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const tabs = indented.startsWith('\t');
  return { insertSpaces: !tabs, tabSize: tabs ? 1 : Math.min(indented.length, 8), eol };
}

/** Where a new key `key` goes among an object's `properties`: before the first that comes after it in KEY_ORDER. */
function insertionIndex(key: string | number | undefined) {
  return (properties: string[]): number => {
    const rank = typeof key === 'string' ? KEY_ORDER.indexOf(key) : -1;
    if (rank < 0) return properties.length;
    const at = properties.findIndex((p) => KEY_ORDER.indexOf(p) > rank);
    return at < 0 ? properties.length : at;
  };
}

/** The text with one edit applied. */
export function applyFileEdit(text: string, edit: FileEdit, formatting: FormattingOptions = formattingOf(text)): string {
  const edits = modify(text, [...edit.path], edit.value, {
    formattingOptions: formatting,
    getInsertionIndex: insertionIndex(edit.path[edit.path.length - 1]),
    ...(edit.insert ? { isArrayInsertion: true } : {}),
  });
  return edits.length === 0 ? text : applyEdits(text, edits);
}

/** The text with every edit applied in turn. */
export function applyFileEdits(text: string, edits: readonly FileEdit[]): string {
  const formatting = formattingOf(text);
  return edits.reduce((t, e) => applyFileEdit(t, e, formatting), text);
}

/** The value of a file's text (comments allowed), or null with the first problem when it does not parse. */
export function parseText(text: string): { value: unknown; error: ParseError | null } {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: false, disallowComments: false });
  return { value, error: errors[0] ?? null };
}

/** The value at a path of a parsed file (undefined where there is none). */
export function valueAt(root: unknown, path: EditPath): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** Whether two JSON values are the same value. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
