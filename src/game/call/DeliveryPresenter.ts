// Tells the call when the customer's line has been delivered (rules/delivery.ts in the engine):
// as a line arrives the call hears that it is being spoken, and once its caption is shown in full
// and its voice has finished, that it has been — so an exam's reply timer and the customer's
// patience start then, the same in every language and at every caption speed.
import type { SessionView } from '../../engine/index.js';
import type { CallPresenter, ViewChange } from './types.js';

export interface DeliveryTarget {
  speaking(): boolean;
  deliver(): boolean;
}

export class DeliveryPresenter implements CallPresenter {
  /** A line is being delivered: waiting for its caption and voice. */
  private pending = false;
  private voiceDone = true;
  /** Counts lines, so a voice that ends after the next line began is not taken for it. */
  private line = 0;

  constructor(
    private readonly call: DeliveryTarget,
    /** Whether the caption shows the whole line. */
    private readonly captionDone: () => boolean,
  ) {}

  show(view: SessionView, change: ViewChange): void {
    if (!change.spoke) return;
    this.line++;
    this.pending = view.phase === 'listening';
    this.voiceDone = true;
    // Not from inside the call's own notification: the engine takes it as the next event.
    if (this.pending) queueMicrotask(() => void this.call.speaking());
  }

  /** The voice of the line just spoken (the audio presenter tells it, after show()). */
  voice(done: Promise<void>): void {
    const line = this.line;
    this.voiceDone = false;
    const end = () => {
      if (line === this.line) this.voiceDone = true;
    };
    done.then(end, end);
  }

  frame(): void {
    if (!this.pending || !this.voiceDone || !this.captionDone()) return;
    this.pending = false;
    this.call.deliver();
  }

  destroy(): void {
    this.pending = false;
  }
}
