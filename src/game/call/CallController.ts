// Runs one call for the scene: feeds real time to the engine's session, passes the player's
// choices on, and tells each presenter what the new snapshot is and what changed. It decides
// nothing about the call itself — the session does.
import type { Session, SessionView } from '../../engine/index.js';
import type { CallPresenter, ViewChange } from './types.js';

/** The customer has said something new: a new line, or the same line again after a silence. */
function lineKey(v: SessionView): string | null {
  return v.line && (v.phase === 'listening' || v.phase === 'ended') ? `${v.turn}:${v.line.id}` : null;
}

export class CallController {
  /** Real ms the frames have passed on so far (the hidden-tab catch-up counts only what they missed). */
  fedMs = 0;
  private prev: SessionView | null = null;
  private spokenKey: string | null = null;
  private readonly presenters: CallPresenter[] = [];
  private unsubscribe: () => void = () => {};

  constructor(
    readonly session: Session,
    /** Game time per real time (1 in play; more in benchmarks). */
    private readonly timeScale = 1,
  ) {}

  add(...presenters: CallPresenter[]): void {
    this.presenters.push(...presenters);
  }

  start(): void {
    this.unsubscribe = this.session.subscribe((view) => this.publish(view));
    this.publish(this.session.view);
  }

  get view(): SessionView {
    return this.session.view;
  }

  /** A frame: time passes for the customer, and presenters animate. */
  frame(deltaMs: number): void {
    // A tab in the background sends one huge frame when it returns; the engine caps it anyway.
    const fed = Math.min(deltaMs, 1000);
    this.fedMs += fed;
    // The ring keeps real time whatever the scale: sped up, a few slow frames on a busy machine
    // (one frame can carry a second) would let the phone ring out before anyone could answer.
    this.session.advance(this.session.context.phase === 'ringing' ? fed : fed * this.timeScale);
    for (const p of this.presenters) p.frame?.(deltaMs);
  }

  /**
   * An exam's time while the page could not run (a hidden tab: the browser stops the game's
   * loop), given to the call at once — the customer was still waiting. Whole ticks, as frames
   * would have sent them. Practice runs on only while it is shown. Returns the ms given.
   */
  catchUp(realMs: number): number {
    if (this.session.context.mode !== 'exam' || this.session.ended || !(realMs > 0)) return 0;
    const before = this.session.context.elapsedMs;
    // advance() takes at most a minute at a time (the engine's cap on one step of time).
    for (let left = realMs * this.timeScale; left > 0 && !this.session.ended; left -= 60_000) this.session.advance(Math.min(left, 60_000));
    return this.session.context.elapsedMs - before;
  }

  answer(): boolean {
    return this.session.answer();
  }

  /** The customer's line is being delivered (as it arrives): an exam's timer waits for deliver(). */
  speaking(): boolean {
    return this.session.speaking();
  }

  /** The line has been delivered in full (caption and voice): the trainee's time starts. */
  deliver(): boolean {
    return this.session.deliver();
  }

  /** Reply n, by its button or number key, or typed (the text and how it was taken go with it). */
  choose(n: number, typed?: { readonly typed: string; readonly took: 'match' | 'suggestion' }): boolean {
    return this.session.send(typed ? { type: 'CHOOSE', n, typed: typed.typed, took: typed.took } : { type: 'CHOOSE', n });
  }

  /** Practice: the action under way finishes now, as if waited (the engine decides whether it can). */
  fastForward(): boolean {
    return this.session.fastForward();
  }

  hangUp(): boolean {
    return this.session.hangUp();
  }

  private publish(view: SessionView): void {
    const prev = this.prev;
    if (prev === view) return;
    const key = lineKey(view);
    const spoke = key !== null && key !== this.spokenKey;
    if (spoke) this.spokenKey = key;
    const change: ViewChange = {
      first: prev === null,
      phaseChanged: prev !== null && prev.phase !== view.phase,
      spoke,
      landed: prev !== null && view.turn > prev.turn ? view.lastTurn : null,
      found: prev ? view.facts.filter((f) => !prev.facts.some((p) => p.id === f.id)) : [],
    };
    this.prev = view;
    for (const p of this.presenters) p.show(view, change);
  }

  destroy(): void {
    this.unsubscribe();
    for (const p of this.presenters.splice(0)) p.destroy();
    this.session.stop();
  }
}
