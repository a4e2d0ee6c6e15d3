// E1's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, geometric, holds, outcomeOf } from '../predicate-testing';
import type { E1Measurements } from './experiment';

const good: E1Measurements = {
  layers: 12,
  width: 32,
  // ‖∂L/∂x‖ at the input (index 0) … after the last block (index 12).
  streamGradient: {
    'post-ln': geometric(0.07, 0.13, 13),
    'pre-ln': geometric(0.11, 0.04, 13),
    'residual-no-norm': geometric(3e3, 0.17, 13),
    'norm-no-residual': geometric(0.06, 0.13, 13),
    neither: geometric(1e-4, 0.12, 13),
  },
  perLayer: {
    'post-ln': geometric(1.5, 3, 12),
    'pre-ln': geometric(1.3, 0.8, 12),
    'residual-no-norm': geometric(6e4, 1.5e3, 12),
    'norm-no-residual': geometric(1.8, 7, 12),
    neither: geometric(0.004, 0.27, 12),
  },
  depths: [2, 4, 8, 16],
  lastLayer: { 'post-ln': [1.7, 2.9, 4.5, 3.8], 'pre-ln': [1.25, 1.2, 0.9, 0.76] },
};

describe('e1-no-residual-vanishes', () => {
  test('holds when the plain stack loses > 100× on the way down and LayerNorm alone keeps > 1/10; its figure is the plain ratio', () => {
    expect(holds('e1-no-residual-vanishes', good)).toBe(true);
    expect(outcomeOf('e1-no-residual-vanishes', good).value).toBeCloseTo(1e-4 / 0.12);
  });
  test('fails when the plain stack loses only 20×', () => {
    const bad = clone(good);
    bad.streamGradient['neither'] = geometric(0.006, 0.12, 13);
    expect(holds('e1-no-residual-vanishes', bad)).toBe(false);
  });
  test('fails when LayerNorm alone also loses more than 10×', () => {
    const bad = clone(good);
    bad.streamGradient['norm-no-residual'] = geometric(0.01, 0.13, 13);
    expect(holds('e1-no-residual-vanishes', bad)).toBe(false);
  });
});

describe('e1-residual-without-norm-explodes', () => {
  test('holds when the unnormalized residual stack grows > 1000× downwards and both normed stacks stay within 10×', () => {
    expect(holds('e1-residual-without-norm-explodes', good)).toBe(true);
  });
  test('fails when the growth is only 100×', () => {
    const bad = clone(good);
    bad.streamGradient['residual-no-norm'] = geometric(17, 0.17, 13);
    expect(holds('e1-residual-without-norm-explodes', bad)).toBe(false);
  });
  test('fails when a normed stack also grows more than 10×', () => {
    const bad = clone(good);
    bad.streamGradient['pre-ln'] = geometric(0.5, 0.04, 13);
    expect(holds('e1-residual-without-norm-explodes', bad)).toBe(false);
  });
});

describe('e1-postln-gradient-like-no-residual', () => {
  test('holds when Post-LN and LayerNorm-only ratios are within 10× and the skips matter > 1000× without a norm', () => {
    expect(holds('e1-postln-gradient-like-no-residual', good)).toBe(true);
    expect(outcomeOf('e1-postln-gradient-like-no-residual', good).value).toBeCloseTo(0.07 / 0.13 / (0.06 / 0.13));
  });
  test('fails when Post-LN keeps the gradient far better than LayerNorm without residual', () => {
    const bad = clone(good);
    bad.streamGradient['norm-no-residual'] = geometric(0.002, 0.13, 13);
    expect(holds('e1-postln-gradient-like-no-residual', bad)).toBe(false);
  });
  test('fails when, without a norm, the skips change the ratio by less than 1000×', () => {
    const bad = clone(good);
    bad.streamGradient['residual-no-norm'] = geometric(0.05, 0.17, 13);
    expect(holds('e1-postln-gradient-like-no-residual', bad)).toBe(false);
  });
});

describe('e1-preln-last-layer-falls-with-depth', () => {
  test('holds when Pre-LN falls > 20%, Post-LN does not fall and stays above; its figure is the fall', () => {
    expect(holds('e1-preln-last-layer-falls-with-depth', [good, good])).toBe(true);
    expect(outcomeOf('e1-preln-last-layer-falls-with-depth', [good]).value).toBeCloseTo(0.76 / 1.25);
  });
  test('fails when the mean Pre-LN curve falls less than 20%', () => {
    const flat = clone(good);
    flat.lastLayer['pre-ln'] = [1, 1, 1, 0.95];
    expect(holds('e1-preln-last-layer-falls-with-depth', [good, flat, flat])).toBe(false);
  });
  test('fails when Post-LN falls below Pre-LN', () => {
    const above = clone(good);
    above.lastLayer['post-ln'] = [1.7, 1.0, 0.8, 1.8];
    expect(holds('e1-preln-last-layer-falls-with-depth', [above])).toBe(false);
  });
});
