// Typed replies (issue 13) in a real Chromium against the real server and the production build:
// in each of en, ru, pl and uk a call is played by typing — a paraphrase the matcher is sure of
// plays its reply, an unsure text asks "Did you mean…" and the pick plays, an off-topic text says
// it couldn't tell — and the debrief shows what was typed, the reply and the matched words (axe
// passes). A signed-in typed exam verifies on the server with the engine's scores, its typed text
// kept; a "typed replies only" team (set on the trainer page) plays with no buttons and a button
// reply on its ticket is refused; and the box is used by keyboard alone (type, Enter, Tab to a
// suggestion, Escape), without the call's keys. The matcher loads only when the box is first used.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, type Transcript } from '../../src/engine/index.js';
import { TEST_TRAINER_TOKEN } from '../support/server.js';
import { axeAudit, debriefScores, gamePage, gameRig, nextTurn, type GameRig } from '../game/support/game.js';
import { replyButton, SEED } from '../game/support/replies.js';
import { scenario } from '../game/support/scenarios.js';
import { finished } from '../server/playCall.js';

let rig: GameRig;
beforeAll(async () => {
  rig = await gameRig();
}, 300_000);
afterAll(async () => rig?.close());

type Lang = 'en' | 'ru' | 'pl' | 'uk';

interface Phrasings {
  /** The interface's words the test looks for. */
  readonly label: string;
  readonly answer: string;
  readonly debrief: string;
  readonly didYouMean: string;
  readonly none: RegExp;
  /** Not the reply's words, but what it means: opening.1 (say sorry, look up the order). */
  readonly opening: string;
  /** Halfway between two replies of order-shipped: "Did you mean…" with order-shipped.1 among them. */
  readonly unsure: string;
  /** Nothing any reply of delay-known says. */
  readonly offTopic: string;
  /** delay-known.1 in other words: a day's delay, tomorrow, the tracking link. */
  readonly last: string;
}

const PHRASINGS: Record<Lang, Phrasings> = {
  en: {
    label: 'Type your reply',
    answer: 'Answer',
    debrief: 'See the debrief',
    didYouMean: 'Did you mean…',
    none: /Couldn’t tell which reply that was/,
    opening: 'Sorry about the delay, let me look your order up',
    unsure: 'It left on Monday',
    offTopic: 'What lovely weather for a picnic today',
    last: 'There is a one day hold up with the courier near you, expect it tomorrow and I will send you the tracking link by email',
  },
  ru: {
    label: 'Напишите свой ответ',
    answer: 'Ответить',
    debrief: 'К разбору',
    didYouMean: 'Вы имели в виду…',
    none: /Не удалось понять, какой это ответ/,
    opening: 'Простите за задержку, минутку, посмотрю заказ',
    unsure: 'Ушёл в понедельник',
    offTopic: 'Какая сегодня хорошая погода для пикника',
    last: 'В вашем районе у курьеров задержка на один день, привезут завтра, ссылку на отслеживание отправлю вам на почту',
  },
  pl: {
    label: 'Wpisz swoją odpowiedź',
    answer: 'Odbierz',
    debrief: 'Zobacz omówienie',
    didYouMean: 'Czy chodziło o…',
    none: /Nie udało się rozpoznać, która to odpowiedź/,
    opening: 'Przepraszam, że tak długo, zaraz sprawdzę zamówienie',
    unsure: 'Wyjechała w poniedziałek',
    offTopic: 'Jaka dziś piękna pogoda na piknik',
    last: 'U kuriera jest dzień opóźnienia w pana okolicy, paczka dotrze jutro, a link do śledzenia wyślę mailem',
  },
  uk: {
    label: 'Напишіть свою відповідь',
    answer: 'Відповісти',
    debrief: 'До розбору',
    didYouMean: 'Ви мали на увазі…',
    none: /Не вдалося зрозуміти, яка це відповідь/,
    opening: 'Перепрошую за очікування, зараз подивлюся ваше замовлення, хвилинку',
    unsure: 'Виїхала в понеділок',
    offTopic: 'Яка сьогодні гарна погода для пікніка',
    last: 'У кур’єрів у вашому районі затримка на один день, посилка прийде завтра, посилання для відстеження надішлю листом',
  },
};

const box = (page: Page, p: Phrasings) => page.getByRole('textbox', { name: p.label });
const suggestions = (page: Page, p: Phrasings) => page.getByRole('group', { name: p.didYouMean });

/** Waits for the customer to wait for a reply, then types `text` into the box and presses Enter. */
async function typeReply(page: Page, p: Phrasings, text: string): Promise<void> {
  expect(await nextTurn(page), `the call ended before "${text}"`).toBe(true);
  await box(page, p).fill(text);
  await box(page, p).press('Enter');
}

/** The scripts the page has fetched, by path. */
const scripts = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((n) => n.endsWith('.js')));

/** What each CHOOSE of a transcript carries. */
const typedEvents = (t: Transcript) => t.events.filter((e) => e.type === 'CHOOSE').map((e) => ({ n: e.n, typed: e.typed, took: e.took }));

describe('typed replies', () => {
  it.each(['en', 'ru', 'pl', 'uk'] as const)('play in %s: a paraphrase, "Did you mean…", an off-topic text; the debrief explains each', async (lang) => {
    const p = PHRASINGS[lang];
    const { page, errors } = await gamePage(rig.browser, `typed-${lang}`);
    await page.goto(`${rig.server.url}/?scenario=first-call&locale=${lang}&mode=practice&lang=${lang}&timeScale=8&seed=${SEED}`);
    await page.getByRole('button', { name: p.answer, exact: true }).click();
    expect(await nextTurn(page)).toBe(true);
    // The matcher is not loaded until the box is used.
    const before = await scripts(page);
    await box(page, p).focus();
    await expect.poll(async () => (await scripts(page)).length).toBeGreaterThan(before.length);

    // A paraphrase: played as its button would be (opening.1 looks the order up, then order-shipped).
    await typeReply(page, p, p.opening);
    await replyButton(page, 'order-shipped.1').waitFor({ timeout: 20_000 });
    expect(await box(page, p).inputValue()).toBe('');

    // Unsure: "Did you mean…" with the closest replies in their own words; pick one.
    await typeReply(page, p, p.unsure);
    const group = suggestions(page, p);
    await group.waitFor();
    const offered = await group.locator('button[data-reply]').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.reply));
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(offered.length).toBeLessThanOrEqual(3);
    expect(offered).toContain('order-shipped.1');
    // Numbered as the reply buttons are, and in their order.
    const numbers = await group.locator('button[data-reply]').evaluateAll((b) => b.map((x) => x.querySelector('.htl-reply-n')?.textContent));
    const buttons = await page.locator('.htl-replies button[data-reply]').evaluateAll((b) => Object.fromEntries(b.map((x) => [(x as HTMLElement).dataset.reply, (x as HTMLElement).dataset.n])));
    expect(numbers).toEqual(offered.map((id) => `${buttons[id!]}.`));
    expect(numbers.map((n) => parseInt(n!, 10))).toEqual([...numbers.map((n) => parseInt(n!, 10))].sort((a, b) => a - b));
    expect(await axeAudit(page, `call with suggestions (${lang})`)).toEqual([]);
    await group.locator('button[data-reply="order-shipped.1"]').click();

    // Off-topic: it says so, and the text stays to rephrase.
    await replyButton(page, 'delay-known.1').waitFor({ timeout: 20_000 });
    await typeReply(page, p, p.offTopic);
    await page.getByText(p.none).waitFor();
    expect(await box(page, p).inputValue()).toBe(p.offTopic);
    expect(await replyButton(page, 'delay-known.1').isVisible()).toBe(true);

    await typeReply(page, p, p.last);
    expect(await nextTurn(page)).toBe(false);
    await page.getByRole('button', { name: p.debrief }).click();
    await debriefScores(page);

    // Each typed turn: the text, how it was taken, and for a match the words that matched, marked.
    const turns = page.locator('.htl-typed-turn');
    expect(await turns.count()).toBe(3);
    expect(await turns.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.took))).toEqual(['match', 'suggestion', 'match']);
    expect(await turns.nth(0).locator('.htl-typed-text').textContent()).toBe(p.opening);
    expect(await turns.nth(1).locator('.htl-typed-text').textContent()).toBe(p.unsure);
    expect(await turns.nth(2).locator('.htl-typed-text').textContent()).toBe(p.last);
    for (const i of [0, 2]) expect(await turns.nth(i).locator('.htl-typed-text mark').count(), `turn ${i + 1}'s matched words`).toBeGreaterThan(0);
    // The reply it was taken as is the turn's "you" line (the reply's own words).
    const s = scenario(lang === 'en' ? 'scenarios/first-call.json' : `scenarios/first-call.${lang}.json`);
    const sayOf = (id: string) => [...s.nodes.values()].flatMap((n) => n.replies).find((r) => r.id === id)!.say;
    const you = await page.locator('.htl-turn .htl-said.htl-you q').allTextContents();
    expect(you).toEqual([sayOf('opening.1'), sayOf('order-shipped.1'), sayOf('delay-known.1')]);
    expect(await axeAudit(page, `debrief (${lang})`)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('keyboard only: type, Enter, Tab to a suggestion; the box keeps the call’s keys to itself, and Escape leaves it first', async () => {
    const p = PHRASINGS.en;
    const { page, errors } = await gamePage(rig.browser, 'typed-keys');
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&timeScale=8&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).waitFor();
    await page.keyboard.press('Enter');
    expect(await nextTurn(page)).toBe(true);
    // From the first reply, Tab reaches the box after the replies.
    const focusedIs = (sel: string) => page.evaluate((q) => document.activeElement?.matches(q) ?? false, sel);
    for (let i = 0; i < 12 && !(await focusedIs('.htl-typed-input')); i++) await page.keyboard.press('Tab');
    expect(await focusedIs('.htl-typed-input')).toBe(true);
    // Digits, Space and F are text here: no reply is chosen, nothing is skipped.
    await page.keyboard.type('1 2 f');
    expect(await box(page, p).inputValue()).toBe('1 2 f');
    expect(await replyButton(page, 'opening.1').isVisible()).toBe(true);
    // Escape clears the text, then leaves the box for the replies; only then does it ask to end the call.
    await page.keyboard.press('Escape');
    expect(await box(page, p).inputValue()).toBe('');
    expect(await page.locator('.htl-end-ask:not([hidden])').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await focusedIs('.htl-replies button')).toBe(true);
    expect(await page.locator('.htl-end-ask:not([hidden])').count()).toBe(0);

    await box(page, p).focus();
    await page.keyboard.type(p.opening);
    await page.keyboard.press('Enter');
    // Sent: while the customer speaks the empty box hands the call its keys back (issue 13),
    // so F is the call's (skip the wait), not an "f" in the next reply.
    // Read in the same frame the box lets go: the status line says what the text was taken as.
    const taken = await page.waitForFunction(() => (document.activeElement?.matches('.htl-typed-input') === false ? document.querySelector('.htl-typed-msg[role="status"]')?.textContent : null));
    expect(await taken.jsonValue()).toMatch(/^Taken as: \S/);
    await page.keyboard.press('f');
    await replyButton(page, 'order-shipped.1').waitFor({ timeout: 20_000 });
    // The box takes focus back for the next reply, and nothing stray landed in it.
    expect(await focusedIs('.htl-typed-input')).toBe(true);
    expect(await box(page, p).inputValue()).toBe('');
    await page.keyboard.type(p.unsure);
    await page.keyboard.press('Enter');
    await suggestions(page, p).waitFor();
    // Tab: past Send to the first suggestion; Escape closes them and returns to the text.
    for (let i = 0; i < 3 && !(await focusedIs('.htl-typed-choice')); i++) await page.keyboard.press('Tab');
    expect(await focusedIs('.htl-typed-choice')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await suggestions(page, p).isVisible()).toBe(false);
    expect(await focusedIs('.htl-typed-input')).toBe(true);
    expect(await box(page, p).inputValue()).toBe(p.unsure);
    await page.keyboard.press('Enter');
    await suggestions(page, p).waitFor();
    for (let i = 0; i < 6 && !(await focusedIs('.htl-typed-choice[data-reply="order-shipped.1"]')); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await replyButton(page, 'delay-known.1').waitFor({ timeout: 20_000 });
    expect(await focusedIs('.htl-typed-input')).toBe(true);
    await page.keyboard.type(p.last);
    await page.keyboard.press('Enter');
    expect(await nextTurn(page)).toBe(false);
    expect(errors).toEqual([]);
  }, 120_000);

  it('fits a phone held upright: the box under the replies, none of them hidden, "Did you mean…" in view', async () => {
    const p = PHRASINGS.en;
    const { page, errors } = await gamePage(rig.browser, 'typed-phone', { viewport: { width: 390, height: 844 } });
    await page.goto(`${rig.server.url}/?scenario=first-call&mode=practice&timeScale=8&seed=${SEED}`);
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await typeReply(page, p, p.opening);
    await replyButton(page, 'order-shipped.1').waitFor({ timeout: 20_000 });
    await typeReply(page, p, p.unsure);
    await suggestions(page, p).waitFor();
    const boxes = await page.evaluate(() => {
      const r = (e: Element | null) => e && e.getBoundingClientRect().toJSON();
      return { replies: [...document.querySelectorAll('.htl-replies button')].map(r), form: r(document.querySelector('.htl-typed')), ui: r(document.getElementById('ui')) };
    });
    const form = boxes.form!;
    for (const reply of boxes.replies) expect(reply!.bottom, 'a reply under the box').toBeLessThanOrEqual(form.top + 1);
    expect(form.left).toBeGreaterThanOrEqual(boxes.ui!.left);
    expect(form.right).toBeLessThanOrEqual(boxes.ui!.right + 1);
    // The suggestions are brought into view: the first one is on screen without scrolling by hand.
    const first = (await suggestions(page, p).locator('button').first().boundingBox())!;
    expect(first.y).toBeGreaterThanOrEqual(0);
    expect(first.y + first.height).toBeLessThanOrEqual(844);
    expect(await axeAudit(page, 'phone with suggestions')).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('typed exams on the server', () => {
  async function signIn(page: Page, code: string, name: string): Promise<void> {
    await page.getByRole('button', { name: 'Sign in to a team' }).click();
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Team code').fill(code);
    await page.getByRole('button', { name: 'Join team' }).click();
    await page.getByRole('button', { name: 'I have noted it — continue' }).click();
  }
  const newTeam = async (name: string) =>
    (await (await fetch(`${rig.server.url}/api/teams`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TRAINER_TOKEN}` }, body: JSON.stringify({ name }) })).json()) as { code: string };
  const results = async (code: string) => (await (await fetch(`${rig.server.url}/api/teams/${code}/results`)).json()).results as { id: number; offline: boolean; overall: number; politeness: number; accuracy: number; judgment: number; grade: string }[];
  const stored = async (code: string, id: number) => (await (await fetch(`${rig.server.url}/api/teams/${code}/results/${id}`)).json()).transcript as Transcript;

  it('a typed exam verifies: accepted on its ticket, the board’s scores are the engine’s, the typed text kept', async () => {
    const p = PHRASINGS.en;
    const team = await newTeam('Typing desk');
    const { page, errors } = await gamePage(rig.browser, 'typed-exam');
    await page.goto(`${rig.server.url}/?timeScale=8`);
    await signIn(page, team.code, 'Wiktor');
    await page.getByRole('radio', { name: /Exam/ }).click();
    await page.locator('[data-play="first-call"]').click();
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await typeReply(page, p, p.opening);
    await replyButton(page, 'order-shipped.1').waitFor({ timeout: 20_000 });
    // A button still works beside the box in an ordinary exam.
    await replyButton(page, 'order-shipped.1').click();
    await typeReply(page, p, p.last);
    expect(await nextTurn(page)).toBe(false);
    await page.getByRole('button', { name: p.debrief }).click();
    const shown = await debriefScores(page);
    await expect.poll(async () => (await results(team.code)).length, { timeout: 15_000 }).toBe(1);
    const [r] = await results(team.code);
    expect(r!.offline).toBe(false);
    const t = await stored(team.code, r!.id);
    expect(typedEvents(t)).toEqual([expect.objectContaining({ typed: p.opening, took: 'match' }), { n: expect.any(Number), typed: undefined, took: undefined }, expect.objectContaining({ typed: p.last, took: 'match' })]);
    const engine = replay(scenario(), t, { requireEnd: true }).score;
    expect({ politeness: r!.politeness, accuracy: r!.accuracy, judgment: r!.judgment, overall: r!.overall, grade: r!.grade }).toEqual({ politeness: engine.politeness, accuracy: engine.accuracy, judgment: engine.judgment, overall: engine.overall, grade: engine.grade });
    expect(shown).toEqual({ politeness: String(engine.politeness), accuracy: String(engine.accuracy), judgment: String(engine.judgment), overall: String(engine.overall), grade: engine.grade });
    // The leaderboard's replay shows the typed turns too, with the words that matched.
    await page.getByRole('button', { name: 'Leaderboard' }).click();
    await page.locator('[data-result]').first().click();
    const dialog = page.locator('dialog.htl-replay');
    await dialog.getByRole('button', { name: 'Show every turn' }).click();
    const typed = dialog.locator('.htl-typed');
    await expect.poll(() => typed.count()).toBe(2);
    expect(await typed.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.typedTurn))).toEqual(['1', '3']);
    expect(await typed.first().locator('q').textContent()).toBe(p.opening);
    expect(await typed.first().locator('mark').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('typed replies only: set on the trainer page, the exam shows no buttons and is accepted; a button reply on its ticket is refused', async () => {
    const p = PHRASINGS.en;
    const team = await newTeam('Recall team');
    const { page, errors } = await gamePage(rig.browser, 'typed-only');
    // The trainer ticks the setting.
    await page.goto(`${rig.server.url}/?view=trainer`);
    await page.getByLabel('Trainer token').fill(TEST_TRAINER_TOKEN);
    await page.getByRole('button', { name: 'Open' }).click();
    const card = page.locator(`[data-team="${team.code}"]`);
    await card.getByLabel('Typed replies only in exams').check();
    await page.getByText('Saved: Recall team’s exams take typed replies only.').waitFor();
    expect(await card.getByLabel('Typed replies only in exams').isChecked()).toBe(true);
    // (The trainer page's own audit is tests/server/trainerPage.test.ts; the box is found by its label.)

    await page.goto(`${rig.server.url}/?timeScale=8`);
    await signIn(page, team.code, 'Halina');
    await page.getByRole('radio', { name: /Exam/ }).click();
    await page.locator('[data-play="first-call"]').click();
    // Said on the ringing screen, before the exam's clock starts.
    await page.locator('.htl-ringing').getByText('This exam takes typed replies only').waitFor();
    await page.getByRole('button', { name: 'Answer', exact: true }).click();
    await page.locator('.htl-typed').getByText('This exam takes typed replies only').waitFor();
    await box(page, p).waitFor();
    // No buttons to press, by click or by number key; the box has focus.
    expect(await page.locator('.htl-replies button').evaluateAll((b) => b.filter((x) => (x as HTMLElement).offsetParent !== null).length)).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('htl-typed-input') ?? false)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('1');
    const onOffer = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.htl-replies button')].map((b) => b.dataset.reply).sort());
    expect(await onOffer()).toEqual(['opening.1', 'opening.2', 'opening.3', 'whole-history']);
    await box(page, p).fill(p.opening);
    await box(page, p).press('Enter');
    await expect.poll(onOffer, { timeout: 20_000 }).toContain('order-shipped.1');
    await box(page, p).fill(p.unsure);
    await box(page, p).press('Enter');
    await suggestions(page, p).locator('button[data-reply="order-shipped.1"]').click();
    await expect.poll(onOffer, { timeout: 20_000 }).toContain('delay-known.1');
    await box(page, p).fill(p.last);
    await box(page, p).press('Enter');
    await page.getByRole('button', { name: p.debrief }).click();
    await debriefScores(page);
    await expect.poll(async () => (await results(team.code)).length, { timeout: 15_000 }).toBe(1);
    const [r] = await results(team.code);
    expect(r!.offline).toBe(false);
    expect(typedEvents(await stored(team.code, r!.id)).map((e) => e.took)).toEqual(['match', 'suggestion', 'match']);

    // The same player's next ticket, played with buttons (outside the game): refused.
    const identity = await page.evaluate(() => JSON.parse(localStorage.getItem('holdtheline.identity')!) as { token: string });
    const headers = { 'content-type': 'application/json', 'x-player-token': identity.token };
    const ticket = (await (await fetch(`${rig.server.url}/api/teams/${team.code}/tickets`, { method: 'POST', headers, body: JSON.stringify({ scenario: 'first-call' }) })).json()) as { ticket: string; seed: number; typedOnly: boolean };
    expect(ticket.typedOnly).toBe(true);
    const buttons = finished(scenario(), { seed: ticket.seed }).transcript;
    const refused = await fetch(`${rig.server.url}/api/teams/${team.code}/results`, { method: 'POST', headers, body: JSON.stringify({ idempotencyKey: `typed-only-${ticket.ticket}`, transcript: buttons, ticket: ticket.ticket }) });
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([422, 'typed-only']);
    expect(errors).toEqual([]);
  }, 120_000);
});
