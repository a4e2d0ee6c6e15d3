// E18's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E18Measurements, E18Run } from './experiment';

const run = (trainLoss: number, heldOutLoss: number): E18Run => ({
  steps: [10, 20],
  trainLoss: [2, trainLoss],
  heldOutLoss: [2, heldOutLoss],
  heldOutAccuracy: 0.5,
});
const small: E18Measurements = {
  layers: 2,
  width: 32,
  norm: 'Post-LN',
  trainingSet: 64,
  heldOut: 256,
  steps: 20,
  rate: 0.1,
  runs: { 'no dropout': run(0.05, 2.5), 'dropout on the branch': run(0.3, 1.5) },
};
const deep: E18Measurements = {
  ...small,
  norm: 'Pre-LN',
  layers: 4,
  rate: 0.3,
  runs: { 'dropout on the branch': run(0.8, 1.6), 'dropout on the stream': run(1.8, 2) },
};

describe('e18-dropout-lowers-held-out-loss', () => {
  test('holds when dropout’s held-out loss is below 0.9 of the one without; its figure is that ratio', () => {
    expect(holds('e18-dropout-lowers-held-out-loss', small)).toBe(true);
    expect(outcomeOf('e18-dropout-lowers-held-out-loss', small).value).toBeCloseTo(0.6);
  });
  test('fails when dropout raises the held-out loss, or lowers it by a tenth or less', () => {
    const bad = clone(small);
    bad.runs['dropout on the branch'] = run(0.3, 2.3);
    expect(holds('e18-dropout-lowers-held-out-loss', bad)).toBe(false);
    bad.runs['dropout on the branch'] = run(0.3, 3);
    expect(holds('e18-dropout-lowers-held-out-loss', bad)).toBe(false);
  });
});

describe('e18-small-set-overfits', () => {
  test('holds when the held-out loss without dropout is more than 1 nat above the training-set loss', () => {
    expect(holds('e18-small-set-overfits', small)).toBe(true);
    expect(outcomeOf('e18-small-set-overfits', small).value).toBeCloseTo(2.45);
  });
  test('fails when the gap is 1 nat or less', () => {
    const bad = clone(small);
    bad.runs['no dropout'] = run(0.05, 0.9);
    expect(holds('e18-small-set-overfits', bad)).toBe(false);
  });
});

describe('e18-stream-dropout-fits-worse', () => {
  test('holds when dropout on the stream ends at least 1.75 times the training-set loss on the branch', () => {
    expect(holds('e18-stream-dropout-fits-worse', deep)).toBe(true);
    expect(outcomeOf('e18-stream-dropout-fits-worse', deep).value).toBeCloseTo(2.25);
  });
  test('fails when the two placements end within 1.75 times of each other', () => {
    const bad = clone(deep);
    bad.runs['dropout on the stream'] = run(1.2, 1.7);
    expect(holds('e18-stream-dropout-fits-worse', bad)).toBe(false);
  });
});
