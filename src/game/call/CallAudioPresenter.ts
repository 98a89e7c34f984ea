// What the call sounds like: the ring until answered, the pick-up, the customer's voice for each
// line that has one, typing and hold music while an action runs, a soft cue when a reply lands
// well or badly or a fact turns up, and the hang-up tone at the end.
import type { SessionView } from '../../engine/index.js';
import type { AudioMixer } from '../audio/AudioMixer.js';
import type { CallPresenter, ViewChange } from './types.js';

export class CallAudioPresenter implements CallPresenter {
  constructor(
    private readonly audio: AudioMixer,
    private readonly voiceUrl: (voice: string | null) => string | null,
    /** Told how long the customer speaks when a voice line plays. */
    private readonly onVoice: (done: Promise<void>) => void,
  ) {
    audio.loop('hold', false);
  }

  show(view: SessionView, change: ViewChange): void {
    const a = this.audio;
    a.loop('ring', view.phase === 'ringing');
    const working = view.phase === 'working';
    a.loop('typing', working);
    a.loop('hold', working);
    if (change.phaseChanged && view.phase === 'listening' && view.turn === 0) a.play('pickup');
    if (change.landed) {
      const d = change.landed.deductions;
      const lost = d.politeness + d.accuracy + d.judgment < 0;
      const mood = change.landed.moodAfter - change.landed.moodBefore;
      if (lost || mood < 0) a.play('bad');
      else if (mood > 0) a.play('good');
    }
    if (change.found.length > 0) a.play('fact');
    let voice: Promise<void> | null = null;
    if (change.spoke && view.line) {
      const url = this.voiceUrl(view.line.voice);
      if (url) this.onVoice((voice = a.speak(url)));
    }
    if (change.phaseChanged && view.phase === 'ended') {
      // The customer finishes their last line, then the line goes dead.
      void (voice ?? Promise.resolve()).then(() => !this.gone && a.play('hangup'));
    }
  }

  /** Fetches this call's voice lines before they are needed. */
  prepare(urls: readonly string[]): void {
    this.audio.prepareVoices(urls);
  }

  private gone = false;

  destroy(): void {
    this.gone = true;
    this.audio.loop('ring', false);
    this.audio.loop('typing', false);
    this.audio.loop('hold', false);
    this.audio.stopVoice();
  }
}
