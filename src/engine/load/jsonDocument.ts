// JSON with positions: parses a scenario file (comments allowed) with jsonc-parser and
// answers "where is this JSON path?" as line and column, so every message can point at the place.
import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
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

export class JsonDocument {
  readonly value: unknown;
  readonly root: JsonNode | undefined;
  readonly syntaxErrors: readonly Diagnostic[];
  readonly duplicateKeys: readonly Diagnostic[];
  private readonly lineStarts: number[];

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    const errors: ParseError[] = [];
    this.root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
    this.value = this.root ? getNodeValue(this.root) : undefined;
    // One message per place: a stray comma makes the parser complain twice at the same spot.
    const firstPerOffset = errors.filter((e, i) => errors.findIndex((o) => o.offset === e.offset) === i);
    this.syntaxErrors = firstPerOffset.map((e) => {
      const code = printParseErrorCode(e.error);
      return this.diagnosticAt(e.offset, 'error', 'json-syntax', `JSON syntax: ${describeSyntax(code)}`, SYNTAX_HINTS[code] ?? null, []);
    });
    this.duplicateKeys = this.root ? this.findDuplicateKeys(this.root, []) : [];
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lineStarts[lo]! + 1 };
  }

  /**
   * The place of a JSON path: the value there, or its property name when `key` is set,
   * or the nearest enclosing value that exists (a missing property points at its object).
   */
  locate(path: JsonPath, key = false): Position {
    if (!this.root) return { line: 1, col: 1 };
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.root, path.slice(0, n) as (string | number)[]);
      if (!node) continue;
      const keyNode = key && n === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return this.position((keyNode ?? node).offset);
    }
    return this.position(this.root.offset);
  }

  /** The line of the key `name` inside the object at `path` (for unknown keys, which have no value path). */
  locateKey(path: JsonPath, name: string): Position {
    return this.locate([...path, name], true);
  }

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

  private diagnosticAt(
    offset: number,
    severity: Severity,
    code: string,
    message: string,
    hint: string | null,
    path: JsonPath,
  ): Diagnostic {
    const { line, col } = this.position(offset);
    return { severity, code, message, hint, file: this.file, line, col, path };
  }

  // JSON.parse silently keeps the last of two equal keys; a copied node would vanish without a word.
  private findDuplicateKeys(node: JsonNode, path: (string | number)[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        const valueNode = prop.children?.[1];
        if (!keyNode) continue;
        const name = String(keyNode.value);
        if (seen.has(name)) {
          out.push(
            this.diagnosticAt(keyNode.offset, 'error', 'duplicate-key', `"${name}" appears twice in this object; the first one would be lost`, 'rename or merge one of them', [...path, name]),
          );
        }
        seen.add(name);
        if (valueNode) out.push(...this.findDuplicateKeys(valueNode, [...path, name]));
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => out.push(...this.findDuplicateKeys(child, [...path, i])));
    }
    return out;
  }
}

function describeSyntax(code: string): string {
  // "CommaExpected" → "comma expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
