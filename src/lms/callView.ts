// The call screen of a package: the game's own DOM presenters (caption, replies, status, the
// transcript, the top bar, the end of the call, voices and sounds) around the engine's session,
// with the phone's ringing, mood and patience as plain DOM (the package has no Phaser canvas).
import type { TFunction } from 'i18next';
import type { Scenario, Session, SessionView } from '../engine/index.js';
import type { AudioMixer } from '../game/audio/AudioMixer.js';
import { CallAudioPresenter } from '../game/call/CallAudioPresenter.js';
import { CallController } from '../game/call/CallController.js';
import { CaptionPresenter } from '../game/call/CaptionPresenter.js';
import { DeliveryPresenter } from '../game/call/DeliveryPresenter.js';
import { EndPresenter } from '../game/call/EndPresenter.js';
import { keepExamClock } from '../game/call/hiddenTab.js';
import { listenToCallKeys } from '../game/call/keyboard.js';
import { RepliesPresenter } from '../game/call/RepliesPresenter.js';
import { StatusPresenter } from '../game/call/StatusPresenter.js';
import { TopBarPresenter } from '../game/call/TopBarPresenter.js';
import { TranscriptPresenter } from '../game/call/TranscriptPresenter.js';
import type { CallPresenter } from '../game/call/types.js';
import { aboutCustomer } from '../i18n/index.js';
import { button, h } from '../game/ui/dom.js';

export interface CallViewDeps {
  readonly t: TFunction;
  readonly audio: AudioMixer;
  readonly voiceUrl: (s: Scenario, voice: string | null) => string | null;
  readonly voicesOf: (s: Scenario) => string[];
  readonly reducedMotion: () => boolean;
  readonly charsPerSecond: () => number;
}

/** The phone ringing until answered, as a card with the brief and the Answer button. */
class RingCard implements CallPresenter {
  private readonly card: HTMLElement;
  constructor(dom: HTMLElement, s: Scenario, t: TFunction, onAnswer: () => void) {
    const answer = button(t('call.answer'), onAnswer, { class: 'htl-btn htl-btn-primary htl-btn-big htl-answer' });
    this.card = h('section', { class: 'htl-panel htl-lms-ring', 'aria-label': t('call.incoming') }, h('h2', {}, t('call.incoming')), h('p', { lang: s.locale }, s.brief), answer, h('p', { class: 'htl-muted' }, t('call.answerKeys')));
    dom.append(this.card);
    queueMicrotask(() => answer.focus());
  }
  show(view: SessionView): void {
    this.card.hidden = view.phase !== 'ringing';
  }
  destroy(): void {
    this.card.remove();
  }
}

/** Mood and patience as words and a meter. */
class Meters implements CallPresenter {
  private readonly mood = h('p', { class: 'htl-band', 'data-lms': 'mood' });
  private readonly patience = h('meter', { class: 'htl-lms-meter', min: 0, max: 100, low: 25, optimum: 100, 'aria-label': '' });
  constructor(dom: HTMLElement, private readonly t: TFunction, private readonly gender: Scenario['customer']['gender']) {
    this.patience.setAttribute('aria-label', t('call.patience'));
    dom.append(h('div', { class: 'htl-lms-meters' }, h('p', { class: 'htl-muted' }, t('call.mood')), this.mood, h('p', { class: 'htl-muted' }, t('call.patience')), this.patience));
  }
  show(view: SessionView): void {
    this.mood.textContent = this.t(`mood.${view.moodBand}`, aboutCustomer(this.gender));
    (this.patience as HTMLMeterElement).value = Math.max(0, view.patience);
  }
  destroy(): void {}
}

export interface CallView {
  readonly controller: CallController;
  destroy(): void;
}

/**
 * Shows `session` in `root` and runs it: `on.ended` once when the call has ended, `on.done` when
 * the learner moves on from its end.
 */
export function showCall(root: HTMLElement, session: Session, deps: CallViewDeps, on: { ended: () => void; done: () => void }): CallView {
  const { t, audio } = deps;
  const s = session.scenario;
  const panel = h('main', { class: 'htl-screen htl-call', 'aria-label': t('call.label') });
  root.append(panel);
  const mid = h('div', { class: 'htl-mid' });
  const caller = h('aside', { class: 'htl-caller', 'aria-label': s.customer.name }, h('div', { class: 'htl-who-card', lang: s.locale }, h('h2', {}, s.customer.name), h('p', {}, s.customer.persona)));
  panel.append(mid, caller);
  const c = new CallController(session);
  const motion = () => !deps.reducedMotion();
  const caption = new CaptionPresenter(mid, s.customer.name, s.locale, () => (motion() ? deps.charsPerSecond() : Infinity));
  const delivery = new DeliveryPresenter(c, () => caption.done);
  const voice = new CallAudioPresenter(audio, (v) => deps.voiceUrl(s, v), (done) => delivery.voice(done));
  voice.prepare(deps.voicesOf(s));
  const choose = (n: number) => {
    if (c.view.phase === 'listening') caption.finish();
    if (c.choose(n)) audio.play('click');
  };
  const topBar = new TopBarPresenter(panel, s.title, s.locale, session.options.mode, t, () => c.hangUp());
  let ended = session.ended;
  c.add(
    topBar,
    new RingCard(mid, s, t, () => c.answer()),
    new Meters(caller, t, s.customer.gender),
    caption,
    delivery,
    new StatusPresenter(mid, s.locale, t, () => true, () => c.fastForward()),
    new RepliesPresenter(mid, s.locale, t, choose),
    new TranscriptPresenter(mid, s, () => session.context, t, motion),
    new EndPresenter(panel, t, s.customer.gender, on.done),
    voice,
    {
      show: (view) => {
        if (view.phase === 'ended' && !ended) {
          ended = true;
          on.ended();
        }
      },
      destroy: () => {},
    },
  );
  const away = h('p', { class: 'htl-away', role: 'status', hidden: true });
  mid.append(away);
  const stopClock = keepExamClock(c, away, t);
  const stopKeys = listenToCallKeys({
    answer: () => c.answer(),
    choose,
    debug: () => {},
    ringing: () => c.view.phase === 'ringing',
    fastForward: () => c.fastForward(),
    escape: () => topBar.escape(),
    cancelEscape: () => topBar.cancelEscape(),
  });
  let last = performance.now();
  let frame = 0;
  const loop = (now: number) => {
    c.frame(Math.max(0, now - last));
    last = now;
    frame = requestAnimationFrame(loop);
  };
  frame = requestAnimationFrame(loop);
  c.start();
  return {
    controller: c,
    destroy: () => {
      cancelAnimationFrame(frame);
      stopClock();
      stopKeys();
      c.destroy();
      panel.remove();
    },
  };
}
