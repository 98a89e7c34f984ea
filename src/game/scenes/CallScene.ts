// The call. The scene only assembles: the engine's session (through the controller) on one side,
// presenters for each part of the screen on the other. Saving the scenario during `npm run dev`
// replays the call so far on the new version (or starts it again if it no longer fits).
import type { CallResult, Session } from '../../engine/index.js';
import { CallAudioPresenter } from '../call/CallAudioPresenter.js';
import { CallController } from '../call/CallController.js';
import { CaptionPresenter } from '../call/CaptionPresenter.js';
import { DeliveryPresenter } from '../call/DeliveryPresenter.js';
import { DebugOverlay } from '../call/DebugOverlay.js';
import { EndPresenter } from '../call/EndPresenter.js';
import { keepExamClock } from '../call/hiddenTab.js';
import { listenToCallKeys } from '../call/keyboard.js';
import { MoodGaugePresenter } from '../call/MoodGaugePresenter.js';
import { PatienceBarPresenter } from '../call/PatienceBarPresenter.js';
import { PortraitPresenter } from '../call/PortraitPresenter.js';
import { examStart } from '../call/examTicket.js';
import { recordResult } from '../call/recordResult.js';
import { RepliesPresenter } from '../call/RepliesPresenter.js';
import { RingPresenter } from '../call/RingPresenter.js';
import { StatusPresenter } from '../call/StatusPresenter.js';
import { TopBarPresenter } from '../call/TopBarPresenter.js';
import { TranscriptPresenter } from '../call/TranscriptPresenter.js';
import { TypedReplyPresenter, type TypedChoice } from '../call/TypedReplyPresenter.js';
import { CallGuidePresenter } from '../guide/CallGuidePresenter.js';
import { guideSelection } from '../guide/guideCall.js';
import { rememberGuide } from '../guide/guideStore.js';
import { callRefs } from '../library/calls.js';
import { SCENES } from '../config.js';
import type { Selection } from '../flow/flowMachine.js';
import type { ScenarioLibrary } from '../library/ScenarioLibrary.js';
import type { Services } from '../services.js';
import { CHARS_PER_SECOND } from '../settings/settings.js';
import { button, h } from '../ui/dom.js';
import { clearTrainerNotice, showTrainerNotice } from '../ui/trainerNotice.js';
import { BaseScene } from './BaseScene.js';

// `?seed=N` pins the reply order of every call in this visit (Retry and Next too); else an exam
// takes the server's ticket when it can (call/examTicket.ts) and anything else draws its own seed.

export class CallScene extends BaseScene {
  private controller: CallController | null = null;
  private resume: Session | null = null;
  /** Counts the scene's runs: an `open` that outlives its run (a quick restart) stops there. */
  private run = 0;
  /** A restart is queued (Phaser restarts on its next step); later saves wait for the new run. */
  private restarting = false;
  /** The guided first call: the warm-up call with the guide's notes (guide/). */
  private guided = false;
  /** The server's ticket this exam was started with (call/examTicket.ts); null when played offline. */
  private ticket: string | null = null;
  /** A "typed replies only" exam (the team's setting, from the ticket or as last known): no reply buttons. */
  private typedOnly = false;

  constructor(services: Services) {
    super(SCENES.call, services);
  }

  init(data: { resume?: Session | null }): void {
    this.resume = data?.resume ?? null;
    this.controller = null;
    this.restarting = false;
  }

  protected build(): void {
    const panel = this.mount(h('main', { class: 'htl-screen htl-call', 'aria-label': this.t('call.label') }));
    void this.open(panel);
  }

  override update(_time: number, delta: number): void {
    this.controller?.frame(delta);
  }

  private async open(panel: HTMLElement): Promise<void> {
    const run = ++this.run;
    const flow = this.services.flow.getSnapshot();
    this.guided = flow.matches({ main: 'guide' });
    const lib = await this.services.library();
    if (run !== this.run || !this.scene.isActive()) return;
    const selection = this.guided ? this.startGuide(lib) : flow.context.selection;
    // A folder of calls without the warm-up call has no guide: straight on to the picker.
    if (this.guided && !selection) return this.send({ type: 'QUIT' });
    const scenario = selection ? lib.get(selection) : null;
    if (!selection || !scenario) {
      panel.append(h('section', { class: 'htl-panel htl-centre-box', role: 'alert' }, h('p', {}, this.t('call.missing')), button(this.t('common.back'), () => this.send({ type: 'QUIT' }), { class: 'htl-btn' })));
      return;
    }
    const branch = this.services.flow.getSnapshot().context.branch;
    const fresh = this.resume || branch ? null : await examStart({ client: this.services.client, identity: this.services.identity.get(), scenario: scenario.id, mode: selection.mode, pinnedSeed: this.services.launch.seed });
    if (run !== this.run || !this.scene.isActive()) return;
    // A call carried on after a save keeps its ticket; a new one has its own (or none).
    if (!this.resume) {
      this.ticket = fresh?.ticket ?? null;
      this.typedOnly = selection.mode === 'exam' && (fresh?.typedOnly ?? false);
    }
    const session = this.resume ?? (branch ? lib.tryAnotherReply(scenario, branch.of.result.transcript, branch.turn) : lib.newSession(scenario, { seed: fresh!.seed, mode: selection.mode }));
    this.resume = null;
    if (!session) {
      // The call's file changed since the run was played: it can't be restored as it stood.
      panel.append(h('section', { class: 'htl-panel htl-centre-box', role: 'alert' }, h('p', {}, this.t('debrief.try.changed')), button(this.t('common.back'), () => this.send({ type: 'QUIT' }), { class: 'htl-btn' })));
      return;
    }
    const c = (this.controller = new CallController(session, this.services.launch.timeScale));
    this.present(c, panel, lib, selection);
    c.start();
    this.onCleanup(() => c.destroy());
    this.onCleanup(lib.subscribe((file) => file === scenario.file && this.reload(lib, selection, c.session)));
    // A save that arrived while this scene was (re)starting is taken now.
    this.reload(lib, selection, c.session);
    if (this.services.launch.inspect) this.offerInspector(panel, c);
  }

  /** `?inspect`: a button opens the Stately inspector (a pop-up, so it needs the click). */
  private offerInspector(panel: HTMLElement, c: CallController): void {
    const open = button('Open the Stately inspector', () => {
      open.disabled = true;
      void import('../call/inspector.js').then(async (m) => {
        const stop = await m.inspectSession(c.session);
        if (this.scene.isActive()) this.onCleanup(stop);
        else stop();
        open.textContent = 'Stately inspector connected';
      });
    }, { class: 'htl-btn htl-inspect' });
    panel.append(open);
  }

  private present(c: CallController, panel: HTMLElement, lib: ScenarioLibrary, selection: Selection): void {
    const { services, t } = this;
    const branch = services.flow.getSnapshot().context.branch;
    const s = c.session.scenario;
    const motion = () => !services.settings.reducedMotion;
    const settings = () => services.settings.get();
    let ended = c.session.ended;
    // The call's result, made once when it has ended: a frozen value the debrief and the outbox read.
    let result: CallResult | null = null;
    const resultOf = () => (result ??= lib.resultOf(s, c.session.transcript()));
    // The screen's parts; the CSS arranges them (three columns in landscape, one on a phone held
    // upright) and the canvas drawings follow their slots wherever they go.
    const mid = h('div', { class: 'htl-mid' });
    const portraitSlot = h('div', { class: 'htl-portrait-card' });
    const caller = h(
      'aside',
      { class: 'htl-caller', 'aria-label': s.customer.name },
      portraitSlot,
      // In the call's language; the mood and patience added below are in the interface's.
      h('div', { class: 'htl-who-card', lang: s.locale }, h('h2', {}, s.customer.name), h('p', {}, s.customer.persona)),
    );
    panel.append(mid, caller);
    const portrait = new PortraitPresenter(this, this.frameRoot, portraitSlot, services.viewport, s.customer.name, motion);
    const caption = new CaptionPresenter(mid, s.customer.name, s.locale, () => (motion() ? CHARS_PER_SECOND[settings().textSpeed] : Infinity));
    const debug = new DebugOverlay(panel, () => c.session);
    // The exam's timer starts once a line is delivered: its caption in full and its voice done.
    const delivery = new DeliveryPresenter(c, () => caption.done);
    const audio = new CallAudioPresenter(services.audio, (v) => lib.voiceUrl(s, v), (done) => {
      portrait.talkUntil(done);
      delivery.voice(done);
    });
    audio.prepare(lib.voicesOf(s));
    const choose = (n: number, typed?: TypedChoice): boolean => {
      if (c.view.phase === 'listening') caption.finish();
      const taken = c.choose(n, typed);
      if (taken) services.audio.play('click');
      return taken;
    };
    // A typed-only exam has no buttons to press, by click or by number.
    const press = (n: number) => void (this.typedOnly || choose(n));
    const replies = new RepliesPresenter(mid, s.locale, t, press);
    const gender = s.customer.gender;
    const topBar = new TopBarPresenter(panel, s.title, s.locale, selection.mode, t, () => c.hangUp());
    const fastForward = () => {
      if (c.fastForward()) services.audio.play('click');
    };
    c.add(
      topBar,
      portrait,
      new MoodGaugePresenter(this, this.frameRoot, caller, services.viewport, t, motion, gender),
      new PatienceBarPresenter(this, this.frameRoot, caller, services.viewport, t, motion),
      new RingPresenter(this, this.frameRoot, panel, portraitSlot, services.viewport, { caller: s.customer.name, brief: s.brief, locale: s.locale, typedOnly: this.typedOnly }, t, motion, () => c.answer()),
      caption,
      delivery,
      new StatusPresenter(mid, s.locale, t, () => settings().replyTimer, fastForward),
      replies,
      // In practice and exam, under the buttons (in place of them in a typed-only exam).
      new TypedReplyPresenter(mid, { scenario: s, node: () => c.session.context.node, t, typedOnly: this.typedOnly, choose, firstReply: () => replies.button(1) }),
      new TranscriptPresenter(mid, s, () => c.session.context, t, motion),
      new EndPresenter(panel, t, gender, () => this.send({ type: 'ENDED', finished: branch ? { selection, result: resultOf(), branchOf: branch } : { selection, result: resultOf() } })),
      audio,
      debug,
      {
        // Records the result once, the moment the call ends.
        show: (view) => {
          if (view.phase !== 'ended' || ended) return;
          ended = true;
          recordResult(services, selection, resultOf(), this.ticket);
        },
        destroy: () => {},
      },
    );
    // An exam's customer keeps waiting while the tab is hidden; the trainee is told on return.
    const away = h('p', { class: 'htl-away', role: 'status', hidden: true });
    // A try says what it is: practice from that turn on, the run it came from kept as it was.
    if (branch) mid.append(h('p', { class: 'htl-away htl-branch-note' }, t('call.branch', { n: branch.turn })));
    mid.append(away);
    this.onCleanup(keepExamClock(c, away, t));
    if (this.guided) c.add(new CallGuidePresenter(panel, services.ui.root, t, () => this.skipGuide()));
    this.onCleanup(
      listenToCallKeys({
        answer: () => c.answer(),
        choose: press,
        debug: () => debug.toggle(),
        ringing: () => c.view.phase === 'ringing',
        fastForward,
        escape: () => topBar.escape(),
        cancelEscape: () => topBar.cancelEscape(),
      }),
    );
  }

  /** The guided call: remembered as seen, and the calls listed, so "Next call" after it has one to go to. */
  private startGuide(lib: ScenarioLibrary): Selection | null {
    const language = this.services.settings.get().language;
    this.send({ type: 'CALLS_CHANGED', calls: callRefs(lib, language) });
    rememberGuide(localStorage, 'seen');
    return guideSelection(lib, language);
  }

  /** "Skip the guide": remembered, and on to the calls. */
  private skipGuide(): void {
    rememberGuide(localStorage, 'skipped');
    this.services.audio.play('click');
    this.send({ type: 'QUIT' });
  }

  /** The trainer saved this call's scenario: carry on with the new version where the call was. */
  private reload(lib: ScenarioLibrary, selection: Selection, current: Session): void {
    if (this.restarting) return;
    const problem = lib.problemIn(current.scenario.file);
    if (problem) return showTrainerNotice(this.services.ui, problem.messages, this.t('trainer.problems'));
    const next = lib.get(selection);
    if (!next || next === current.scenario) return;
    clearTrainerNotice();
    const resumed = lib.replayOn(next, current.transcript());
    if (!resumed) showTrainerNotice(this.services.ui, [this.t('trainer.restarted')], this.t('trainer.reloaded'));
    this.restarting = true;
    this.scene.restart({ resume: resumed });
  }
}
