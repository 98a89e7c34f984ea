// The debrief: the engine's scores for the call just ended, the outcome against the ideal, the
// turn-by-turn timeline with feedback and better replies (and, for typed replies, what was typed
// and why it was taken as it was), and what to do next.
import type { Gender, Scenario, Transcript } from '../../engine/index.js';
import { loadMatcher, type TypedTurn } from '../call/typedMatcher.js';
import type { ScenarioLibrary } from '../library/ScenarioLibrary.js';
import { branchComparison } from '../debrief/branchComparison.js';
import { tryControls } from '../debrief/tryAnother.js';
import { SCENES } from '../config.js';
import type { FinishedCall } from '../flow/flowMachine.js';
import { scorePanel } from '../debrief/scorePanel.js';
import { timeline } from '../debrief/timeline.js';
import { guideDebrief } from '../guide/debriefGuide.js';
import type { Services } from '../services.js';
import { button, h } from '../ui/dom.js';
import { BaseScene } from './BaseScene.js';
import { outboxStrip } from './outboxStrip.js';
import { assignmentVerdict, linkCertificates } from '../picker/assignments.js';

const COUNT_MS = 900;

export class DebriefScene extends BaseScene {
  constructor(services: Services) {
    super(SCENES.debrief, services);
  }

  protected build(): void {
    const finished = this.services.flow.getSnapshot().context.finished;
    if (!finished) return this.send({ type: 'PICKER' });
    // The library is loaded by now (a call was just played); it knows the customer's gender,
    // which the outcome's name agrees with.
    void this.services.library().then(async (lib) => {
      const typed = await this.typedTurns(finished, lib);
      if (this.scene.isActive()) this.render(finished, lib, typed);
    });
  }

  /**
   * The typed turns explained by the engine's matcher (loaded only for a call that has some; it
   * was loaded by the call already). None when the call's version is gone or the matcher can't load.
   */
  private async typedTurns(finished: FinishedCall, lib: ScenarioLibrary): Promise<readonly TypedTurn[]> {
    const run: Transcript = finished.result.transcript;
    if (!run.events.some((e) => e.type === 'CHOOSE' && e.typed !== undefined)) return [];
    const played = lib.get(finished.selection);
    if (!played || played.hash !== run.hash) return [];
    try {
      return (await loadMatcher()).explainTyped(played, run);
    } catch {
      return [];
    }
  }

  private render(finished: FinishedCall, lib: ScenarioLibrary, typed: readonly TypedTurn[]): void {
    const t = this.t;
    const m = finished.result.review;
    const current = lib.get(finished.selection);
    const gender: Gender | null = current?.customer.gender ?? null;
    // The run can be restored only on the version of the call it was played on.
    const played = current && current.hash === finished.result.transcript.hash ? current : null;
    const run = finished.result.transcript;
    const tries = tryControls(played && ((turn) => lib.branchPoint(played, run, turn)), t, (turn) => this.send({ type: 'TRY', turn }));
    const scores = scorePanel(m, t, gender);
    this.onCleanup(scores.destroy);
    const retry = button(t('debrief.retry'), () => this.send({ type: 'RETRY' }), { class: 'htl-btn htl-btn-primary' });
    // Reopened from "My history": the way back there comes first (in place of the next call).
    const verdicts = finished.selection.mode === 'exam' && !finished.branchOf ? assignmentVerdict(finished.result.transcript, m.scenario.id, m.score, t) : null;
    const back = this.services.flow.getSnapshot().context.reopened === finished ? button(t('history.backTo'), () => this.send({ type: 'BACK' }), { class: 'htl-btn' }) : null;
    this.mount(
      h(
        'main',
        { class: 'htl-screen htl-debrief', 'aria-labelledby': 'htl-debrief-h' },
        h(
          'header',
          { class: 'htl-bar' },
          h('h1', { id: 'htl-debrief-h' }, t('debrief.heading'), ' — ', h('span', { lang: m.scenario.locale }, m.scenario.title), finished.branchOf && h('span', { class: 'htl-branch-tag' }, ` · ${t('debrief.branch.tag', { n: finished.branchOf.turn })}`)),
          h(
            'nav',
            { class: 'htl-row', 'aria-label': t('debrief.next') },
            back,
            // A try's debrief: the way back to the run it was tried from comes first.
            finished.branchOf && button(t('debrief.branch.back'), () => this.showOriginal(), { class: 'htl-btn', 'data-action': 'original-top' }),
            retry,
            !back && button(t('debrief.nextCall'), () => this.send({ type: 'NEXT' }), { class: 'htl-btn' }),
            button(t('debrief.pick'), () => this.send({ type: 'PICKER' }), { class: 'htl-btn' }),
            button(t('title.leaderboard'), () => this.send({ type: 'LEADERBOARD' }), { class: 'htl-btn' }),
          ),
        ),
        // The left column: the scores, and under them (never over them) what waits to be sent.
        h('div', { class: 'htl-debrief-side' }, scores.el, verdicts, finished.selection.mode === 'exam' && this.outbox()),
        timeline(m, t, gender, tries, this.comparison(lib, finished, played, gender), typed),
      ),
    );
    this.onCleanup(tries.start());
    // An exam that completes an assignment: its certificate is linked once the server has the exam.
    if (verdicts?.querySelector('[data-verdict="complete"]')) {
      const stop = this.services.outbox.subscribe((snap) => {
        if (snap.waiting === 0) void linkCertificates(verdicts, this.services.client, this.services.identity.get(), t);
      });
      this.onCleanup(stop);
    }
    (back ?? retry).focus();
    // The guided first call's debrief: a note on each score, beside it.
    if (finished.guided) this.onCleanup(guideDebrief(this.services.ui.root, t));
    // Marks the moment every number shows its final value (tests and screenshots wait for it).
    const settled = () => (scores.el.dataset.settled = 'true');
    if (this.motion) this.countUp(scores, settled);
    else settled();
  }

  /** A branch's debrief opens with both runs side by side (the engine's compareRuns). */
  private comparison(lib: ScenarioLibrary, finished: FinishedCall, played: Scenario | null, gender: Gender | null): HTMLElement | null {
    const branch = finished.branchOf;
    if (!branch || !played || branch.of.result.transcript.hash !== played.hash) return null;
    const c = lib.compare(played, branch.of.result.transcript, finished.result.transcript);
    return branchComparison(c, branch.turn, this.t, gender, () => this.showOriginal());
  }

  /** Back from a try to the run it was tried from: the debrief stays the screen, showing that run. */
  private showOriginal(): void {
    this.send({ type: 'ORIGINAL' });
    this.scene.restart();
  }

  /** What waits to be sent: a region of its own that scrolls, so a tab stop with a name. */
  private outbox(): HTMLElement {
    const slot = outboxStrip(this.services, (fn) => this.onCleanup(fn));
    slot.setAttribute('role', 'region');
    slot.setAttribute('aria-label', this.t('debrief.outbox'));
    slot.tabIndex = 0;
    return slot;
  }

  /** Numbers count up and bars grow to the engine's values (which the DOM holds from the start). */
  private countUp({ counters, ring }: ReturnType<typeof scorePanel>, done: () => void): void {
    let left = counters.length;
    ring(0);
    for (const c of counters) {
      this.tweens.addCounter({
        from: 0,
        to: c.value,
        duration: COUNT_MS,
        ease: 'Cubic.easeOut',
        onUpdate: (tw) => {
          const v = Math.round(tw.getValue() ?? 0);
          c.el.textContent = String(v);
          if (c.bar) c.bar.style.width = `${v}%`;
          if (c.el.dataset.score === 'overall') ring(v);
        },
        onComplete: () => {
          c.el.textContent = String(c.value);
          if (c.el.dataset.score === 'overall') ring(c.value);
          if (--left === 0) done();
        },
      });
    }
  }
}
