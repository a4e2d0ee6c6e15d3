// E19's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E19Measurements, E19Run } from './experiment';

const run = (lateLoss: number, self0: number): E19Run => ({
  loss: Array.from({ length: 20 }, (_, i) => (i < 10 ? 3 : lateLoss)),
  accuracy: 0.9,
  gradientAtInit: { self: [self0, 1], cross: [1, 1], ffn: [1, 1] },
});
const good: E19Measurements = {
  layers: 2,
  width: 32,
  steps: 20,
  lr: 0.003,
  without: 'cross-attention',
  train: true,
  runs: { 'Post-LN (the paper)': run(0.2, 1.5), 'Pre-LN': run(0.1, 1.8), 'no residual around cross-attention': run(0.6, 0.05) },
};

describe('e19-cross-residual-carries-gradient', () => {
  test('holds when block 1’s self-attention gets less than a tenth of the paper’s gradient; its figure is that ratio', () => {
    expect(holds('e19-cross-residual-carries-gradient', good)).toBe(true);
    expect(outcomeOf('e19-cross-residual-carries-gradient', good).value).toBeCloseTo(0.05 / 1.5);
    // untrained (the claim's own setting), it reads the same: the gradients at initialization alone
    const untrained = clone(good);
    untrained.train = false;
    for (const r of Object.values(untrained.runs)) Object.assign(r, { loss: [], accuracy: null });
    expect(outcomeOf('e19-cross-residual-carries-gradient', untrained)).toEqual(outcomeOf('e19-cross-residual-carries-gradient', good));
  });
  test('fails at a tenth or more', () => {
    const bad = clone(good);
    bad.runs['no residual around cross-attention']!.gradientAtInit.self = [0.2, 1];
    expect(holds('e19-cross-residual-carries-gradient', bad)).toBe(false);
  });
});

describe('e19-cross-residual-speeds-training', () => {
  test('holds when the late loss without the residual is at least 1.5 times the paper’s', () => {
    expect(holds('e19-cross-residual-speeds-training', good)).toBe(true);
    expect(outcomeOf('e19-cross-residual-speeds-training', good).value).toBeCloseTo(3);
  });
  test('fails below 1.5 times, and reads the late steps only', () => {
    const bad = clone(good);
    bad.runs['no residual around cross-attention'] = run(0.25, 0.05);
    expect(holds('e19-cross-residual-speeds-training', bad)).toBe(false);
  });
});

describe('e19-pre-ln-ahead-after-50-steps', () => {
  test('holds when Pre-LN’s late loss is below 0.8 times Post-LN’s', () => {
    expect(holds('e19-pre-ln-ahead-after-50-steps', good)).toBe(true);
    expect(outcomeOf('e19-pre-ln-ahead-after-50-steps', good).value).toBeCloseTo(0.5);
  });
  test('fails at 0.8 times or more', () => {
    const bad = clone(good);
    bad.runs['Pre-LN'] = run(0.18, 1.8);
    expect(holds('e19-pre-ln-ahead-after-50-steps', bad)).toBe(false);
  });
});
