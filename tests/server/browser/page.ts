// Serves the harness page on the test server's own origin through Playwright's routing, so the
// page loads even while the server is down (as a cached game would) and its API calls are real.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');
let bundle: Promise<string> | null = null;

function harnessScript(): Promise<string> {
  bundle ??= (async () => {
    const out = await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      build: { write: false, minify: false, lib: { entry: resolve(import.meta.dirname, 'harness.ts'), formats: ['iife'], name: 'htlHarness', fileName: () => 'harness.js' } },
    });
    const outputs = Array.isArray(out) ? out : [out];
    const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('the harness did not build');
    return chunk.code;
  })();
  return bundle;
}

export async function openHarness(page: Page, origin: string): Promise<void> {
  const script = await harnessScript();
  await page.route(`${origin}/harness.html`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>harness</title></head><body><div id="app"></div><script src="/harness.js"></script></body></html>' }));
  await page.route(`${origin}/harness.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: script }));
  await page.goto(`${origin}/harness.html`);
  await page.waitForFunction(() => 'htl' in globalThis);
}
