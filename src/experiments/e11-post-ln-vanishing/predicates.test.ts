// E11's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E11Measurements } from './experiment';

/** A run whose input-to-top ratios are given per variant (the other fields only need the right shape). */
function run(post: number[], pre: number[], normOnly = [0.5, 0.4, 0.3]): E11Measurements {
  const depths = [6, 12, 24];
  const stacks = (ratios: number[]) => depths.map((L, i) => [ratios[i]!, ...Array.from({ length: L }, () => 1)]);
  return {
    width: 32,
    depths,
    streamGradient: { 'post-ln': stacks(post), 'pre-ln': stacks(pre), 'norm-no-residual': stacks(normOnly) },
    perLayer: { 'post-ln': depths.map((L) => Array.from({ length: L }, () => 1)) },
    inputToTop: { 'post-ln': post, 'pre-ln': pre, 'norm-no-residual': normOnly },
  };
}

const good = run([0.8, 0.7, 0.6], [1.9, 2.8, 3.8]);

describe('e11-preln-gradient-grows-toward-input', () => {
  test('holds when Pre-LN’s ratio is above 1 everywhere and doubles; its figure is the growth', () => {
    expect(holds('e11-preln-gradient-grows-toward-input', good)).toBe(true);
    expect(outcomeOf('e11-preln-gradient-grows-toward-input', good).value).toBeCloseTo(3.8 / 1.9);
  });
  test('fails when the ratio grows less than 1.5 times', () => {
    expect(holds('e11-preln-gradient-grows-toward-input', run([1, 1, 1], [1.9, 2.2, 2.5]))).toBe(false);
  });
  test('fails when the gradient at the input is smaller than at the top at some depth', () => {
    expect(holds('e11-preln-gradient-grows-toward-input', run([1, 1, 1], [0.9, 1.5, 2]))).toBe(false);
  });
});

describe('e11-postln-ratio-spreads-not-shrinks', () => {
  // Ten seeds whose Post-LN ratios spread wider with depth around a typical value near 1.
  const spreading = [0.5, 2, 0.7, 1.4, 0.6, 1.6, 0.8, 1.25, 0.9, 1.1].map((f, i) => run([f ** 0.5, f, f ** 3], [2, 3, 4 + i / 10]));
  test('holds when the geometric mean stays near 1 and the log spread triples; its figure is the widening', () => {
    expect(holds('e11-postln-ratio-spreads-not-shrinks', spreading)).toBe(true);
    expect(outcomeOf('e11-postln-ratio-spreads-not-shrinks', spreading).value).toBeCloseTo(6);
  });
  test('fails when the ratio shrinks systematically with depth (geometric mean below 1/2)', () => {
    const shrinking = spreading.map((m) => {
      const s = clone(m);
      s.inputToTop['post-ln'] = s.inputToTop['post-ln']!.map((r, i) => r * 0.3 ** i);
      return s;
    });
    expect(holds('e11-postln-ratio-spreads-not-shrinks', shrinking)).toBe(false);
  });
  test('fails when the spread does not widen', () => {
    const steady = [0.5, 2, 0.7, 1.4, 0.6, 1.6, 0.8, 1.25, 0.9, 1.1].map((f) => run([f, f, f], [2, 3, 4]));
    expect(holds('e11-postln-ratio-spreads-not-shrinks', steady)).toBe(false);
  });
});

describe('e11-postln-ratio-spreads-not-shrinks: both directions', () => {
  test('fails when the spread widens around a typical value near one but every seed’s ratio at the deepest stack is below one', () => {
    const deepest = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.85, 0.95];
    const shallowest = [1, 1.02, 0.98, 1.01, 0.99, 1, 1.03, 0.97, 1, 1];
    const below = deepest.map((r, i) => run([shallowest[i]!, 0.9, r], [2, 3, 4]));
    expect(outcomeOf('e11-postln-ratio-spreads-not-shrinks', below).detail).toMatch(/geometric mean \[1, 0\.9, 0\.59\d*\]/);
    expect(holds('e11-postln-ratio-spreads-not-shrinks', below)).toBe(false);
    const oneAbove = deepest.map((r, i) => run([shallowest[i]!, 0.9, i === 9 ? 1.5 : r], [2, 3, 4]));
    expect(holds('e11-postln-ratio-spreads-not-shrinks', oneAbove)).toBe(true);
  });
});
