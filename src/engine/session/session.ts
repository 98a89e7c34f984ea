// The runner: owns one call's session actor, takes events from the game (or a transcript),
// records them, and exposes snapshots. Presenters subscribe to it and send events back.
import { createActor, type Actor, type AnyActorRef } from 'xstate';
import type { Scenario } from '../format/model.js';
import { compileScenario, type DialogueMachine } from '../machine/compileScenario.js';
import type { Mode, SessionContext, SessionEvent, TypedTook } from '../rules/state.js';
import { scoreCall, type ScoreCard } from '../scoring/score.js';
import { quietTicks } from '../rules/quietTime.js';
import { fastForwardMs } from '../rules/fastForward.js';
import { appendEvent, appendTicks, MAX_TICK_MS, TICK_MS, typedTextProblem, TRANSCRIPT_VERSION, type Transcript, type TranscriptEvent } from './transcript.js';
import { viewOf, type SessionView } from './view.js';
import { RULES_VERSION } from '../rulesVersion.js';

export interface SessionOptions {
  readonly seed: number;
  readonly mode: Mode;
}

// Compiling is linear in the scenario's size; a game plays the same call many times.
const machines = new WeakMap<Scenario, DialogueMachine>();
export function machineFor(s: Scenario): DialogueMachine {
  let m = machines.get(s);
  if (!m) machines.set(s, (m = compileScenario(s)));
  return m;
}

export type Listener = (view: SessionView, session: Session) => void;

export class Session {
  private readonly actor: Actor<DialogueMachine>;
  private readonly events: TranscriptEvent[] = [];
  private readonly listeners = new Set<Listener>();
  /** Real time not yet sent as whole ticks. */
  private pendingMs = 0;
  private cachedView: SessionView | null = null;

  constructor(
    readonly scenario: Scenario,
    readonly options: SessionOptions,
  ) {
    this.actor = createActor(machineFor(scenario), { input: { seed: options.seed >>> 0, mode: options.mode } });
    this.actor.start();
  }

  /**
   * The call's xstate actor, for tools that watch it (the Stately inspector subscribes to
   * `actorRef.system.inspect`). Read it; send events through the Session, which records them.
   */
  get actorRef(): AnyActorRef {
    return this.actor;
  }

  get context(): SessionContext {
    return this.actor.getSnapshot().context;
  }

  get ended(): boolean {
    return this.context.phase === 'ended';
  }

  get view(): SessionView {
    return (this.cachedView ??= viewOf(this.scenario, this.context));
  }

  /** Whether the session can take this event now (a CHOOSE must name a reply on offer). */
  accepts(event: SessionEvent): boolean {
    if (this.ended) return false;
    if (event.type === 'TICK' && !(Number.isInteger(event.ms) && event.ms >= 1 && event.ms <= MAX_TICK_MS)) return false;
    if (event.type === 'CHOOSE' && (event.typed === undefined) !== (event.took === undefined)) return false;
    if (event.type === 'CHOOSE' && event.typed !== undefined && typedTextProblem(event.typed) !== null) return false;
    return this.actor.getSnapshot().can(event);
  }

  /** Sends one event; returns false (and changes nothing) if the session cannot take it. */
  send(event: SessionEvent): boolean {
    if (!this.accepts(event)) return false;
    appendEvent(this.events, event);
    this.actor.send(event);
    this.changed();
    return true;
  }

  private changed(): void {
    this.cachedView = null;
    if (this.listeners.size === 0) return;
    const view = this.view;
    for (const l of this.listeners) l(view, this);
  }

  answer(): boolean {
    return this.send({ type: 'ANSWER' });
  }

  /** A reply by its shown position; `typed`: what the trainee typed and how the matcher took it (engine/match). */
  choose(n: number, typed?: { readonly text: string; readonly took: TypedTook }): boolean {
    return this.send(typed ? { type: 'CHOOSE', n, typed: typed.text, took: typed.took } : { type: 'CHOOSE', n });
  }

  hangUp(): boolean {
    return this.send({ type: 'HANG_UP' });
  }

  /**
   * The game starts delivering the customer's line (as it arrives): in an exam the reply timer
   * and patience wait until deliver() (rules/delivery.ts). False where it changes nothing.
   */
  speaking(): boolean {
    return this.send({ type: 'SPEAKING' });
  }

  /** The line has been delivered in full (caption shown, voice finished): the trainee's time starts. */
  deliver(): boolean {
    return this.send({ type: 'DELIVERED' });
  }

  /**
   * "Try another reply": from now on the call is practice, exactly as it stands (rules/step.ts).
   * Once per call; the transcript records it, so the run never counts for the leaderboard.
   */
  practise(): boolean {
    return !this.branched && this.send({ type: 'PRACTISE' });
  }

  /** Whether this call was switched to practice part way ("Try another reply"). */
  get branched(): boolean {
    return this.events.some((e) => e.type === 'PRACTISE');
  }

  /**
   * Real time passed (a frame, say): sent on as whole TICK_MS steps, the remainder kept for
   * later. Keeps transcripts short and replay exact whatever the frame rate.
   */
  advance(ms: number): void {
    if (!(ms > 0) || this.ended) return;
    this.pendingMs = Math.min(this.pendingMs + ms, MAX_TICK_MS);
    const ticks = Math.floor(this.pendingMs / TICK_MS);
    this.pendingMs -= ticks * TICK_MS;
    this.ticks(TICK_MS, ticks);
  }

  /**
   * Practice: the action under way finishes now — its remaining time passes as the whole ticks
   * waiting would have sent (rules/fastForward.ts), so the call, its scores and its transcript
   * are exactly those of waiting. False (and nothing changes) when there is nothing to skip.
   */
  fastForward(): boolean {
    const left = fastForwardMs(this.context);
    if (left <= 0) return false;
    const count = Math.ceil(left / TICK_MS);
    return this.ticks(TICK_MS, count) > 0;
  }

  /**
   * `count` ticks of `ms` in a row, as `count` TICK events would be — but runs in which nothing
   * happens except time and patience go by as one step (see rules/quietTime.ts). Returns how
   * many ticks were taken: fewer than `count` if the call ended or a tick was refused.
   */
  ticks(ms: number, count: number): number {
    let taken = 0;
    while (taken < count && !this.ended) {
      const quiet = Math.min(count - taken, quietTicks(this.scenario, this.context, ms));
      if (quiet > 0 && this.accepts({ type: 'TICK', ms })) {
        appendTicks(this.events, ms, quiet);
        this.actor.send({ type: 'TICK', ms: quiet * ms });
        this.changed();
        taken += quiet;
      }
      if (taken < count) {
        if (!this.send({ type: 'TICK', ms })) break;
        taken++;
      }
    }
    return taken;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The final score card once the call has ended; until then, the scores so far. */
  score(): ScoreCard {
    return scoreCall(this.scenario, this.context);
  }

  transcript(): Transcript {
    return {
      v: TRANSCRIPT_VERSION,
      rules: RULES_VERSION,
      scenario: this.scenario.id,
      locale: this.scenario.locale,
      hash: this.scenario.hash,
      seed: this.options.seed >>> 0,
      mode: this.options.mode,
      events: this.events.map((e) => ({ ...e })),
    };
  }

  stop(): void {
    this.listeners.clear();
    this.actor.stop();
  }
}
