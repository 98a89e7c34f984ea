// Builds an LMS package: a production build of the package entry (src/lms/) with vite, its
// calls, their voices and the game's sounds bundled in, then the manifest of the standard and
// one zip (fflate). The game's own build (vite.config.ts) is not touched: the package has its
// own entry and configuration, and no server, sign-in or leaderboard code is reachable from it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';
import { build, type Plugin } from 'vite';
import { spokenLines, type PassGates, type Scenario } from '../../engine/index.js';
import { besideFile } from '../../game/library/paths.js';
import type { LmsKind, PackageConfig } from '../../lms/packageConfig.js';
import { cmi5Xml, scorm12Manifest, scorm2004Manifest, type PackageMeta } from './manifests.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = 'src/lms/index.html';
export const LAUNCH_FILE = 'index.html';

export interface PackagedCall {
  /** The call's file on disk (absolute). */
  readonly path: string;
  /** Its files and their texts (a string table's original comes along). */
  readonly files: readonly { readonly path: string; readonly text: string }[];
  readonly scenario: Scenario;
}

export interface PackageOptions {
  readonly kind: LmsKind;
  readonly title: string;
  readonly calls: readonly PackagedCall[];
  readonly gates: PassGates;
  readonly seed: number | null;
  /** The zip to write. */
  readonly out: string;
  readonly description?: string;
}

const nameOf = (abs: string) => (abs.startsWith(ROOT + sep) ? relative(ROOT, abs) : abs).split(sep).join('/');
const importPath = (abs: string) => (abs.startsWith(ROOT + sep) ? `/${nameOf(abs)}` : abs);

/** The package's id: its calls and their versions, so a changed call makes a new package. */
function packageId(o: PackageOptions): string {
  const calls = o.calls.map((c) => `${c.scenario.id}-${c.scenario.locale}-${c.scenario.hash.slice(0, 8)}`).join('.');
  return `urn:hold-the-line:package:${o.kind}:${calls}`;
}

/** The voice files of a call's lines that exist, by their names in the bundle. */
function voicesOf(call: PackagedCall): string[] {
  const out = new Set<string>();
  for (const { voice } of spokenLines(call.scenario)) {
    const abs = besideFile(resolve(call.path).split(sep).join('/'), voice);
    if (existsSync(abs)) out.add(abs);
  }
  return [...out];
}

/** virtual:htl-package (the options) and virtual:htl-scenarios (only the package's calls). */
function packagePlugin(config: PackageConfig, calls: readonly PackagedCall[]): Plugin {
  const files = Object.fromEntries(calls.flatMap((c) => c.files.map((f) => [nameOf(f.path), f.text])));
  const voices = [...new Set(calls.flatMap(voicesOf))];
  const modules: Record<string, string> = {
    'virtual:htl-package': `export const config = ${JSON.stringify(config)};`,
    'virtual:htl-scenarios': [
      ...voices.map((v, i) => `import v${i} from ${JSON.stringify(`${importPath(v)}?url`)};`),
      `export const files = ${JSON.stringify(files)};`,
      `export const voices = {${voices.map((v, i) => `${JSON.stringify(nameOf(v))}: v${i}`).join(', ')}};`,
    ].join('\n'),
  };
  return {
    name: 'htl-package',
    enforce: 'pre',
    resolveId: (id) => (id in modules ? `\0${id}` : null),
    load: (id) => (id.startsWith('\0') && id.slice(1) in modules ? modules[id.slice(1)]! : null),
  };
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p, base) : [relative(base, p).split(sep).join('/')];
  });
}

/** Builds the package's files into a temporary folder; returns it (the caller removes it). */
export async function buildPackageFolder(o: PackageOptions): Promise<{ dir: string; config: PackageConfig }> {
  const config: PackageConfig = { kind: o.kind, id: packageId(o), title: o.title, calls: o.calls.map((c) => ({ id: c.scenario.id, locale: c.scenario.locale })), gates: o.gates, seed: o.seed };
  const dir = mkdtempSync(join(tmpdir(), 'htl-package-'));
  await build({
    configFile: false,
    root: ROOT,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    plugins: [packagePlugin(config, o.calls)],
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      // Sounds and voices stay files beside the code.
      assetsInlineLimit: (file) => (/\.(webm|ogg|mp3|m4a|wav)$/.test(file) ? false : undefined),
      rolldownOptions: {
        input: join(ROOT, ENTRY),
        // The engine is pure: what the package does not use of it is left out (as in the game's build).
        treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]engine[\\/]/.test(id) },
        checks: { bundlerTimings: false },
      },
    },
  });
  // The page is built at its place in the sources (src/lms/): moved to the package's root.
  const built = join(dir, ENTRY);
  const html = readFileSync(built, 'utf8').replaceAll('../../assets/', './assets/');
  rmSync(join(dir, 'src'), { recursive: true, force: true });
  writeFileSync(join(dir, LAUNCH_FILE), html);
  return { dir, config };
}

/** The manifest of the package's standard: its file name and text. */
export function manifestOf(config: PackageConfig, files: readonly string[], description = ''): { name: string; text: string } {
  const meta: PackageMeta = { id: config.id, title: config.title, description, launch: LAUNCH_FILE, masteryScore: config.gates.overall, files };
  switch (config.kind) {
    case 'scorm12':
      return { name: 'imsmanifest.xml', text: scorm12Manifest(meta) };
    case 'scorm2004':
      return { name: 'imsmanifest.xml', text: scorm2004Manifest(meta) };
    case 'cmi5':
      return { name: 'cmi5.xml', text: cmi5Xml(meta) };
  }
}

/** Builds the package and writes its zip; returns the files in it. */
export async function buildPackage(o: PackageOptions): Promise<{ files: string[]; config: PackageConfig }> {
  const { dir, config } = await buildPackageFolder(o);
  try {
    const files = filesUnder(dir).sort();
    const manifest = manifestOf(config, files, o.description);
    const entries: Record<string, Uint8Array> = { [manifest.name]: new TextEncoder().encode(manifest.text) };
    for (const f of files) entries[f] = readFileSync(join(dir, f));
    const tmp = `${o.out}.tmp-${process.pid}`;
    writeFileSync(tmp, zipSync(entries, { level: 9 }));
    renameSync(tmp, o.out);
    return { files: [manifest.name, ...files], config };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
