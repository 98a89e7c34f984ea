// The player's settings: what they are, their defaults, and `restoreSettings`, which repairs
// whatever is in storage (an old version, a hand-edited value) into valid settings.
import { LANGUAGES, type Language } from '../../i18n/index.js';

export const CHANNELS = ['master', 'voice', 'effects', 'music'] as const;
export type Channel = (typeof CHANNELS)[number];
export const TEXT_SPEEDS = ['slow', 'normal', 'fast', 'instant'] as const;
export type TextSpeed = (typeof TEXT_SPEEDS)[number];
export const MOTION = ['system', 'reduce', 'full'] as const;
export type MotionSetting = (typeof MOTION)[number];

export interface Settings {
  /** 0–1 per channel; the master multiplies the others. */
  readonly volume: Readonly<Record<Channel, number>>;
  readonly language: Language;
  readonly textSpeed: TextSpeed;
  /** Shows the reply timer's countdown in exam calls (exams are always timed; practice never). */
  readonly replyTimer: boolean;
  readonly motion: MotionSetting;
}

/** Characters per second for captions; Infinity shows the whole line at once. */
export const CHARS_PER_SECOND: Record<TextSpeed, number> = { slow: 25, normal: 50, fast: 110, instant: Infinity };

export function defaultSettings(language: Language): Settings {
  return {
    volume: { master: 0.8, voice: 1, effects: 0.8, music: 0.4 },
    language,
    textSpeed: 'normal',
    replyTimer: true,
    motion: 'system',
  };
}

function oneOf<T extends string>(options: readonly T[], v: unknown, fallback: T): T {
  return options.includes(v as T) ? (v as T) : fallback;
}

function unit(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : fallback;
}

/** Valid settings from anything: keeps each valid field, takes the default for the rest. */
export function restoreSettings(raw: unknown, language: Language): Settings {
  const d = defaultSettings(language);
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const vol = (r.volume && typeof r.volume === 'object' ? r.volume : {}) as Record<string, unknown>;
  return {
    volume: Object.fromEntries(CHANNELS.map((c) => [c, unit(vol[c], d.volume[c])])) as Record<Channel, number>,
    language: oneOf(LANGUAGES, r.language, d.language),
    textSpeed: oneOf(TEXT_SPEEDS, r.textSpeed, d.textSpeed),
    replyTimer: typeof r.replyTimer === 'boolean' ? r.replyTimer : d.replyTimer,
    motion: oneOf(MOTION, r.motion, d.motion),
  };
}
