// Saving a call the way a careful person edits it by hand (issue 18): every change of the editor
// is one edit at a JSON path, applied to the file's own text with jsonc-parser's `modify`, so
// the keys keep their order, comments and formatting stay, and an edit changes only the lines it
// touches. A new key goes where a trainer would write it (before the first key that comes after
// it in the format's usual order), so adding a deduction adds one line and changes none; a key
// on a line of its own is removed with that line.
// Pure: no DOM, no Node.
import { applyEdits, findNodeAtLocation, modify, parse, parseTree, type FormattingOptions, type ParseError } from 'jsonc-parser';

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

/**
 * A new key of an object written on lines of their own: one line, put before the key it goes
 * before, in that key's indentation — so no other line changes (jsonc's own insertion formats the
 * line it inserts after, which would unfold an array written on one line). Null where the object
 * is not laid out that way (then jsonc inserts it).
 */
function insertKeyLine(text: string, edit: FileEdit, eol: string): string | null {
  const key = edit.path[edit.path.length - 1];
  if (typeof key !== 'string' || edit.value === undefined || edit.insert) return null;
  const tree = parseTree(text, [], { allowTrailingComma: false, disallowComments: false });
  const parent = tree && findNodeAtLocation(tree, [...edit.path.slice(0, -1)]);
  if (!parent || parent.type !== 'object' || !parent.children) return null;
  const keys = parent.children.map((p) => String(p.children?.[0]?.value));
  if (keys.includes(key)) return null;
  const at = insertionIndex(key)(keys);
  const before = parent.children[at];
  if (!before) return null;
  const lineStart = text.lastIndexOf('\n', before.offset - 1) + 1;
  const indent = text.slice(lineStart, before.offset);
  if (!/^[ \t]*$/.test(indent)) return null;
  return `${text.slice(0, before.offset)}${JSON.stringify(key)}: ${JSON.stringify(edit.value)},${eol}${indent}${text.slice(before.offset)}`;
}

/**
 * A key removed with its line, when it has a line of its own ending in a comma — the other lines
 * stay as they are. Null otherwise (then jsonc removes it).
 */
function removeKeyLine(text: string, edit: FileEdit): string | null {
  if (edit.value !== undefined || typeof edit.path[edit.path.length - 1] !== 'string') return null;
  const tree = parseTree(text, [], { allowTrailingComma: false, disallowComments: false });
  const value = tree && findNodeAtLocation(tree, [...edit.path]);
  const prop = value?.parent;
  if (!prop || prop.type !== 'property') return null;
  const lineStart = text.lastIndexOf('\n', prop.offset - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, prop.offset))) return null;
  const rest = /^[ \t]*,[ \t]*\r?\n/.exec(text.slice(prop.offset + prop.length));
  if (!rest) return null;
  return text.slice(0, lineStart) + text.slice(prop.offset + prop.length + rest[0].length);
}

/** The text with one edit applied. */
export function applyFileEdit(text: string, edit: FileEdit, formatting: FormattingOptions = formattingOf(text)): string {
  const own = insertKeyLine(text, edit, formatting.eol ?? '\n') ?? removeKeyLine(text, edit);
  if (own !== null) return own;
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
