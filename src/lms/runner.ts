// Plays a package's calls for its LMS: resumes the call under way from the suspend data (the
// engine replays its seed and moves), saves after every turn, and when a call ends reports what
// the engine's review says — scores, pass or fail against the gates, each turn's reply and the
// points it lost — then shows the result and the way on.
import type { i18n } from 'i18next';
import {
  callResult,
  packageOutcome,
  replay,
  resumeCode,
  resumeTranscript,
  Session,
  type GatedScores,
  type PackageOutcome,
  type PassGates,
  type Scenario,
} from '../engine/index.js';
import type { LmsAdapter, TurnReport } from './adapters/adapter.js';
import { showCall, type CallViewDeps } from './callView.js';
import type { PackageConfig } from './packageConfig.js';
import { showResults } from './resultsView.js';
import { decodeState, encodeState, freshState, type PackageState } from './suspend.js';
import { h } from '../game/ui/dom.js';

export interface RunnerDeps extends Omit<CallViewDeps, 't'> {
  readonly i18n: i18n;
  readonly scenario: (ref: { id: string; locale: string }) => Scenario | null;
  /** A seed for a new try when the package has none fixed. */
  readonly randomSeed: () => number;
  readonly now: () => number;
}

export class PackageRunner {
  private state: PackageState;
  private readonly startedAt: number;
  private clear: () => void = () => {};
  /** The scores of the call that ended last in this session. */
  private last: GatedScores | null = null;
  private gates: PassGates;

  constructor(
    private readonly root: HTMLElement,
    private readonly config: PackageConfig,
    private readonly lms: LmsAdapter,
    private readonly deps: RunnerDeps,
    suspend: string,
  ) {
    this.state = decodeState(suspend, config.calls.length) ?? freshState(config.calls.length);
    this.startedAt = deps.now();
    // cmi5: a mastery score set by the LMS is the overall pass mark; the skills' gates stay.
    this.gates = lms.masteryScore !== null ? { ...config.gates, overall: lms.masteryScore } : config.gates;
  }

  private get t() {
    return this.deps.i18n.t;
  }

  get complete(): boolean {
    return this.outcome().complete;
  }

  get sessionMs(): number {
    return this.deps.now() - this.startedAt;
  }

  private outcome(): PackageOutcome {
    return packageOutcome(this.state.done, this.gates);
  }

  /** The call under way (resumed if the state holds one), or the results if every call has ended. */
  start(): void {
    const o = this.outcome();
    if (o.complete && this.state.code === null) return this.results(o);
    this.play(this.state.current);
  }

  private save(): void {
    void this.lms.save(encodeState(this.state)).catch((e: unknown) => console.warn(`the LMS did not keep the state: ${String(e)}`));
  }

  private play(index: number): void {
    this.clear();
    const ref = this.config.calls[index]!;
    const scenario = this.deps.scenario(ref);
    if (!scenario) throw new Error(`the package has no call ${ref.id} (${ref.locale})`);
    let session: Session | null = null;
    let note: string | null = null;
    if (this.state.code !== null && this.state.current === index) {
      const transcript = resumeTranscript(scenario, this.state.code);
      try {
        session = transcript ? replay(scenario, transcript).session : null;
      } catch {
        session = null;
      }
      note = session ? 'lms:resumed' : 'lms:changed';
    }
    if (!session) {
      session = new Session(scenario, { seed: this.config.seed ?? this.deps.randomSeed(), mode: 'exam' });
      this.state = { ...this.state, tries: this.state.tries + 1, current: index, code: null };
      this.save();
    }
    const s = session;
    const wrap = h('div', { class: 'htl-lms-call' });
    this.root.append(wrap);
    if (this.config.calls.length > 1) wrap.append(h('p', { class: 'htl-lms-progress' }, this.t('lms:callOf', { n: index + 1, count: this.config.calls.length })));
    if (note) wrap.append(h('p', { class: 'htl-lms-note', role: 'status' }, this.t(note)));
    let lastCode = this.state.code;
    const view = showCall(wrap, s, { ...this.deps, t: this.t }, {
      ended: () => this.ended(index, scenario, s),
      done: () => this.results(this.outcome()),
    });
    // Saved as soon as the phone is answered and after every turn: the seed and the moves.
    const unsubscribe = s.subscribe((v) => {
      if (v.phase === 'ringing' || s.ended) return;
      const code = resumeCode(s.context);
      if (code === lastCode) return;
      lastCode = code;
      this.state = { ...this.state, code };
      this.save();
    });
    this.clear = () => {
      unsubscribe();
      view.destroy();
      wrap.remove();
    };
  }

  private ended(index: number, scenario: Scenario, session: Session): void {
    const result = callResult(scenario, session.transcript());
    const { politeness, accuracy, judgment, overall } = result.score;
    this.last = { politeness, accuracy, judgment, overall };
    const done = this.state.done.map((d, i) => (i === index ? this.last : d));
    const next = done.findIndex((d, i) => d === null && i !== index);
    this.state = { ...this.state, done, code: null, current: next >= 0 ? next : index };
    const turns: TurnReport[] = result.review.turns.map((t) => {
      const lost = { politeness: 0, accuracy: 0, judgment: 0 };
      for (const e of t.ledger) lost[e.dimension] -= e.points;
      return { call: scenario.id, turn: t.turn, node: t.node, kind: t.choice.kind, reply: t.choice.reply, say: t.choice.say, lost };
    });
    void this.lms.report({ outcome: this.outcome(), tries: this.state.tries, turns, sessionMs: this.sessionMs }, encodeState(this.state)).catch((e: unknown) => console.warn(`the LMS did not take the result: ${String(e)}`));
  }

  private results(o: PackageOutcome): void {
    this.clear();
    const next = this.state.done.findIndex((d) => d === null);
    const failed = o.missed.findIndex((m) => m !== null && m.length > 0);
    this.clear = showResults(this.root, this.t, o, this.last, this.gates, this.state.tries, {
      next: next >= 0 ? () => this.play(next) : null,
      retry: failed >= 0 ? () => this.play(failed) : null,
      recorded: this.lms.records !== false,
    });
  }
}
