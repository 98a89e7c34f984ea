// The version of the call's rules: how moves change a call and how it is scored. Raise
// RULES_VERSION whenever the same transcript would score differently; raise
// MIN_COMPATIBLE_RULES to it as well unless the older transcripts still replay to the scores
// they were stored with. A result scored under older rules keeps its stored numbers, and
// replaying it says so instead of mixing today's ledger with yesterday's scores.
//
// 1: the first rules. 2: a key fact counts as missed only where the ending reached needs it.
// 3: the phone rings for at most 30 s, and a call that ends unanswered scores 0 on every skill.
// A version-2 transcript answered within 30 s replays the same, so 2 stays compatible; replay()
// refuses the rest as old rules (RING_RULES).
export const RULES_VERSION = 3;
/** The first rules with the 30-second ring and the unanswered call's score (rules/ringing.ts). */
export const RING_RULES = 3;
export const MIN_COMPATIBLE_RULES = 2;

/** Whether a call scored under `rules` replays to the same scores with this engine. */
export const rulesCompatible = (rules: number) => rules >= MIN_COMPATIBLE_RULES && rules <= RULES_VERSION;
