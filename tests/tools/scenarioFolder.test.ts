// The trainer's folder of calls, wherever it is: which files in it are calls (one rule,
// engine/load/fileKinds.ts), the CLI with SCENARIO_DIR and call ids, the server reading its
// subfolders, `npm start -- <folder>`, and a missing folder's one-line error.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFileOfCall, isScenarioFile, looksLikeCallId } from '../../src/engine/load/fileKinds.js';
import { schemaReference } from '../../src/cli/commands/new.js';
import { buildNeeded } from '../../src/server/build.js';
import { readConfig } from '../../src/server/config.js';
import { ScenarioLibrary } from '../../src/server/scenarios.js';
import { startDev } from '../game/support/dev.js';
import { openDatabase } from '../../src/server/store/database.js';
import { Store } from '../../src/server/store/store.js';
import { scenarioFilesIn } from '../../src/tools/folder/scenarioFolder.js';
import { ROOT, cli } from './support.js';

const temp = mkdtempSync(join(tmpdir(), 'htl-folder-'));
/** A copy of the trainer's folder, outside the project: one version-1 call in a subfolder. */
const folder = join(temp, 'calls');
cpSync(join(ROOT, 'tests/tools/fixtures/trainer-folder'), folder, { recursive: true });
const callFile = join(folder, 'returns', 'late-return.json');
// As `new` writes it: "$schema" is the path from the file to the project's schema.
writeFileSync(callFile, readFileSync(callFile, 'utf8').replace('{', `{\n  "$schema": ${JSON.stringify(schemaReference(callFile))},`));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('which files are calls', () => {
  it('scenario files are *.json, but not the schema, golden plans or hidden files', () => {
    expect(['a.json', 'dir/b.ru.json', 'c.plans.json', 'scenario.schema.json', '.draft.json', 'notes.txt', 'x.webm'].filter(isScenarioFile)).toEqual(['a.json', 'dir/b.ru.json']);
  });

  it('a call id means its file and its languages’ files, nothing else', () => {
    const names = ['s/update-warning.json', 's/update-warning.ru.json', 'update-warning.pt-BR.json', 'update-warning-2.json', 'update-warning.plans.json', 'update-warning.draft.old.json'];
    expect(names.filter((n) => isFileOfCall(n, 'update-warning'))).toEqual(['s/update-warning.json', 's/update-warning.ru.json', 'update-warning.pt-BR.json']);
    expect(names.filter((n) => isFileOfCall(n, 'update-warning.ru'))).toEqual(['s/update-warning.ru.json']);
    expect(['late-return', 'update-warning.ru', 'x.json', './late-return', 'calls/late-return', ''].map(looksLikeCallId)).toEqual([true, true, false, false, false, false]);
  });

  it('a folder is read with its subfolders, skipping node_modules and hidden folders', () => {
    const dir = join(temp, 'walk');
    for (const d of ['a/b', 'node_modules/x', '.git']) mkdirSync(join(dir, d), { recursive: true });
    for (const f of ['top.json', 'a/b/deep.json', 'a/deep.plans.json', 'node_modules/x/pkg.json', '.git/config.json']) writeFileSync(join(dir, f), '{}');
    expect(scenarioFilesIn(dir).map((f) => f.slice(dir.length + 1))).toEqual(['a/b/deep.json', 'top.json']);
  });
});

describe('the CLI with SCENARIO_DIR', () => {
  const env = { SCENARIO_DIR: folder };

  it('lint with no file lints the folder, subfolders too', () => {
    const r = cli(['lint', '--json'], ROOT, env);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 1, errors: 0 });
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
    expect(r.status).toBe(0);
  }, 60_000);

  it('lint with no file and no SCENARIO_DIR lints scenarios/', () => {
    const r = cli(['lint', '--json'], ROOT, { SCENARIO_DIR: undefined });
    expect(JSON.parse(r.stdout).files).toBe(scenarioFilesIn(join(ROOT, 'scenarios')).length);
  }, 60_000);

  it('a call id resolves inside the folder for lint, simulate and graph', () => {
    const lint = cli(['lint', 'late-return'], ROOT, env);
    expect([lint.status, lint.stdout.trim()]).toEqual([0, '1 file(s) checked: 0 error(s), 0 warning(s)']);
    const sim = cli(['simulate', 'late-return', '--json'], ROOT, env);
    expect(sim.status).toBe(0);
    expect(JSON.parse(sim.stdout)).toMatchObject({ scenario: { id: 'late-return', file: callFile }, idealPath: { path: '1,1' } });
    const play = cli(['simulate', 'late-return', '--path', '1,1', '--json'], ROOT, env);
    expect(JSON.parse(play.stdout)).toMatchObject({ ending: { node: 'thanks', outcome: 'retained' }, score: { ideal: true } });
    const graph = cli(['graph', 'late-return'], ROOT, env);
    expect([graph.status, graph.stdout]).toEqual([0, expect.stringContaining('walks-away')]);
  }, 60_000);

  it('an id that is no call there names the folder and what was looked for', () => {
    const r = cli(['simulate', 'late-retrun'], ROOT, env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`late-retrun: no such file, and no call "late-retrun" in ${folder} (looked for late-retrun.json and late-retrun.<locale>.json)`);
    expect(cli(['lint', 'late-retrun'], ROOT, env).status).toBe(2);
  }, 60_000);

  it('a file given as the folder, or more than one folder for the server, is refused clearly', () => {
    const r = cli(['lint'], ROOT, { SCENARIO_DIR: callFile });
    expect([r.status, r.stderr.split('\n')[0]]).toEqual([2, `scenario folder ${callFile} is a file, not a folder`]);
    expect(() => readConfig({}, [folder, 'more'])).toThrow(`the only argument is a folder of scenarios, not "${folder} more"`);
    expect(() => readConfig({}, ['--port=9'])).toThrow('the only argument is a folder of scenarios, not "--port=9"');
    expect(readConfig({ SCENARIO_DIR: '/elsewhere' }, [folder])).toMatchObject({ scenarioDir: folder, scenarioDirFrom: 'folder argument' });
    expect(readConfig({ SCENARIO_DIR: folder })).toMatchObject({ scenarioDir: folder, scenarioDirFrom: 'SCENARIO_DIR' });
    expect(readConfig({})).toMatchObject({ scenarioDir: join(ROOT, 'scenarios'), scenarioDirFrom: 'default' });
  }, 60_000);

  it('a missing folder is one clear line, exit 2', () => {
    const r = cli(['lint'], ROOT, { SCENARIO_DIR: join(temp, 'nowhere') });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`scenario folder ${join(temp, 'nowhere')} does not exist (set SCENARIO_DIR or give a folder that exists)`);
  }, 60_000);

  it('new writes into the folder', () => {
    const r = cli(['new', 'spare-part'], ROOT, env);
    expect(r.status).toBe(0);
    expect(existsSync(join(folder, 'spare-part.json'))).toBe(true);
    rmSync(join(folder, 'spare-part.json'));
  }, 60_000);
});

describe('the server and the build with the trainer’s folder', () => {
  it('the library reads the calls in subfolders', async () => {
    const { db, dialect } = await openDatabase({ dataDir: join(temp, 'db') });
    const store = new Store(db, dialect);
    const log: string[] = [];
    const library = new ScenarioLibrary({ dir: folder, store, log: (m) => log.push(m) });
    expect(await library.scan()).toBe(1);
    expect([library.knows('late-return', 'en'), log]).toEqual([true, []]);
    await store.close();
  });

  /** Runs the server's main with `args`, until it serves or exits: its output and exit code. */
  function start(args: string[], env: Record<string, string> = {}): Promise<{ out: string; code: number | null }> {
    const { SCENARIO_DIR: _, ...rest } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...rest, PORT: '0', HOST: '127.0.0.1', BUILD: 'never', DATA_DIR: join(temp, 'data'), TRAINER_TOKEN: 'folder-test-token-0123456789', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    return new Promise((res) => {
      const seen = (d: Buffer) => {
        out += d.toString();
        if (/is serving on/.test(out)) child.kill('SIGTERM');
      };
      child.stdout.on('data', seen);
      child.stderr.on('data', seen);
      child.on('exit', (code) => res({ out, code }));
    });
  }

  it('npm start -- <folder> serves that folder and says so', async () => {
    const { out } = await start([folder]);
    expect(out).toContain(`scenarios: ${folder} (folder argument; 1 files)`);
    expect(out).toContain('is serving on');
  }, 60_000);

  it('npm run dev -- <folder>: vite’s plugin bundles that folder’s calls', async () => {
    const dev = await startDev({ scenarios: folder, dataDir: join(temp, 'dev-data'), asArgument: true });
    try {
      expect(dev.log()).toContain(`scenarios: ${folder} (folder argument; 1 files)`);
      // The module the game imports its calls from, as vite serves it.
      const module = await (await fetch(`${dev.url}/@id/__x00__virtual:htl-scenarios`)).text();
      expect(module).toContain(JSON.stringify(callFile));
      expect(module).toContain('The return that never arrived');
      expect(module).not.toContain('update-warning');
    } finally {
      dev.stop();
    }
  }, 120_000);

  it('npm start with a missing folder stops with one line', async () => {
    const missing = join(temp, 'nowhere');
    const { out, code } = await start([], { SCENARIO_DIR: missing });
    expect(code).toBe(1);
    expect(out.trim()).toBe(`the server could not start: scenario folder ${missing} does not exist (set SCENARIO_DIR or give a folder that exists)`);
  }, 60_000);

  it('a build made with other calls, or older than the folder’s calls, is rebuilt', () => {
    const root = join(temp, 'project');
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '');
    writeFileSync(join(root, 'dist', 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'index.html'), past, past);
    for (const f of [folder, callFile, join(folder, 'returns')]) utimesSync(f, past, past);
    expect(buildNeeded(root, join(root, 'scenarios'))).toBeNull();
    expect(buildNeeded(root, folder)).toBe(`the last build has the calls of ${join(root, 'scenarios')}`);
    writeFileSync(join(root, 'dist', '.scenario-dir'), folder);
    expect(buildNeeded(root, folder)).toBeNull();
    writeFileSync(callFile, readFileSync(callFile, 'utf8'));
    expect(buildNeeded(root, folder)).toMatch(/changed/);
  });
});
