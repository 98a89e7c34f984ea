// The version of the call's rules: how moves change a call and how it is scored. Raise
// RULES_VERSION whenever the same transcript would score differently; raise
// MIN_COMPATIBLE_RULES to it as well unless the older transcripts still replay to the scores
// they were stored with. A result scored under older rules keeps its stored numbers, and
// replaying it says so instead of mixing today's ledger with yesterday's scores.
//
// 1: the first rules. 2: a key fact counts as missed only where the ending reached needs it.
export const RULES_VERSION = 2;
export const MIN_COMPATIBLE_RULES = 2;

/** Whether a call scored under `rules` replays to the same scores with this engine. */
export const rulesCompatible = (rules: number) => rules >= MIN_COMPATIBLE_RULES && rules <= RULES_VERSION;
