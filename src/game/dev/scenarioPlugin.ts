// The vite plugin that bundles the scenarios and reloads them live.
//
// `virtual:htl-scenarios` exports every scenario file in the folder as raw text (so the engine's
// loader can name file:line:col in its messages) and the URL of every voice file under it.
// With `npm run dev`, saving a scenario sends its new text to the running game over vite's
// hot-reload socket instead of reloading the page; a file added or removed reloads the page.
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { isScenarioFile, isVoiceFile } from '../../engine/load/fileKinds.js';
import { requireFolder, scenarioFilesIn, voiceFilesIn } from '../../tools/folder/scenarioFolder.js';

export const VIRTUAL_ID = 'virtual:htl-scenarios';
const RESOLVED = `\0${VIRTUAL_ID}`;
export const HOT_EVENT = 'htl:scenario';

export interface ScenarioPluginOptions {
  /** The project root, for the file names the game shows. */
  readonly root: string;
  /** The folder of scenario files, subfolders included (default: <root>/scenarios). */
  readonly dir?: string;
}

/** What the game receives when a trainer saves a scenario. */
export interface ScenarioUpdate {
  readonly file: string;
  readonly text: string;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The file's text once it stops changing: a change event can arrive while an editor is still
 * writing, and half a file would show the trainer errors that are not there. Null if it is gone.
 */
async function settled(file: string): Promise<string | null> {
  let last: string | null = null;
  for (let i = 0; i < 20; i++) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    if (text === last && text !== '') return text;
    last = text;
    await pause(40);
  }
  return last;
}

export function scenarioPlugin(options: ScenarioPluginOptions): Plugin {
  const root = resolve(options.root);
  const dir = resolve(options.dir ?? join(root, 'scenarios'));
  const inRoot = (abs: string) => abs.startsWith(root + sep);
  // Inside the project: named (and served) from its root; outside (tests): by absolute path.
  const name = (abs: string) => (inRoot(abs) ? relative(root, abs) : abs).split(sep).join('/');
  const inDir = (abs: string) => abs.startsWith(dir + sep);
  const importPath = (abs: string) => (inRoot(abs) ? `/${name(abs)}` : name(abs));
  let server: ViteDevServer | null = null;
  /** The text last sent for each file: one save often fires several change events. */
  const sent = new Map<string, string>();

  function moduleText(): string {
    const files = Object.fromEntries(scenarioFilesIn(dir).map((f) => [name(f), readFileSync(f, 'utf8')]));
    const voices = voiceFilesIn(dir);
    return [
      ...voices.map((v, i) => `import v${i} from ${JSON.stringify(`${importPath(v)}?url`)};`),
      `export const files = ${JSON.stringify(files)};`,
      `export const voices = {${voices.map((v, i) => `${JSON.stringify(name(v))}: v${i}`).join(', ')}};`,
    ].join('\n');
  }

  function invalidate(): void {
    const mod = server?.moduleGraph.getModuleById(RESOLVED);
    if (mod) server!.moduleGraph.invalidateModule(mod);
  }

  return {
    name: 'htl-scenarios',
    // A folder that is not there: one clear line, not a game with no calls.
    buildStart: () => requireFolder(dir),
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      // The dev server watches the folder itself (configureServer); a watching build needs each file.
      if (!server) for (const f of scenarioFilesIn(dir)) this.addWatchFile(f);
      return moduleText();
    },
    configureServer(s) {
      server = s;
      s.watcher.add(dir);
      // A new or deleted call or voice changes what the bundle holds: reload the page. Other
      // files (the editor's temporary file of an atomic save) do not.
      const reload = (abs: string) => {
        if (!inDir(abs) || !(isScenarioFile(abs) || isVoiceFile(abs))) return;
        invalidate();
        s.ws.send({ type: 'full-reload' });
      };
      s.watcher.on('add', reload);
      s.watcher.on('unlink', reload);
    },
    async handleHotUpdate(ctx) {
      if (!inDir(ctx.file) || !isScenarioFile(ctx.file)) return;
      invalidate();
      const text = await settled(ctx.file);
      if (text === null || sent.get(ctx.file) === text) return [];
      sent.set(ctx.file, text);
      const update: ScenarioUpdate = { file: name(ctx.file), text };
      ctx.server.ws.send({ type: 'custom', event: HOT_EVENT, data: update });
      return [];
    },
  };
}
