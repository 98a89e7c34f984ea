// "· takes time" must not be a tell: across the library, an action (a reply that takes time) is
// free of cost no more often than any reply is — so a trainee can't pick the slow one to be safe.
// Counted over each call's English original (translations share its structure), with the
// engine's own notion of a reply that costs points.
import { describe, expect, it } from 'vitest';
import { costsPoints } from '../../src/engine/index.js';
import { LIBRARY, loadScenarioFile } from './support/analysis.js';

function share(calls: readonly string[]) {
  let slow = 0;
  let slowFree = 0;
  let all = 0;
  let allFree = 0;
  for (const id of calls) {
    for (const node of loadScenarioFile(`${id}.json`).nodes.values()) {
      for (const r of node.replies) {
        const free = !costsPoints(r);
        all++;
        if (free) allFree++;
        if (r.takesMs > 0) {
          slow++;
          if (free) slowFree++;
        }
      }
    }
  }
  return { slow, slowFree, all, allFree };
}

describe('slow replies', () => {
  it('are right no more often than replies are, across every shipped call', () => {
    const s = share(['first-call', ...LIBRARY]);
    expect(s.slow).toBeGreaterThan(20);
    expect(s.slowFree / s.slow, `${s.slowFree} of ${s.slow} slow replies are free, ${s.allFree} of ${s.all} of all`).toBeLessThanOrEqual(s.allFree / s.all);
  });
});
