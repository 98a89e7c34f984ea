// The three skills in the order the debrief shows them.
import type { Dimension } from '../../engine/index.js';

export type { Dimension };
export const DIMENSIONS_SHOWN: readonly Dimension[] = ['politeness', 'accuracy', 'judgment'];
