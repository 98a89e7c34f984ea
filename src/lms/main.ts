// The entry of an LMS package (src/tools/lms/buildPackage.ts builds it): the game's call screen
// and engine, the package's calls and options, and the adapter of the LMS it was built for. No
// server, no sign-in, no leaderboard: the LMS keeps the learner, the state and the result.
import { config as zodConfig } from 'zod/mini';
import '../game/ui/styles.css';
import './lms.css';

// The game's CSP habits: zod never compiles checkers with new Function.
zodConfig({ jitless: true });

async function start(): Promise<void> {
  const [{ config }, { createLibrary }, { packageI18n }, { browserLanguage }, { SettingsStore }, { AudioMixer }, { soundFiles }, { CHARS_PER_SECOND }, { PackageRunner }, { connect }, { h }] = await Promise.all([
    import('virtual:htl-package'),
    import('../game/library/ScenarioLibrary.js'),
    import('./i18n.js'),
    import('../i18n/index.js'),
    import('../game/settings/SettingsStore.js'),
    import('../game/audio/AudioMixer.js'),
    import('../game/audio/soundFiles.js'),
    import('../game/settings/settings.js'),
    import('./runner.js'),
    import('./adapters/connect.js'),
    import('../game/ui/dom.js'),
  ]);
  const settings = new SettingsStore(browserLanguage());
  const i18n = packageI18n(settings.get().language);
  document.documentElement.lang = settings.get().language;
  document.title = config.title;
  const root = document.getElementById('ui')!;
  fitFrame(root);
  const status = h('p', { class: 'htl-lms-loading', role: 'status' }, i18n.t('lms:loading'));
  root.append(status);
  const lms = await connect(config.kind);
  let suspend: string;
  try {
    suspend = await lms.start();
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'network';
    const detail = e instanceof Error ? e.message : String(e);
    status.remove();
    const standard = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004', cmi5: 'cmi5' }[config.kind];
    root.append(h('section', { class: 'htl-panel htl-centre-box htl-lms-error', role: 'alert' }, h('h1', {}, i18n.t('lms:error.heading')), h('p', {}, i18n.t(`lms:error.${code}`, { detail, standard }))));
    console.warn(`LMS: ${detail}`);
    return;
  }
  status.remove();
  const library = createLibrary();
  const audio = new AudioMixer(soundFiles(), settings);
  void audio.preload();
  const runner = new PackageRunner(root, config, lms, {
    i18n,
    audio,
    scenario: (ref) => library.get(ref),
    voiceUrl: (s, v) => library.voiceUrl(s, v),
    voicesOf: (s) => library.voicesOf(s),
    reducedMotion: () => settings.reducedMotion,
    charsPerSecond: () => CHARS_PER_SECOND[settings.get().textSpeed],
    randomSeed: () => crypto.getRandomValues(new Uint32Array(1))[0]!,
    now: () => performance.now(),
  }, suspend);
  // Closing the window (or the LMS taking the frame away) suspends a call under way.
  addEventListener('pagehide', () => lms.exit(runner.complete, runner.sessionMs));
  runner.start();
}

/** The 1280×720 design frame, scaled to the window (as the game's viewport does). */
function fitFrame(ui: HTMLElement): void {
  const fit = () => {
    const scale = Math.min(innerWidth / 1280, innerHeight / 720);
    ui.style.transform = `translate(${(innerWidth - 1280 * scale) / 2}px, ${(innerHeight - 720 * scale) / 2}px) scale(${scale})`;
  };
  fit();
  addEventListener('resize', fit);
}

void start();
