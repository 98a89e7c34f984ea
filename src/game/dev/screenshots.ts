// Screenshots of the real game for the README, taken in Chromium from a production build:
//
//   npx tsx src/game/dev/screenshots.ts        writes docs/screenshots/*.png
//
// Motion is reduced so every picture shows a settled screen (whole captions, final scores).
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { launchBrowser } from '../../../tests/support/browser.js';
import { loadScenario } from '../../engine/index.js';
import { builtGame } from './buildCache.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT = join(ROOT, 'docs', 'screenshots');

async function turn(page: Page): Promise<boolean> {
  const reply = page.locator('.htl-replies button').first();
  const ended = page.locator('.htl-ended:not([hidden])');
  await reply.or(ended).first().waitFor({ timeout: 60_000 });
  return reply.isVisible();
}

/** The first reply of every node of a scenario: in update-warning, the ideal path. */
function firstReplies(file: string): Set<string> {
  const loaded = loadScenario(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return new Set([...loaded.scenario.nodes.values()].flatMap((n) => (n.replies[0] ? [n.replies[0].say] : [])));
}

/** Chooses the reply on offer whose words are among `wanted`, else the first. */
async function say(page: Page, wanted: Set<string>): Promise<void> {
  const texts = await page.locator('.htl-replies .htl-reply-say').allInnerTexts();
  const i = Math.max(0, texts.findIndex((t) => wanted.has(t.trim())));
  await page.keyboard.press(String(i + 1));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await preview({ configFile: false, root: ROOT, build: { outDir: await builtGame() }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  const browser = await launchBrowser();
  const shot = async (page: Page, name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', locale: 'en-GB' });
    // A returning player's browser: Play goes to the picker, not the guided first call.
    await context.addInitScript(() => {
      try {
        localStorage.setItem('holdtheline.guide', JSON.stringify({ v: 1, state: 'seen', at: new Date().toISOString() }));
      } catch {
        // about:blank has no storage
      }
    });
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.locator('.htl-title[data-ready]').waitFor();
    await shot(page, 'title');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Play offline' }).click();
    await page.locator('[data-play]').first().waitFor();
    await shot(page, 'picker');

    // The update-warning call, played well: actions run while patience drains, the cause is found.
    const good = firstReplies('scenarios/update-warning.json');
    await page.goto(`${url}/?scenario=update-warning&mode=practice&timeScale=4`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await turn(page);
    await say(page, good);
    await page.locator('.htl-working').waitFor();
    await page.waitForTimeout(700);
    await shot(page, 'call-action');
    await turn(page);
    await say(page, good);
    await turn(page);
    await say(page, good);
    await turn(page);
    await shot(page, 'call');
    while (await turn(page)) await say(page, good);
    await shot(page, 'call-ended');
    await page.keyboard.press('Enter');
    await page.locator('.htl-score-panel[data-settled]').waitFor();
    await shot(page, 'debrief');

    const ru = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', locale: 'ru-RU' });
    const rp = await ru.newPage();
    await rp.goto(`${url}/?scenario=update-warning&locale=ru&mode=exam`);
    await rp.getByRole('button', { name: 'Ответить' }).click();
    await turn(rp);
    await rp.keyboard.press('1');
    await turn(rp);
    await shot(rp, 'call-ru');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
