// How a customer's line becomes a voice file: espeak-ng speaks it in the scenario's language with
// a voice chosen for the customer (assets/voices.json: gender, or an exact espeak variant), the
// delivery follows the line's emotion, and sox narrows it to a telephone's band.
import type { DialogueNode, Emotion, Scenario } from '../../engine/index.js';
import { hashOf } from '../call/face.js';
import { besideFile } from '../library/paths.js';

export interface VoiceConfig {
  /** Per scenario id: the customer's voice. */
  readonly customers: Record<string, { readonly gender?: 'male' | 'female'; readonly variant?: string; readonly pitch?: number; readonly speed?: number }>;
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

/** A telephone line: 300–3400 Hz, a little compression, 48 kHz for Opus. */
export const PHONE_EFFECTS = ['highpass', '300', 'lowpass', '3400', 'compand', '0.02,0.2', '-60,-60,-30,-14,0,-8', '-4', 'rate', '48000', 'gain', '-n', '-2'];

export function voiceJob(s: Scenario, node: DialogueNode, config: VoiceConfig): VoiceJob | null {
  if (!node.voice || !node.say) return null;
  const who = config.customers[s.id] ?? {};
  const pool = who.gender === 'female' ? FEMALE : MALE;
  const variant = who.variant ?? pool[hashOf(s.customer.name) % pool.length]!;
  const d = DELIVERY[node.emotion ?? 'calm'];
  const pitch = Math.max(0, Math.min(99, d.pitch + (who.pitch ?? 0)));
  const speed = Math.round(d.speed * (who.speed ?? 1));
  return {
    out: besideFile(s.file, node.voice),
    text: node.say,
    espeak: ['-v', `${s.locale}+${variant}`, '-s', String(speed), '-p', String(pitch), '-a', String(d.amplitude)],
    effects: PHONE_EFFECTS,
  };
}
