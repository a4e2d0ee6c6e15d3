// E5's predicate on synthetic measurements: it holds only when the residual model reached its target, the median
// deletion is harmless and the worst one is not.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E5Measurements } from './experiment';

const good: E5Measurements = {
  layers: 6,
  width: 32,
  steps: 1000,
  targetLoss: 0.05,
  lr: 0.003,
  withoutResiduals: false,
  chance: 0.125,
  accuracy: { 'residual (Pre-LN)': { stepsToTarget: 125, intact: 1, lesioned: [0.35, 0.64, 0.93, 0.95, 0.99, 0.99], trainLoss: 0.04 } },
};

describe('e5-residual-blocks-deletable', () => {
  test('holds when the median deletion keeps ≥ 75% and the worst costs ≥ 30%; its figure is the median share', () => {
    expect(holds('e5-residual-blocks-deletable', good)).toBe(true);
    expect(outcomeOf('e5-residual-blocks-deletable', good).value).toBeCloseTo(0.94);
  });
  test('fails when the median deletion costs more than 25%', () => {
    const bad = clone(good);
    bad.accuracy['residual (Pre-LN)']!.lesioned = [0.35, 0.5, 0.6, 0.7, 0.99, 0.99];
    expect(holds('e5-residual-blocks-deletable', bad)).toBe(false);
  });
  test('fails when every block is harmless to delete', () => {
    const bad = clone(good);
    bad.accuracy['residual (Pre-LN)']!.lesioned = [0.9, 0.93, 0.95, 0.96, 0.99, 0.99];
    expect(holds('e5-residual-blocks-deletable', bad)).toBe(false);
  });
  test('fails when the model did not reach its target loss', () => {
    const bad = clone(good);
    bad.accuracy['residual (Pre-LN)']!.stepsToTarget = null;
    expect(holds('e5-residual-blocks-deletable', bad)).toBe(false);
  });
});
