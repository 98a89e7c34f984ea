// The three skills every call is scored on, in the order they are shown. A module of its own,
// with nothing else in it, so the game's first screens can name the skills without loading the
// engine (tests/game/boundaries.test.ts).
export const DIMENSIONS = ['politeness', 'accuracy', 'judgment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
