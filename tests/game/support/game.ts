// Driving the real game in Chromium for end-to-end tests: serving the build through the real
// server, a page that records every error, a screenshot when a test fails, and reading what the
// player sees.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { launchBrowser } from '../../support/browser.js';
import { startServer, type TestServer } from '../../support/server.js';
import { builtGame } from '../../../src/game/dev/buildCache.js';
import { ROOT } from './scenarios.js';

export interface GameRig {
  readonly server: TestServer;
  readonly browser: Browser;
  /** Closes everything. */
  close(): Promise<void>;
}

/** The production build served by the real server (npm start's process) and a Chromium. */
export async function gameRig(): Promise<GameRig> {
  const dist = await builtGame();
  const [server, browser] = await Promise.all([startServer({ env: { STATIC_DIR: dist } }), launchBrowser()]);
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.dispose();
    },
  };
}

export interface GamePage {
  readonly page: Page;
  /** Console errors and uncaught exceptions, as text. */
  readonly errors: string[];
}

/**
 * Makes the browser a returning player's: the guided first call is behind them, so the first
 * "Play" goes to the picker (tests/e2e/guidedCall.test.ts plays the guide itself).
 */
export async function guideSeen(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    try {
      if (localStorage.getItem('holdtheline.guide') === null) localStorage.setItem('holdtheline.guide', JSON.stringify({ v: 1, state: 'seen', at: new Date().toISOString() }));
    } catch {
      // a page without storage (about:blank)
    }
  });
}

/**
 * A fresh page (its own storage) that records errors and saves a screenshot if the test fails:
 * a returning player's unless `firstVisit`, when the first "Play" starts the guided call.
 */
export async function gamePage(browser: Browser, name: string, options: { reducedMotion?: 'reduce' | 'no-preference'; locale?: string; firstVisit?: boolean; viewport?: { width: number; height: number } } = {}): Promise<GamePage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 }, reducedMotion: options.reducedMotion ?? 'no-preference', locale: options.locale ?? 'en-GB' });
  if (!options.firstVisit) await guideSeen(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  onTestFailed(async () => {
    const dir = join(ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name.replace(/[^\w-]+/g, '-')}.png`) }).catch(() => {});
  });
  return { page, errors };
}

/** The reply buttons on offer, as their accessible names ("1. …"). */
export async function replyNames(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: /replies|ответы|odpowiedzi|відповіді/i }).getByRole('button').allInnerTexts();
}

/** Waits until the customer waits for a reply (returns true) or the call has ended (false). */
export async function nextTurn(page: Page, timeout = 30_000): Promise<boolean> {
  const reply = page.locator('.htl-replies button').first();
  const ended = page.locator('.htl-ended:not([hidden])');
  await expect.poll(async () => (await reply.isVisible()) || (await ended.isVisible()), { timeout }).toBe(true);
  return reply.isVisible();
}

/** The three scores, the overall and the grade as the debrief shows them, once counted up. */
export async function debriefScores(page: Page): Promise<Record<string, string>> {
  await page.locator('.htl-score-panel[data-settled="true"]').waitFor({ timeout: 10_000 });
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-score]')].map((e) => [(e as HTMLElement).dataset.score!, e.textContent!.trim()])));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical axe findings in the game's DOM layer, as `where: rule (help) at targets`.
 * axe is evaluated into the page rather than added as a script tag, which the page's CSP refuses.
 */
export async function axeAudit(page: Page, where?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type V = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const r = await (window as unknown as { axe: { run(c: Element, o: object): Promise<{ violations: V[] }> } }).axe.run(document.getElementById('ui')!, { resultTypes: ['violations'] });
    return r.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where ? `${where}: ` : ''}${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
