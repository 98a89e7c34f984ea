// The leaderboard's replay in real Chromium against the real server, on SQLite and (when
// TEST_DATABASE_URL is set) PostgreSQL. A result stored today shows its stored scores and, turn by
// turn, the points and better replies of the engine's review. A result stored under older rules
// (written into the store as a database from before the upgrade holds it: a v1 transcript) shows
// its stored numbers, a note naming the rules version, and what was said — no points of today's.
// The replay keeps its layout under the game's own stylesheet (the board and the meeting view are
// served inside the game's page). The old-rules refusal also shows in the player's outbox strip. Screenshots of each replay go to
// $HTL_SHOTS (default: the system's temporary folder).
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/client/index.js';
import { reviewCall, transcriptSchema, type CallReview, type LedgerEntry, type ScoreCard } from '../../src/engine/index.js';
import en from '../../src/i18n/locales/en/leaderboard.json';
import { openDatabase } from '../../src/server/store/database.js';
import { sha256, Store } from '../../src/server/store/store.js';
import { launchBrowser } from '../support/browser.js';
import { startServer, TEST_TRAINER_TOKEN, type TestServer } from '../support/server.js';
import { openHarness } from './browser/page.js';
import { asVersion1, playedByIds } from './playByIds.js';
import { call, loadShipped, serverBackends } from './support.js';

const scenario = loadShipped('first-call.json');
const GAME_CSS = resolve(import.meta.dirname, '../../src/game/ui/styles.css');
const SHOTS = process.env.HTL_SHOTS ?? join(tmpdir(), 'htl-replay-shots');
mkdirSync(SHOTS, { recursive: true });

// Today's result: a promise without looking, the recovery, then a cold answer (kept, not ideally).
const NOW_MOVES = ['opening.2', 'promise-doubt.1', 'order-shipped.1', 'delay-known.2'];
// The old result: silence until the timer ran out, blame, the recovery, the ideal ending.
const OLD_MOVES = ['timeout', 'opening.3', 'blamed.1', 'order-shipped.1', 'delay-known.1'];
const now = playedByIds(scenario, NOW_MOVES, { seed: 2024 });
const old = playedByIds(scenario, OLD_MOVES, { seed: 1999 });
const nowReview = reviewCall(scenario, now.transcript);
const oldToday: ScoreCard = old.score;
// What a database from before the upgrade holds: numbers scored under rules 1, none of them what
// today's rules give for the same call, so the page can only show them by reading the row.
const STORED = { politeness: 57, accuracy: 33, judgment: 71, overall: 52, grade: 'F' } as const;

/** The leaderboard's English text, with {{placeholders}} filled. */
function text(path: string, vars: Record<string, string | number> = {}): string {
  const raw = path.split('.').reduce<any>((o, k) => o[k], en) as string;
  return raw.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
}
const label = (d: string) => text(`col.${d}`);
/** A lost point as the replay lists it: "Accuracy -40 — the trainer's note". */
function lossLine(e: LedgerEntry): string {
  const why =
    e.note ??
    (e.cause.kind === 'outcome'
      ? text('replay.causeOutcome', { credit: e.cause.credit })
      : e.cause.kind === 'over-par'
        ? text('replay.causeOverPar', { turns: e.cause.turns, par: e.cause.par })
        : e.cause.kind === 'forbidden'
          ? text('replay.causeForbidden')
          : e.cause.kind === 'timeout'
            ? text('replay.timeout')
            : e.cause.kind === 'hang-up'
              ? text('replay.hangUp')
              : null);
  return `${label(e.dimension)} ${e.points}${why ? ` — ${why}` : ''}`;
}

const backends = serverBackends();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the calls under test', () => {
  it('are what the replay tests need: better replies today, a timeout and other scores under old rules', () => {
    expect(now.score.final && old.score.final).toBe(true);
    expect(nowReview.turns.filter((t) => t.better !== null).length).toBeGreaterThan(0);
    expect(nowReview.turns.filter((t) => t.better === null).length).toBeGreaterThan(0);
    expect(nowReview.turns.some((t) => t.ledger.length > 0)).toBe(true);
    expect(reviewCall(scenario, old.transcript).turns[0]!.choice.kind).toBe('timeout');
    for (const k of ['politeness', 'accuracy', 'judgment', 'overall', 'grade'] as const) expect(STORED[k], k).not.toBe(oldToday[k]);
    expect(transcriptSchema.parse(asVersion1(old.transcript)).rules).toBe(1);
  });
});

describe.each(backends)('replay of stored results on $name', ({ name, setup }) => {
  let server: TestServer;
  let drop: (() => Promise<void>) | undefined;
  let store: Store;
  let page: Page;
  let code: string;
  let olly: Identity;
  const errors: string[] = [];

  beforeAll(async () => {
    const db = await setup();
    drop = db.drop;
    server = await startServer(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {});
    // The test writes into the server's own database, as an older server once did.
    const opened = await openDatabase(db.databaseUrl ? { dataDir: '', databaseUrl: db.databaseUrl, poolSize: 2 } : { dataDir: server.dataDir });
    store = new Store(opened.db, opened.dialect);
    const team = (await call(server.url, 'POST', '/api/teams', { name: 'Replay Team' }, { authorization: `Bearer ${TEST_TRAINER_TOKEN}` })).body as { code: string; name: string };
    code = team.code;
    const nora = (await call(server.url, 'POST', '/api/join', { code, name: 'Nora Now' })).body;
    olly = (await call(server.url, 'POST', '/api/join', { code, name: 'Olly Old' })).body;
    const claimed = { politeness: now.score.politeness, accuracy: now.score.accuracy, judgment: now.score.judgment, overall: now.score.overall };
    const r = await call(server.url, 'POST', `/api/teams/${code}/results`, { idempotencyKey: `replay-now-${name}-abcdefghij`, transcript: now.transcript, claimed }, { 'x-player-token': nora.token });
    expect(r.status, JSON.stringify(r.body)).toBe(201);

    const row = (await store.teamByCode(code))!;
    const v1 = JSON.stringify(asVersion1(old.transcript));
    const t = Date.now() - 60_000;
    await store.insertResult(
      {
        team_id: row.id,
        player_id: olly.player.id,
        season: row.season,
        idem_key: `replay-old-${name}-abcdefghij`,
        body_hash: sha256(v1),
        scenario: scenario.id,
        locale: scenario.locale,
        hash: scenario.hash,
        title: scenario.title,
        ...STORED,
        outcome: old.score.outcome!,
        ideal: old.score.ideal ? 1 : 0,
        turns: old.score.turns,
        elapsed_ms: old.score.elapsedMs,
        played_at: t,
        received_at: t,
        transcript: v1,
      },
      olly.player.name,
    );

    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    // The browser logs each refused request (a 422) itself; anything else logged as an error counts.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    await openHarness(page, server.url);
  });
  afterAll(async () => {
    await page?.close();
    await store?.close();
    await server?.dispose();
    await drop?.();
  });

  /** An empty page: no board, no dialog left open by an earlier test. */
  async function reset(): Promise<void> {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => {
      document.querySelectorAll('dialog').forEach((d) => d.close());
      document.getElementById('app')!.replaceChildren();
    });
  }

  /**
   * Opens the board, clicks the player's result and shows every turn. Screenshots: the replay as
   * it opens (`<shot>-open.png`, the page) and every turn at once (`<shot>-all.png`, the dialog
   * on a tall window).
   */
  async function openReplayOf(player: string, shot: string, atOpen?: (dialog: Locator) => Promise<void>): Promise<Locator> {
    await reset();
    await page.evaluate((c) => (globalThis as any).htl.showBoard(c), code);
    const row = page.getByRole('row', { name: `Replay ${scenario.title} by ${player}` }).first();
    await row.waitFor();
    await row.click();
    const dialog = page.getByRole('dialog', { name: `${scenario.title} — ${player}` });
    await dialog.locator('[data-turn="1"]').waitFor();
    await page.screenshot({ path: join(SHOTS, `${shot}-open.png`) });
    await atOpen?.(dialog);
    await dialog.getByRole('button', { name: text('replay.showAll') }).click();
    await dialog.locator('[data-turn="end"]').waitFor();
    await page.setViewportSize({ width: 1280, height: 2400 });
    await dialog.screenshot({ path: join(SHOTS, `${shot}-all.png`) });
    await page.setViewportSize({ width: 1280, height: 900 });
    return dialog;
  }

  async function closeReplay(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: text('replay.close') }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  }

  const scoresOf = async (dialog: Locator) => (await dialog.locator('.htl-scores span').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());

  it("shows today's result: the stored scores, each turn's points from the review, better replies with what was still possible", async () => {
    const dialog = await openReplayOf('Nora Now', `replay-now-${name}`);
    const s = now.score;
    expect(await scoresOf(dialog)).toEqual([`Politeness ${s.politeness}`, `Accuracy ${s.accuracy}`, `Judgment ${s.judgment}`, `Overall ${s.overall} (${s.grade})`]);
    expect(await dialog.locator('.htl-old-rules').count()).toBe(0);
    const review: CallReview = nowReview;
    expect(await dialog.locator('.htl-turn[data-turn]:not([data-turn="end"])').count()).toBe(review.turns.length);
    for (const turn of review.turns) {
      const li = dialog.locator(`.htl-turn[data-turn="${turn.turn}"]`);
      expect(await li.locator('.htl-say').first().textContent()).toBe(turn.line);
      expect(await li.locator('.htl-replies li').allTextContents()).toEqual(turn.shown.map((x) => x.say));
      expect(await li.locator('.htl-replies li.htl-chosen').textContent()).toBe(turn.choice.say);
      expect(await li.locator('ul.htl-loss li').allTextContents(), `turn ${turn.turn}`).toEqual(turn.ledger.map(lossLine));
      if (turn.better) {
        const b = li.locator(`.htl-better[data-better="${turn.better.reply}"]`);
        expect(await b.count(), `turn ${turn.turn}`).toBe(1);
        expect(turn.better.reply).toBe(scenario.nodes.get(turn.node)!.replies.find((r) => r.say === turn.better!.say)!.id);
        const said = await b.textContent();
        expect(said).toContain(turn.better.say);
        if (turn.better.why) expect(said).toContain(turn.better.why);
        expect(said).toContain(
          turn.better.yours === null ? text('replay.betterReachOnly', { best: turn.better.overall }) : text('replay.betterReach', { best: turn.better.overall, yours: turn.better.yours }),
        );
        expect(said).toContain('Best still possible');
      } else {
        expect(await li.locator('.htl-better').count(), `turn ${turn.turn}`).toBe(0);
      }
    }
    // Turn 1's promise without looking: looking it up first was better.
    expect(await dialog.locator('[data-turn="1"] [data-better="opening.1"]').count()).toBe(1);
    const end = dialog.locator('[data-turn="end"]');
    expect(await end.locator('ul.htl-loss li').allTextContents()).toEqual(review.closing.map(lossLine));
    // The ending's own name (format 2's "label") where the call gives one, else the outcome's.
    expect(await end.textContent()).toContain(text('replay.outcome', { outcome: review.ending?.label ?? en.outcome[s.outcome!] }));
    await closeReplay(dialog);
  });

  it('shows a result stored under rules 1: its stored numbers, a note naming version 1, what was said and no points', async () => {
    const stored = [`Politeness ${STORED.politeness}`, `Accuracy ${STORED.accuracy}`, `Judgment ${STORED.judgment}`, `Overall ${STORED.overall} (${STORED.grade})`];
    const noted = async (dialog: Locator) => {
      expect(await scoresOf(dialog)).toEqual(stored);
      // The note stands beside the scores it explains from the moment the replay opens.
      const note = dialog.locator('.htl-old-rules');
      expect(await note.count()).toBe(1);
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toBe(text('replay.oldRules', { rules: 1 }));
      expect(await note.textContent()).toContain('version 1');
      expect(await note.getAttribute('role')).toBe('note');
      expect(await note.evaluate((el) => el.previousElementSibling?.classList.contains('htl-scores'))).toBe(true);
    };
    const dialog = await openReplayOf('Olly Old', `replay-old-${name}`, noted);
    await noted(dialog);
    // What was said is all there, turn by turn, with the silence at turn 1 told as what happened.
    const said = reviewCall(scenario, transcriptSchema.parse(asVersion1(old.transcript)));
    expect(await dialog.locator('.htl-turn[data-turn]:not([data-turn="end"])').count()).toBe(said.turns.length);
    for (const turn of said.turns) {
      const li = dialog.locator(`.htl-turn[data-turn="${turn.turn}"]`);
      expect(await li.locator('.htl-say').first().textContent()).toBe(turn.line);
      expect(await li.locator('.htl-replies li').allTextContents()).toEqual(turn.shown.map((x) => x.say));
    }
    expect(await dialog.locator('[data-turn="1"]').textContent()).toContain(text('replay.timeout'));
    expect(await dialog.locator('[data-turn="end"]').textContent()).toContain(said.ending!.say);
    // No points of today's beside yesterday's numbers: no losses, no better reply, no facts judged.
    expect(await dialog.locator('.htl-loss').count()).toBe(0);
    expect(await dialog.locator('.htl-better, [data-better]').count()).toBe(0);
    const all = (await dialog.textContent())!;
    expect(all).not.toContain(text('replay.factsFound'));
    expect(all).not.toContain(text('replay.factsMissed'));
    expect(all).not.toContain('Best still possible');
    for (const k of ['politeness', 'accuracy', 'overall'] as const) expect(await scoresOf(dialog)).not.toContain(`${label(k)} ${oldToday[k]}`);
    await closeReplay(dialog);
  });

  it("keeps the replay in the dialog's flow and type size with the game's stylesheet on the page, as the served game has it", async () => {
    await reset();
    await page.addStyleTag({ content: readFileSync(GAME_CSS, 'utf8') });
    const dialog = await openReplayOf('Nora Now', `replay-game-css-${name}`);
    const list = dialog.locator('ol.htl-timeline');
    expect(await list.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    const [scores, top, turn, buttons] = await Promise.all([
      dialog.locator('.htl-scores').boundingBox(),
      list.boundingBox(),
      dialog.locator('[data-turn="1"]').boundingBox(),
      dialog.getByRole('button', { name: text('replay.previous') }).boundingBox(),
    ]);
    // Below the header, above the buttons, the width of the dialog's text: nothing on top of anything.
    expect(top!.y).toBeGreaterThanOrEqual(scores!.y + scores!.height);
    expect(buttons!.y).toBeGreaterThanOrEqual(top!.y + top!.height);
    expect(Math.abs(turn!.x - scores!.x)).toBeLessThan(2);
    const sizes = await dialog.evaluate((d) => [getComputedStyle(d.querySelector('.htl-lb')!).fontSize, getComputedStyle(d.querySelector('.htl-turn')!).fontSize]);
    expect(sizes[1]).toBe(sizes[0]);
    await closeReplay(dialog);
    // Leave the page as the other tests expect it: a fresh page without the game's stylesheet.
    await page.reload();
    await page.waitForFunction(() => 'htl' in globalThis);
  });

  it("tells the player in the outbox strip that an old-rules call was refused, and why", async () => {
    await reset();
    await page.evaluate(
      ([transcript, identity, title]) => {
        const htl = (globalThis as any).htl;
        htl.signIn(identity);
        htl.outbox.add({ transcript, title, identity });
        htl.showOutbox();
      },
      [asVersion1(old.transcript), olly, scenario.title] as const,
    );
    await expect.poll(() => page.locator('.htl-outbox').textContent()).toContain(text('outbox.refused_one', { count: 1 }));
    await page.getByRole('button', { name: text('outbox.details') }).click();
    const item = page.locator('.htl-outbox li[data-status="refused"]');
    expect(await item.textContent()).toMatch(/scoring rules version 1\b.*play the call again/);
    expect(await item.getByRole('button', { name: text('outbox.dismiss') }).count()).toBe(1);
    await page.locator('.htl-outbox-root').screenshot({ path: join(SHOTS, `outbox-old-${name}.png`) });
    expect(errors).toEqual([]);
  });
});
