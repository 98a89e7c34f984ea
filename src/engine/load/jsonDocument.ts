// JSON with positions: reads a scenario file (comments allowed) and answers "where is this JSON
// path?" as line and column, so every message can point at the place.
// The value comes from JSON.parse when the file is plain JSON (ten times faster than any
// position-keeping parser); jsonc-parser scans once for syntax errors and duplicate keys, and
// builds the tree of positions only when a message needs one. Plain JSON that JSON.parse reads
// has no syntax errors, and has no duplicate keys when it names as many properties as its value
// holds; only then is jsonc-parser's scan skipped — it would find nothing.
import {
  parse,
  parseTree,
  printParseErrorCode,
  visit,
  type Node as JsonNode,
  type ParseErrorCode,
} from 'jsonc-parser';
import type { Diagnostic, JsonPath, Severity } from '../errors.js';

export interface Position {
  readonly line: number;
  readonly col: number;
}

const SYNTAX_HINTS: Record<string, string> = {
  CommaExpected: 'add a comma between the two entries',
  CloseBraceExpected: 'close the object with "}"',
  CloseBracketExpected: 'close the list with "]"',
  ColonExpected: 'write "key": value',
  PropertyNameExpected: 'property names are strings in double quotes; remove a trailing comma if there is one',
  ValueExpected: 'write a value (a string in double quotes, a number, true, false, a list or an object); remove a trailing comma if there is one',
  InvalidSymbol: 'strings need double quotes, e.g. "text"',
  UnexpectedEndOfString: 'close the string with a double quote',
  EndOfFileExpected: 'the file must hold exactly one JSON object',
  InvalidEscapeCharacter: 'write a backslash as "\\\\"',
};

const PARSE_OPTIONS = { allowTrailingComma: false, disallowComments: false };

export class JsonDocument {
  readonly value: unknown;
  readonly syntaxErrors: readonly Diagnostic[];
  readonly duplicateKeys: readonly Diagnostic[];
  private lineStarts: number[] | null = null;
  private tree: JsonNode | undefined | null = null;

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    const plain = parsePlain(text);
    if (plain !== NOT_PLAIN && propertyNames(text) === propertiesIn(plain)) {
      this.syntaxErrors = [];
      this.duplicateKeys = [];
      this.value = plain;
      return;
    }
    const syntax: Diagnostic[] = [];
    const duplicates: Diagnostic[] = [];
    // One pass of the scanner: syntax errors (one per place: a stray comma makes the parser
    // complain twice at the same spot), and keys that appear twice in one object — JSON.parse
    // would silently keep the last, and a copied node would vanish without a word.
    const seenOffsets = new Set<number>();
    const keys: Set<string>[] = [];
    visit(
      text,
      {
        onObjectBegin: () => void keys.push(new Set()),
        onObjectEnd: () => void keys.pop(),
        onObjectProperty: (name, offset, _length, _line, _col, pathSupplier) => {
          const seen = keys[keys.length - 1];
          if (!seen) return;
          if (seen.has(name)) {
            const path = [...pathSupplier(), name];
            duplicates.push(this.diagnosticAt(offset, 'error', 'duplicate-key', `"${name}" appears twice in this object; the first one would be lost`, 'rename or merge one of them', path));
          }
          seen.add(name);
        },
        onError: (error: ParseErrorCode, offset) => {
          if (seenOffsets.has(offset)) return;
          seenOffsets.add(offset);
          const code = printParseErrorCode(error);
          syntax.push(this.diagnosticAt(offset, 'error', 'json-syntax', `JSON syntax: ${describeSyntax(code)}`, SYNTAX_HINTS[code] ?? null, []));
        },
      },
      PARSE_OPTIONS,
    );
    this.syntaxErrors = syntax;
    this.duplicateKeys = duplicates;
    this.value = syntax.length > 0 ? undefined : plain !== NOT_PLAIN ? plain : parse(text, [], PARSE_OPTIONS);
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): Position {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  }

  /**
   * The place of a JSON path: the value there, or its property name when `key` is set,
   * or the nearest enclosing value that exists (a missing property points at its object).
   */
  locate(path: JsonPath, key = false): Position {
    if (this.tree === null) this.tree = parseTree(this.text, [], PARSE_OPTIONS);
    const root = this.tree;
    if (!root) return { line: 1, col: 1 };
    // The deepest value along the path that exists (a missing property points at its object).
    let node = root;
    let n = 0;
    for (; n < path.length; n++) {
      const child = this.childOf(node, path[n]!);
      if (!child) break;
      node = child;
    }
    const keyNode = key && n === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return this.position((keyNode ?? node).offset);
  }

  /**
   * A value's child by property name or list index. An object's properties are indexed on first
   * use, so a file with many messages (a large call) does not look through every node each time.
   */
  private childOf(node: JsonNode, segment: string | number): JsonNode | undefined {
    if (node.type === 'array') return typeof segment === 'number' ? node.children?.[segment] : undefined;
    if (node.type !== 'object' || typeof segment !== 'string') return undefined;
    let index = this.properties.get(node);
    if (!index) {
      index = new Map();
      for (const prop of node.children ?? []) {
        const [name, value] = prop.children ?? [];
        // The first of two properties with one name, as jsonc-parser's own lookup finds it.
        if (name && value && !index.has(name.value as string)) index.set(name.value as string, value);
      }
      this.properties.set(node, index);
    }
    return index.get(segment);
  }

  private readonly properties = new WeakMap<JsonNode, Map<string, JsonNode>>();

  diagnostic(
    path: JsonPath,
    severity: Severity,
    code: string,
    message: string,
    hint: string | null = null,
    onKey = false,
  ): Diagnostic {
    const { line, col } = this.locate(path, onKey);
    return { severity, code, message, hint, file: this.file, line, col, path };
  }

  private diagnosticAt(offset: number, severity: Severity, code: string, message: string, hint: string | null, path: JsonPath): Diagnostic {
    const { line, col } = this.position(offset);
    return { severity, code, message, hint, file: this.file, line, col, path };
  }
}

const NOT_PLAIN = Symbol('not plain JSON');

/** Plain JSON takes the fast road; a file with comments (or a mistake) the scanner's. */
function parsePlain(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_PLAIN;
  }
}

/** The property names written in text that JSON.parse read: the strings followed by a colon. */
function propertyNames(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; ) {
    // The string's closing quote: the next one not escaped by an odd run of backslashes.
    let end = text.indexOf('"', i + 1);
    for (;;) {
      let slashes = 0;
      while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    let at = end + 1;
    let c = text.charCodeAt(at);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++at);
    if (c === 58) count++;
    i = text.indexOf('"', at);
  }
  return count;
}

/** The properties of every object in a parsed value (a key written twice is there once). */
function propertiesIn(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const v of value) count += propertiesIn(v);
    return count;
  }
  // for…in, not Object.keys: no array of names per object (a large call has millions of objects).
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    count += 1 + propertiesIn((value as Record<string, unknown>)[k]);
  }
  return count;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function describeSyntax(code: string): string {
  // "CommaExpected" → "comma expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
