// The team page's assignments and the certificate page in Chromium against the real server (in
// this process, on SQLite, on an injected clock): Ann passes (certificate), Ben fails (attempts
// used up), Cat has not started — counts and who is where on the team page; the certificate's
// page (name, assignment, dates, scores, the grouped code), its print look, a forged code and an
// expired one. Exams go through the real flow (tickets, replay), replies named by id. Screenshots
// at 1280×720 in test-results/assignments/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { ScenarioLibrary } from '../../src/server/scenarios.js';
import { openDatabase } from '../../src/server/store/database.js';
import { Store } from '../../src/server/store/store.js';
import { launchBrowser } from '../support/browser.js';
import { openHarness } from './browser/page.js';
import { playedByIds } from './playByIds.js';
import { call, loadShipped, playOnline, SCENARIO_DIR } from './support.js';

const TRAINER = 'assignment-pages-token-0123456789';
const DAY = 86_400_000;
const SHOTS = resolve(import.meta.dirname, '../../test-results/assignments');
const firstCall = loadShipped('first-call.json');
const PERFECT = ['opening.1', 'order-shipped.1', 'delay-known.1'];
const SHORT_ON_JUDGMENT = ['opening.2', 'promise-doubt.1', 'order-shipped.1', 'delay-known.2'];

let app: FastifyInstance;
let store: Store;
let base: string;
let dataDir: string;
let browser: Browser;
let page: Page;
let clock = Date.UTC(2026, 2, 2, 9, 0);
let code: string;
let certificate: string;
const errors: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'htl-assign-pages-'));
  mkdirSync(SHOTS, { recursive: true });
  const opened = await openDatabase({ dataDir });
  store = new Store(opened.db, opened.dialect);
  const library = new ScenarioLibrary({ dir: SCENARIO_DIR, store });
  await library.scan();
  app = await buildApp({ store, library, trainerToken: TRAINER, rateLimit: 1_000_000, now: () => clock });
  [base, browser] = await Promise.all([app.listen({ port: 0, host: '127.0.0.1' }), launchBrowser()]);
  const trainer = { authorization: `Bearer ${TRAINER}` };
  code = (await call(base, 'POST', '/api/teams', { name: 'Night desk' }, trainer)).body.code;
  const tokens: Record<string, string> = {};
  for (const name of ['Ann', 'Ben', 'Cat']) tokens[name] = (await call(base, 'POST', '/api/join', { code, name })).body.token;
  const made = await call(base, 'POST', `/api/teams/${code}/assignments`, { title: 'Late orders, week 1', calls: ['first-call'], dueAt: new Date(clock + 7 * DAY).toISOString(), attemptCap: 2, gates: { overall: 70, skills: { judgment: 80 } }, certificateDays: 365 }, trainer);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  let n = 0;
  for (const [who, moves] of [['Ann', SHORT_ON_JUDGMENT], ['Ann', PERFECT], ['Ben', SHORT_ON_JUDGMENT], ['Ben', SHORT_ON_JUDGMENT]] as const) {
    clock += 60_000;
    const played = await playOnline(base, code, tokens[who]!, 'first-call', (seed) => playedByIds(firstCall, moves, { seed }));
    const r = await call(base, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `pages-${n++}-0123456789abcdef`, transcript: played.transcript, ticket: played.ticket }, { 'x-player-token': tokens[who]! });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    if (r.body.assignments[0].certificate) certificate = r.body.assignments[0].certificate;
  }
  expect(certificate).toMatch(/^[0-9a-f]{32}$/);
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await openHarness(page, base);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const show = (url: string) => page.evaluate((u) => (globalThis as any).htl.showUrl(u), url);
const clear = () => page.evaluate(() => document.getElementById('app')!.replaceChildren());

describe('assignment pages', () => {
  it("shows each assignment's progress on the team page: counts per status and who is where", async () => {
    await clear();
    expect(await show(`/?view=team&team=${code}`)).toBe(true);
    const panel = page.locator('.htl-assignments');
    await panel.waitFor();
    expect(await panel.locator('h4').textContent()).toBe('Late orders, week 1');
    const meta = await panel.locator('.htl-assignment-meta').textContent();
    expect(meta).toContain('2 exams per call');
    expect(meta).toContain('to pass: Overall ≥ 70, Judgment ≥ 80');
    const counts = Object.fromEntries(await panel.locator('.htl-legend li').evaluateAll((li) => li.map((l) => [(l as HTMLElement).dataset.status, Number((l as HTMLElement).dataset.count)])));
    expect(counts).toEqual({ 'not-started': 1, 'in-progress': 0, overdue: 0, failed: 1, passed: 1 });
    expect(await panel.locator('.htl-legend li[data-status="passed"]').textContent()).toBe('Passed: 1');
    const status = (name: string) => panel.locator('tr[data-member]', { has: page.locator(`[title="${name}"]`) });
    expect(await status('Ann').getAttribute('data-status')).toBe('passed');
    expect(await status('Ann').locator('td.num').textContent()).toBe('100 · 2 of 2');
    expect(await status('Ann').locator('a').getAttribute('href')).toBe(`/?view=certificate&code=${certificate}`);
    expect(await status('Ben').locator('.htl-status').textContent()).toBe('Failed');
    // Failed on judgment, not on the overall: the cell says which gate the best exam missed.
    expect(await status('Ben').locator('td.num').textContent()).toBe('72 · Judgment 70 < 80 · 2 of 2');
    expect(await status('Cat').locator('.htl-status').textContent()).toBe('Not started');
    await page.screenshot({ path: join(SHOTS, 'team-page.png') });
    expect(errors).toEqual([]);
  });

  it('shows a certificate with its name, assignment, dates, scores and grouped code, and prints without its tools', async () => {
    await clear();
    expect(await show(`/?view=certificate&code=${certificate}`)).toBe(true);
    const cert = page.locator('.htl-cert-page');
    await cert.waitFor();
    expect(await cert.locator('[data-field="name"]').textContent()).toBe('Ann');
    expect(await cert.locator('[data-field="assignment"]').textContent()).toBe('Late orders, week 1');
    expect(await cert.locator('[data-field="issued"]').textContent()).toBe('Issued on March 2, 2026');
    expect(await cert.locator('[data-field="expires"]').textContent()).toBe('Valid until March 2, 2027');
    expect(await cert.locator('[data-field="code"]').textContent()).toBe(certificate.toUpperCase().match(/.{4}/g)!.join(' '));
    expect(await cert.locator('tbody tr').allTextContents()).toEqual([`${firstCall.title}100100100100`]);
    await page.screenshot({ path: join(SHOTS, 'certificate.png') });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.htl-cert-tools').isVisible()).toBe(false);
    // A white page, whatever the app's dark background, with the certificate on one page, centred.
    expect(await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.documentElement).backgroundColor])).toEqual(['rgb(255, 255, 255)', 'rgb(255, 255, 255)']);
    await page.screenshot({ path: join(SHOTS, 'certificate-print.png') });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = (await page.pdf({ path: join(SHOTS, `certificate-${format}.pdf`), format, printBackground: true })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g), format).toHaveLength(1);
    }
    await page.emulateMedia({ media: 'screen' });
    // The address printed on it is the verifier's: it says plainly the certificate is valid, and offers no Print.
    const printed = (await cert.locator('.htl-cert-url').textContent())!.replace(/^Check it at /, '');
    expect(printed).toMatch(/\?view=certificate&code=[0-9A-F-]+&verify=1$/);
    await clear();
    expect(await show(new URL(printed).search)).toBe(true);
    await page.locator('.htl-cert-page').waitFor();
    expect(await page.locator('.htl-cert-valid').textContent()).toBe(`✓ Valid certificate — checked by this server on ${new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date())}`);
    expect(await page.getByRole('button', { name: 'Print' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'certificate-verify.png') });
    expect(errors).toEqual([]);
  });

  it("lets the trainer create an assignment for chosen members with gates, and archive it", async () => {
    await clear();
    await show('/?view=trainer');
    await page.getByLabel('Trainer token').fill(TRAINER);
    await page.getByRole('button', { name: 'Open' }).click();
    const team = page.locator('section.htl-team[data-team]');
    await team.locator('.htl-assign-trainer summary').click();
    const form = team.locator('form.htl-assign-form');
    await form.waitFor();
    expect(await team.locator('.htl-assign-open li').first().textContent()).toContain('Late orders, week 1');
    // Ben failed: only he is offered another round; given, he starts again.
    const first = team.locator('.htl-assign-open li').first();
    expect(await first.locator('[data-round]').allTextContents()).toEqual(['Give Ben another round']);
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'trainer-round.png') });
    clock += 60_000;
    await first.getByRole('button', { name: 'Give Ben another round' }).click();
    await expect.poll(() => team.locator('.htl-assign-trainer p[role="status"]').textContent()).toBe('Ben has another round of “Late orders, week 1”: it starts now, and the earlier exams no longer count.');
    expect((await call(base, 'GET', `/api/teams/${code}/assignments`)).body.assignments[0].progress.find((m: { player: { name: string } }) => m.player.name === 'Ben')).toMatchObject({ status: 'not-started', retakes: 1 });
    expect(await first.locator('[data-round]').count()).toBe(0);
    // Edit: three exams per call, no judgment gate; saved through the PATCH.
    await first.getByLabel('Edit “Late orders, week 1”').click();
    const edit = first.locator('.htl-assign-edit form');
    await edit.getByLabel('Exams per call').fill('3');
    await edit.getByLabel('Judgment', { exact: true }).fill('');
    // A due date moved into the past is refused here too.
    const kept = await edit.getByLabel('Due date').inputValue();
    await edit.getByLabel('Due date').fill('2020-01-06');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => team.locator('.htl-assign-trainer p[role="status"]').textContent()).toBe('The due date has already passed: choose today or a later day.');
    await edit.getByLabel('Due date').fill(kept);
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'trainer-edit.png') });
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => team.locator('.htl-assign-trainer p[role="status"]').textContent()).toBe('“Late orders, week 1” is saved.');
    expect((await call(base, 'GET', `/api/teams/${code}/assignments`)).body.assignments[0]).toMatchObject({ attemptCap: 3, gates: { overall: 70, skills: {} } });
    expect(await team.locator('.htl-assign-open li').first().locator('.htl-assign-detail').textContent()).toContain('3 exams per call · to pass: Overall ≥ 70 ·');
    const said = () => team.locator('.htl-assign-trainer p[role="status"]').textContent();
    await form.getByLabel('Title', { exact: true }).fill('Refunds drill');
    await form.getByRole('button', { name: 'Create the assignment' }).click();
    await expect.poll(said).toBe('Tick at least one call.');
    // Ticked in this order, kept in it (not alphabetically).
    await form.getByLabel("The key that won't go in", { exact: true }).check();
    await form.getByLabel('Where is my order?', { exact: true }).check();
    // A day already past is refused, and the last message gives way to it.
    await form.getByLabel('Due date').fill('2020-01-06');
    await form.getByRole('button', { name: 'Create the assignment' }).click();
    await expect.poll(said).toBe('The due date has already passed: choose today or a later day.');
    await form.getByLabel('Due date').fill(new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10));
    await form.getByLabel('Cat', { exact: true }).check();
    await form.getByLabel('Exams per call').fill('1');
    await form.getByLabel('Overall', { exact: true }).fill('80');
    await form.getByLabel('Accuracy', { exact: true }).fill('75');
    await page.screenshot({ path: join(SHOTS, 'trainer-form.png'), fullPage: true });
    await form.getByRole('button', { name: 'Create the assignment' }).click();
    await expect.poll(said).toBe('“Refunds drill” is assigned; to pass: Overall ≥ 80, Accuracy ≥ 75.');
    const made = (await call(base, 'GET', `/api/teams/${code}/assignments`)).body.assignments.find((a: { title: string }) => a.title === 'Refunds drill');
    expect(made).toMatchObject({ calls: ['licence-key', 'first-call'], attemptCap: 1, gates: { overall: 80, skills: { accuracy: 75 } }, certificateDays: null });
    expect(made.progress.map((m: { player: { name: string } }) => m.player.name)).toEqual(['Cat']);
    // The list says what each asks and of whom.
    const item = team.locator(`.htl-assign-open li[data-assignment="${made.id}"]`);
    expect(await item.locator('.htl-assign-detail').textContent()).toBe("The key that won't go in, Where is my order? · 1 exam per call · to pass: Overall ≥ 80, Accuracy ≥ 75 · certificate never expires · for Cat");
    expect(await team.locator('.htl-assign-open li').first().locator('.htl-assign-detail').textContent()).toBe('Where is my order? · 3 exams per call · to pass: Overall ≥ 70 · certificate valid 365 days · for the whole team');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'trainer-list.png') });
    // Archive asks first: dismissed, nothing happens; accepted, it is archived.
    const dialogs: string[] = [];
    page.once('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await team.getByRole('button', { name: 'Archive “Refunds drill”' }).click();
    await expect.poll(() => dialogs).toEqual(['Archive “Refunds drill”? Members stop seeing it at once; it stays in the CSV.']);
    expect((await call(base, 'GET', `/api/teams/${code}/assignments`)).body.assignments.length).toBe(2);
    page.once('dialog', (d) => void d.accept());
    await team.getByRole('button', { name: 'Archive “Refunds drill”' }).click();
    await expect.poll(async () => (await call(base, 'GET', `/api/teams/${code}/assignments`)).body.assignments.length).toBe(1);
    expect(errors).toEqual([]);
  });

  it('says a forged code is not a valid certificate, and an expired one that it expired', async () => {
    await clear();
    const forged = certificate.slice(0, -1) + (certificate.endsWith('0') ? '1' : '0');
    expect(await show(`/?view=certificate&code=${forged}`)).toBe(true);
    await page.locator('.htl-cert-void').waitFor();
    expect(await page.locator('.htl-cert-void h1').textContent()).toBe('Not a valid certificate');
    await page.screenshot({ path: join(SHOTS, 'certificate-forged.png') });
    await clear();
    clock += 366 * DAY;
    expect(await show(`/?view=certificate&code=${certificate}`)).toBe(true);
    await page.locator('.htl-cert-void').waitFor();
    expect(await page.locator('.htl-cert-void h1').textContent()).toBe('This certificate has expired');
    expect(await page.locator('.htl-cert-void p').textContent()).toContain('March 2, 2027');
    expect(await page.locator('.htl-cert-page').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
