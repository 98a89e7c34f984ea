// `npm run dev` (the real command: API and vite together) in a child process, on a free port,
// with its own data folder and a folder of scenarios of the test's own.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../support/browser.js';
import { ROOT } from './scenarios.js';

export interface DevServer {
  readonly url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** `scenarios` is given as SCENARIO_DIR, or as the folder argument with `asArgument`. */
export async function startDev(opts: { scenarios: string; dataDir: string; asArgument?: boolean }): Promise<DevServer & { readonly log: () => string }> {
  const port = await freePort();
  const { SCENARIO_DIR: _, ...env } = process.env;
  const dev = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/dev.ts'), ...(opts.asArgument ? [opts.scenarios] : [])], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir, ...(opts.asArgument ? {} : { SCENARIO_DIR: opts.scenarios }), TRAINER_TOKEN: 'dev-test-token-0123456789' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  dev.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  dev.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  for (let waited = 0; !/is serving on http/.test(log); waited += 200) {
    if (waited > 90_000 || dev.exitCode !== null) {
      dev.kill('SIGTERM');
      throw new Error(`npm run dev did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => void dev.kill('SIGTERM'), log: () => log };
}

export interface DevRig {
  /** The temporary folder holding the scenarios folder and the server's data. */
  readonly temp: string;
  /** The folder of scenarios the server is started on (filled before it starts). */
  readonly folder: string;
  readonly dev: () => DevServer & { readonly log: () => string };
  readonly browser: () => Browser;
}

/**
 * For one test file: `npm run dev` on a folder of the test's own (filled by `fill` before the
 * server starts) and a Chromium, started before its tests; both stopped and the folder removed after.
 */
export function devWithFolder(prefix: string, folderName: string, fill: (folder: string) => void): DevRig {
  const temp = mkdtempSync(join(tmpdir(), prefix));
  const folder = join(temp, folderName);
  let dev: (DevServer & { readonly log: () => string }) | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(folder, { recursive: true });
    fill(folder);
    dev = await startDev({ scenarios: folder, dataDir: join(temp, 'data') });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    dev?.stop();
    rmSync(temp, { recursive: true, force: true });
  });
  return { temp, folder, dev: () => dev!, browser: () => browser! };
}
