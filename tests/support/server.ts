// Starts the real server (`src/server/main.ts`, as `npm start` does) in a child process on a free
// port with a temporary DATA_DIR, for API, crash, offline and end-to-end tests. The game is not
// built unless asked (`build: true`), so tests that only need the API start in about a second.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_TRAINER_TOKEN = 'test-trainer-token-0123456789';

export interface ServerOptions {
  /** Reuse a data folder (e.g. to restart on the same data); default: a new temporary one. */
  readonly dataDir?: string;
  /** PostgreSQL instead of SQLite. */
  readonly databaseUrl?: string;
  /** Build the game first if dist/ is stale (slow); default false: serve whatever dist/ has. */
  readonly build?: boolean;
  /** Default TEST_TRAINER_TOKEN; null lets the server make one. */
  readonly trainerToken?: string | null;
  /** Default 0: any free port (a restart keeps the port it got). */
  readonly port?: number;
  readonly env?: Record<string, string>;
}

export interface TestServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGTERM, and wait for the process to end. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9): no chance to finish anything. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data. */
  restart(): Promise<void>;
  /** Stops it and deletes its temporary data folder (if it made one). */
  dispose(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res();
    child.once('exit', () => res());
  });
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'htl-server-'));
  let port = options.port ?? 0;
  let child: ChildProcess | null = null;
  let log = '';

  async function launch(): Promise<void> {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      BUILD: options.build ? 'auto' : 'never',
      RATE_LIMIT: '100000',
      ...options.env,
    };
    delete env.DATABASE_URL;
    delete env.TRAINER_TOKEN;
    if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
    if (options.trainerToken !== null) env.TRAINER_TOKEN = options.trainerToken ?? TEST_TRAINER_TOKEN;
    const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    await new Promise<void>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`the server did not start within 120 s:\n${log}`)), 120_000);
      const onData = (d: Buffer) => {
        log += d.toString();
        const m = /serving on http:\/\/[^:\s]+:(\d+)/.exec(log.slice(log.lastIndexOf('building') + 1));
        if (m) {
          port = Number(m[1]);
          clearTimeout(timer);
          res();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        rej(new Error(`the server exited (${code ?? signal}) before it was ready:\n${log}`));
      });
    });
  }

  async function end(signal: NodeJS.Signals): Promise<void> {
    const c = child;
    if (!c) return;
    child = null;
    c.kill(signal);
    await waitForExit(c);
  }

  await launch();
  const handle: TestServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    output: () => log,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGTERM');
      await launch();
    },
    dispose: async () => {
      await end('SIGTERM');
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
