// The customer's mood, 0 (furious) to 100 (calm), in four bands: what the portrait, the mood
// dial and the debrief call it. Where each band starts is defined here and nowhere else. A module
// with no imports, so the game's first screens can use it without loading the engine.
export type MoodBand = 'calm' | 'annoyed' | 'angry' | 'furious';

/** From the bottom of the scale up. */
export const MOOD_BANDS: readonly MoodBand[] = ['furious', 'angry', 'annoyed', 'calm'];

/** Where each band starts on the 0–100 mood scale. */
export const BAND_START: Readonly<Record<MoodBand, number>> = { furious: 0, angry: 20, annoyed: 45, calm: 70 };

export function moodBand(mood: number): MoodBand {
  return mood >= BAND_START.calm ? 'calm' : mood >= BAND_START.annoyed ? 'annoyed' : mood >= BAND_START.angry ? 'angry' : 'furious';
}
