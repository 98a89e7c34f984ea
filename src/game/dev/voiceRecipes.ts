// How a customer's line becomes a voice file: espeak-ng speaks it in the call's language with
// a voice chosen for the customer (assets/voices.json: an espeak variant, pitch and pace; the
// call's "customer.gender" picks the variant when none is named), the delivery follows the
// line's emotion, and sox narrows it to a telephone's band. Every line of a call is voiced (its
// silence lines too), at the file format/voices.ts names, so the game finds it by the same rule.
import type { DialogueNode, Emotion, Scenario, SpokenLine } from '../../engine/index.js';
import { hashOf } from '../call/face.js';
import { besideFile } from '../library/paths.js';

export interface CustomerVoice {
  readonly gender?: 'male' | 'female';
  /** An espeak-ng variant (m1…m7, f1…f5); default: one of the gender's, by the call's id. */
  readonly variant?: string;
  /** Points added to the emotion's pitch (-30..30). */
  readonly pitch?: number;
  /** Scales the emotion's pace (0.8..1.2). */
  readonly speed?: number;
}

export interface VoiceConfig {
  /** Per scenario id: the customer's voice. */
  readonly customers: Record<string, CustomerVoice>;
  /** Per locale: scales every pace (espeak's voices for some languages run fast or slow at the same setting). */
  readonly pace?: Record<string, number>;
}

export interface VoiceJob {
  /** Project-relative output file (webm). */
  readonly out: string;
  readonly text: string;
  /** espeak-ng arguments before the text. */
  readonly espeak: readonly string[];
  /** sox effects applied to espeak's output. */
  readonly effects: readonly string[];
}

const MALE = ['m1', 'm2', 'm3', 'm4', 'm7'];
const FEMALE = ['f1', 'f2', 'f3', 'f4', 'f5'];

/** Speed (words per minute), pitch (0–99) and loudness (espeak amplitude) by emotion. */
const DELIVERY: Record<Emotion, { speed: number; pitch: number; amplitude: number }> = {
  calm: { speed: 160, pitch: 50, amplitude: 100 },
  pleased: { speed: 165, pitch: 58, amplitude: 100 },
  confused: { speed: 145, pitch: 60, amplitude: 100 },
  annoyed: { speed: 172, pitch: 45, amplitude: 120 },
  angry: { speed: 182, pitch: 40, amplitude: 150 },
  furious: { speed: 195, pitch: 36, amplitude: 180 },
  sad: { speed: 135, pitch: 38, amplitude: 90 },
};

/**
 * A telephone line: 300–3400 Hz, a little compression, 48 kHz for Opus; the silence espeak
 * leaves before and after the words trimmed, so a line starts when it plays.
 */
export const PHONE_EFFECTS = [
  'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse', 'gain', '-3',
  'highpass', '300', 'lowpass', '3400', 'compand', '0.02,0.2', '-60,-60,-30,-14,0,-8', '-4', 'rate', '48000', 'gain', '-n', '-2', 'pad', '0.05', '0.1',
];

/** The voice job for one spoken line of a call (see spokenLines in the engine). */
export function voiceJob(s: Scenario, node: DialogueNode, line: SpokenLine, voice: string, config: VoiceConfig): VoiceJob | null {
  if (!line.say.trim()) return null;
  const who = config.customers[s.id] ?? {};
  const gender = s.customer.gender ?? who.gender ?? 'male';
  const pool = gender === 'female' ? FEMALE : MALE;
  // By the call's id, not the customer's name: a translation localises the name, and the customer keeps their voice.
  const variant = who.variant ?? pool[hashOf(s.id) % pool.length]!;
  const d = DELIVERY[node.emotion ?? 'calm'];
  const pitch = Math.max(0, Math.min(99, d.pitch + (who.pitch ?? 0)));
  const speed = Math.round(d.speed * (who.speed ?? 1) * (config.pace?.[s.locale] ?? 1));
  return {
    out: besideFile(s.file, voice),
    text: line.say,
    espeak: ['-v', `${s.locale}+${variant}`, '-s', String(speed), '-p', String(pitch), '-a', String(d.amplitude)],
    effects: PHONE_EFFECTS,
  };
}
