// scenario package <scorm12|scorm2004|cmi5> <call file, call id or assignment file> --out <file.zip>
//   [--pass 80] [--seed n] [--title "…"]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isTableValue, mayBeTable, passGatesSchema, type PassGates } from '../../engine/index.js';
import { LMS_KINDS, type LmsKind } from '../../lms/packageConfig.js';
import { assignmentFileSchema, isAssignment } from '../../tools/lms/assignmentFile.js';
import { buildPackage, type PackagedCall } from '../../tools/lms/buildPackage.js';
import { oneScenarioFile, shownPath } from '../files.js';
import { loadOne } from '../loadOne.js';
import { EXIT, UsageError, parseCommand } from '../usage.js';

export const DEFAULT_PASS = 80;

function number(text: string | undefined, what: string, max: number): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || Number(text) > max) throw new UsageError(`${what} is a whole number from 0 to ${max}, not "${text}"`);
  return Number(text);
}

/** A call's files: the file itself, and the original a string table translates. */
function callFiles(path: string): { path: string; text: string }[] {
  const text = readFileSync(path, 'utf8');
  const files = [{ path, text }];
  if (mayBeTable(text)) {
    try {
      const v = JSON.parse(text) as { translates?: unknown };
      const original = join(dirname(path), `${String(v.translates)}.json`);
      if (isTableValue(v) && existsSync(original)) files.push({ path: original, text: readFileSync(original, 'utf8') });
    } catch {
      // the loader reports it
    }
  }
  return files;
}

function loadCall(arg: string, base: string | null): PackagedCall | null {
  const named = base && !isAbsolute(arg) && existsSync(join(base, arg)) ? join(base, arg) : arg;
  const file = oneScenarioFile(named);
  const loaded = loadOne(file);
  if (!loaded.ok) return null;
  return { path: resolve(file), files: callFiles(resolve(file)), scenario: loaded.scenario };
}

export async function packageCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { out: { type: 'string' }, pass: { type: 'string' }, seed: { type: 'string' }, title: { type: 'string' } });
  const [kind, source, ...extra] = positionals;
  if (!kind || !(LMS_KINDS as readonly string[]).includes(kind)) throw new UsageError(`package needs the standard first: ${LMS_KINDS.join(', ')}${kind ? `, not "${kind}"` : ''}`);
  if (!source || extra.length) throw new UsageError('package needs exactly one call file (or call id) or assignment file after the standard');
  if (!values.out) throw new UsageError('package needs --out <file.zip>');
  const pass = number(values.pass, '--pass', 100);
  const seed = number(values.seed, '--seed', 0xffff_ffff);

  let title = values.title ?? null;
  let description: string | undefined;
  let gates: PassGates;
  let calls: (PackagedCall | null)[];
  let fixedSeed = seed;
  const text = existsSync(source) ? readFileSync(source, 'utf8') : null;
  let json: unknown = null;
  try {
    json = text === null ? null : JSON.parse(text);
  } catch {
    json = null; // a scenario with comments: the scenario loader reads it
  }
  if (isAssignment(json)) {
    const parsed = assignmentFileSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) process.stderr.write(`${shownPath(source)}: ${issue.path.length ? `at ${issue.path.join('.')}: ` : ''}${issue.message}\n`);
      process.stderr.write(`${shownPath(source)} is not a valid assignment file (see README: Packages for an LMS)\n`);
      return EXIT.problems;
    }
    const a = parsed.data;
    title ??= a.title;
    description = a.description;
    gates = pass === null ? a.passGates : { ...a.passGates, overall: pass };
    fixedSeed ??= a.seed ?? null;
    calls = a.calls.map((c) => loadCall(c, dirname(source)));
  } else {
    gates = passGatesSchema.parse({ overall: pass ?? DEFAULT_PASS });
    calls = [loadCall(source, null)];
  }
  if (calls.some((c) => c === null)) return EXIT.problems;
  const loaded = calls as PackagedCall[];
  const ids = loaded.map((c) => `${c.scenario.id}.${c.scenario.locale}`);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new UsageError(`the call ${twice} is in the assignment twice`);
  const out = resolve(values.out);
  const built = await buildPackage({ kind: kind as LmsKind, title: title ?? loaded[0]!.scenario.title, description, calls: loaded, gates, seed: fixedSeed, out });
  process.stderr.write(`wrote ${shownPath(values.out)}: ${kind} package of ${loaded.length === 1 ? 'one call' : `${loaded.length} calls`} (${ids.join(', ')}), pass mark ${gates.overall}${Object.keys(gates.skills).length ? `, gates ${Object.entries(gates.skills).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}, ${built.files.length} files\n`);
  return EXIT.clean;
}
