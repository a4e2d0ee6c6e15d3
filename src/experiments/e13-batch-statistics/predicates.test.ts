// E13's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E13Measurements, E13Norm } from './experiment';

const bn: E13Norm = {
  otherSequences: 0.1,
  bySize: [0.6, 0.4, 0.25, 0.15, 0.1],
  laterToken: Array.from({ length: 12 }, (_, i) => 0.003 + 0.0005 * i),
  heldOutInBatches: 0.05,
  heldOutAlone: 0.4,
  heldOutRunning: 0.048,
};
const ln: E13Norm = {
  otherSequences: 0,
  bySize: [0, 0, 0, 0, 0],
  laterToken: Array<number>(12).fill(0),
  heldOutInBatches: 0.3,
  heldOutAlone: 0.3,
};
const of = (norms: Record<string, E13Norm>): E13Measurements => ({
  layers: 2,
  width: 32,
  batchSize: 32,
  steps: 80,
  sizes: [1, 2, 4, 8, 16],
  norms,
});

describe('e13-bn-depends-on-batch', () => {
  test('holds when redrawing the others changes the logits > 5% and running alone > 20%; its figure is the first', () => {
    expect(holds('e13-bn-depends-on-batch', of({ BatchNorm: bn }))).toBe(true);
    expect(outcomeOf('e13-bn-depends-on-batch', of({ BatchNorm: bn })).value).toBeCloseTo(0.1);
  });
  test('fails when the other sequences barely matter, or when running alone changes little', () => {
    const a = clone(bn);
    a.otherSequences = 0.04;
    expect(holds('e13-bn-depends-on-batch', of({ BatchNorm: a }))).toBe(false);
    const b = clone(bn);
    b.bySize[0] = 0.15;
    expect(holds('e13-bn-depends-on-batch', of({ BatchNorm: b }))).toBe(false);
  });
  test('fails on LayerNorm (no change) and on no measurement', () => {
    expect(holds('e13-bn-depends-on-batch', of({ LayerNorm: ln }))).toBe(false);
    expect(holds('e13-bn-depends-on-batch', of({}))).toBe(false);
  });
});

describe('e13-bn-leaks-future', () => {
  test('holds when every earlier position changes by more than 1e-3; its figure is the smallest change', () => {
    expect(holds('e13-bn-leaks-future', of({ BatchNorm: bn }))).toBe(true);
    expect(outcomeOf('e13-bn-leaks-future', of({ BatchNorm: bn })).value).toBeCloseTo(0.003);
  });
  test('fails when one earlier position does not change (enough)', () => {
    const a = clone(bn);
    a.laterToken[4] = 5e-4;
    expect(holds('e13-bn-leaks-future', of({ BatchNorm: a }))).toBe(false);
  });
  test('fails on LayerNorm, whose earlier positions do not change', () => {
    expect(holds('e13-bn-leaks-future', of({ LayerNorm: ln }))).toBe(false);
  });
});

describe('e13-bn-worse-alone', () => {
  test('holds when the trained model is below 1 nat in batches and more than 10% higher alone; its figure is the ratio', () => {
    expect(holds('e13-bn-worse-alone', of({ BatchNorm: bn }))).toBe(true);
    expect(outcomeOf('e13-bn-worse-alone', of({ BatchNorm: bn })).value).toBeCloseTo(8);
  });
  test('fails when running alone costs 10% or less', () => {
    expect(holds('e13-bn-worse-alone', of({ BatchNorm: { ...bn, heldOutAlone: 0.054 } }))).toBe(false);
  });
  test('fails when the model has not learned the task in batches', () => {
    expect(holds('e13-bn-worse-alone', of({ BatchNorm: { ...bn, heldOutInBatches: 1.5, heldOutAlone: 3.5 } }))).toBe(false);
  });
  test('fails on LayerNorm (same loss either way) and without training', () => {
    expect(holds('e13-bn-worse-alone', of({ LayerNorm: ln }))).toBe(false);
    const untrained = clone(bn);
    delete untrained.heldOutAlone;
    delete untrained.heldOutInBatches;
    expect(holds('e13-bn-worse-alone', of({ BatchNorm: untrained }))).toBe(false);
  });
});

describe('e13-bn-running-stats', () => {
  test('holds when running statistics bring the one-at-a-time loss within 10% of the batch loss and own statistics do not; its figure is the first ratio', () => {
    expect(holds('e13-bn-running-stats', of({ BatchNorm: bn }))).toBe(true);
    expect(outcomeOf('e13-bn-running-stats', of({ BatchNorm: bn })).value).toBeCloseTo(0.96);
  });
  test('fails when running statistics leave the loss more than 10% higher', () => {
    expect(holds('e13-bn-running-stats', of({ BatchNorm: { ...bn, heldOutRunning: 0.06 } }))).toBe(false);
  });
  test('fails on LayerNorm, where one sequence at a time costs nothing to begin with, and without the measurements', () => {
    expect(holds('e13-bn-running-stats', of({ LayerNorm: { ...ln, heldOutRunning: 0.3 } }))).toBe(false);
    const untrained = clone(bn);
    delete untrained.heldOutRunning;
    expect(holds('e13-bn-running-stats', of({ BatchNorm: untrained }))).toBe(false);
  });
});
