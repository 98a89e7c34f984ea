// The customer's face as numbers: each of the engine's emotions is a set of features (brows,
// eyes, mouth, colour), expressions blend between sets, and each customer gets a look of their
// own from their name. Pure: no Phaser here, so it is easy to test and to reason about.
import type { Emotion } from '../../engine/index.js';

export interface Features {
  /** −1: inner ends raised (sad) … +1: inner ends pulled down (angry). */
  readonly browTilt: number;
  /** 0 … 1: how far the brows are raised. */
  readonly browLift: number;
  /** One brow higher than the other (puzzled), 0 … 1. */
  readonly browAsym: number;
  /** 0 (closed) … 1 (wide). */
  readonly eyeOpen: number;
  /** −1 (frown) … +1 (smile). */
  readonly mouthCurve: number;
  /** 0 … 1. */
  readonly mouthOpen: number;
  /** Red in the cheeks, 0 … 1. */
  readonly flush: number;
  /** A tear, 0 … 1. */
  readonly tear: number;
  /** Head tilt in degrees. */
  readonly tilt: number;
}

export const EXPRESSIONS: Record<Emotion, Features> = {
  calm: { browTilt: 0, browLift: 0.25, browAsym: 0, eyeOpen: 0.8, mouthCurve: 0.2, mouthOpen: 0, flush: 0, tear: 0, tilt: 0 },
  pleased: { browTilt: -0.1, browLift: 0.45, browAsym: 0, eyeOpen: 0.7, mouthCurve: 0.9, mouthOpen: 0.3, flush: 0.1, tear: 0, tilt: 2 },
  confused: { browTilt: -0.2, browLift: 0.5, browAsym: 0.9, eyeOpen: 0.9, mouthCurve: -0.15, mouthOpen: 0.1, flush: 0, tear: 0, tilt: 7 },
  annoyed: { browTilt: 0.45, browLift: 0.05, browAsym: 0, eyeOpen: 0.55, mouthCurve: -0.35, mouthOpen: 0, flush: 0.15, tear: 0, tilt: 0 },
  angry: { browTilt: 0.85, browLift: 0, browAsym: 0, eyeOpen: 0.7, mouthCurve: -0.6, mouthOpen: 0.3, flush: 0.45, tear: 0, tilt: 0 },
  furious: { browTilt: 1, browLift: 0, browAsym: 0, eyeOpen: 1, mouthCurve: -0.9, mouthOpen: 0.65, flush: 0.9, tear: 0, tilt: -2 },
  sad: { browTilt: -0.85, browLift: 0.3, browAsym: 0, eyeOpen: 0.5, mouthCurve: -0.55, mouthOpen: 0, flush: 0, tear: 1, tilt: -5 },
};

const KEYS = Object.keys(EXPRESSIONS.calm) as (keyof Features)[];

/** `a` blended toward `b` by t (0 … 1). */
export function blend(a: Features, b: Features, t: number): Features {
  const out: Record<string, number> = {};
  for (const k of KEYS) out[k] = a[k] + (b[k] - a[k]) * t;
  return out as unknown as Features;
}

export type HairStyle = 'short' | 'long' | 'bun' | 'bald' | 'curly';

export interface Look {
  readonly skin: number;
  readonly hair: number;
  readonly hairStyle: HairStyle;
  readonly glasses: boolean;
  readonly shirt: number;
}

const SKINS = [0xf2d0b1, 0xe2b08a, 0xc98d5f, 0x9c6641, 0x6e452b, 0xf0c8a0];
const HAIRS = [0x2a1c14, 0x5b3a26, 0x8d5a2c, 0xc9a46a, 0x8f8f94, 0x161616];
const STYLES: readonly HairStyle[] = ['short', 'long', 'bun', 'bald', 'curly'];
const SHIRTS = [0x0072b2, 0x6b5b95, 0x3d6b4f, 0x8a4f2a, 0x44546a, 0x9a3b5c];

/** FNV-1a of a string: the same customer always looks the same. */
export function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function lookFor(name: string): Look {
  const h = hashOf(name);
  const pick = <T>(list: readonly T[], shift: number): T => list[(h >>> shift) % list.length]!;
  return { skin: pick(SKINS, 0), hair: pick(HAIRS, 5), hairStyle: pick(STYLES, 10), glasses: ((h >>> 15) & 3) === 0, shirt: pick(SHIRTS, 18) };
}

/** Points along a quadratic Bézier from p0 to p2 bending toward c. */
export function curve(x0: number, y0: number, cx: number, cy: number, x2: number, y2: number, steps = 12): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push({ x: u * u * x0 + 2 * u * t * cx + t * t * x2, y: u * u * y0 + 2 * u * t * cy + t * t * y2 });
  }
  return out;
}
