// One palette for canvas and DOM. Signal colours come from the Okabe–Ito set, which stays
// distinguishable with every common colour-vision deficiency; meaning is never carried by colour
// alone (every band and score also has a label).
// The bands themselves are the engine's (a module with no imports, safe before the title).
import { MOOD_BANDS, BAND_START, type MoodBand } from '../../engine/rules/moodBands.js';

export { MOOD_BANDS, BAND_START };

export const COLOURS = {
  bg: 0x0d1726,
  bgDeep: 0x08101c,
  panel: 0x15243a,
  panelEdge: 0x2a4263,
  text: 0xeef3f8,
  muted: 0xa7b6c8,
  sky: 0x56b4e9,
  blue: 0x0072b2,
  orange: 0xe69f00,
  yellow: 0xf0e442,
  vermillion: 0xd55e00,
  green: 0x009e73,
  purple: 0xcc79a7,
} as const;

export const MOOD_COLOURS: Record<MoodBand, number> = {
  calm: COLOURS.sky,
  annoyed: COLOURS.yellow,
  angry: COLOURS.orange,
  furious: COLOURS.vermillion,
};

export const css = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;
