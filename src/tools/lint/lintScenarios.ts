// Lint: every problem in a set of scenario files, as diagnostics with a place and a hint.
// The loader's findings first (syntax, schema, references), then — for files that load — what
// playing the call reveals, then what the files say together. Pure: the caller reads the files
// and answers whether a file (a voice, the schema) exists. Never throws: a check that fails is
// reported as a "lint-internal" error at the top of the file, and the other checks still run.
import { loadScenarioFiles, type Diagnostic } from '../../engine/index.js';
import { scoreBounds } from '../../engine/index.js';
import { buildStateGraph, type StateGraph } from '../../engine/index.js';
import { LINT_CODES } from './codes.js';
import { checkAcrossFiles, type Loaded } from './checks/acrossFiles.js';
import { checkFactsRevealed, checkFeedback, checkSchemaRef, checkVoices } from './checks/content.js';
import { checkDiscrimination } from './checks/discrimination.js';
import { checkFlow } from './checks/flow.js';
import { branchUses, checkBranches, timerGraphOf } from './checks/branches.js';
import { checkCatastrophes } from './checks/catastrophe.js';
import { checkMemory } from './checks/memory.js';
import { checkOffers } from './checks/offers.js';
import { checkPlans, isPlansFile } from './checks/plans.js';
import { checkTableFiles, originalsToRead } from './checks/strings.js';
import { checkTypedReplies } from './checks/typedReplies.js';
import { fileContext, replyPath, type FileContext, type LintEnv } from './context.js';

export type { LintEnv } from './context.js';

export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

export interface LintOptions {
  /** Stop exploring a call after this many states (reported as "too-many-states"). Default 1,000,000. */
  readonly maxStates?: number;
}

function internal(file: string, what: string, e: unknown): Diagnostic {
  const message = `internal error in ${what} (please report it): ${e instanceof Error ? e.message : String(e)}`;
  return { severity: LINT_CODES['lint-internal'], code: 'lint-internal', message, hint: null, file, line: 1, col: 1, path: [] };
}

function guarded(out: Diagnostic[], file: string, what: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    out.push(internal(file, what, e));
  }
}

function checkPlay(ctx: FileContext, options: LintOptions): void {
  const g: StateGraph = buildStateGraph(ctx.scenario, { timeouts: false, hangUp: false, maxStates: options.maxStates ?? 1_000_000 });
  if (g.truncated) {
    ctx.report('too-many-states', [], `the call has more than ${g.states.length} reachable states; its paths were not checked`, 'split the call, or use fewer distinct mood and patience changes');
    return;
  }
  // Letting the timer run out as a move too: explored, within a budget, if flow's checks need it.
  const timerGraph = timerGraphOf(ctx.scenario);
  const branches = branchUses(ctx.scenario, g, timerGraph);
  checkFlow(ctx, g, branches, timerGraph);
  checkBranches(ctx, branches);
  checkOffers(ctx, g);
  checkCatastrophes(ctx, g);
  checkMemory(ctx, g);
  checkDiscrimination(ctx, scoreBounds(g));
}

export function lintScenarios(sources: readonly SourceFile[], env: LintEnv, options: LintOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const loaded: Loaded[] = [];
  // A translation named alone is compared with its original, read for that and not itself linted.
  // Plan files named among the sources are checked on their calls below, not loaded as calls.
  const planSources = sources.filter((src) => isPlansFile(src.file));
  const callSources = planSources.length > 0 ? sources.filter((src) => !isPlansFile(src.file)) : sources;
  const originals = originalsToRead(callSources, env);
  const onlyContext = new Set(originals.map((o) => o.file));
  for (const result of loadScenarioFiles([...callSources, ...originals])) {
    const src = result;
    if (onlyContext.has(src.file)) {
      if (result.ok) loaded.push({ file: src.file, doc: result.doc, scenario: result.scenario, table: false });
      continue;
    }
    out.push(...result.diagnostics);
    if (!result.ok) continue;
    loaded.push({ file: src.file, doc: result.doc, scenario: result.scenario, table: result.kind === 'table' });
    // A table's structure is its original's, checked there; its own files are checked here.
    if (result.kind === 'table') {
      guarded(out, src.file, 'the checks of a string table', () => checkTableFiles(result, env, out));
      // Its own words must keep replies apart for typed replies, as the original's must.
      guarded(out, src.file, 'the typed replies check', () =>
        checkTypedReplies(result.scenario, { text: (node, i, example) => ['strings', `reply.${result.scenario.nodes.get(node)!.replies[i]!.id}${example < 0 ? '' : '.examples'}`] }, (path, message, hint) =>
          out.push(result.doc.diagnostic(path, LINT_CODES['replies-alike'], 'replies-alike', message, hint)),
        ),
      );
      continue;
    }
    const ctx = fileContext(src.file, result.doc, result.scenario, env, out);
    guarded(out, src.file, 'the content checks', () => {
      checkSchemaRef(ctx);
      checkFeedback(ctx);
      checkFactsRevealed(ctx);
      checkVoices(ctx);
    });
    guarded(out, src.file, 'the play checks', () => checkPlay(ctx, options));
    guarded(out, src.file, 'the typed replies check', () =>
      checkTypedReplies(result.scenario, { text: (node, i, example) => replyPath(node, i, ...(example < 0 ? ['say'] : ['examples', example])) }, (path, message, hint) => ctx.report('replies-alike', path, message, hint)),
    );
  }
  guarded(out, sources[0]?.file ?? '(no file)', 'the checks across files', () => checkAcrossFiles(loaded, out));
  guarded(out, sources[0]?.file ?? '(no file)', 'the golden plans', () =>
    checkPlans(
      loaded.filter((l) => !onlyContext.has(l.file)),
      planSources,
      env,
      out,
    ),
  );
  // Files in the order given, each from top to bottom (plan files found beside them last).
  const order = new Map(sources.map((src, i) => [src.file, i]));
  return out.filter((d) => !onlyContext.has(d.file)).sort((a, b) => (order.get(a.file) ?? sources.length) - (order.get(b.file) ?? sources.length) || a.line - b.line || a.col - b.col);
}
