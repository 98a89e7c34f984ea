// The calls the game can play: every bundled scenario file loaded with the engine's loader
// (string tables composed with their originals), grouped by id (one call, several languages).
// Broken files are kept with their messages for the trainer. This module and the engine load
// after the title screen (see library/lazy.ts).
import { files as bundledFiles, voices as bundledVoices } from 'virtual:htl-scenarios';
import {
  branchPoint,
  callResult,
  compareRuns,
  formatDiagnostic,
  loadScenarioFiles,
  replay,
  scenarioFrom,
  Session,
  startStateProblems,
  spokenLines,
  transcriptSchema,
  tryAnotherReply,
  type BranchPoint,
  type CallResult,
  type Mode,
  type RunComparison,
  type Scenario,
  type StartState,
  type Transcript,
} from '../../engine/index.js';
import type { CallRef } from '../flow/flowMachine.js';
import { besideFile } from './paths.js';

export interface Problem {
  readonly file: string;
  /** "file:line:col: error: message — hint", one per problem. */
  readonly messages: readonly string[];
}

/** One call in every language it was written in. */
export interface Call {
  readonly id: string;
  /** Keyed by locale. */
  readonly versions: ReadonlyMap<string, Scenario>;
}

type Listener = (changedFile: string) => void;

const DIFFICULTY = { easy: 0, medium: 1, hard: 2 } as const;

export class ScenarioLibrary {
  private readonly byFile = new Map<string, Scenario>();
  private readonly problemsByFile = new Map<string, Problem>();
  /** Every file's text: a string table is composed with its original, so they load together. */
  private readonly texts = new Map<string, string>();
  /** A string table's original, by the table's file. */
  private readonly originalOf = new Map<string, string>();
  private readonly listeners = new Set<Listener>();

  constructor(
    files: Record<string, string>,
    private readonly voiceUrls: Record<string, string>,
  ) {
    for (const [file, text] of Object.entries(files)) this.texts.set(file, text);
    this.load();
  }

  /** Calls in the picker's order: tutorials first, then by difficulty, then by title. */
  calls(): Call[] {
    const byId = new Map<string, Map<string, Scenario>>();
    for (const s of this.byFile.values()) {
      let versions = byId.get(s.id);
      if (!versions) byId.set(s.id, (versions = new Map()));
      versions.set(s.locale, s);
    }
    const first = (c: Map<string, Scenario>) => c.get('en') ?? c.values().next().value!;
    return [...byId.entries()]
      .map(([id, versions]) => ({ id, versions }))
      .sort((a, b) => {
        const x = first(a.versions);
        const y = first(b.versions);
        const tut = Number(y.tags.includes('tutorial')) - Number(x.tags.includes('tutorial'));
        return tut || DIFFICULTY[x.difficulty] - DIFFICULTY[y.difficulty] || x.title.localeCompare(y.title);
      });
  }

  /** The call in the preferred language if it has one, else in English, else in any. */
  refFor(call: Call, preferred: string): CallRef {
    const locale = call.versions.has(preferred) ? preferred : call.versions.has('en') ? 'en' : call.versions.keys().next().value!;
    return { id: call.id, locale };
  }

  get(ref: CallRef): Scenario | null {
    for (const s of this.byFile.values()) if (s.id === ref.id && s.locale === ref.locale) return this.tested(s);
    return null;
  }

  /** "Test from here" (the call editor): for this visit, call `id` starts from `start` (engine's scenarioFrom). */
  private testing: { readonly id: string; readonly start: StartState; readonly made: WeakMap<Scenario, Scenario> } | null = null;

  /** Starts call `id` from `start` for this visit; what is wrong with the start, in words (then nothing changes). */
  testFrom(id: string, start: StartState): string[] {
    const call = this.calls().find((c) => c.id === id);
    if (!call) return [`there is no call "${id}"`];
    const problems = startStateProblems([...call.versions.values()][0]!, start);
    if (problems.length === 0) this.testing = { id, start, made: new WeakMap() };
    return problems;
  }

  /** The call as it is played: started where a test asks (the same object each time, so a reload sees no change). */
  private tested(s: Scenario): Scenario {
    const t = this.testing;
    if (!t || t.id !== s.id || startStateProblems(s, t.start).length > 0) return s;
    let made = t.made.get(s);
    if (!made) t.made.set(s, (made = scenarioFrom(s, t.start)));
    return made;
  }

  /** Loads `text` in place of the file named `name` (its last part) in every folder: an editor's unsaved version, for this visit. */
  replaceFile(name: string, text: string): boolean {
    const file = [...this.texts.keys()].find((f) => f === name || f.endsWith(`/${name}`));
    if (!file) return false;
    this.update(file, text);
    return true;
  }

  problems(): Problem[] {
    return [...this.problemsByFile.values()];
  }

  problemIn(file: string): Problem | null {
    return this.problemsByFile.get(file) ?? null;
  }

  newSession(scenario: Scenario, options: { seed: number; mode: Mode }): Session {
    return new Session(scenario, options);
  }

  /** A finished call's result (transcript, scores and review), from the engine. */
  resultOf(scenario: Scenario, transcript: Transcript): CallResult {
    return callResult(scenario, transcript);
  }

  /**
   * A call kept in a history, its result rebuilt by the engine: when this game has the very
   * version of the call it was played on (same content hash) and the rules it was scored under
   * still score it the same, the debrief is the one it had. Null otherwise (the call has changed).
   */
  rebuild(transcript: unknown): CallResult | null {
    const parsed = transcriptSchema.safeParse(transcript);
    if (!parsed.success) return null;
    const t = parsed.data;
    const scenario = this.get({ id: t.scenario, locale: t.locale });
    if (!scenario || scenario.hash !== t.hash) return null;
    try {
      replay(scenario, t, { requireEnd: true }).session.stop();
      return callResult(scenario, t);
    } catch {
      return null;
    }
  }

  /**
   * "Try another reply": the run restored as it stood before `turn`, now practice (the engine's
   * tryAnotherReply); null when this game's version of the call is not the one it was played on.
   */
  tryAnotherReply(scenario: Scenario, transcript: Transcript, turn: number): Session | null {
    if (transcript.hash !== scenario.hash) return null;
    try {
      return tryAnotherReply(scenario, transcript, turn);
    } catch (e) {
      console.warn(`the run could not be restored at turn ${turn}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  /** What could still be scored from a turn of a finished run (the engine's exact bounds). */
  branchPoint(scenario: Scenario, transcript: Transcript, turn: number): BranchPoint | null {
    return branchPoint(scenario, transcript, turn);
  }

  /** Two finished runs of one call side by side (the engine's compareRuns). */
  compare(scenario: Scenario, a: Transcript, b: Transcript): RunComparison {
    return compareRuns(scenario, a, b);
  }

  /** The same call replayed on a new version of its scenario, or null if it no longer fits. */
  replayOn(scenario: Scenario, transcript: Transcript): Session | null {
    try {
      return replay(scenario, { ...transcript, hash: scenario.hash }, { requireEnd: false }).session;
    } catch {
      return null;
    }
  }

  /** A node's voice file (named relative to its scenario file), or null when there is none. */
  voiceUrl(scenario: Scenario, voice: string | null): string | null {
    if (!voice) return null;
    return this.voiceUrls[besideFile(scenario.file, voice)] ?? null;
  }

  /** Every voice file of a scenario's lines (silence lines too) that exists, to fetch when its call starts. */
  voicesOf(scenario: Scenario): string[] {
    const out: string[] = [];
    for (const { voice } of spokenLines(scenario)) {
      const url = this.voiceUrl(scenario, voice);
      if (url) out.push(url);
    }
    return out;
  }

  /** A trainer saved a file: load it again and tell whoever shows it. */
  update(file: string, text: string): void {
    this.texts.set(file, text);
    // A table and its original share a folder: only that folder's files load again.
    this.load(folderOf(file));
    // The tables of a changed original are changed calls too.
    const changed = [file, ...[...this.originalOf].filter(([, original]) => original === file).map(([table]) => table)];
    for (const fn of this.listeners) for (const f of changed) fn(f);
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private load(folder: string | null = null): void {
    const files = [...this.texts].filter(([file]) => folder === null || folderOf(file) === folder);
    for (const result of loadScenarioFiles(files.map(([file, text]) => ({ file, text })))) {
      const file = result.file;
      if (result.original) this.originalOf.set(file, result.original);
      if (result.ok) {
        this.byFile.set(file, result.scenario);
        this.problemsByFile.delete(file);
      } else {
        // Keep the last good version playing; show what is wrong with the new one.
        this.problemsByFile.set(file, { file, messages: result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) });
      }
    }
  }
}

const folderOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1);

/** The library of the bundled scenarios, following the dev server's hot reloads. */
export function createLibrary(): ScenarioLibrary {
  const library = new ScenarioLibrary(bundledFiles, bundledVoices);
  if (import.meta.hot) {
    import.meta.hot.on('htl:scenario', (u: { file: string; text: string }) => library.update(u.file, u.text));
  }
  return library;
}
