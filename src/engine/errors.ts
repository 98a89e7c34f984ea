// Errors are values with a code and a place, reported through one channel.
// A trainer reads them as "file:line:col: error: message — hint".

export type Severity = 'error' | 'warning';
export type JsonPath = readonly (string | number)[];

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable, machine-readable: "schema", "json-syntax", "unknown-node", … (listed in docs/authoring.md). */
  readonly code: string;
  readonly message: string;
  /** What to write instead, when we can tell. */
  readonly hint: string | null;
  readonly file: string;
  /** 1-based, as editors count. */
  readonly line: number;
  readonly col: number;
  readonly path: JsonPath;
}

export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` — ${d.hint}` : '';
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}${hint}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export type TranscriptErrorCode =
  | 'malformed' // not a transcript at all (fails its schema)
  | 'wrong-scenario' // names another scenario id or locale
  | 'wrong-version' // the scenario's content hash differs
  | 'old-rules' // scored under rules this engine no longer reproduces (rulesVersion.ts)
  | 'impossible-event' // an event the session cannot take at that point
  | 'after-end' // events after the call ended
  | 'unfinished' // the events stop before the call ends (only where an ending is required)
  | 'too-many-ticks'; // more TICK events in a row than a call records (session/tickRuns.ts)

/** A transcript that does not fit its scenario. `index` is the offending event, when there is one. */
export class TranscriptError extends Error {
  override readonly name = 'TranscriptError';
  constructor(
    readonly code: TranscriptErrorCode,
    message: string,
    readonly index: number | null = null,
  ) {
    super(message);
  }
}
