// The scenario versions the server can verify results against: every file in the scenarios
// folder and its subfolders, and every version it has ever seen (kept in the store), so a result played on
// yesterday's version of a call still replays after a trainer edited the file.
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { formatDiagnostic, loadScenario, loadScenarioFiles, type Scenario } from '../engine/index.js';
import { scenarioFilesIn } from '../tools/folder/scenarioFolder.js';
import type { Store } from './store/store.js';

export interface ScenarioLibraryOptions {
  readonly dir: string;
  readonly store: Store;
  readonly log?: (message: string) => void;
}

/** How long after a scan a miss rescans the folder (a trainer saving a file while `npm run dev`). */
const RESCAN_MS = 1_000;
const CACHE_LIMIT = 200;

export class ScenarioLibrary {
  private readonly byHash = new Map<string, Scenario>();
  /** "id/locale" of every version known, for telling an unknown call from an unknown version. */
  private readonly calls = new Set<string>();
  /** Ids of the calls in the folder at the last scan: what a player can play now. */
  private folderIds = new Set<string>();
  private lastScan = 0;
  private scanning: Promise<void> | null = null;

  constructor(private readonly o: ScenarioLibraryOptions) {}

  /** Reads the folder and remembers every version in it; returns how many files loaded. */
  async scan(): Promise<number> {
    this.scanning ??= this.doScan().finally(() => (this.scanning = null));
    await this.scanning;
    return this.byHash.size;
  }

  private async doScan(): Promise<void> {
    this.lastScan = Date.now();
    const sources: { file: string; text: string }[] = [];
    for (const path of scenarioFilesIn(this.o.dir)) {
      const f = relative(this.o.dir, path).split(sep).join('/');
      sources.push({ file: `scenarios/${f}`, text: await readFile(path, 'utf8') });
    }
    // Originals, whole-file translations and string tables; a table's version is its composed call.
    const ids = new Set<string>();
    for (const loaded of loadScenarioFiles(sources)) {
      if (!loaded.ok) {
        this.o.log?.(`skipping ${loaded.file.slice('scenarios/'.length)}: ${loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)[0] ?? 'does not load'}`);
        continue;
      }
      const s = loaded.scenario;
      if (!this.byHash.has(s.hash)) await this.o.store.rememberScenario({ hash: s.hash, id: s.id, locale: s.locale, title: s.title, text: loaded.text });
      this.keep(s);
      ids.add(s.id);
    }
    this.folderIds = ids;
    for (const v of await this.o.store.scenarioIndex()) this.calls.add(`${v.id}/${v.locale}`);
  }

  private keep(s: Scenario): void {
    if (this.byHash.size >= CACHE_LIMIT) this.byHash.delete(this.byHash.keys().next().value!);
    this.byHash.set(s.hash, s);
    this.calls.add(`${s.id}/${s.locale}`);
  }

  /** The version with this content hash, from memory, the store, or (once a second) a fresh scan. */
  async get(hash: string): Promise<Scenario | null> {
    const cached = this.byHash.get(hash);
    if (cached) return cached;
    const stored = await this.o.store.scenarioVersion(hash);
    if (stored) {
      const loaded = loadScenario(stored.text, `${stored.id}.${stored.locale}.json`);
      if (loaded.ok) {
        this.keep(loaded.scenario);
        return loaded.scenario;
      }
    }
    if (Date.now() - this.lastScan > RESCAN_MS) {
      await this.scan();
      return this.byHash.get(hash) ?? null;
    }
    return null;
  }

  /** Whether any version of this call (id and locale) is known. */
  knows(id: string, locale: string): boolean {
    return this.calls.has(`${id}/${locale}`);
  }

  /** Ids of the calls in the scenario folder (every language together). */
  get callIds(): ReadonlySet<string> {
    return this.folderIds;
  }

  get size(): number {
    return this.calls.size;
  }
}
