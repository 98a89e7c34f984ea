// The LMS side for the package tests: a package built once per test file with the real CLI
// command and unzipped, a small static server for it and for the test hosts, and the hosts
// themselves — a page that creates scorm-again's API (SCORM 1.2 or 2004) and opens the package in
// an iframe. The cmi5 side is an LRS stub of our own (lrsStub.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { unzipSync } from 'fflate';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** A page, or a frame of one (the package in a host's iframe). */
export type Surface = { locator(selector: string): Locator };
import { packageCommand } from '../../src/cli/commands/package.js';

export const ROOT = join(import.meta.dirname, '../..');

/** The seed every package test pins (--seed): replies are chosen by id anyway. */
export const SEED = 7;

export interface BuiltPackage {
  readonly dir: string;
  readonly zip: string;
  /** The files in the zip. */
  readonly files: Record<string, Uint8Array>;
  dispose(): void;
}

/** Builds a package with `scenario -- package <args>` and unzips it. */
export async function buildTestPackage(args: readonly string[]): Promise<BuiltPackage> {
  const dir = mkdtempSync(join(tmpdir(), 'htl-lms-test-'));
  const zip = join(dir, 'package.zip');
  const code = await packageCommand([...args, '--out', zip]);
  if (code !== 0) throw new Error(`scenario -- package ${args.join(' ')} exited with ${code}`);
  const files = unzipSync(readFileSync(zip));
  for (const [name, data] of Object.entries(files)) {
    const path = join(dir, 'pkg', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  return { dir, zip, files, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.webm': 'audio/webm', '.mp3': 'audio/mpeg', '.xml': 'application/xml' };

export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => boolean | Promise<boolean>;

export interface StaticServer {
  readonly url: string;
  /** Extra pages served as they are: path → HTML. */
  readonly pages: Map<string, string>;
  close(): Promise<void>;
}

const scormAgain = (file: string) => readFileSync(join(dirname(createRequire(import.meta.url).resolve('scorm-again')), file));

/** Serves `dir` (the unzipped package under /pkg/), scorm-again's browser builds under /scorm-again/, the hosts' pages, and `route` first. */
export async function staticServer(dir: string, route?: Route): Promise<StaticServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      if (route && (await route(req, res, body))) return;
      const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
      if (path === '/favicon.ico') return void res.writeHead(204).end();
      const page = pages.get(path);
      if (page !== undefined) return void res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(page);
      if (path.startsWith('/scorm-again/')) return void res.writeHead(200, { 'Content-Type': TYPES['.js'] }).end(scormAgain(path.slice('/scorm-again/'.length)));
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir)) return void res.writeHead(403).end();
      const data = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(data);
    } catch {
      if (!res.headersSent) res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pages,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * A SCORM LMS's page: scorm-again's API on window (API for 1.2, API_1484_11 for 2004), the
 * learner's saved data loaded into it first (a resumed attempt), and the package in an iframe.
 */
export function scormHost(version: '1.2' | '2004', initial: Record<string, unknown> | null): string {
  const [script, ctor, name] = version === '1.2' ? ['scorm12.min.js', 'Scorm12API', 'API'] : ['scorm2004.min.js', 'Scorm2004API', 'API_1484_11'];
  return `<!doctype html><html><head><meta charset="utf-8"><title>LMS</title>
<style>html,body{margin:0;height:100%;background:#222}iframe{border:0;width:100%;height:100%;display:block}</style>
<script src="/scorm-again/${script}"></script>
<script>
  window.${name} = new ${ctor}({ autocommit: false, logLevel: 5, lmsCommitUrl: false });
  window.lmsCalls = [];
  for (const m of ${JSON.stringify(version === '1.2' ? ['LMSInitialize', 'LMSFinish', 'LMSCommit'] : ['Initialize', 'Terminate', 'Commit'])}) window.${name}.on(m, () => window.lmsCalls.push(m));
  window.${name}.on(${JSON.stringify(version === '1.2' ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*')}, (key, value) => window.lmsCalls.push(key + '=' + value));
  ${initial ? `window.${name}.loadFromJSON(${JSON.stringify(initial)}, '');` : ''}
</script></head>
<body><iframe id="sco" title="package" src="/pkg/index.html"></iframe></body></html>`;
}

/** What scorm-again's API holds for the learner now (the cmi tree as JSON). */
export async function cmiOf(page: Page, version: '1.2' | '2004'): Promise<Record<string, any>> {
  return page.evaluate((name) => JSON.parse(JSON.stringify((window as any)[name].cmi)), version === '1.2' ? 'API' : 'API_1484_11');
}

/** The package's frame in the host. */
export const packageFrame = (page: Page): FrameLocator => page.frameLocator('#sco');

/** Answers the phone, then plays the replies `ids` by id (never by place), waiting for each to be offered. */
export async function playReplies(frame: Surface, ids: readonly string[], answer = true): Promise<void> {
  if (answer) await frame.locator('.htl-answer').click();
  for (const id of ids) {
    const button = frame.locator(`.htl-replies button[data-reply="${id}"]`);
    // Long enough for an action (the warm-up call's courier check takes 15 s) and the line after it.
    await button.waitFor({ timeout: 45_000 });
    await button.click();
    await button.waitFor({ state: 'detached', timeout: 20_000 });
  }
}

/** Waits for the end of the call, goes on to the package's results, and reads its verdict. */
export async function toResults(frame: Surface): Promise<string> {
  const end = frame.locator('.htl-ended:not([hidden]) button');
  await end.waitFor({ timeout: 30_000 });
  await end.click();
  const results = frame.locator('[data-lms-result]');
  await results.waitFor();
  return (await results.getAttribute('data-lms-result'))!;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `lms-${name}.png`) });
}
