// Shared helpers for the tools' tests: the template as a clean base call, edited copies of it,
// small generated calls, and running the command line as a trainer would.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { formatDiagnostic, loadScenario, type Diagnostic, type Scenario } from '../../src/engine/index.js';
import { lintScenarios, type LintOptions } from '../../src/tools/lint/lintScenarios.js';
import { scenarioTemplate } from '../../src/tools/scaffold/template.js';

export const ROOT = join(import.meta.dirname, '../..');
export const SCENARIOS = join(ROOT, 'scenarios');

/** The `new` template, as it would be written into scenarios/. */
export const templateText = (id = 'base-call', locale = 'en') => scenarioTemplate({ id, locale, schema: './scenario.schema.json' });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

/** The template as a value, changed by `edit`, as JSON text. */
export function edited(edit: (doc: Doc) => void, id = 'base-call', locale = 'en'): string {
  const doc = parse(templateText(id, locale)) as Doc;
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

export function load(text: string, file = 'scenarios/test.json'): Scenario {
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.scenario;
}

/** Lints files given as (name in scenarios/, text); every file exists except those listed missing. */
export function lint(files: Record<string, string>, missing: readonly string[] = [], options: LintOptions = {}): Diagnostic[] {
  const sources = Object.entries(files).map(([name, text]) => ({ file: join(SCENARIOS, name), text }));
  return lintScenarios(sources, { fileExists: (p) => !missing.some((m) => p.endsWith(m)) }, options);
}

export const codes = (ds: readonly Diagnostic[]) => [...new Set(ds.map((d) => d.code))].sort();

/** Runs `npm run scenario -- …` (without npm's banner): exit status and output. `env` adds to (or, undefined, removes from) the environment. */
export function cli(args: readonly string[], cwd = ROOT, env: Record<string, string | undefined> = {}): { status: number; stdout: string; stderr: string } {
  const fullEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(fullEnv)) if (v === undefined) delete fullEnv[k];
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/scenario.ts'), ...args], { cwd, env: fullEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}
