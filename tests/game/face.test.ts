// Portraits: each of the engine's emotions has its own face, blends run from one to the other,
// and a customer always looks the same.
import { describe, expect, it } from 'vitest';
import { EMOTIONS } from '../../src/engine/index.js';
import { blend, EXPRESSIONS, lookFor, type Features } from '../../src/game/call/face.js';

describe('faces', () => {
  it('has a distinct expression for every emotion', () => {
    expect(Object.keys(EXPRESSIONS).sort()).toEqual([...EMOTIONS].sort());
    const seen = new Set(EMOTIONS.map((e) => JSON.stringify(EXPRESSIONS[e])));
    expect(seen.size).toBe(EMOTIONS.length);
    // Anger pulls the brows down and the mouth into a frown; pleasure smiles.
    expect(EXPRESSIONS.furious.browTilt).toBeGreaterThan(EXPRESSIONS.annoyed.browTilt);
    expect(EXPRESSIONS.furious.mouthCurve).toBeLessThan(EXPRESSIONS.calm.mouthCurve);
    expect(EXPRESSIONS.pleased.mouthCurve).toBeGreaterThan(EXPRESSIONS.calm.mouthCurve);
    expect(EXPRESSIONS.sad.tear).toBeGreaterThan(0);
  });

  it('blends from one expression to another', () => {
    const close = (a: Features, b: Features) => {
      for (const k of Object.keys(b) as (keyof Features)[]) expect(a[k], k).toBeCloseTo(b[k], 9);
    };
    close(blend(EXPRESSIONS.calm, EXPRESSIONS.angry, 0), EXPRESSIONS.calm);
    close(blend(EXPRESSIONS.calm, EXPRESSIONS.angry, 1), EXPRESSIONS.angry);
    expect(blend(EXPRESSIONS.calm, EXPRESSIONS.angry, 0.5).browTilt).toBeCloseTo((EXPRESSIONS.calm.browTilt + EXPRESSIONS.angry.browTilt) / 2);
  });

  it('gives each customer a look of their own, the same every time', () => {
    expect(lookFor('Martin Hale')).toEqual(lookFor('Martin Hale'));
    const looks = new Set(['Martin Hale', 'Hannah Ellis', 'Gordon Pike', 'Тамара Гордеева', 'Bożena Wróblewska', 'Neil Forbes'].map((n) => JSON.stringify(lookFor(n))));
    expect(looks.size).toBeGreaterThan(3);
  });
});
