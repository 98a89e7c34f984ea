// The three skills in the order the debrief shows them: the engine's own list.
import { DIMENSIONS, type Dimension } from '../../engine/scoring/dimensions.js';

export type { Dimension };
export const DIMENSIONS_SHOWN: readonly Dimension[] = DIMENSIONS;
