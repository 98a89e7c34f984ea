// A page for the browser tests: the real client, outbox, engine and leaderboard UI, bundled by
// vite, without the game. It plays calls with the engine and queues them as the game does.
import firstCall from '../../../scenarios/first-call.json?raw';
import { createApiClient, loadIdentity, Outbox, saveIdentity, type Identity } from '../../../src/client/index.js';
import { loadScenario } from '../../../src/engine/index.js';
import { mountLeaderboard, mountMeetingView, mountOutboxStatus, mountViewForUrl } from '../../../src/leaderboard/index.js';
import { finished } from '../playCall.js';
import { injectStyles } from '../../../src/leaderboard/styles.js';
import { trendFigure } from '../../../src/leaderboard/trendChart.js';
import { translator } from '../../../src/leaderboard/i18n.js';

const loaded = loadScenario(firstCall, 'scenarios/first-call.json');
if (!loaded.ok) throw new Error('first-call.json does not load');
const scenario = loaded.scenario;
const client = createApiClient('', { timeoutMs: 2000 });
const outbox = new Outbox({ client, retryMs: 200, maxRetryMs: 500 });
const app = document.getElementById('app')!;

const harness = {
  client,
  outbox,
  signIn: (identity: Identity) => saveIdentity(identity),
  /** Plays a call to its end in exam mode and queues it, as the game does after the debrief. */
  playAndQueue(seed: number): { overall: number } {
    const { transcript, score } = finished(scenario, { seed, pick: (turn) => 1 + ((seed + turn) % 2) });
    const claimed = { politeness: score.politeness, accuracy: score.accuracy, judgment: score.judgment, overall: score.overall };
    outbox.add({ transcript, title: scenario.title, claimed, identity: loadIdentity() });
    return { overall: score.overall };
  },
  showOutbox: () => mountOutboxStatus(app, { outbox, lang: 'en' }),
  showBoard: (code: string, playerId?: number, trainerToken?: string) =>
    mountLeaderboard(app, { client, code, lang: 'en', ...(playerId ? { playerId } : {}), ...(trainerToken ? { trainerToken } : {}), outbox }),
  showMeeting: (code: string, advanceMs: number, lang = 'en') => mountMeetingView(app, { client, code, lang, advanceMs }),
  /** The trend chart alone, with its save buttons, in a board-like box of `width` px. */
  showTrend: (trend: unknown, width = 640) => {
    injectStyles();
    const box = document.createElement('section');
    box.className = 'htl-lb';
    box.style.width = `${width}px`;
    box.append(trendFigure(trend as Parameters<typeof trendFigure>[0], translator({ lang: 'en' }), 'en', 'team-trend'));
    app.append(box);
  },
  /** What the game's entry does with its own URL. */
  showUrl: (url: string) => mountViewForUrl(app, url, { client, lang: 'en' }) !== null,
};
(globalThis as unknown as { htl: typeof harness }).htl = harness;
outbox.start();
