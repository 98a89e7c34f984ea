// The game's own sounds (made by assets/generate.ts) and the channel each plays on.
import type { Channel } from '../settings/settings.js';

export const SOUNDS = ['ring', 'pickup', 'hangup', 'hold', 'typing', 'click', 'good', 'bad', 'fact'] as const;
export type SoundKey = (typeof SOUNDS)[number];

export const CHANNEL_OF: Record<SoundKey, Exclude<Channel, 'master'>> = {
  ring: 'effects',
  pickup: 'effects',
  hangup: 'effects',
  hold: 'music',
  typing: 'effects',
  click: 'effects',
  good: 'effects',
  bad: 'effects',
  fact: 'effects',
};

/** Each sound's level within its channel, so the generated files can stay normalised. */
export const LEVEL: Record<SoundKey, number> = {
  ring: 0.7,
  pickup: 0.8,
  hangup: 0.6,
  hold: 0.5,
  typing: 0.35,
  click: 0.4,
  good: 0.5,
  bad: 0.5,
  fact: 0.5,
};

/** Compressed web formats, best first; each sound ships in both. */
export const FORMATS = ['webm', 'mp3'] as const;
export type Format = (typeof FORMATS)[number];
