// Builds the game: settings, language, sound, the API client and outbox, the flow, and Phaser
// with one scene per screen.
import Phaser from 'phaser';
import { createActor } from 'xstate';
import { clearIdentity, createApiClient, loadIdentity, Outbox, saveIdentity } from '../client/index.js';
import { browserLanguage, createI18n } from '../i18n/index.js';
import { AudioMixer } from './audio/AudioMixer.js';
import { soundFiles } from './audio/soundFiles.js';
import { STORAGE } from './config.js';
import { flowMachine } from './flow/flowMachine.js';
import { parseLaunch } from './flow/launch.js';
import { History } from './history/History.js';
import { Bests } from './library/bests.js';
import { loadLibrary } from './library/lazy.js';
import { BootScene } from './scenes/BootScene.js';
import { PreloaderScene } from './scenes/PreloaderScene.js';
import { TitleScene } from './scenes/TitleScene.js';
import type { Services } from './services.js';
import { SettingsStore } from './settings/SettingsStore.js';
import { COLOURS } from './ui/palette.js';
import type { RendererKind } from './ui/renderer.js';
import { UiLayer } from './ui/UiLayer.js';
import { Viewport } from './ui/viewport.js';

/**
 * Runs `fn` once, just after the flow has left the preloader: the scene it moved to is built by
 * then (the director starts it as the flow changes), and `fn` runs in a task of its own after it.
 */
function afterFirstScreen(services: Pick<Services, 'flow'>, fn: () => void): void {
  const sub = services.flow.subscribe((snapshot) => {
    if (snapshot.matches('loading')) return;
    sub.unsubscribe();
    setTimeout(fn, 0);
  });
}

export function startGame(location: Location, renderer: RendererKind): Phaser.Game {
  const launch = parseLaunch(location.search);
  const settings = new SettingsStore(browserLanguage());
  if (launch.lang) settings.update({ language: launch.lang });
  const i18n = createI18n(settings.get().language);
  const syncLanguage = () => {
    document.documentElement.lang = settings.get().language;
    document.title = i18n.t('title.name');
  };
  syncLanguage();
  settings.subscribe((s) => {
    if (i18n.language !== s.language) void i18n.changeLanguage(s.language).then(syncLanguage);
  });

  const ui = new UiLayer(document.getElementById('ui')!);
  const viewport = new Viewport(ui.root);
  const client = createApiClient('');
  const outbox = new Outbox({ client });
  // Practice calls and branches for the player's own history on the server: never on a board.
  const historyOutbox = new Outbox({ client, prefix: STORAGE.historyOutbox, send: async (identity, request) => (await client.postHistory(identity, request)).run });
  const services: Services = {
    flow: createActor(flowMachine).start(),
    settings,
    i18n,
    audio: new AudioMixer(soundFiles(), settings),
    viewport,
    ui,
    client,
    outbox,
    identity: {
      get: () => loadIdentity(),
      set: (id) => (id ? saveIdentity(id) : clearIdentity()),
    },
    bests: new Bests(),
    history: new History(),
    historyOutbox,
    launch,
    library: loadLibrary,
  };
  // Nothing the first screen needs: the outbox (sending waiting results, and the engine's
  // transcript check it loads) and the game's sounds start once the title or a launched call shows.
  afterFirstScreen(services, () => {
    outbox.start();
    historyOutbox.start();
    void services.audio.preload();
  });

  const { width, height } = viewport.canvasSize;
  return new Phaser.Game({
    type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent: 'stage',
    width,
    height,
    backgroundColor: COLOURS.bg,
    scale: { mode: Phaser.Scale.NONE },
    // Sound is howler's (see audio/AudioMixer.ts); every control is DOM.
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    banner: false,
    // Only the first screens: the others are added as they are fetched (scenes/sceneLoader.ts).
    scene: [new BootScene(services), new PreloaderScene(services), new TitleScene(services)],
  });
}
