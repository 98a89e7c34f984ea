// npm run bench -- game: the game in a real Chromium, against a bare Phaser page built and served
// the same way in the same run.
//   1. JavaScript shipped before the title screen (gzip), against Phaser's own minified size.
//   2. Time from navigation to an interactive title screen, as a ratio to a bare Phaser page.
//   3. Frame times during a call: the work in each frame and the time between frames.
//   4. JavaScript heap after 50 calls in a row against after 1.
//   5. Bytes over the wire from the real server (npm start's, with its compression and caching):
//      a first visit, and a return visit with what the browser cached the first time.
import { createServer, type Server } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { builtGame } from '../game/dev/buildCache.js';
import { launchBrowser } from '../../tests/support/browser.js';
import { startServer } from '../../tests/support/server.js';

const ROOT = resolve(import.meta.dirname, '../..');
// Loads of either page vary by ±20% from one to the next on a shared two-core machine: a median
// of 7 moved the ratio between 1.1 and 1.5 from run to run; of 21, four runs in a row gave 1.02 to 1.15.
const LOAD_RUNS = 21;
const CALLS = 50;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.webm': 'audio/webm', '.mp3': 'audio/mpeg', '.json': 'application/json' };

/** A plain static server (the same for both pages, so neither gets an advantage). */
function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = existsSync(path) && statSync(path).isFile() ? path : join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((res) => server.listen(0, '127.0.0.1', () => res({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}

/** A page with Phaser and one scene, nothing else: the floor the game is measured against. */
async function bareBuild(): Promise<string> {
  const dir = join(ROOT, 'node_modules', '.cache', 'htl-bench', 'bare');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head><body style="margin:0"><div id="stage"></div><script type="module" src="./main.js"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'main.js'),
    `import Phaser from 'phaser';
const r = new URLSearchParams(location.search).get('renderer') === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS;
new Phaser.Game({ type: r, parent: 'stage', width: innerWidth, height: innerHeight, backgroundColor: 0x0d1726, audio: { noAudio: true }, banner: false,
  scene: { create() { this.add.rectangle(400, 300, 200, 100, 0x56b4e9); performance.mark('bare:ready'); } } });
`,
  );
  const out = join(dir, 'dist');
  await build({ configFile: false, root: dir, logLevel: 'silent', build: { outDir: out, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 } });
  return out;
}

/** The renderer the game picks here (it uses the 2D canvas where WebGL would run in software). */
async function rendererHere(browser: Browser): Promise<'canvas' | 'webgl'> {
  const page = await browser.newPage();
  const name = (await page.evaluate(`(() => { const gl = document.createElement('canvas').getContext('webgl'); if (!gl) return 'none';
    const i = gl.getExtension('WEBGL_debug_renderer_info'); return String(i ? gl.getParameter(i.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)); })()`)) as string;
  await page.close();
  return /swiftshader|llvmpipe|softpipe|software|basic render|none/i.test(name) ? 'canvas' : 'webgl';
}

interface Load {
  readyMs: number;
  js: { url: string; gzip: number }[];
}

/** Opens a page in a fresh context and waits for its ready mark; records the JavaScript it loaded. */
async function load(browser: Browser, url: string, mark: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const js = new Map<string, Promise<number>>();
  page.on('response', (r) => {
    // A script still arriving when the page is closed (one the title loads after it shows) has no body to read.
    if (r.url().endsWith('.js')) js.set(r.url(), r.body().then(gz, () => NaN));
  });
  await page.goto(url);
  await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(mark)}).length > 0`, null, { timeout: 60_000 });
  const readyMs = (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(mark)})[0].startTime`)) as number;
  // Only what was asked for before the screen was ready counts as shipped before it.
  const before = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.startTime < ${readyMs}).map((e) => e.name)`,
  )) as string[];
  const scripts = await Promise.all(before.filter((u) => js.has(u)).map(async (u) => ({ url: u, gzip: await js.get(u)! })));
  await Promise.all(js.values());
  await context.close();
  return { readyMs, js: scripts };
}

/** Plays a call to its end with the keyboard (number keys), then opens the debrief. */
async function playCall(page: Page, pick: (turn: number, count: number) => number, thinkMs = 0): Promise<void> {
  await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
  await page.keyboard.press('Enter');
  for (let turn = 1; ; turn++) {
    const reply = page.locator('.htl-replies button').first();
    const ended = page.locator('.htl-ended:not([hidden])');
    await reply.or(ended).first().waitFor({ timeout: 60_000 });
    if (await ended.isVisible()) break;
    const count = await page.locator('.htl-replies button').count();
    if (thinkMs > 0) await page.waitForTimeout(thinkMs);
    await page.keyboard.press(String(pick(turn, count)));
  }
  await page.keyboard.press('Enter');
  await page.locator('.htl-score-panel[data-settled]').waitFor();
}

/** Times every animation-frame callback (Phaser's loop is one) and the gaps between frames. */
const FRAME_PROBE = `(() => {
  const raf = window.requestAnimationFrame.bind(window);
  const probe = (window.__frames = { work: [], gaps: [], slow: [], last: 0, on: false });
  window.requestAnimationFrame = (cb) => raf((t) => {
    const s = performance.now();
    cb(t);
    const w = performance.now() - s;
    if (probe.on) {
      probe.work.push(w);
      if (probe.last) probe.gaps.push(t - probe.last);
      if (w > 8) probe.slow.push(Math.round(w) + ' ms on ' + (document.querySelector('#ui main')?.className ?? '?'));
    }
    probe.last = t;
  });
})()`;

/** Frames over at least `seconds` of calls (exam: patience drains, timers run, actions progress). */
async function frames(browser: Browser, url: string, seconds = 30): Promise<{ work: number[]; gaps: number[]; slow: string[]; calls: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(FRAME_PROBE);
  await page.goto(`${url}/?scenario=update-warning&mode=exam&timeScale=2`);
  await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
  await page.evaluate('window.__frames.on = true');
  const start = performance.now();
  let calls = 0;
  while (performance.now() - start < seconds * 1000) {
    if (calls > 0) await page.getByRole('button', { name: 'Try again' }).click();
    // Think a moment before each reply, so the customer waits, drains and times out now and then.
    await playCall(page, (turn, count) => 1 + ((turn + calls) % count), 900);
    calls++;
  }
  const r = (await page.evaluate('({ work: window.__frames.work, gaps: window.__frames.gaps, slow: window.__frames.slow })')) as { work: number[]; gaps: number[]; slow: string[] };
  await page.close();
  return { ...r, calls };
}

async function heap(browser: Browser, url: string): Promise<{ after1: number; after10: number; afterN: number; seconds: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const cdp = await page.context().newCDPSession(page);
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const start = performance.now();
  await page.goto(`${url}/?scenario=first-call&mode=practice&timeScale=100`);
  let after1 = 0;
  let after10 = 0;
  for (let i = 1; i <= CALLS; i++) {
    await playCall(page, (turn, count) => 1 + ((turn + i) % count));
    if (i === 1) after1 = await used();
    if (i === 10) after10 = await used();
    if (i < CALLS) await page.getByRole('button', { name: 'Try again' }).click();
  }
  const afterN = await used();
  await page.close();
  return { after1, after10, afterN, seconds: (performance.now() - start) / 1000 };
}

interface Visit {
  /** Requests the page made (answered from the browser's cache or not). */
  requests: number;
  /** Answered from the browser's cache without asking the server. */
  cached: number;
  /** Asked again and answered 304 Not Modified. */
  notModified: number;
  /** Bytes received (headers and bodies as sent: compressed), before the title and in all. */
  beforeTitle: number;
  bytes: number;
  /** The bodies' size once decoded: what the same answers weigh uncompressed. */
  decoded: number;
  /** Voice files fetched (a call's voices are fetched when it starts, never for the title). */
  voices: string[];
}

/**
 * One visit to the title screen in `context` (its HTTP cache is kept between visits), counted from
 * the Chrome DevTools Protocol's Network events: encodedDataLength is what came over the wire.
 * Counts until the title is ready and then until the network has been quiet for a second and a half
 * (the title loads the engine once it shows).
 */
async function visit(context: BrowserContext, url: string, sounds: ReadonlySet<string>): Promise<Visit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  interface Req { url: string; cached: boolean; status: number; bytes: number; decoded: number; done: boolean }
  const reqs = new Map<string, Req>();
  let lastEvent = performance.now();
  const of = (id: string) => reqs.get(id);
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:')) return;
    reqs.set(e.requestId, { url: e.request.url, cached: false, status: 0, bytes: 0, decoded: 0, done: false });
    lastEvent = performance.now();
  });
  cdp.on('Network.requestServedFromCache', (e) => void (of(e.requestId) && (of(e.requestId)!.cached = true)));
  cdp.on('Network.responseReceived', (e) => {
    const r = of(e.requestId);
    if (!r) return;
    r.status ||= e.response.status;
    if (e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker) r.cached = true;
  });
  // A revalidated answer shows as the cached 200 in responseReceived; the status on the wire is here.
  cdp.on('Network.responseReceivedExtraInfo', (e) => void (of(e.requestId) && (of(e.requestId)!.status = e.statusCode)));
  cdp.on('Network.dataReceived', (e) => void (of(e.requestId) && (of(e.requestId)!.decoded += e.dataLength)));
  const finish = (id: string, bytes: number) => {
    const r = of(id);
    if (!r) return;
    r.bytes = bytes;
    r.done = true;
    lastEvent = performance.now();
  };
  cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => finish(e.requestId, 0));
  await cdp.send('Network.enable');
  await page.goto(url);
  // A function, not a string: the real server's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction(() => performance.getEntriesByName('htl:title-ready').length > 0, null, { timeout: 60_000 });
  const sum = (f: (r: Req) => number) => [...reqs.values()].reduce((a, r) => a + f(r), 0);
  const beforeTitle = sum((r) => r.bytes);
  const t0 = performance.now();
  while (performance.now() - t0 < 20_000 && ([...reqs.values()].some((r) => !r.done) || performance.now() - lastEvent < 1_500)) await page.waitForTimeout(100);
  const all = [...reqs.values()];
  const audio = all.filter((r) => /\.(webm|mp3|ogg|m4a)$/.test(new URL(r.url).pathname));
  const visitResult: Visit = {
    requests: all.length,
    cached: all.filter((r) => r.cached).length,
    notModified: all.filter((r) => r.status === 304).length,
    beforeTitle,
    bytes: sum((r) => r.bytes),
    decoded: sum((r) => (r.cached || r.status === 304 ? 0 : r.decoded)),
    voices: audio.map((r) => basename(new URL(r.url).pathname)).filter((f) => !sounds.has(f.replace(/-[\w-]{8}\.\w+$/, ''))),
  };
  await page.close();
  return visitResult;
}

/** A first visit and a return visit (a new tab in the same browser profile) to the real server. */
export async function wire(browser: Browser, gameDir: string): Promise<{ first: Visit; again: Visit }> {
  const server = await startServer({ env: { STATIC_DIR: gameDir } });
  const sounds = new Set(readdirSync(join(ROOT, 'assets', 'sounds')).map((f) => f.replace(/\.\w+$/, '')));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const first = await visit(context, `${server.url}/`, sounds);
    const again = await visit(context, `${server.url}/`, sounds);
    return { first, again };
  } finally {
    await context.close();
    await server.dispose();
  }
}

export async function run(): Promise<void> {
  const [gameDir, bareDir] = await Promise.all([builtGame(), bareBuild()]);
  const game = await serve(gameDir);
  const bare = await serve(bareDir);
  const browser = await launchBrowser();
  try {
    const renderer = await rendererHere(browser);
    // Warm both once (the OS file cache, the browser's compile cache is per context anyway).
    await load(browser, `${bare.url}/?renderer=${renderer}`, 'bare:ready');
    await load(browser, `${game.url}/`, 'htl:title-ready');
    const bareRuns: Load[] = [];
    const gameRuns: Load[] = [];
    for (let i = 0; i < LOAD_RUNS; i++) {
      bareRuns.push(await load(browser, `${bare.url}/?renderer=${renderer}`, 'bare:ready'));
      gameRuns.push(await load(browser, `${game.url}/`, 'htl:title-ready'));
    }

    const phaserMin = gz(readFileSync(join(ROOT, 'node_modules/phaser/dist/phaser.min.js')));
    const shipped = gameRuns[0]!.js;
    const total = shipped.reduce((a, s) => a + s.gzip, 0);
    const phaserChunk = shipped.filter((s) => /\/phaser-[^/]+\.js$/.test(s.url)).reduce((a, s) => a + s.gzip, 0);
    const ours = total - phaserChunk;
    console.log(`renderer: ${renderer === 'canvas' ? '2D canvas (WebGL here is software)' : 'WebGL'}\n`);
    console.log('| JavaScript before the title screen (gzip -9) | size | vs phaser.min.js |');
    console.log('|---|---|---|');
    console.log(`| phaser.min.js (Phaser's own build) | ${kb(phaserMin)} | 1.00 |`);
    console.log(`| the game's Phaser chunk | ${kb(phaserChunk)} | ${(phaserChunk / phaserMin).toFixed(2)} |`);
    console.log(`| our code and other dependencies | ${kb(ours)} | ${(ours / phaserMin).toFixed(2)} (+${((ours / phaserMin) * 100).toFixed(0)}%) |`);
    console.log(`| total (${shipped.length} files) | ${kb(total)} | ${(total / phaserMin).toFixed(2)} |`);
    for (const s of shipped.sort((a, b) => b.gzip - a.gzip)) console.log(`|   ${s.url.replace(/^.*\/assets\//, '')} | ${kb(s.gzip)} | |`);

    const bareMs = median(bareRuns.map((r) => r.readyMs));
    const gameMs = median(gameRuns.map((r) => r.readyMs));
    console.log(`\n| navigation → interactive (median of ${LOAD_RUNS}) | time |`);
    console.log('|---|---|');
    console.log(`| bare Phaser page | ${ms(bareMs)} |`);
    console.log(`| Hold the Line title screen | ${ms(gameMs)} |`);
    console.log(`| ratio | ${(gameMs / bareMs).toFixed(2)} |`);

    const f = await frames(browser, game.url);
    const over = f.work.filter((w) => w > 16.7).length;
    const late = f.gaps.filter((g) => g > 16.7 * 1.5).length;
    console.log(`\n| frames during calls (${f.work.length} frames, ${f.calls} calls) | median | p95 | max |`);
    console.log('|---|---|---|---|');
    console.log(`| work per frame | ${ms(median(f.work))} | ${ms(pct(f.work, 0.95))} | ${ms(Math.max(...f.work))} |`);
    console.log(`| time between frames | ${ms(median(f.gaps))} | ${ms(pct(f.gaps, 0.95))} | ${ms(Math.max(...f.gaps))} |`);
    console.log(`\nframes whose work exceeded 16.7 ms: ${over} of ${f.work.length}; frames more than 1.5 × 16.7 ms after the one before: ${late}`);
    if (f.slow.length > 0) console.log(`frames over 8 ms: ${f.slow.join('; ')}`);

    const h = await heap(browser, game.url);
    console.log(`\n| JavaScript heap after garbage collection | used |`);
    console.log('|---|---|');
    console.log(`| after 1 call | ${kb(h.after1)} |`);
    console.log(`| after 10 calls | ${kb(h.after10)} |`);
    console.log(`| after ${CALLS} calls in a row | ${kb(h.afterN)} |`);
    console.log(`| ratio | ${(h.afterN / h.after1).toFixed(2)} (${CALLS} calls took ${h.seconds.toFixed(0)} s) |`);

    const w = await wire(browser, gameDir);
    console.log(`\n| bytes over the wire, real server (npm start) | requests | from the cache | 304 | before the title | in all | bodies decoded | voice files |`);
    console.log('|---|---|---|---|---|---|---|---|');
    for (const [name, v] of [['first visit', w.first], ['return visit', w.again]] as const) {
      console.log(`| ${name} | ${v.requests} | ${v.cached} | ${v.notModified} | ${kb(v.beforeTitle)} | ${kb(v.bytes)} | ${kb(v.decoded)} | ${v.voices.length} |`);
    }
    console.log(`\nreturn visit / first visit, bytes: ${(w.again.bytes / w.first.bytes).toFixed(3)}; first visit, sent / decoded: ${(w.first.bytes / w.first.decoded).toFixed(2)}`);
    const voices = [...w.first.voices, ...w.again.voices];
    if (voices.length > 0) console.log(`voice files fetched for the title (there should be none): ${voices.join(', ')}`);
  } finally {
    await browser.close();
    game.server.close();
    bare.server.close();
  }
}
