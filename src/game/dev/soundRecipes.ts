// How each of the game's sounds is made, as sox commands over WAV files. Pure data plus small
// builders; assets/generate.ts runs them. Kept deterministic (sox -R, fixed patterns), so
// generating twice gives the same files and the manifest can tell what is stale.
import type { SoundKey } from '../audio/sounds.js';

/** One sox invocation: `sox -R <args>` (inputs and output are file names in the work folder). */
export type Step = readonly string[];

export interface Recipe {
  /** Steps run in order; the last one must write `<key>.wav`. */
  readonly steps: readonly Step[];
}

const tone = (out: string, seconds: number, ...freqs: number[]): Step[] => {
  if (freqs.length === 1) return [['-n', '-r', '48000', '-c', '1', out, 'synth', String(seconds), 'sine', String(freqs[0])]];
  const parts = freqs.map((_, i) => `${out}.${i}.wav`);
  return [...freqs.map((f, i) => ['-n', '-r', '48000', '-c', '1', parts[i]!, 'synth', String(seconds), 'sine', String(f)] as Step), ['-m', ...parts, out]];
};
const silence = (out: string, seconds: number): Step => ['-n', '-r', '48000', '-c', '1', out, 'trim', '0', String(seconds)];
const join = (out: string, ...parts: string[]): Step => [...parts, out];
const note = (semitonesFromA4: number) => +(440 * Math.pow(2, semitonesFromA4 / 12)).toFixed(2);

/** A plucked note with a soft tail. */
const pluck = (out: string, semis: number, seconds: number): Step => ['-n', '-r', '48000', '-c', '1', out, 'synth', String(seconds), 'pluck', String(note(semis)), 'fade', '0', String(seconds), String(seconds * 0.7)];

function holdMusic(): Step[] {
  // Four chords (Cmaj7, Am7, Fmaj7, G7), eight plucked eighths each, a little reverb: 12.8 s loop.
  const chords = [[-9, -5, -2, 2], [-12, -9, -5, -2], [-16, -12, -9, -5], [-14, -10, -7, -4]];
  const steps: Step[] = [];
  const notes: string[] = [];
  chords.forEach((c, ci) => {
    const order = [0, 1, 2, 3, 2, 1, 3, 1];
    order.forEach((k, i) => {
      const f = `hold-${ci}-${i}.wav`;
      steps.push(pluck(f, c[k]! + 12, 0.4));
      notes.push(f);
    });
  });
  steps.push(join('hold-seq.wav', ...notes));
  steps.push(['hold-seq.wav', 'hold.wav', 'reverb', '35', 'gain', '-n', '-3']);
  return steps;
}

function typing(): Step[] {
  // Key clicks at irregular gaps from a fixed sequence: 3 s, loops without a seam.
  const steps: Step[] = [['-n', '-r', '48000', '-c', '1', 'key.wav', 'synth', '0.014', 'whitenoise', 'highpass', '1800', 'fade', '0', '0.014', '0.012']];
  const parts: string[] = [];
  let seed = 7;
  let total = 0;
  let i = 0;
  while (total < 2.9) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const gap = 0.06 + (seed % 1000) / 1000 * 0.16 + (i % 7 === 6 ? 0.35 : 0);
    const g = `gap-${i}.wav`;
    steps.push(silence(g, gap));
    parts.push('key.wav', g);
    total += gap + 0.014;
    i++;
  }
  steps.push(join('typing-raw.wav', ...parts));
  steps.push(['typing-raw.wav', 'typing.wav', 'trim', '0', '3', 'gain', '-n', '-6']);
  return steps;
}

export const RECIPES: Record<SoundKey, Recipe> = {
  ring: {
    steps: [
      ...tone('ring-on.wav', 0.4, 400, 450),
      ['ring-on.wav', 'ring-burst.wav', 'tremolo', '20', '40', 'fade', '0.01', '0.4', '0.02'],
      silence('ring-gap.wav', 0.2),
      silence('ring-rest.wav', 2.0),
      join('ring-seq.wav', 'ring-burst.wav', 'ring-gap.wav', 'ring-burst.wav', 'ring-rest.wav'),
      ['ring-seq.wav', 'ring.wav', 'gain', '-n', '-3'],
    ],
  },
  pickup: {
    steps: [
      ['-n', '-r', '48000', '-c', '1', 'pickup-click.wav', 'synth', '0.03', 'whitenoise', 'lowpass', '3000', 'fade', '0', '0.03', '0.025'],
      ['-n', '-r', '48000', '-c', '1', 'pickup-hum.wav', 'synth', '0.18', 'sine', '150', 'fade', '0.01', '0.18', '0.12', 'gain', '-12'],
      join('pickup-seq.wav', 'pickup-click.wav', 'pickup-hum.wav'),
      ['pickup-seq.wav', 'pickup.wav', 'gain', '-n', '-3'],
    ],
  },
  hangup: {
    steps: [
      ...tone('busy-on.wav', 0.25, 480, 620),
      ['busy-on.wav', 'busy-beep.wav', 'fade', '0.005', '0.25', '0.01'],
      silence('busy-off.wav', 0.25),
      join('busy-seq.wav', 'busy-beep.wav', 'busy-off.wav', 'busy-beep.wav', 'busy-off.wav', 'busy-beep.wav'),
      ['busy-seq.wav', 'hangup.wav', 'gain', '-n', '-4'],
    ],
  },
  hold: { steps: holdMusic() },
  typing: { steps: typing() },
  click: {
    steps: [['-n', '-r', '48000', '-c', '1', 'click.wav', 'synth', '0.035', 'sine', '1400', 'fade', '0', '0.035', '0.03', 'gain', '-n', '-6']],
  },
  good: {
    steps: [pluck('good-1.wav', 7, 0.12), pluck('good-2.wav', 12, 0.3), join('good-seq.wav', 'good-1.wav', 'good-2.wav'), ['good-seq.wav', 'good.wav', 'gain', '-n', '-6']],
  },
  bad: {
    steps: [
      ['-n', '-r', '48000', '-c', '1', 'bad-1.wav', 'synth', '0.32', 'triangle', `${note(-12)}-${note(-16)}`, 'fade', '0.01', '0.32', '0.2'],
      ['bad-1.wav', 'bad.wav', 'lowpass', '900', 'gain', '-n', '-6'],
    ],
  },
  fact: {
    steps: [
      pluck('fact-1.wav', 15, 0.09),
      pluck('fact-2.wav', 19, 0.09),
      pluck('fact-3.wav', 22, 0.3),
      join('fact-seq.wav', 'fact-1.wav', 'fact-2.wav', 'fact-3.wav'),
      ['fact-seq.wav', 'fact.wav', 'gain', '-n', '-6'],
    ],
  },
};
