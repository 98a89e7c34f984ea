// The player's settings: what they are, their defaults, and `restoreSettings`, which repairs any
// value (a hand-edited one, a patch from the settings screen) into valid settings, field by field.
import { z } from 'zod/mini';
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

/** 0–1: a number outside is clamped, anything else is the fallback. */
const unit = (fallback: number) => z.catch(z.pipe(z.number(), z.transform((v) => Math.min(1, Math.max(0, v)))), fallback);

/** The settings' shape, each field falling back on its own to its default (see storedSettings.ts). */
export function settingsSchema(d: Settings) {
  return z.object({
    volume: z.catch(z.object(Object.fromEntries(CHANNELS.map((c) => [c, unit(d.volume[c])])) as Record<Channel, ReturnType<typeof unit>>), d.volume),
    language: z.catch(z.enum(LANGUAGES), d.language),
    textSpeed: z.catch(z.enum(TEXT_SPEEDS), d.textSpeed),
    replyTimer: z.catch(z.boolean(), d.replyTimer),
    motion: z.catch(z.enum(MOTION), d.motion),
  });
}

/** Valid settings from anything: keeps each valid field, takes the default for the rest. */
export function restoreSettings(raw: unknown, language: Language): Settings {
  const d = defaultSettings(language);
  const parsed = settingsSchema(d).safeParse(raw);
  return parsed.success ? parsed.data : d;
}
