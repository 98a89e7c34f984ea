// What every check of one file gets: the loaded scenario, the file as written (for JSON paths),
// the document (for line and column), and a way to report.
import type { Diagnostic, Scenario, ScenarioFile } from '../../engine/index.js';
import type { JsonDocument } from '../../engine/load/jsonDocument.js';
import { LINT_CODES, type LintCode } from './codes.js';

type JsonPath = Diagnostic['path'];

/** What lint asks of the outside world (the CLI answers from the disk; tests from a map). */
export interface LintEnv {
  fileExists(path: string): boolean;
  /** A file's text, or null: lint reads a translation's original when only the translation is named. */
  readFile?(path: string): string | null;
}

export interface FileContext {
  readonly file: string;
  readonly doc: JsonDocument;
  /** The file's value, already validated by the loader. */
  readonly raw: ScenarioFile;
  readonly scenario: Scenario;
  readonly env: LintEnv;
  report(code: LintCode, path: JsonPath, message: string, hint: string, onKey?: boolean): void;
}

export function fileContext(file: string, doc: JsonDocument, scenario: Scenario, env: LintEnv, out: Diagnostic[]): FileContext {
  return {
    file,
    doc,
    raw: doc.value as ScenarioFile,
    scenario,
    env,
    report: (code, path, message, hint, onKey = false) => out.push(doc.diagnostic(path, LINT_CODES[code], code, message, hint, onKey)),
  };
}

/** The JSON path of a node, a reply, or a reply's field. */
export const nodePath = (id: string): JsonPath => ['nodes', id];
export const replyPath = (node: string, index: number, ...rest: (string | number)[]): JsonPath => ['nodes', node, 'replies', index, ...rest];

/** "a", "a, b and 3 more": short lists for messages. */
export function listOf(items: readonly string[], max = 4): string {
  const shown = items.slice(0, max).map((i) => `"${i}"`);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
