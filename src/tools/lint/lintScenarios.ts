// Lint: every problem in a set of scenario files, as diagnostics. Pure: the caller reads the
// files and answers whether a voice file exists.
import type { Diagnostic } from '../../engine/errors.js';
import { loadScenario } from '../../engine/load/loadScenario.js';

export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

export function lintScenarios(sources: readonly SourceFile[]): Diagnostic[] {
  return sources.flatMap((src) => loadScenario(src.text, src.file).diagnostics);
}
