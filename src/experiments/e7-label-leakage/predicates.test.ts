// E7's predicates on synthetic measurements: each holds only where its effect is there.
import { describe, expect, test } from 'vitest';
import { clone, holds, outcomeOf } from '../predicate-testing';
import type { E7Measurements } from './experiment';

const r = (questionLoss: number, teacherForced: number, generated: number) => ({
  trainLoss: [0],
  questionLoss,
  lossByPosition: [0],
  teacherForced,
  generated,
});
const good: E7Measurements = {
  layers: 2,
  width: 32,
  steps: 150,
  lr: 0.003,
  entropyFloor: Math.log(8),
  chance: 0.125,
  results: { correct: r(2.1, 0.99, 0.98), 'no causal mask': r(0.003, 1, 0.9), 'no right shift': r(0.001, 1, 0) },
};

describe('e7-no-mask-leaks', () => {
  test('holds when the unmasked loss is far below the floor and the masked one at it; its figure is the fraction of the floor', () => {
    expect(holds('e7-no-mask-leaks', good)).toBe(true);
    expect(outcomeOf('e7-no-mask-leaks', good).value).toBeCloseTo(0.003 / Math.log(8));
  });
  test('fails when the unmasked model does not beat the floor', () => {
    const bad = clone(good);
    bad.results['no causal mask']!.questionLoss = 2.05;
    expect(holds('e7-no-mask-leaks', bad)).toBe(false);
  });
  test('fails when the masked model leaves the floor', () => {
    const bad = clone(good);
    bad.results['correct']!.questionLoss = 1.5;
    expect(holds('e7-no-mask-leaks', bad)).toBe(false);
  });
});

describe('e7-no-mask-still-generates', () => {
  test('holds when the unmasked model generates at ≥ 0.5, fails below', () => {
    expect(holds('e7-no-mask-still-generates', good)).toBe(true);
    const bad = clone(good);
    bad.results['no causal mask']!.generated = 0.3;
    expect(holds('e7-no-mask-still-generates', bad)).toBe(false);
  });
});

describe('e7-no-shift-copies-input', () => {
  test('holds when the unshifted model copies (low loss, teacher-forced ≥ 0.9) and generates below chance', () => {
    expect(holds('e7-no-shift-copies-input', good)).toBe(true);
    expect(outcomeOf('e7-no-shift-copies-input', good).value).toBe(1);
  });
  test('fails when it has not learned to copy', () => {
    const bad = clone(good);
    bad.results['no right shift']!.teacherForced = 0.5;
    expect(holds('e7-no-shift-copies-input', bad)).toBe(false);
    const high = clone(good);
    high.results['no right shift']!.questionLoss = 1.9;
    expect(holds('e7-no-shift-copies-input', high)).toBe(false);
  });
  test('fails when it generates at or above chance', () => {
    const bad = clone(good);
    bad.results['no right shift']!.generated = 0.6;
    expect(holds('e7-no-shift-copies-input', bad)).toBe(false);
  });
});
