// What presenters of a call receive: the engine's snapshot, and what changed since the last one.
import type { SessionView, TurnRecord } from '../../engine/index.js';

export interface ViewChange {
  /** The first snapshot this presenter sees (a new call, or a call resumed after a hot reload). */
  readonly first: boolean;
  readonly phaseChanged: boolean;
  /** The customer has just said `view.line`. */
  readonly spoke: boolean;
  /** The turn just taken (a reply, a silence or a hang-up), when there is one. */
  readonly landed: TurnRecord | null;
  /** Facts found since the last snapshot. */
  readonly found: SessionView['facts'];
}

export interface CallPresenter {
  show(view: SessionView, change: ViewChange): void;
  /** Called every frame with the real time passed (for animation only). */
  frame?(deltaMs: number): void;
  destroy(): void;
}
