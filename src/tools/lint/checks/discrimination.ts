// A call teaches only if each skill can be both aced and failed: some sequence of replies
// scores ACE or more, and some scores FAIL or less. Only the trainee's replies count — not
// letting the timer run out, not hanging up — so a call can't pass this check just because
// hanging up on the customer scores badly.
import { DIMENSIONS } from '../../../engine/index.js';
import { pathArgument } from '../../analysis/describe.js';
import type { ScoreBounds } from '../../../engine/index.js';
import { ACE, FAIL } from '../codes.js';
import type { FileContext } from '../context.js';

const HINTS = {
  politeness: { ace: 'make sure a courteous path costs little "polite"', fail: 'give a tempting rude or cold reply a bigger cost, e.g. "polite": -40' },
  accuracy: { ace: 'make sure a path finds every key fact without false statements', fail: 'give a tempting guess a bigger cost, e.g. "accuracy": -40, or mark the real cause "key": true' },
  judgment: { ace: 'make sure the ideal ending can be reached within "par" turns with its facts known', fail: 'let a tempting reply end the call badly (an outcome with little "credit"), or cost "judgment"' },
} as const;

export function checkDiscrimination(ctx: FileContext, bounds: ScoreBounds): void {
  const where = ctx.raw.scoring ? ['scoring'] : ['ideal'];
  for (const d of DIMENSIONS) {
    const { best, worst } = bounds[d];
    if (best.end < 0) continue; // no ending at all: reported by the flow checks
    if (best.score < ACE) {
      ctx.report('cannot-ace', where, `no sequence of replies scores ${ACE}+ in ${d}: the best is ${best.score} (--path ${pathArgument(best.path)})`, HINTS[d].ace, true);
    }
    if (worst.score > FAIL) {
      ctx.report('cannot-fail', where, `no sequence of replies scores ${FAIL} or less in ${d}: the worst is ${worst.score} (--path ${pathArgument(worst.path)})`, HINTS[d].fail, true);
    }
  }
}
